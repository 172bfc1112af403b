"""The numeric_claims contract accepts the extractor's output and rejects bad frames."""

from __future__ import annotations

import sys
from pathlib import Path

import pandera.errors
import polars as pl
import pytest

from schemas.numeric_claims import NumericClaimsSchema, check_claims_against
from tasks.numeric_claims import extract_numeric_claims

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devsets" / "claims"))
from scoring import sentences_for  # noqa: E402

TEXT = ("At least five U.S. personnel were hurt.\n\n"
        "Iraq hosts approximately 2,500 U.S. troops and spent $1.13bn, up 5%.")


@pytest.fixture()
def good():
    docs, sentences = sentences_for({"t": TEXT})
    return docs, sentences, extract_numeric_claims(sentences)


def test_extractor_output_passes(good):
    docs, sentences, claims = good
    assert claims.height == 4
    NumericClaimsSchema.validate(claims, lazy=True)
    assert check_claims_against(claims, docs, sentences).height == 0


@pytest.mark.parametrize("breakage", [
    lambda c: c.with_columns(char_end=pl.col("char_start")),
    lambda c: c.with_columns(value_max=pl.col("value") - 1),
    lambda c: c.with_columns(claim_id=pl.lit(c["claim_id"][0])),
    lambda c: c.with_columns(unit=pl.lit(None, pl.String)),
    lambda c: c.with_columns(value=pl.lit(float("inf"))),
    lambda c: c.with_columns(qualifier=pl.lit("lots")),
])
def test_bad_frames_fail(good, breakage):
    with pytest.raises((pandera.errors.SchemaError, pandera.errors.SchemaErrors)):
        NumericClaimsSchema.validate(breakage(good[2]), lazy=True)


def test_cross_table_checks(good):
    docs, sentences, claims = good
    shifted = claims.with_columns(char_start=pl.col("char_start") + 1, char_end=pl.col("char_end") + 1)
    assert "text_is_document_slice" in check_claims_against(shifted, docs, sentences)["check"].to_list()
    moved = claims.with_columns(sentence_id=pl.lit(sentences["sentence_id"][0]))
    assert "inside_sentence" in check_claims_against(moved, docs, sentences)["check"].to_list()
    overlap = claims.with_columns(char_end=pl.col("char_end") + 1000)
    assert "overlaps_previous_claim" in check_claims_against(overlap, docs, sentences)["check"].to_list()
