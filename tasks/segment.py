"""Segment: documents into paragraphs, paragraphs into sentences, with offsets into `documents.text`.

Sentence splitting is a few regex passes over a whole column. Periods that do not end a sentence
(abbreviations, initials) are first swapped for a one-dot leader, a single character like the
period, so that every offset in the protected text is an offset in the real text; the boundaries
are then marked with a NUL, the text is split on it, and the pieces' lengths give the offsets.
"""

from __future__ import annotations

import polars as pl

from tasks.clean import PARAGRAPH_KIND, PARAGRAPH_SEPARATOR
from tasks.furniture import n_words
from tasks.windows import cum_sum_in, group_starts, position_in

# Abbreviations whose period does not end a sentence. Titles, ranks, months, company forms.
ABBREVIATIONS = (
    "Mr Mrs Ms Mx Dr Prof Gen Lt Col Sgt Cpl Pvt Capt Maj Cmdr Adm Brig Rep Reps Sen Sens Gov Pres Amb "
    "Rev Fr Sr Jr St Ste Hon Supt Insp Det Inc Ltd Co Corp Bros Cos Plc LLC vs etc al approx est dept "
    "Univ Assn Ave Blvd Rd Mt Ft No Nos Vol Fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Gov't"
).split()
_DOT = "\u2024"  # one-dot leader: same length as ".", never a sentence end
_ABBREVIATION = r"\b(" + "|".join(ABBREVIATIONS) + r")\."
_INITIAL = r"\b([A-Z])\."  # U.S., J. Smith, U.N.
_LOWER_ABBREVIATION = r"\b([ap]\.m|e\.g|i\.e|[ap]\.k\.a)\."
# "c. 300", "ca. 1500": circa before a number, lower case only ("C. 300" may end at an initial)
_CIRCA = r"\b(ca?)\.(\s+\d)"
# A sentence ends at . ! ? or an ellipsis, after any closing marks, before space and a capital,
# a digit or an opening mark.
_BOUNDARY = r"([.!?…]+[\"”’'»)\]]*)(\s+)([\"“‘'«(\[]?[A-Z0-9])"


def _sentence_marked(text: pl.Expr) -> pl.Expr:
    return (
        text.str.replace_all(_ABBREVIATION, "${1}" + _DOT)
        .str.replace_all(_LOWER_ABBREVIATION, "${1}" + _DOT)
        .str.replace_all(_CIRCA, "${1}" + _DOT + "${2}")
        .str.replace_all(_INITIAL, "${1}" + _DOT)
        .str.replace_all(_BOUNDARY, "${1}\x00${2}${3}")
    )


def _word_count(text: pl.Expr) -> pl.Expr:
    """`n_words(text)`. Cleaned paragraphs hold single spaces only, so there counting spaces is
    enough (and three times faster); any other text gets the full count."""
    plain = ~text.str.contains(r"[^\S ]|  |^ | $|^$")
    spaces = text.str.count_matches(" ")  # the regex counts faster than the literal search
    rest = n_words(pl.when(plain).then(pl.lit("")).otherwise(text))
    return pl.when(plain).then(spaces + 1).otherwise(rest).cast(pl.Int32)


