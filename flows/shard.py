"""One shard of inputs through every step, with the contract of each stage boundary.

This is wiring only: each step is a task function from `tasks/`, each boundary a model from
`schemas/`. It has no Prefect in it so that it can run (and be tested) anywhere; the flow runs
one of these per shard.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import polars as pl

from schemas.contracts import (ContractViolation, added_column_failures, count_failures, cross_table_failures,
                               row_counts, rows_as_failures, schema_failures)
from schemas.documents import CleanDocumentsSchema, DocumentsSchema
from schemas.numeric_claims import SETTLED_BY_CROSS_CHECKS, NumericClaimsSchema, check_claims_against
from schemas.paragraphs import ParagraphsSchema
from schemas.quotes import QuotesSchema, check_quotes_against
from schemas.rejected import RecordsSchema, RejectedSchema
from schemas.sentences import SETTLED_BY_PARAGRAPHS, SentencesSchema
from tasks.clean import clean_documents, reject_duplicates
from tasks.ingest import parse_records
from tasks.numeric_claims import extract_numeric_claims
from tasks.quotes import extract_quotes
from tasks.segment import count_sentences, segment_paragraphs, segment_sentences

TABLES = ("documents", "paragraphs", "sentences", "quotes", "numeric_claims", "rejected")
_REASON = RejectedSchema.to_schema().columns["reason"].dtype.type


@dataclass
class ShardTables:
    documents: pl.DataFrame
    paragraphs: pl.DataFrame
    sentences: pl.DataFrame
    quotes: pl.DataFrame
    numeric_claims: pl.DataFrame
    rejected: pl.DataFrame

    def as_dict(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}


def _enforce(stage: str, checks: list[pl.DataFrame]) -> None:
    failures = pl.concat(checks)
    if failures.height:
        raise ContractViolation(stage, failures)


def rejected_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("reject_reason").is_not_null()).select(
        "source_path", "source_id", reason=pl.col("reject_reason").cast(_REASON), detail="reject_detail"
    )


def document_counts(documents: pl.DataFrame, **tables: pl.DataFrame) -> pl.DataFrame:
    """Documents as written: `n_<table>` counts of their rows in the other tables, no working columns."""
    # One lazy query: as eager steps (a dozen), each cost more to plan than to run on a small shard.
    out = documents.lazy().drop("paragraph_kinds")
    for column, rows in tables.items():
        out = out.join(row_counts(rows, column), on="doc_id", how="left", maintain_order="left").with_columns(
            pl.col(column).fill_null(0))
    return out.select(list(DocumentsSchema.to_schema().columns)).collect(engine="in-memory")


class StageClock:
    """Seconds spent per stage, summed over shards (for the benchmarks)."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def build_shard(files: pl.DataFrame, clock: StageClock | None = None,
                on_cleaned: Callable[[pl.DataFrame], None] | None = None) -> ShardTables:
    """Files (`source_path`, `raw`, `read_error`) to the tables; raises ContractViolation.

    `on_cleaned`, if given, is called with the documents once they pass the clean contract (the flow
    registers them there for the other shards: see `flows/worker.py`).
    """
    clock = clock or StageClock()
    with clock.stage("ingest"):
        records = parse_records(files)
    with clock.stage("contracts"):
        _enforce("ingest", [schema_failures("ingest", "records", RecordsSchema, records)])

    with clock.stage("clean"):
        cleaned = reject_duplicates(clean_documents(records))
        documents = cleaned.filter(pl.col("reject_reason").is_null()).drop("reject_reason", "reject_detail")
        rejected = rejected_rows(cleaned)
    with clock.stage("contracts"):
        _enforce("clean", [schema_failures("clean", "clean_documents", CleanDocumentsSchema, documents),
                           schema_failures("clean", "rejected", RejectedSchema, rejected)])
    if on_cleaned is not None:
        on_cleaned(documents)

    with clock.stage("segment"):
        paragraphs = segment_paragraphs(documents)
        sentences = segment_sentences(paragraphs)
        paragraphs = count_sentences(paragraphs, sentences)
    with clock.stage("contracts"):
        # The cross-table checks first: passing, with the paragraphs', they settle id patterns of
        # the sentences (`SETTLED_BY_PARAGRAPHS`); failing, every check runs and is reported.
        paragraph_failures = schema_failures("segment", "paragraphs", ParagraphsSchema, paragraphs)
        cross = cross_table_failures("segment", documents, paragraphs, sentences)
        settled = SETTLED_BY_PARAGRAPHS if paragraph_failures.height == 0 and cross.height == 0 else ()
        _enforce("segment", [
            paragraph_failures,
            schema_failures("segment", "sentences", SentencesSchema, sentences, settled),
            cross,
        ])

    with clock.stage("quotes"):
        quotes = extract_quotes(documents, paragraphs, sentences)
    with clock.stage("numeric_claims"):
        claims = extract_numeric_claims(sentences, quotes)
    with clock.stage("contracts"):
        # The sentences passed their contract above: the claims' cross-table checks, passing,
        # settle the claims' id patterns (`SETTLED_BY_CROSS_CHECKS`).
        claim_rows = check_claims_against(claims, documents, sentences)
        _enforce("annotate", [
            schema_failures("annotate", "quotes", QuotesSchema, quotes),
            rows_as_failures("annotate", "quotes", check_quotes_against(quotes, documents, paragraphs)),
            schema_failures("annotate", "numeric_claims", NumericClaimsSchema, claims,
                            SETTLED_BY_CROSS_CHECKS if claim_rows.height == 0 else ()),
            rows_as_failures("annotate", "numeric_claims", claim_rows),
        ])
        documents = document_counts(documents, n_paragraphs=paragraphs, n_sentences=sentences, n_quotes=quotes,
                                    n_claims=claims)
        # `document_counts` only adds the counts to the documents that passed the clean contract
        # (a left join on their unique doc_id): the columns they had are settled.
        _enforce("write", [
            added_column_failures("write", "documents", DocumentsSchema, documents, passed=CleanDocumentsSchema),
            count_failures("write", documents, paragraphs=paragraphs, sentences=sentences, quotes=quotes,
                           claims=claims),
        ])
    return ShardTables(documents, paragraphs, sentences, quotes, claims, rejected)
