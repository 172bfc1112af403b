"""The gender an article gives a name: a title before one of its mentions (Mr, Ms, Congresswoman) or,
failing that, a vote of the first he/his or she/her after each mention in its sentence.

Used by the speaker resolver (he/she must agree with their antecedent). On ASCII documents the work
runs on the lower-cased text with plain tests in front of the regexes (see `gender_of`); other
documents use the IGNORECASE patterns as written.
"""

from __future__ import annotations

import re
from typing import Iterable

_FEMALE_TITLES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Congresswoman|Assemblywoman|Chairwoman|Spokeswoman|Queen|Lady|Princess)\.?\s*$", re.I)
_MALE_TITLES = re.compile(r"\b(?:Mr|Congressman|Assemblyman|Chairman|Spokesman|King|Prince|Sir)\.?\s*$", re.I)
_NEXT_PRONOUN = re.compile(r"[^.!?\"“”]{0,80}?\b(he|his|him|she|her|hers)\b", re.I)
_MALE_WORDS = {"he", "his", "him"}

# IGNORECASE is slow in `re`: lower-cased ASCII text takes lower-case twins.
_FEMALE_LOW, _MALE_LOW = (re.compile(r.pattern.lower()) for r in (_FEMALE_TITLES, _MALE_TITLES))


def _title_words(regex: re.Pattern) -> tuple[str, ...]:
    head, tail = r"\b(?:", r")\.?\s*$"
    assert regex.pattern.startswith(head) and regex.pattern.endswith(tail), regex.pattern
    return tuple(w.lower() for w in regex.pattern[len(head):-len(tail)].split("|"))


# Both title patterns match only where the text, trailing spaces and one period dropped, ends in one of their
# words: a suffix test skips the two searches for the ~19 mentions in 20 with no title before them.
_TITLE_ENDS = _title_words(_FEMALE_TITLES) + _title_words(_MALE_TITLES)

# _NEXT_PRONOUN's lazy prefix tried the six words at each of up to 81 positions. The first whole-word pronoun at or
# after the mention, found by a search that `re` starts only at an "h" or "s" (the lookbehinds are the leading \b),
# is the word that lazy match takes whenever it is within 80 characters with no [.!?"“”] before it, and no
# match exists otherwise (no pronoun starts earlier).
_PRONOUN_LOW = re.compile(r"(?:h(?<!\wh)(?:e|is|im|ers?)|s(?<!\ws)he)\b")
_STOP = re.compile(r"[.!?\"“”]")


def _next_pronoun_low(lower: str, end: int) -> str | None:
    """`_NEXT_PRONOUN.match(text, end, end + 90).group(1)` on the lower-cased text of an ASCII document."""
    m = _PRONOUN_LOW.search(lower, end, end + 90)
    if m is None or m.start() - end > 80 or _STOP.search(lower, end, m.start()):
        return None
    return m.group()


def gender_of(text: str, lower: str | None, mentions: Iterable[tuple[int, int]]) -> str | None:
    """"m", "f" or None (no votes, or a tie) for a name mentioned at `mentions` (start, end) in `text`.
    `lower` is the lower-cased text of an ASCII document, None for any other."""
    votes = {"m": 0, "f": 0}
    for m_start, m_end in mentions:
        if lower is not None:
            lead = lower[max(0, m_start - 30): m_start]
            stem = lead.rstrip()
            near = max(0, len(stem) - 15)  # both are end-anchored and a title is <= 14 characters
            if stem.removesuffix(".").endswith(_TITLE_ENDS):
                if _FEMALE_LOW.search(lead, near):
                    votes["f"] += 3
                elif _MALE_LOW.search(lead, near):
                    votes["m"] += 3
            word = _next_pronoun_low(lower, m_end)
        else:
            lead = text[max(0, m_start - 30): m_start]
            near = max(0, len(lead.rstrip()) - 15)
            if _FEMALE_TITLES.search(lead, near):
                votes["f"] += 3
            elif _MALE_TITLES.search(lead, near):
                votes["m"] += 3
            after = _NEXT_PRONOUN.match(text, m_end, m_end + 90)
            word = after.group(1).lower() if after else None
        if word:
            votes["m" if word in _MALE_WORDS else "f"] += 1
    return None if votes["m"] == votes["f"] else max(votes, key=votes.get)
