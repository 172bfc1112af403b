"""Rules of the eighth quality round: `X or Y` ranges."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of, one


def ranges(text: str) -> list[tuple]:
    return claims_of(text).select("value", "value_max", "unit", "qualifier").rows()


@pytest.mark.parametrize("text,expected", [
    ("The levees have about five or six feet of leeway.", [(5, 6, "ft", "approximately")]),
    ("We want to get our numbers up to one or two hundred before then.", [(100, 200, None, "at_most")]),
    ("Some 10 or 12 people were hurt.", [(10, 12, None, "approximately")]),
    ("Prices may rise 3 or 4 pct this year.", [(3, 4, "%", "exact")]),
])
def test_or_range(text, expected):
    assert ranges(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the lower end has a unit of its own: two claims
    ("It rose 5 pct or 12 mln dlrs.", 2),
    ("It costs 5 dlrs or 3 stg.", 2),
    ("It holds 2,000 shares or 40 pct of the stock.", 2),
])
def test_no_or_range(text, expected):
    assert claims_of(text).height == expected
