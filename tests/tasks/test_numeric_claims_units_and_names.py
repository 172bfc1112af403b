"""Units, fractions and names of numeric claims (the fifth quality round's rules)."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of, one


@pytest.mark.parametrize("text,value,unit,kind", [
    # a decimal right before "quake" is a magnitude
    ("It included a 6.4 quake that hit on January 7.", 6.4, "magnitude", "measure"),
    ("A 5.0 earthquake struck the coast.", 5.0, "magnitude", "measure"),
    # bitcoin by its sign
    ("The site earned ₿7300 in fees.", 7300, "BTC", "money"),
    # science and energy units
    ("The planet is 124 light-years from Earth.", 124, "ly", "measure"),
    ("It orbits 30 astronomical units from its star.", 30, "au", "measure"),
    ("The particles are under 2.5 micrometres wide.", 2.5, "µm", "measure"),
    ("The well flowed 235,038 cubic meters of gas.", 235038, "m³", "measure"),
    ("Reserves fell to 964 billion cubic feet.", 964e9, "ft³", "measure"),
    ("It will sell 70 terawatt hours of power.", 70, "TWh", "measure"),
    # "one" with a unit is a measure, whatever follows ("one of" and "one or" are idioms only bare)
    ("It represents one pct of revenues.", 1, "%", "percent"),
    ("Circuits are one micrometer or less wide.", 1, "µm", "measure"),
])
def test_units(text, value, unit, kind):
    row = one(text)
    assert (row["value"], row["unit"], row["kind"]) == (pytest.approx(value), unit, kind)


def test_african_union_is_no_unit():
    assert one("The 55-member AU met on Monday.")["unit"] is None


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


@pytest.mark.parametrize("text,trend", [
    # a lone "from N" after a change word is where the change started: a level
    ("Net income was 14.7 mln dlrs, up from 11.7 mln dlrs.", [None, None]),
    ("It showed a 93% increase from 88 deaths in May 2019.", ["up", None]),
    # a range after a change word keeps the trend
    ("Prices rose from 5% to 7%.", ["up"]),
])
def test_from_level_is_no_change(text, trend):
    assert claims_of(text)["trend"].cast(str).to_list() == trend


@pytest.mark.parametrize("text,value,object_", [
    # a "half" glued to a noun belongs to the noun
    ("She shared it with one half-sister.", 1, "half-sister"),
    ("He has two half-brothers.", 2, "half-brothers"),
    ("It came via two half-point cuts.", 2, "half-point cuts"),
])
def test_half_compounds(text, value, object_):
    row = one(text)
    assert (row["value"], row["object"]) == (value, object_)


@pytest.mark.parametrize("text,value,unit", [
    ("It took one half-hour.", 0.5, "hours"),
])
def test_half_time_units_stay_halves(text, value, unit):
    row = one(text)
    assert (row["value"], row["unit"]) == (value, unit)


def test_an_article_and_a_half_compound_make_no_claim():
    assert claims_of("Banks forecast a half-point cut.").height == 0
