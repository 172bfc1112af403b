"""Numeric claims of a short text for the claims tests: the text is cut into sentences as the pipeline cuts
it (the dev-set scorer's `sentences_for`) and run through `extract_numeric_claims`."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devsets" / "claims"))
from scoring import sentences_for  # noqa: E402

from tasks.numeric_claims import extract_numeric_claims  # noqa: E402


def claims_of(text: str, quotes: pl.DataFrame | None = None) -> pl.DataFrame:
    _, sentences = sentences_for({"t": text})
    return extract_numeric_claims(sentences, quotes)


def one(text: str) -> dict:
    """The text's only claim, as a dict (fails when it has none or several)."""
    rows = claims_of(text).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]
