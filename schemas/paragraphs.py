"""Contract for the paragraphs table."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas import fields as f


class ParagraphsSchema(f.Span):
    """One row per paragraph of a document's text: a heading or a block of body text."""

    paragraph_id: pl.String = f.child_id("p", metadata=f.ID_FOLLOWS_FROM_DOC_AND_POSITION)
    position: pl.Int32 = f.count()
    kind: f.PARAGRAPH_KIND
    n_sentences: pl.Int32 = f.count()
    n_words: pl.Int32 = f.count(gt=0)

    class Config:
        strict = True

    @pa.dataframe_check
    def id_is_doc_and_position(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(f.id_is_doc_and_position("paragraph_id", "p"))

    @pa.dataframe_check
    def text_is_trimmed(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select((pl.col("text") == pl.col("text").str.strip_chars()).fill_null(False))
