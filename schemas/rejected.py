"""Contracts for the ingest stage (records) and for the rejected table."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields as f


class RecordsSchema(pa.DataFrameModel):
    """One row per article record read from the raw folder (or per input that cannot be one)."""

    source_path: pl.String = f.source_path()
    source_id: pl.String = pa.Field(nullable=True)
    format: pl.String = pa.Field(isin=["txt", "jsonl", "csv", "html"])
    encoding: pl.String = pa.Field(nullable=True)
    body: pl.String = pa.Field(nullable=True)
    given_title: pl.String = pa.Field(nullable=True)
    given_subtitle: pl.String = pa.Field(nullable=True)
    given_section: pl.String = pa.Field(nullable=True)
    given_authors: pl.List(pl.String) = pa.Field(nullable=True)
    given_published: pl.String = pa.Field(nullable=True)
    given_dateline: pl.String = pa.Field(nullable=True)
    given_outlet: pl.String = pa.Field(nullable=True)
    given_url: pl.String = pa.Field(nullable=True)
    reject_reason: pl.String = pa.Field(nullable=True, isin=f.REJECT_REASONS.categories.to_list())
    reject_detail: pl.String = pa.Field(nullable=True)

    class Config:
        strict = True

    @pa.dataframe_check
    def body_or_reason(cls, data) -> pl.LazyFrame:
        """Exactly one of: a body to clean, or a reason it was rejected (with its detail)."""
        has_body = pl.col("body").is_not_null()
        has_reason = pl.col("reject_reason").is_not_null() & pl.col("reject_detail").is_not_null()
        return data.lazyframe.select((has_body != has_reason).fill_null(False))


class RejectedSchema(pa.DataFrameModel):
    """One row per input (file or record) that did not become a document, with the reason why."""

    source_path: pl.String = f.source_path()
    source_id: pl.String = pa.Field(nullable=True)
    reason: f.REJECT_REASONS
    detail: pl.String = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
