"""Rules of the sixth quality round: approximate signs, money raised, "one point of", quoted
objects, proportions."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.numeric_claims import extract_numeric_claims
from tests.tasks.claim_frames import claims_of, one


def one_sentence(text: str) -> dict:
    """The claim of `text` taken as one sentence: the segmenter ends a sentence at "c." and
    "ca." before a number, so these rules are tested on the sentence as the claims stage sees it."""
    s = pl.DataFrame({"sentence_id": ["d-s0"], "doc_id": ["d"], "paragraph_id": ["d-p0"],
                      "position": [0], "char_start": [0], "char_end": [len(text)], "text": [text]},
                     schema_overrides={"position": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32})
    rows = extract_numeric_claims(s).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("text,value,value_text", [
    ("The train reached ~295 km/h on the test run.", 295, "295 km/h"),
    ("The train reached ~ 295 km/h on the test run.", 295, "295 km/h"),
    ("The hoard held c. 300 coins.", 300, "300"),
    ("The hoard held ca. 300 coins.", 300, "300"),
])
def test_approximate_signs(text, value, value_text):
    c = one_sentence(text)
    assert (c["value"], c["value_text"], c["qualifier"]) == (value, value_text, "approximately")


@pytest.mark.parametrize("text", [
    "The hoard held 300 coins.",
    "Lot C. 300 coins were sold.",  # an initial, not "circa"
    "A vitamin c 300 mg dose.",
])
def test_no_approximate_sign(text):
    assert all(q == "exact" for q in claims_of(text)["qualifier"])


@pytest.mark.parametrize("text,trend", [
    ("The charity raised $2.3 million for the victims.", None),
    ("The company said it raised 310 mln dlrs in new capital.", None),
    ("The group raises 50 mln dlrs from investors.", None),
    ("The fund raised a further $5 million.", None),
    ("The bank raised its rates by 5 pct.", None),  # the verb is not next to the number
    ("The company raised prices 5 pct.", None),
    ("The company raised 5 pct in the quarter.", "up"),  # a percent is a change
    ("It raised by $2 million its offer for the shares.", "up"),  # "by" says a change
    ("Revenue rose $2.3 million in the quarter.", "up"),
    ("The Light Louisiana grade was also raised 50 cts a barrel.", "up"),  # a price, passive
    ("Illinois Sweet is being raised 50 cts a barrel.", "up"),
])
def test_money_raised_is_no_rise(text, trend):
    assert one(text)["trend"] == trend


def test_one_point_of_is_no_claim():
    assert claims_of("One point of agreement, Feldstein said, was that the debtors need credit.").height == 0
    assert claims_of("At one point of the talks he left the room.").height == 0


@pytest.mark.parametrize("text", [
    "Short-term rates dropped by one point in response to a surplus.",
    "The index fell one point on Monday.",
])
def test_one_point_as_a_measure(text):
    c = one(text)
    assert (c["value"], c["unit"]) == (1, "points")


@pytest.mark.parametrize("text,object_,claim", [
    ('Police seized over 370 "jackal horns" in the raid.', '"jackal horns"', 'over 370 "jackal horns"'),
    ('They closed 21 “underperforming” restaurants.', '“underperforming” restaurants', '21 “underperforming” restaurants'),
    ('Police seized 370 jackal horns in the raid.', 'jackal horns', '370 jackal horns'),
])
def test_quoted_object(text, object_, claim):
    c = one(text)
    assert (c["object"], c["text"]) == (object_, claim)


@pytest.mark.parametrize("text", [
    'The level is below the 1,600 "must buy" level.',  # a stop word inside the quotation
    'They sold 20 "to avoid further legal expenses."',  # a clause, not a name
    'They issued 100,000 "naked warrants at 15 dlrs.',  # never closed
])
def test_quoted_clause_is_no_object(text):
    assert claims_of(text)["object"].to_list() == [None] * claims_of(text).height
