"""One shard of inputs through every step, with the contract of each stage boundary.

This is wiring only: each step is a task function from `tasks/`, each boundary a model from
`schemas/`. It has no Prefect in it so that it can run (and be tested) anywhere; the flow runs
one of these per shard.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from schemas.contracts import ContractViolation, cross_table_failures, schema_failures
from schemas.documents import CleanDocumentsSchema, DocumentsSchema
from schemas.paragraphs import ParagraphsSchema
from schemas.rejected import RecordsSchema, RejectedSchema
from schemas.sentences import SentencesSchema
from tasks.clean import clean_documents, reject_duplicates
from tasks.ingest import parse_records
from tasks.segment import count_sentences, segment_paragraphs, segment_sentences

TABLES = ("documents", "paragraphs", "sentences", "rejected")


@dataclass
class ShardTables:
    documents: pl.DataFrame
    paragraphs: pl.DataFrame
    sentences: pl.DataFrame
    rejected: pl.DataFrame

    def as_dict(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}


def _enforce(stage: str, checks: list[pl.DataFrame]) -> None:
    failures = pl.concat(checks)
    if failures.height:
        raise ContractViolation(stage, failures)


def rejected_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("reject_reason").is_not_null()).select(
        "source_path", "source_id", reason="reject_reason", detail="reject_detail"
    )


def document_counts(documents: pl.DataFrame, paragraphs: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Documents as written: the counts of their rows in the other tables, no working columns."""
    per_doc = [
        paragraphs.group_by("doc_id").agg(n_paragraphs=pl.len().cast(pl.Int32)),
        sentences.group_by("doc_id").agg(n_sentences=pl.len().cast(pl.Int32)),
    ]
    out = documents.drop("paragraph_kinds")
    for counts in per_doc:
        out = out.join(counts, on="doc_id", how="left", maintain_order="left")
    return out.with_columns(pl.col("n_paragraphs", "n_sentences").fill_null(0)).select(list(DocumentsSchema.to_schema().columns))


def build_shard(files: pl.DataFrame) -> ShardTables:
    """Files (`source_path`, `raw`, `read_error`) to the tables; raises ContractViolation."""
    records = parse_records(files)
    _enforce("ingest", [schema_failures("ingest", "records", RecordsSchema, records)])

    cleaned = reject_duplicates(clean_documents(records))
    documents = cleaned.filter(pl.col("reject_reason").is_null()).drop("reject_reason", "reject_detail")
    rejected = rejected_rows(cleaned)
    _enforce("clean", [schema_failures("clean", "clean_documents", CleanDocumentsSchema, documents)])

    paragraphs = segment_paragraphs(documents)
    sentences = segment_sentences(paragraphs)
    paragraphs = count_sentences(paragraphs, sentences)
    documents = document_counts(documents, paragraphs, sentences)
    _enforce("segment", [
        schema_failures("segment", "paragraphs", ParagraphsSchema, paragraphs),
        schema_failures("segment", "sentences", SentencesSchema, sentences),
        schema_failures("segment", "documents", DocumentsSchema, documents),
        schema_failures("segment", "rejected", RejectedSchema, rejected.with_columns(
            pl.col("reason").cast(RejectedSchema.to_schema().columns["reason"].dtype.type))),
        cross_table_failures("segment", documents, paragraphs, sentences),
    ])
    return ShardTables(documents, paragraphs, sentences, rejected)
