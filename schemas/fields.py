"""Fields shared by several tables, defined once.

Each function returns a fresh `pa.Field` (a field object belongs to one model), and the small
base models carry the columns that several tables have in common.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

DOC_ID_PATTERN = r"^[0-9a-f]{16}$"
PARAGRAPH_KIND = pl.Enum(["heading", "body"])
REJECT_REASONS = pl.Enum([
    "empty", "binary", "undecodable", "no_body", "duplicate", "malformed_record", "unreadable",
    "too_large", "symlink_outside",
])


def doc_id(**kwargs) -> pa.Field:
    """16 hex digits of the SHA-256 of the cleaned document text."""
    return pa.Field(str_matches=DOC_ID_PATTERN, **kwargs)


def child_id(letter: str, **kwargs) -> pa.Field:
    """`<doc_id>-<letter><n>`: paragraph (p), sentence (s), quote (q), claim (c) ids."""
    return pa.Field(str_matches=rf"^[0-9a-f]{{16}}-{letter}\d+$", unique=True, **kwargs)


def offset(**kwargs) -> pa.Field:
    """A 0-based character offset into `documents.text`."""
    return pa.Field(ge=0, **kwargs)


def count(**kwargs) -> pa.Field:
    return pa.Field(ge=0, **kwargs)


def source_path(**kwargs) -> pa.Field:
    """Input file relative to the raw folder, with POSIX separators; never absolute."""
    return pa.Field(str_length={"min_value": 1}, **kwargs)


# Metadata for a child id that the model's `id_is_doc_and_position` check holds equal to
# `<doc_id>-<letter><position>`: with doc_id matching DOC_ID_PATTERN and position a count (both
# checked by the same model), that equality already gives the id its `child_id` pattern, so a
# passing frame is not scanned for the pattern a second time (see `contracts._follows_from`).
ID_FOLLOWS_FROM_DOC_AND_POSITION = {"str_matches_follows_from": "id_is_doc_and_position"}


def id_is_doc_and_position(id_column: str, letter: str) -> pl.Expr:
    """`<doc_id>-<letter><position>`: the id says where its row stands (a check's expression)."""
    expected = pl.format(f"{{}}-{letter}{{}}", "doc_id", "position")
    return (pl.col(id_column) == expected).fill_null(False)


class Span(pa.DataFrameModel):
    """Columns of every row that points at a stretch of a document's text."""

    doc_id: pl.String = doc_id()
    char_start: pl.Int32 = offset()
    char_end: pl.Int32 = offset()
    text: pl.String

    @pa.dataframe_check
    def span_is_not_empty(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("char_end") > pl.col("char_start")).fill_null(False))

    @pa.dataframe_check
    def text_length_matches_span(cls, data) -> pl.LazyFrame:
        size = pl.col("char_end") - pl.col("char_start")
        return data.lazyframe.select((pl.col("text").str.len_chars() == size).fill_null(False))
