"""Pair quotation marks in a document's text into quoted spans.

Only double marks (straight and curly) delimit quotes: single marks are the inner level in US news
and are far more often apostrophes, so they are left inside the span. One left-to-right pass over
the marks of a document: linear in the number of marks, and unbalanced marks never raise.
"""

from __future__ import annotations

from typing import NamedTuple

_MARKS = '"“”„'
_OPEN_BEFORE = set(" \t\n([{—–-/:;")
_CLOSE_AFTER = set(" \t\n,.;:!?)]}—–-")


class Span(NamedTuple):
    """A quoted span. A NamedTuple: a frozen dataclass spent ~2.4 us per span in object.__setattr__."""

    start: int  # first quoted character (after the opening mark)
    end: int  # end exclusive (the closing mark, or the paragraph end when left open)
    open_mark: int
    close_mark: int | None
    n_paragraphs: int


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at i, from its shape and neighbours."""
    ch = text[i]
    if ch in "“„":
        return "open"
    if ch == "”":
        return "close"
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before in _OPEN_BEFORE and after not in " \t\n":
        return "open"
    if after in _CLOSE_AFTER and before not in " \t\n":
        return "close"
    return "either"


def _marks_by_paragraph(text: str, breaks: list[int]) -> list[list[tuple[int, str]]]:
    """Marks with their roles, grouped by paragraph (`breaks`: where each "\n\n" starts)."""
    paragraphs: list[list[tuple[int, str]]] = [[] for _ in range(len(breaks) + 1)]
    p, n = 0, len(breaks)
    for at in _find_all(text, _MARKS):
        while p < n and breaks[p] < at:
            p += 1
        paragraphs[p].append((at, _role(text, at)))
    return paragraphs


def _find_all(text: str, needles: str) -> list[int]:
    """Sorted positions of each character in `needles`: str.find is a memchr, several times faster
    than a regex scan over long documents."""
    found: list[int] = []
    for ch in needles:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    return sorted(found)


def _paragraph_ends(text: str) -> list[int]:
    ends, i = [], text.find("\n\n")
    while i >= 0:  # non-overlapping, as a regex scan would pair "\n\n\n\n"
        ends.append(i)
        i = text.find("\n\n", i + 2)
    return ends + [len(text)]


def _is_nested_pair(marks: list[tuple[int, str]], j: int, text: str) -> bool:
    """A straight opener inside an open quote that closes within a few words, with the outer quote
    closing later in the paragraph, is an inner quoted term ("The "United States" is ...")."""
    if j + 2 >= len(marks) or text[marks[j][0]] != '"':
        return False
    close_at, role = marks[j + 1]
    return role != "open" and close_at - marks[j][0] < 60 and marks[j + 2][1] != "open"


def find_quote_spans(text: str) -> list[Span]:
    """All quoted spans of one document, in order; a quote left open at a paragraph end continues
    when the next paragraph opens with a mark (the news convention), else it ends there."""
    spans: list[Span] = []
    para_ends = _paragraph_ends(text)
    para_marks = _marks_by_paragraph(text, para_ends[:-1])
    open_at: int | None = None
    n_paras = 1
    for p, marks in enumerate(para_marks):
        j = 0
        if open_at is not None:
            first = marks[0] if marks else None
            para_start = para_ends[p - 1] + 2
            if first and first[1] != "close" and text[para_start:first[0]].strip() == "":
                n_paras += 1
                j = 1  # the continuation mark is not a new quote
            else:
                spans.append(Span(open_at + 1, para_ends[p - 1], open_at, None, n_paras))
                open_at = None
        while j < len(marks):
            pos, role = marks[j]
            if open_at is None:
                if role != "close":
                    open_at, n_paras = pos, 1
            elif role == "close" or (role == "either" and text[pos] == '"'):
                spans.append(Span(open_at + 1, pos, open_at, pos, n_paras))
                open_at = None
            elif _is_nested_pair(marks, j, text):
                j += 1
            else:
                open_at, n_paras = pos, 1  # an opener while open: the earlier one was stray
            j += 1
    if open_at is not None:
        spans.append(Span(open_at + 1, len(text), open_at, None, n_paras))
    return spans


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and the comma US style puts inside the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
