"""Whole-document regex scans of the speaker resolver, run only where the literal word they need occurs.

`re` has no skip-ahead for a pattern that opens with a character class: a `finditer` over a document tries
the pattern at every capital letter and backtracks there. Each scan here returns exactly what the plain
`finditer`/`search` returns (the same match objects), but tries the pattern only at the few positions
from which it can reach the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tasks.attribution import SENTENCE_BREAK

_START = re.compile(r"[A-Zt]")  # the patterns open with [Tt]he or [A-Z]
_LOOK_BACK = 400


@lru_cache(maxsize=256)
def role_pattern(kind: str, head: str) -> re.Pattern:
    if kind == "person":
        return re.compile(rf"\b(?i:{head})\s+((?:[A-Z][\w'’.-]+\s+){{0,2}}[A-Z][\w'’-]+)")
    return re.compile(rf"(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){{1,5}}{head.capitalize()}(?:\s+(?:on|of|for)(?:\s+[A-Z][\w'’-]*)+)?")


def last_break(s: str, lo: int, before: int, end: int | None = None) -> re.Match | None:
    """The last match of `SENTENCE_BREAK.finditer(s, lo, end)` that starts before `before`, found backwards
    from the last [.!?] there: a match opens with one and consumes only marks and spaces after it, so
    finditer yields a match at every position where one succeeds, and the last is the rightmost."""
    end = len(s) if end is None else end
    j, other = before, s.find("!", lo, before) >= 0 or s.find("?", lo, before) >= 0
    while j > lo:
        i = max(s.rfind(".", lo, j), s.rfind("!", lo, j), s.rfind("?", lo, j)) if other else s.rfind(".", lo, j)
        if i < 0:
            return None
        m = SENTENCE_BREAK.match(s, i, end)
        if m:
            return m
        j = i
    return None


def titled_names(text: str, lower: str, head: str) -> list[re.Match]:
    """The person role pattern's finditer, tried only where the head word occurs: `re` cannot skip
    ahead to a case-insensitive word, and this scan ran over every character of the document.
    ASCII text only, where lower() keeps every offset."""
    pattern, found = role_pattern("person", head), []
    i = lower.find(head)
    while i >= 0:
        m = pattern.match(text, i)
        if m:
            found.append(m)
        i = lower.find(head, m.end() if m else i + 1)
    return found


def organization_names(text: str, head: str) -> list[re.Match]:
    """The organisation role pattern's finditer ("Acme Mining Company"): each match is
    `(the\\s+)?(Cap\\s+){1,5}Head...`, at most six whitespace runs before the head."""
    return finditer_near(role_pattern("org", head), text, head.capitalize(), 6)


def finditer_near(pattern: re.Pattern, text: str, word: str, runs: int) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern that opens with [A-Z] or `the`, and whose every match holds
    `word` right after a whitespace run, with at most `runs` whitespace runs from its start to that word.

    With `h` the first occurrence of the word at or after `pos`, no match starts before the `runs`-th
    whitespace run back from `h` (any later occurrence is further away), and the starts from there to `h`
    are tried one by one with the full-text `match` (which may still end on a later occurrence). If none
    succeeds, nothing starts at or before `h`; after a match, the scan resumes at its end, as `finditer`
    does. An occurrence not after whitespace ends no match."""
    found: list[re.Match] = []
    pos, h = 0, text.find(word)
    while h >= 0:
        m = None
        usable = h > pos and text[h - 1].isspace()
        if usable:
            for start in _START.finditer(text, _window(text, pos, h, runs), h + 1):
                m = pattern.match(text, start.start())
                if m:
                    break
        if m:
            found.append(m)
            pos = m.end()
            h = text.find(word, pos)
        else:
            if usable:
                pos = h + 1
            h = text.find(word, h + 1)
    return found


@lru_cache(maxsize=16)
def _runs_back(runs: int) -> re.Pattern:
    return re.compile(rf"(?:\S*\s+){{0,{runs}}}\S*")


def _window(text: str, pos: int, h: int, runs: int) -> int:
    """The first position at or after `pos` from which at most `runs` whitespace runs precede `h`
    (matched backwards on the reversed text before `h`)."""
    lo = max(pos, h - _LOOK_BACK)
    back = text[lo:h][::-1]
    reach = _runs_back(runs).match(back).end()
    if reach < len(back):
        return h - reach
    return pos if lo > pos else lo  # the runs may go on before the cut: try every start
