"""Character-level normalisation shared by every input format."""

from __future__ import annotations

import polars as pl

# Zero-width and invisible formatting characters that only break matching (ZWSP, ZWNJ, ZWJ,
# word joiner, BOM, soft hyphen, bidi marks and embeddings). Right-to-left text itself is kept.
_INVISIBLE = r"[\x{200B}-\x{200F}\x{2060}-\x{2064}\x{FEFF}\x{00AD}\x{202A}-\x{202E}\x{2066}-\x{2069}]"
# Control characters other than tab and newline; NUL bytes included.
_CONTROL = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]"
# Every kind of space that is not a line break becomes a plain space.
_SPACES = r"[\t\x{00A0}\x{1680}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]"


def normalised_text(column: str | pl.Expr) -> pl.Expr:
    """NFC, LF line ends, plain spaces, no invisible or control characters."""
    expr = pl.col(column) if isinstance(column, str) else column
    return (
        expr.str.replace_all(r"\r\n?|[\x{2028}\x{2029}]", "\n")
        .str.replace_all(f"{_INVISIBLE}|{_CONTROL}", "")
        .str.replace_all(_SPACES, " ")
        .str.normalize("NFC")
    )


def ascii_normalised(column: str | pl.Expr) -> pl.Expr:
    """`normalised_text` for text known to be ASCII: the Unicode passes have nothing to do there."""
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.str.replace_all(r"\r\n?", "\n").str.replace_all(_CONTROL, "").str.replace_all("\t", " ", literal=True)


def collapsed_spaces(column: str | pl.Expr) -> pl.Expr:
    """On every line of the text, runs of spaces become one space and the line's ends are trimmed.

    Done on the whole text, not line by line (a split and a pass per line cost more): runs of
    spaces never cross a line break, so once collapsed at most one space is left to trim on
    either side of a break.
    """
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.str.replace_all(r" {2,}", " ").str.replace_all(" ?\n ?", "\n").str.strip_chars(" ")
