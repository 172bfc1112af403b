"""Contract for the numeric_claims table, plus the cross-table checks a frame-level model cannot
express (text against the document, claim inside its sentence, no overlaps)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields as f
from schemas.contracts import in_document_order, run_starts, slice_equals, with_document_text

QUALIFIERS = ["exact", "approximately", "at_least", "more_than", "at_most", "less_than", "nearly"]
TRENDS = ["up", "down"]
KINDS = ["count", "money", "percent", "measure", "duration", "age"]


class NumericClaimsSchema(f.Span):
    """One row per numeric claim: a quantity (count, money, percent, measure, duration, age) an
    article asserts, with its span in `documents.text`, normalised value, qualifier, trend, unit
    and counted object."""

    claim_id: pl.String = f.child_id("c")
    paragraph_id: pl.String = pa.Field(str_matches=r"^[0-9a-f]{16}-p\d+$")
    sentence_id: pl.String = pa.Field(str_matches=r"^[0-9a-f]{16}-s\d+$")
    value: pl.Float64
    value_max: pl.Float64 = pa.Field(nullable=True)
    value_text: pl.String = pa.Field(str_length={"min_value": 1})
    qualifier: pl.Enum(QUALIFIERS)
    trend: pl.Enum(TRENDS) = pa.Field(nullable=True)
    unit: pl.String = pa.Field(nullable=True, str_length={"min_value": 1})
    object: pl.String = pa.Field(nullable=True, str_length={"min_value": 1})
    kind: pl.Enum(KINDS)
    quote_id: pl.String = pa.Field(nullable=True, str_matches=r"^[0-9a-f]{16}-q\d+$")

    class Config:
        strict = True

    @pa.dataframe_check
    def value_is_finite(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("value").is_finite().fill_null(False))

    @pa.dataframe_check
    def value_max_not_below_value(cls, data) -> pl.LazyFrame:
        ok = pl.col("value_max").is_null() | (pl.col("value_max") >= pl.col("value"))
        return data.lazyframe.select(ok.fill_null(False))

    @pa.dataframe_check
    def ids_belong_to_document(cls, data) -> pl.LazyFrame:
        doc = pl.col("doc_id")
        ok = (pl.col("claim_id").str.starts_with(doc) & pl.col("sentence_id").str.starts_with(doc)
              & pl.col("paragraph_id").str.starts_with(doc))
        return data.lazyframe.select(ok.fill_null(False))

    @pa.dataframe_check
    def value_text_inside_text(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("text").str.contains(pl.col("value_text"), literal=True).fill_null(False))

    @pa.dataframe_check
    def unit_matches_kind(cls, data) -> pl.LazyFrame:
        # plain counts have no unit; every other kind names one
        ok = (pl.col("kind") == "count") == pl.col("unit").is_null()
        return data.lazyframe.select(ok.fill_null(False))


# With `check_claims_against` passing on sentences that met their contract, a claim's ids have
# their patterns: its sentence_id is a checked sentence's (`inside_sentence` fails a claim whose
# sentence is missing), its paragraph_id that sentence's paragraph_id, and its claim_id is
# `<doc_id>-c<rank>` (`claim_id_in_document_order`) with a doc_id this model checks.
# `schema_failures(..., settled=...)` then need not scan for them again.
SETTLED_BY_CROSS_CHECKS = ("claim_id", "sentence_id", "paragraph_id")


def check_claims_against(claims: pl.DataFrame, documents: pl.DataFrame,
                         sentences: pl.DataFrame) -> pl.DataFrame:
    """Claims that break a cross-table rule, one row per (claim, broken rule), with a `check`
    column: `text_is_document_slice`, `inside_sentence`, `overlaps_previous_claim`,
    `claim_id_in_document_order`. Empty when everything holds."""
    doc = with_document_text(claims, documents)
    slice_ok = slice_equals("char_start", "char_end", "text").fill_null(False)
    bad_text = doc.filter(~slice_ok).select(claims.columns).with_columns(
        check=pl.lit("text_is_document_slice"))

    sent = claims.join(
        sentences.select("sentence_id", s_start="char_start", s_end="char_end",
                         s_paragraph="paragraph_id"),
        on="sentence_id", how="left")
    inside = ((pl.col("char_start") >= pl.col("s_start")) & (pl.col("char_end") <= pl.col("s_end"))
              & (pl.col("paragraph_id") == pl.col("s_paragraph"))).fill_null(False)
    bad_sent = sent.filter(~inside).select(claims.columns).with_columns(
        check=pl.lit("inside_sentence"))

    # Sorted, a document's claims are adjacent: "the previous claim of the document" and "the
    # claim's rank in it" are a shift and a row count from the document's first row (windows
    # over doc_id computed the same with a hash grouping, several times slower).
    ordered = in_document_order(claims)
    row = pl.int_range(pl.len())
    first = run_starts(pl.col("doc_id"))
    ordered = ordered.with_columns(_first=first).with_columns(
        _rank=row - pl.when("_first").then(row).forward_fill())
    prev_end = pl.when(~pl.col("_first")).then(pl.col("char_end").shift(1))
    bad_overlap = ordered.filter((pl.col("char_start") < prev_end).fill_null(False)).with_columns(
        check=pl.lit("overlaps_previous_claim"))
    expected_id = pl.format("{}-c{}", "doc_id", "_rank")
    bad_order = ordered.filter(pl.col("claim_id") != expected_id).with_columns(
        check=pl.lit("claim_id_in_document_order"))
    return pl.concat([bad_text, bad_sent, bad_overlap.drop("_first", "_rank"), bad_order.drop("_first", "_rank")],
                     how="vertical_relaxed")
