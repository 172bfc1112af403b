"""Rules of the eighth quality round: `X or Y` ranges, odds and proportions, objects at the cut of the
context after a number."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of


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


def props(text: str) -> list[tuple]:
    return claims_of(text).select("text", "value", "unit", "object").rows()


@pytest.mark.parametrize("text,expected", [
    ("It had a one-in-five chance of forming.", [("one-in-five", 0.2, None, None)]),
    ("Two out of three voters agreed.", [("Two out of three voters", 2 / 3, None, "voters")]),
    ("Only 1 in 10 adults agreed.", [("1 in 10 adults", 0.1, None, "adults")]),
    ("One out of every thousand children who contract measles develop encephalitis.",
     [("One out of every thousand children", 0.001, None, "children")]),
    ("Nationwide, one out of five banks reported losses.", [("one out of five banks", 0.2, None, "banks")]),
])
def test_proportion(text, expected):
    assert props(text) == expected


@pytest.mark.parametrize("text,expected", [
    # digits with "out of" are two counts, as the dev labels write them
    ("It found 7 out of 20 suspected cases.", [("7", 7, None, None), ("20 suspected cases", 20, None, "suspected cases")]),
    # a unit, a year or a larger first number makes no proportion
    ("He scored 2 in 5 minutes.", [("2", 2, None, None), ("5 minutes", 5, "minutes", None)]),
    ("Sales rose 5 pct in 1987.", [("5 pct", 5, "%", None)]),
    ("It sold 12 in 3 days.", [("12", 12, None, None), ("3 days", 3, "days", None)]),
    ("Of the ten, five in four cities voted.", [("ten", 10, None, None), ("five", 5, None, None),
                                                 ("four cities", 4, None, "cities")]),
])
def test_no_proportion(text, expected):
    assert props(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the 60 characters after the number end inside "under": the cut word is no part of the object
    ("He may buy up to 40 pct of the Computer Terminal's outstanding common stock under certain terms.",
     "outstanding common stock"),
    ("It owns 14.3 pct of the scientific instrument maker's common stock outstanding.", "common stock"),
    # a phrase that runs to the sentence's end is whole
    ("It bought 51 pct of the company's common shares", "common shares"),
    ("Reuters counted 700 workers", "workers"),
])
def test_object_at_the_context_cut(text, expected):
    assert [r["object"] for r in claims_of(text).to_dicts()] == [expected]
