"""Units, fractions and names of numeric claims (the fifth quality round's rules)."""

from __future__ import annotations

import pytest

from tests.tasks.test_numeric_claims import claims_of, one


@pytest.mark.parametrize("text,value,unit,kind", [
    # a decimal right before "quake" is a magnitude
    ("It included a 6.4 quake that hit on January 7.", 6.4, "magnitude", "measure"),
    ("A 5.0 earthquake struck the coast.", 5.0, "magnitude", "measure"),
    # bitcoin by its sign
    ("The site earned ₿7300 in fees.", 7300, "BTC", "money"),
])
def test_units(text, value, unit, kind):
    row = one(text)
    assert (row["value"], row["unit"], row["kind"]) == (pytest.approx(value), unit, kind)


def test_quake_counts_stay_counts():
    row = one("There were 5 earthquakes last week.")
    assert (row["unit"], row["kind"], row["object"]) == (None, "count", "earthquakes")


@pytest.mark.parametrize("text", [
    "Tropical Depression Three formed over the Bahamas.",
    "The Group of Seven agreed to act.",
    "Trump flew on Marine One to the hospital.",
    "The dividend is payable May One to holders of record.",
])
def test_capitalised_number_words_inside_a_sentence_are_names(text):
    assert claims_of(text).height == 0


@pytest.mark.parametrize("text,value", [
    ("Three occupants of the helicopter died.", 3),
    ('He said: "Two rockets hit the base."', 2),
])
def test_capitalised_number_words_opening_a_sentence_are_numbers(text, value):
    assert one(text)["value"] == value
