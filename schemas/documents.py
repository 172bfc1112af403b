"""Contracts for documents: after cleaning (a stage boundary) and as written."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields as f


class _DocumentColumns(pa.DataFrameModel):
    """Columns a document has from cleaning on."""

    doc_id: pl.String = f.doc_id(unique=True)
    source_path: pl.String = f.source_path()
    source_id: pl.String
    title: pl.String = pa.Field(nullable=True)
    subtitle: pl.String = pa.Field(nullable=True)
    section: pl.String = pa.Field(nullable=True)
    authors: pl.List(pl.String)
    published_date: pl.Date = pa.Field(nullable=True)
    published_at: pl.Datetime("us") = pa.Field(nullable=True)
    dateline: pl.String = pa.Field(nullable=True)
    outlet: pl.String = pa.Field(nullable=True)
    url: pl.String = pa.Field(nullable=True)
    language: pl.String = pa.Field(str_length={"min_value": 2, "max_value": 3})
    text: pl.String = pa.Field(str_length={"min_value": 1})
    n_words: pl.Int32 = f.count(gt=0)
    n_removed_lines: pl.Int32 = f.count()
    n_duplicate_paragraphs: pl.Int32 = f.count()

    class Config:
        strict = True

    @pa.dataframe_check
    def text_has_no_empty_paragraph(cls, data) -> pl.LazyFrame:
        # `\n\n\n|^\s|\s$|\n\n\s|\s\n\n`, a regex at a time (the `\n\n\n` is a `\n\n\s`), with the
        # space before a break split into its ASCII and other characters: so each scan starts
        # from a literal or an anchor (42 -> 15 ms on Reuters documents)
        text = pl.col("text").str
        bad = (text.contains(r"^\s") | text.contains(r"\s$") | text.contains(r"\n\n\s")
               | text.contains(r"(?-u:\s)\n\n") | text.contains(r"[\s&&[^\x00-\x7f]]\n\n"))
        return data.lazyframe.select((~bad).fill_null(False))

    @pa.dataframe_check
    def published_at_is_on_published_date(cls, data) -> pl.LazyFrame:
        same_day = pl.col("published_at").dt.date() == pl.col("published_date")
        return data.lazyframe.select((pl.col("published_at").is_null() | same_day).fill_null(False))


class CleanDocumentsSchema(_DocumentColumns):
    """One row per accepted article after cleaning, before segmentation.

    `paragraph_kinds` holds the kind of each paragraph of `text` (split on blank lines) and
    `paragraph_words` its number of words; both are consumed by segmentation and not written.
    """

    paragraph_kinds: pl.List(f.PARAGRAPH_KIND)
    paragraph_words: pl.List(pl.Int32)

    class Config:
        strict = True

    @pa.dataframe_check
    def one_kind_per_paragraph(cls, data) -> pl.LazyFrame:
        paragraphs = pl.col("text").str.count_matches("\n\n") + 1
        return data.lazyframe.select((pl.col("paragraph_kinds").list.len() == paragraphs).fill_null(False))

    @pa.dataframe_check
    def paragraph_words_add_up(cls, data) -> pl.LazyFrame:
        """A positive count per paragraph (as many as kinds), together the document's `n_words`."""
        words = pl.col("paragraph_words")
        ok = ((words.list.len() == pl.col("paragraph_kinds").list.len()) & (words.list.min() > 0)
              & (words.list.sum() == pl.col("n_words")))
        return data.lazyframe.select(ok.fill_null(False))


class DocumentsSchema(_DocumentColumns):
    """One row per accepted article: its cleaned text, metadata and counts of what it holds."""

    n_paragraphs: pl.Int32 = f.count(gt=0)
    n_sentences: pl.Int32 = f.count(gt=0)
    n_quotes: pl.Int32 = f.count()
    n_claims: pl.Int32 = f.count()

    class Config:
        strict = True
