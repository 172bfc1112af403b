"""The quotes contract on all of Reuters-21578 (research-only corpus in ../shared, never copied here).

Real wire text broke the contract that the dev set never did (speakers with parentheticals such as
"Corp (CMB) president"); this runs segmentation + extract_quotes on the 19,043 articles and expects
the frame-level schema and the cross-table checks to find nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import json

import polars as pl
import pytest

from schemas.quotes import QuotesSchema, check_quotes_against
from tasks.quotes import extract_quotes
from tasks.segment import segment_paragraphs, segment_sentences
from tests.conftest import shared_path


@pytest.mark.slow
def test_reuters_quotes_meet_the_contract():
    corpus = shared_path("corpora", "reuters21578", "articles.jsonl.gz")
    rows = [json.loads(line) for line in gzip.open(corpus, "rt", encoding="utf-8")]
    # doc ids in the pipeline's shape (16 hex digits), which the contract checks
    ids = [hashlib.sha1(r["id"].encode()).hexdigest()[:16] for r in rows]
    documents = pl.DataFrame({"doc_id": ids, "text": [r["text"].strip() for r in rows]})
    # Reuters has no in-body headings, so every paragraph is body (the kinds cleaning would give)
    kinds = pl.col("text").str.split("\n\n").list.eval(pl.lit("body")).alias("paragraph_kinds")
    paragraphs = segment_paragraphs(documents.with_columns(kinds))
    sentences = segment_sentences(paragraphs)

    quotes = extract_quotes(documents, paragraphs, sentences)

    assert quotes.height > 40_000  # the corpus has ~48k quotes, nearly all indirect
    QuotesSchema.validate(quotes, lazy=True)
    failures = check_quotes_against(quotes, documents, paragraphs)
    assert failures.is_empty(), failures.select("quote_id", "check", "speaker", "speaker_start", "speaker_end").head(20)
