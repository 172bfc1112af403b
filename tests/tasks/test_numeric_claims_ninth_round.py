"""Rules of the ninth quality round: ages after a bare `age`, compound units (`mg per liter`),
more currency prefixes, footnote markers."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of, one


@pytest.mark.parametrize("text,value", [
    ("She got her first toy at age 10 from a theme park.", 10),
    ("Japanese wrestler Hana Kimura, age 22, has died.", 22),
    ("Children under age 5 were vaccinated.", 5),
])
def test_age_before_the_number(text, value):
    c = one(text)
    assert (c["value"], c["unit"], c["kind"]) == (value, "years", "age")


@pytest.mark.parametrize("text,expected", [
    # a capitalised "Age" names an era or a title, not a person's age
    ("The Ice Age 12,000 years ago shaped the valley.", (12000, "years", "duration")),
    ("The average age rose by 2 years.", (2, "years", "duration")),
])
def test_no_age_lead(text, expected):
    c = one(text)
    assert (c["value"], c["unit"], c["kind"]) == expected


def units(text: str) -> list[tuple]:
    return claims_of(text).select("text", "value", "unit", "kind").rows()


@pytest.mark.parametrize("text,expected", [
    ("Worms need 1 mg per liter of oxygen.", [("1 mg per liter", 1, "mg/l", "measure")]),
    ("Sponges survive with 0.002 moles of oxygen per cubic meter.",
     [("0.002 moles of oxygen per cubic meter", 0.002, "mol/m³", "measure")]),
    ("Pollution reached 25 µg/m3 on Monday.", [("25 µg/m3", 25, "µg/m³", "measure")]),
    ("Farms yield 3 tonnes per hectare.", [("3 tonnes per hectare", 3, "t/ha", "measure")]),
    ("The car does 40 miles per gallon.", [("40 miles per gallon", 40, "mi/gal", "measure")]),
])
def test_compound_units(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text,expected", [
    # money and percents per unit stay what they were; time is no divisor here
    ("Oil sold at 18 dlrs per barrel.", [("18 dlrs", 18, "USD", "money")]),
    ("They ran 5 km per day.", [("5 km", 5, "km", "measure")]),
    ("It weighs 5 kg of which 2 kg is water.", [("5 kg", 5, "kg", "measure"), ("2 kg", 2, "kg", "measure")]),
])
def test_no_compound_unit(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The event raised nearly CDN$11,000 for charity.", [(11000, "CAD", "nearly")]),
    ("It raised Cdn$5 mln.", [(5e6, "CAD", "exact")]),
    ("It paid CAD$200 a share.", [(200, "CAD", "exact")]),
])
def test_canadian_dollar_prefixes(text, expected):
    assert claims_of(text).select("value", "unit", "qualifier").rows() == expected


@pytest.mark.parametrize("text", [
    # a footnote marker glued to its word
    "They published a detailed map[3] of the distributions.",
    # a possessive is no plural: the number stays part of the name
    "Shortly after the launch, the Falcon 9 rocket's first stage disengaged.",
    "A limit on the S and P 500 index's daily price movement was proposed.",
])
def test_not_claims(text):
    assert claims_of(text).height == 0


@pytest.mark.parametrize("text,value", [
    ("Trump's 14 friends came.", 14),
    ("It sold the [3] lots.", 3),
    ("The Falcon 9 rockets flew.", 9),
])
def test_still_claims(text, value):
    assert one(text)["value"] == value


def borrowed(text: str) -> list[tuple]:
    return claims_of(text).select("value", "unit", "kind").rows()


@pytest.mark.parametrize("text,expected", [
    ("Net rose to 12.5 mln dlrs from 10.2 mln.", [(12.5e6, "USD", "money"), (10.2e6, "USD", "money")]),
    # the multiplier comes along: cents
    ("Shr 19 cts vs 18.", [(0.19, "USD", "money"), (0.18, "USD", "money")]),
    ("The coupon of 10.15 pct against 9.66 in March.", [(10.15, "%", "percent"), (9.66, "%", "percent")]),
    ("Output was 5.12 mln tonnes, compared with 4.30 mln in 1985.", [(5.12e6, "t", "measure"), (4.3e6, "t", "measure")]),
    # the amount compared is the one outside the brackets
    ("They occupied 6.05 hectares (14.95 acres; .0605 square km), up from 2.48 last year.",
     [(6.05, "ha", "measure"), (14.95, "acre", "measure"), (0.0605, "km²", "measure"), (2.48, "ha", "measure")]),
])
def test_base_of_a_comparison_borrows_the_unit(text, expected):
    assert borrowed(text) == [
        (pytest.approx(v), u, k) for v, u, k in expected]


@pytest.mark.parametrize("text,expected", [
    # one scale word only: the scale is open, no unit is borrowed
    ("It earned 5 mln dlrs vs 400,000.", [(5e6, "USD", "money"), (400000, None, "count")]),
    # a noun of its own, or no comparison word, or another sentence
    ("Sales rose 5 pct from 400 stores.", [(5, "%", "percent"), (400, None, "count")]),
    ("It paid 5 dlrs to 300 workers.", [(5, "USD", "money"), (300, None, "count")]),
    ("Revs were 5 mln dlrs. Net was 4 mln vs 3 mln.", [(5e6, "USD", "money"), (4e6, None, "count"), (3e6, None, "count")]),
])
def test_no_borrowed_unit(text, expected):
    assert borrowed(text) == expected


@pytest.mark.parametrize("text,expected", [
    # odds after "a" qualify the noun after them, as the hyphenated form does
    ("It had a one in five chance of forming.", ("one in five", None)),
    ("One in five adults smoke.", ("One in five adults", "adults")),
])
def test_odds_object(text, expected):
    c = one(text)
    assert (c["text"], c["object"]) == expected
