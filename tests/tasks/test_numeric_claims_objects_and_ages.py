"""Counted objects and ages of numeric claims (the fifth quality round's rules)."""

from __future__ import annotations

import pytest

from tests.tasks.claim_frames import claims_of, one


@pytest.mark.parametrize("text,object_,claim", [
    # "lives" right after a number is the noun, not the verb
    ("The virus claimed 6606 lives, officials said.", "lives", "6606 lives"),
    ("The crisis claimed about 3000 lives.", "lives", "about 3000 lives"),
    # an adjective a stop word or the adverb rule would end the object on opens it instead
    ("Police seized two live jackals.", "live jackals", "two live jackals"),
    ("It followed four deadly mass shootings.", "deadly mass shootings", "four deadly mass shootings"),
    ("It employs 850 hourly workers.", "hourly workers", "850 hourly workers"),
    # "deceased" is no participle
    ("The three deceased were contract employees.", "deceased", "three deceased"),
    ("Four of the deceased were children.", "deceased", "Four"),
    # "of" and a possessive before the object
    ("Stokowski fathered two of her sons.", "sons", "two"),
    # a qualifier after the number, "more" and "fewer" stand between the number and its object
    ("It counts four or more people as a mass shooting.", "people", "four or more people"),
    ("It caused roughly 32,000 more deaths.", "deaths", "roughly 32,000 more deaths"),
    # an irregular plural is a head like a plural in -s: the next word is no longer the object's
    ("The storm left two people dead.", "people", "two people"),
    ("It killed 520 people near Tokyo.", "people", "520 people"),
    ("They came under fire by three gunmen near his office.", "gunmen", "three gunmen"),
])
def test_objects(text, object_, claim):
    row = one(text)
    assert (row["object"], row["text"]) == (object_, claim)


@pytest.mark.parametrize("text", [
    # a participle at the end of the sentence is a verb
    "In Wisconsin at least five died.",
    # an adjective with no noun after it is an adverb
    "The index stood at 405.13 early in the session.",
    # "six-monthly" is no count of six months' worth of anything
    "It holds a six-monthly rotating presidency.",
    "It was 160,000 hourly.",
])
def test_no_object(text):
    assert one(text)["object"] is None


@pytest.mark.parametrize("text,value", [
    # a number set off by commas right after a name is the name's age
    ("The final victim, Andrew Kinsman, 49, was quickly reported missing.", 49),
    ("Burke, 57, has been chief operating officer since November.", 57),
    # "was N." after a name's apposition closed by a comma
    ("Hagan, North Carolina's first female Democratic Senator, was 66.", 66),
    # a number word after a pronoun's "was"
    ("Her father died when she was one.", 1),
])
def test_ages(text, value):
    row = one(text)
    assert (row["value"], row["unit"], row["kind"]) == (value, "years", "age")


@pytest.mark.parametrize("text", [
    "In May, 12, 14 and 15 ships docked.",
    "However, 12, not 14, were found.",
    "Sales totalled, 12, in the quarter.",
])
def test_not_ages(text):
    assert "age" not in claims_of(text)["kind"].cast(str).to_list()


def test_in_age_range():
    row = one("The suspects range in age from 21 to 78.")
    assert (row["value"], row["value_max"], row["unit"], row["kind"]) == (21, 78, "years", "age")
