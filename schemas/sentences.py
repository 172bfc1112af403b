"""Contract for the sentences table."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields as f


# A sentence's paragraph_id that `contracts.cross_table_failures` finds in the paragraphs (its
# `inside_its_paragraph` fails a sentence whose paragraph is missing) is the id of a paragraph
# that met `ParagraphsSchema`, `<doc_id>-p<position>`: with both passing, it has the pattern
# below, and `schema_failures(..., settled=...)` need not scan for it again.
SETTLED_BY_PARAGRAPHS = ("paragraph_id",)


class SentencesSchema(f.Span):
    """One row per sentence of a document, inside one paragraph."""

    sentence_id: pl.String = f.child_id("s", metadata=f.ID_FOLLOWS_FROM_DOC_AND_POSITION)
    paragraph_id: pl.String = pa.Field(str_matches=r"^[0-9a-f]{16}-p\d+$")
    position: pl.Int32 = f.count()

    class Config:
        strict = True

    @pa.dataframe_check
    def id_is_doc_and_position(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(f.id_is_doc_and_position("sentence_id", "s"))

    @pa.dataframe_check
    def paragraph_is_of_same_document(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("paragraph_id").str.starts_with(pl.col("doc_id")).fill_null(False))
