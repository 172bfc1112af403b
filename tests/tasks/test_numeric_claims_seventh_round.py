"""Rules of the seventh quality round: objects after "of" and a possessor, units written with a
hyphen or a qualifier before them, "exceeded" as a floor, magnitudes read from an earthquake
word before the number, "another one"."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of, one


def rows(text: str) -> list[tuple]:
    return claims_of(text).select("value", "object").rows()


@pytest.mark.parametrize("text,expected", [
    ("Trump secured all 25 of Nevada's delegates.", [(25, "delegates")]),
    ("He secured 39 of the state's 40 delegates.", [(39, "delegates"), (40, "delegates")]),
    ("The party won 5 of its 12 seats.", [(5, "seats"), (12, "seats")]),
    ("Over 4,200 of the island nation's roughly 200,000 residents fell ill.",
     [(4200, "residents"), (200000, "residents")]),
    ("Two of the Red Cross's trucks were hit.", [(2, "trucks")]),
    ("It bought 51 pct of the company's common shares.", [(51, "common shares")]),
    ("It owns 25 pct of Texaco Canada's stock.", [(25, "stock")]),
])
def test_object_after_of_and_a_possessor(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Four of the deceased were found.", [(4, "deceased")]),  # as before
    ("Three of them died.", [(3, None)]),
    ("Five of the 12 were hurt.", [(5, None), (12, None)]),
    # a lower-case word without a determiner is no name: "of people's" stays as it was
    ("It hit 30 of people's homes.", [(30, None)]),
])
def test_no_possessor_object(text, expected):
    assert rows(text) == expected


def test_possessor_object_stays_out_of_the_claim_text():
    c = one("Trump secured all 25 of Nevada's delegates.")
    assert (c["text"], c["object"]) == ("25", "delegates")


@pytest.mark.parametrize("text,value,unit,kind", [
    ("For each 10 percentage-point increase, the rate rose.", 10, "pp", "percent"),
    ("A 500-square-mile area burned.", 500, "mi²", "measure"),
    ("A 40-cubic-metre tank leaked.", 40, "m³", "measure"),
    ("It used 37 billion U.S. gallons of water.", 37e9, "gal", "measure"),
    ("It used 31 billion imperial gallons of water.", 31e9, "imperial_gal", "measure"),
])
def test_units_written_out(text, value, unit, kind):
    c = one(text)
    assert (c["value"], c["unit"], c["kind"]) == (value, unit, kind)


def test_hyphenated_percentage_point_keeps_its_change_noun():
    c = one("For each 10 percentage-point increase, the rate rose.")
    assert (c["text"], c["trend"]) == ("10 percentage-point", "up")


@pytest.mark.parametrize("text,claim,value,unit,qualifier", [
    ("He had 1,000 or more kilograms of marijuana.", "1,000 or more kilograms", 1000, "kg", "at_least"),
    ("They walked five or so miles.", "five or so miles", 5, "mi", "approximately"),
    ("Sentences of 20 or more years were given.", "20 or more years", 20, "years", "at_least"),
    ("It lasted 10 years or more.", "10 years", 10, "years", "at_least"),  # as before
])
def test_qualifier_between_number_and_unit(text, claim, value, unit, qualifier):
    c = one(text)
    assert (c["text"], c["value"], c["unit"], c["qualifier"]) == (claim, value, unit, qualifier)


def test_qualifier_between_number_and_noun_is_no_unit():
    c = one("Four or more people died.")
    assert (c["unit"], c["object"], c["qualifier"]) == (None, "people", "at_least")


@pytest.mark.parametrize("text,claim,qualifier", [
    ("Some death tolls exceeded 100.", "100", "more_than"),
    ("The goal was to exceed 90 percent.", "90 percent", "more_than"),
    ("Bids exceeding 5 mln dlrs were refused.", "5 mln dlrs", "more_than"),
    ("Its debt exceeds 2 billion dlrs.", "2 billion dlrs", "more_than"),
    # a negated floor is a ceiling
    ("Repurchases will not exceed 10 mln shares.", "10 mln shares", "at_most"),
    ("The price is not to exceed 175 mln dlrs.", "175 mln dlrs", "at_most"),
    ("Notes not exceeding 50 mln dlrs were sold.", "50 mln dlrs", "at_most"),
    ("Output won't exceed 10.5 mln bags.", "10.5 mln bags", "at_most"),
    # another qualifier stays
    ("Sales exceeded about 5 mln dlrs.", "about 5 mln dlrs", "approximately"),
])
def test_exceeded_is_more_than(text, claim, qualifier):
    c = one(text)
    assert (c["text"], c["qualifier"], c["trend"]) == (claim, qualifier, None)


def test_exceeded_forecasts_by_is_not_a_floor():
    c = one("Profit exceeded forecasts by 5 pct.")
    assert c["qualifier"] == "exact"


@pytest.mark.parametrize("text,value", [
    ("Officials said the magnitude of the earthquake was 6.6 on Monday.", 6.6),
    ("The quake measured 5.9 near the coast.", 5.9),
    ("The tremor registered 6.1 on the Richter scale.", 6.1),
    ("It registered 6.1 on the Richter scale.", 6.1),
    ("After the quake 6.5 was recorded.", 6.5),
])
def test_magnitude_from_an_earthquake_word(text, value):
    c = one(text)
    assert (c["value"], c["unit"], c["kind"]) == (value, "magnitude", "measure")


@pytest.mark.parametrize("text", [
    "After the quake, 2.5 people per house were displaced.",  # a plural noun counts it
    "The quake cost 2.5 billion dlrs.",  # it has a unit
    "He scored 8.5 in the final.",  # no earthquake word
    "The quake killed 12.",  # not a decimal
])
def test_no_magnitude(text):
    assert "magnitude" not in claims_of(text)["unit"].to_list()


def test_another_one_is_a_pronoun():
    assert rows("The shooting preceded another one less than thirteen hours later.") == [(13, None)]
    assert rows("He bought another one million shares.") == [(1e6, "shares")]
    assert claims_of("They added another one pct.")["unit"].to_list() == ["%"]


@pytest.mark.parametrize("text,claim", [
    ("The hoard held c. 300 coins. It was found in 1990.", "c. 300 coins"),
    ("The hall held ca. 300 people.", "ca. 300 people"),
])
def test_circa_through_the_segmenter(text, claim):
    """The segmenter no longer ends a sentence at "c."/"ca." before a number, so the sixth
    round's circa qualifier now works on a whole text."""
    c = one(text)
    assert (c["text"], c["qualifier"]) == (claim, "approximately")
