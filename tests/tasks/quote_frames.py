"""Quotes of a short text for the quotes modules' tests: the text is framed into documents, paragraphs and
sentences as the pipeline frames it (the dev-set scorer's `frames_from_texts`), extracted, and held to the
quotes contract, so that every rule test also checks the table it makes."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devsets"))
from quotes_scoring import frames_from_texts  # noqa: E402

from schemas.quotes import QuotesSchema, check_quotes_against  # noqa: E402
from tasks.quotes import extract_quotes  # noqa: E402


def run(*paragraphs: str) -> pl.DataFrame:
    """The quotes of one document made of `paragraphs`, validated against the schema and the document."""
    documents, paras, sentences = frames_from_texts({"0123456789abcdef": "\n\n".join(paragraphs)})
    quotes = extract_quotes(documents, paras, sentences)
    QuotesSchema.validate(quotes)
    assert check_quotes_against(quotes, documents, paras).is_empty()
    return quotes


def indirect(*paragraphs: str) -> list[tuple]:
    """(text, speaker, cue) of the indirect quotes."""
    q = run(*paragraphs).filter(pl.col("quote_type") == "indirect")
    return list(q.select("text", "speaker", "cue").iter_rows())
