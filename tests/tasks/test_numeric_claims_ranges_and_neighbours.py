"""Ranges that are really changes, and numbers that share a currency word (found on Reuters)."""

import polars as pl

from schemas.contracts import schema_failures
from schemas.numeric_claims import NumericClaimsSchema, check_claims_against
from tasks.numeric_claims import extract_numeric_claims
from tasks.segment import segment_paragraphs, segment_sentences

DOC = "0123456789abcdef"


def claims(text: str):
    docs = pl.DataFrame({"doc_id": [DOC], "text": [text]})
    sentences = segment_sentences(segment_paragraphs(docs))
    out = extract_numeric_claims(sentences)
    assert schema_failures("t", "numeric_claims", NumericClaimsSchema, out).height == 0
    assert check_claims_against(out, docs, sentences).height == 0
    return out


def test_a_year_never_starts_a_range():
    out = claims("Output rose from 1985 to 119.3 billion yuan in the period.")
    assert out["value_max"].is_null().all()
    assert 119.3e9 in out["value"].to_list()


def test_a_falling_pair_is_a_change_not_a_range():
    out = claims("Reserves fell from 400 mln to 300 mln dlrs last year.")
    row = out.row(0, named=True)
    assert row["value_max"] is None and row["value"] == 300e6 and row["trend"] == "down"


def test_a_unit_after_a_range_does_not_inflate_the_lower_end():
    row = claims("Sales rose from 380,000 to 12.11 mln units.").row(0, named=True)
    assert row["value"] <= row["value_max"]


def test_a_currency_word_between_two_numbers_is_not_shared():
    out = claims("The dollar was quoted at 6.0612 YEN 145.15 STG 1.6198 in early trade.")
    ends = list(zip(out["char_start"], out["char_end"]))
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ends, ends[1:]))
