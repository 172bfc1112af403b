"""The resolver's restricted scans return exactly what the plain regex scans return (see tasks/document_scans.py)."""

from __future__ import annotations

import pytest

from tasks.attribution import SENTENCE_BREAK
from tasks.document_scans import finditer_near, last_break, organization_names, role_pattern
from tasks.speakers import _OWNER_PATTERNS, _OWNER_RUNS

# Heads that are no whole word, a head right after the start, starts that only succeed on a later head, more
# whitespace runs than a match allows, Unicode spaces, and runs longer than the look-back.
TEXTS = [
    "xCompany Company said", "the Company Company", "The  Company", "A B C D E F Company", "A B C D E Company",
    "A\u00a0Company", "Big Co.\nCompany of America", "the Acme\tCompany for Tea Party", "tCompany Company",
    "Acme BigCompany Company", "T Company", "Company", " Company", "X " * 300 + "Company", "Ab" * 300 + " Company",
    "The Acme Co. issued a statement", "the Acme  of  Tea issued its long statement", "X's statement",
    "Ab's  statement", "A b c d e f g statement", "A b c d e statement", "the A b c d e f statement",
    "tA statement statement", "A statementstatement statement", "The Acme Company and the Acme Company statement.",
    "Then Acme Corp said in a statement that Bolt Co. released a statement on Monday.",
]


def _spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_organization_names_equal_finditer(text: str) -> None:
    pattern = role_pattern("org", "company")
    assert _spans(organization_names(text, "company")) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_owner_scans_equal_finditer(text: str) -> None:
    for pattern, runs in zip(_OWNER_PATTERNS, _OWNER_RUNS):
        if runs is not None:
            assert _spans(finditer_near(pattern, text, "statement", runs)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("text", [
    "He said. She left! Then? No.", "U.S. officials said. The end", "Mr. Smith met Dr. Jones. They ate.",
    "It rose 5.5 pct. Shares fell.\n\nNew paragraph. Here", "\"Yes.\" He left. \u201cNo.\u201d She said", "no break here",
])
def test_last_break_equals_last_finditer_match(text: str) -> None:
    for end in range(len(text) + 1):
        for lo in (0, 3):
            found = list(SENTENCE_BREAK.finditer(text, lo, end))
            got = last_break(text, lo, end, end)
            assert (got and got.span()) == (found[-1].span() if found else None)
    for before in range(len(text) + 1):
        found = [m for m in SENTENCE_BREAK.finditer(text) if m.start() < before]
        got = last_break(text, 0, before)
        assert (got and got.span()) == (found[-1].span() if found else None)
