"""Counted objects and ages of numeric claims (the fifth quality round's rules)."""

from __future__ import annotations

import pytest

from tests.tasks.test_numeric_claims import one


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
