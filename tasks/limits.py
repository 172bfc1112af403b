"""Input limits (docs/limits.md): past them an input is rejected as `too_large`, or (lines) broken
up, so that no later stage meets an input it cannot finish in reasonable time and memory."""

from __future__ import annotations

import re

import polars as pl

MAX_ARTICLE_CHARS = 1_000_000  # ten times the longest long-read; anything bigger is not one article
MAX_HTML_CHARS = 5_000_000  # an HTML page, markup included, before trafilatura reads it
MAX_LINE_CHARS = 10_000  # one line is one paragraph; real paragraphs stay under ~3,000 characters
# Where a too-long line is broken: after a sentence end, else at a space (never inside a word if it can be helped).
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")
_SPACE = re.compile(r"\s+")


def _split_line(line: str) -> list[str]:
    """A line longer than MAX_LINE_CHARS as pieces that are not: each cut after the last sentence
    end in the second half of its window, else at the last space there, else at the limit."""
    pieces, at = [], 0
    while len(line) - at > MAX_LINE_CHARS:
        window_end = at + MAX_LINE_CHARS
        half = at + MAX_LINE_CHARS // 2
        ends = list(_SENTENCE_END.finditer(line, half, window_end))
        spaces = list(_SPACE.finditer(line, half, window_end)) if not ends else []
        if ends:
            piece_end, rest = ends[-1].start() + len(ends[-1].group().rstrip()), ends[-1].end()
        elif spaces:
            piece_end, rest = spaces[-1].start(), spaces[-1].end()
        else:
            piece_end = rest = window_end
        pieces.append(line[at:piece_end])
        at = rest
    return pieces + [line[at:]]


def _within_limits(row: dict) -> dict:
    """The record, rejected when its text is over MAX_ARTICLE_CHARS, its long lines broken up."""
    body = row["body"]
    if body is None or len(body) <= MAX_LINE_CHARS:
        return row
    if len(body) > MAX_ARTICLE_CHARS:
        kept = {"source_path", "source_id", "format"}
        return {**{name: value if name in kept else None for name, value in row.items()},
                "reject_reason": "too_large",
                "reject_detail": f"the article has {len(body):,} characters, over the limit of "
                                 f"{MAX_ARTICLE_CHARS:,} characters per article"}
    lines = body.split("\n")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        row["body"] = "\n".join(piece for line in lines for piece in _split_line(line))
    return row


def all_within_limits(records: pl.DataFrame) -> pl.DataFrame:
    """`records` (from ingest) with `_within_limits` applied to the few long enough to need it."""
    indexed = records.with_row_index("_at")
    long = (pl.col("body").str.len_chars() > MAX_LINE_CHARS).fill_null(False)
    rows = [{"_at": row.pop("_at"), **_within_limits(row)} for row in indexed.filter(long).iter_rows(named=True)]
    if not rows:
        return records
    fixed = pl.DataFrame(rows, schema=indexed.schema, orient="row")
    return pl.concat([indexed.filter(~long), fixed]).sort("_at").drop("_at")