def segment_paragraphs(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per paragraph: `documents.text` split on blank lines, with its kind and offsets.

    `documents` needs `doc_id` and `text`; `paragraph_kinds` (from cleaning) gives each
    paragraph's kind, and every paragraph is `body` without it. `paragraph_words` (from cleaning),
    if given, is each paragraph's word count; without it (or past its end) the words are counted.
    """
    if "paragraph_kinds" not in documents.columns:
        documents = documents.with_columns(paragraph_kinds=pl.lit(None, dtype=pl.List(PARAGRAPH_KIND)))
    if "paragraph_words" not in documents.columns:
        documents = documents.with_columns(paragraph_words=pl.lit(None, dtype=pl.List(pl.Int32)))
    size = pl.col("text").str.len_chars().cast(pl.Int32)
    step = size + len(PARAGRAPH_SEPARATOR)
    paragraphs = (
        documents.select("doc_id", "paragraph_kinds", "paragraph_words",
                         text=pl.col("text").str.split(PARAGRAPH_SEPARATOR))
        .explode("text")
        # A document's paragraphs are adjacent rows, in order.
        .with_columns(position=position_in("doc_id").cast(pl.Int32))
        .with_columns(
            char_start=(cum_sum_in(step, "doc_id") - step).cast(pl.Int32),
            kind=pl.col("paragraph_kinds").list.get(pl.col("position"), null_on_oob=True),
            words=pl.col("paragraph_words").list.get(pl.col("position"), null_on_oob=True).cast(pl.Int32),
        )
    )
    # Counting is most of this step's cost: only paragraphs without a count from cleaning pay it
    # (the text of the others is emptied for the count, which then costs almost nothing).
    if paragraphs["words"].null_count():
        uncounted = pl.col("words").is_null()
        paragraphs = paragraphs.with_columns(
            words=pl.coalesce("words", _word_count(pl.when(uncounted).then(pl.col("text")).otherwise(pl.lit(""))))
        )
    return paragraphs.select(
        paragraph_id=pl.format("{}-p{}", "doc_id", "position"),
        doc_id="doc_id",
        position="position",
        kind=pl.col("kind").fill_null("body").cast(PARAGRAPH_KIND),
        text="text",
        char_start="char_start",
        char_end=(pl.col("char_start") + size).cast(pl.Int32),
        n_words="words",
    )


def _in_document_order(pieces: pl.DataFrame) -> pl.DataFrame:
    """`pieces.sort("doc_id", "pos", "offset")`. Paragraphs from `segment_paragraphs` give each
    document as one run of rows already in (pos, offset) order; then only the runs move, by one
    gather in doc_id order (half the time of sorting every row on three keys). Any other frame
    is sorted."""
    start = group_starts("doc_id")
    later = (pl.col("pos") > pl.col("pos").shift(1)) | ((pl.col("pos") == pl.col("pos").shift(1))
                                                        & (pl.col("offset") > pl.col("offset").shift(1)))
    runs = pieces.select(row=pl.int_range(pl.len(), dtype=pl.UInt32), doc_id="doc_id", start=start,
                         ordered=start | later.fill_null(False))
    if not runs["ordered"].all():
        return pieces.sort("doc_id", "pos", "offset")
    runs = runs.filter("start")
    if runs["doc_id"].is_duplicated().any():
        return pieces.sort("doc_id", "pos", "offset")
    runs = runs.with_columns(end=pl.col("row").shift(-1).fill_null(pieces.height)).sort("doc_id")
    order = runs.select(pl.int_ranges("row", "end", dtype=pl.UInt32).explode()).to_series()
    return pieces[order]


def segment_sentences(paragraphs: pl.DataFrame) -> pl.DataFrame:
    """One row per sentence, in document order, with offsets into `documents.text`."""
    dotted = pl.col("text").str.contains(_DOT, literal=True)
    pieces = (
        paragraphs.select("doc_id", "paragraph_id", pos="position", para_start="char_start", dotted=dotted,
                          # Only a paragraph that holds a one-dot leader of its own needs slicing for
                          # its sentences' text; slicing every paragraph is quadratic in its length.
                          # The others are emptied, not nulled: `str.slice` also runs over the strings
                          # that `pl.when(...).then(...)` keeps under its nulls.
                          para=pl.when(dotted).then("text").otherwise(pl.lit("")),
                          piece=_sentence_marked(pl.col("text")).str.split("\x00"))
        .explode("piece")
        .with_columns(size=pl.col("piece").str.len_chars().cast(pl.Int32))
        # A paragraph's pieces are adjacent rows, in order.
        .with_columns(offset=(cum_sum_in(pl.col("size"), "paragraph_id") - pl.col("size")).cast(pl.Int32))
        .with_columns(
            local_start=pl.col("offset") + pl.col("size")
            - pl.col("piece").str.strip_chars_start().str.len_chars().cast(pl.Int32),
            local_end=pl.col("offset") + pl.col("piece").str.strip_chars_end().str.len_chars().cast(pl.Int32),
        )
        .filter(pl.col("local_end") > pl.col("local_start"))
    )
    pieces = _in_document_order(pieces).with_columns(position=position_in("doc_id").cast(pl.Int32))
    return pieces.select(
        sentence_id=pl.format("{}-s{}", "doc_id", "position"),
        doc_id="doc_id",
        paragraph_id="paragraph_id",
        position="position",
        char_start=(pl.col("para_start") + pl.col("local_start")).cast(pl.Int32),
        char_end=(pl.col("para_start") + pl.col("local_end")).cast(pl.Int32),
        text=pl.when("dotted").then(pl.col("para").str.slice(pl.col("local_start"), pl.col("local_end") - pl.col("local_start")))
        .otherwise(pl.col("piece").str.replace_all(_DOT, ".", literal=True).str.strip_chars()),
    )


def count_sentences(paragraphs: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """`paragraphs` with `n_sentences` filled in from `sentences`."""
    counts = sentences.group_by("paragraph_id").agg(n_sentences=pl.len().cast(pl.Int32))
    return (
        paragraphs.join(counts, on="paragraph_id", how="left", maintain_order="left")
        .with_columns(pl.col("n_sentences").fill_null(0))
        .select("paragraph_id", "doc_id", "position", "kind", "text", "char_start", "char_end",
                "n_sentences", "n_words")
    )
