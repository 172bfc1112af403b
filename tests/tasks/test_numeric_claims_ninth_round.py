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
