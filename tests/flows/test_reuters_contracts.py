"""Every contract holds on a real corpus: all of Reuters-21578 through one shard (slow)."""

from __future__ import annotations

import gzip

import polars as pl
import pytest

from flows.shard import build_shard
from tests.conftest import shared_path

pytestmark = pytest.mark.slow


def test_all_of_reuters_passes_every_stage_contract():
    corpus = shared_path("corpora", "reuters21578", "articles.jsonl.gz")
    lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines()
    chunks = range(0, len(lines), 1000)
    files = pl.DataFrame({"source_path": [f"r{i:05d}.jsonl" for i in chunks],
                          "raw": ["\n".join(lines[i:i + 1000]).encode() for i in chunks],
                          "read_error": [None] * len(chunks)},
                         schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String})
    tables = build_shard(files)  # raises ContractViolation, naming the rows, if any stage breaks
    assert tables.documents.height + tables.rejected.height == len(lines)
    assert set(tables.rejected["reason"].cast(pl.String)) <= {"duplicate", "no_body"}
