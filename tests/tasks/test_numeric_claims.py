"""extract_numeric_claims on small, hand-made sentences."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.numeric_claims import SCHEMA, count_claims, extract_numeric_claims
from tests.tasks.claim_frames import claims_of, one, sentences_for


@pytest.mark.parametrize("text,value,unit,kind,object_", [
    ("It hit at least five U.S. personnel.", 5, None, "count", "U.S. personnel"),
    ("It hosts approximately 2,500 U.S. troops.", 2500, None, "count", "U.S. troops"),
    ("They dismantled eight unfired rockets.", 8, None, "count", "unfired rockets"),
    ("The deal is worth $1.13bn.", 1.13e9, "USD", "money", None),
    ("Profit was 5.2 mln dlrs.", 5.2e6, "USD", "money", None),
    ("It sold for £2,000 in 1990.", 2000, "GBP", "money", None),
    ("Turnout was 76%.", 76, "%", "percent", None),
    ("Turnout was 55 pct.", 55, "%", "percent", None),
    ("Turnout was 55 per cent.", 55, "%", "percent", None),
    ("A 45-year-old man was arrested.", 45, "years", "age", "man"),
    ("They walked 10 kilometres.", 10, "km", "measure", None),
    ("They waited for less than 12 hours.", 12, "hours", "duration", None),
    ("Half a million people marched.", 500_000, None, "count", "people"),
    ("It weighs 40k tonnes.", 40_000, "t", "measure", None),
    ("She won the race in 2:14:04.", 8044, "seconds", "duration", None),
    ("It fell to -18 °C overnight.", -18, "°C", "measure", None),
    ("Costs rose by minus 5 percent.", -5, "%", "percent", None),
    ("It raised $10M from investors.", 1e7, "USD", "money", None),
])
def test_values_units_objects(text, value, unit, kind, object_):
    row = one(text)
    assert row["value"] == pytest.approx(value)
    assert (row["unit"], row["kind"], row["object"]) == (unit, kind, object_)


@pytest.mark.parametrize("text,qualifier,trend", [
    ("At least five people died.", "at_least", None),
    ("Over 165 attacks took place.", "more_than", None),
    ("It killed nearly 40,000.", "nearly", None),
    ("It may cost up to $5 million.", "at_most", None),
    ("It has about 300 staff.", "approximately", None),
    ("Sales rose 5% last year.", "exact", "up"),
    ("The firm will cut 200 jobs.", "exact", "down"),
    ("Prices fell by 3 pct.", "exact", "down"),
])
def test_qualifiers_and_trends(text, qualifier, trend):
    row = one(text)
    assert (row["qualifier"], row["trend"]) == (qualifier, trend)


@pytest.mark.parametrize("text,low,high", [
    ("He spoke of presumably between 36 and 40 people.", 36, 40),
    ("Some 36-40 people were missing.", 36, 40),
    ("Rates went from 5 to 7 percent.", 5, 7),
    ("It costs between 1 and 2 million dollars.", 1e6, 2e6),
    ("Teenagers between the ages of 14 and 18 were hurt.", 14, 18),
])
def test_ranges(text, low, high):
    row = one(text)
    assert (row["value"], row["value_max"]) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", [
    "On August 6, 2024, the army spoke.",
    "It has been used since 2003.",
    "In January 2020, Iran struck.",
    "The strike came at 9 pm on Monday, or 11:46 AM local.",
    "August 6 2024, 11:46 AM  •  8865 views",
    "Aug. 06, 2024 • 2 min read",
    "COVID-19 spread and the G7 met on Route 66 under Section 427.",
    "Call +1 555 123 4567 or see www.example.com/2019/05/story.",
    "He finished first, the Fifth Fleet sailed, and the 3rd division waited.",
    "It is one of the country's largest bases, and no one saw a new generation.",
    "The 1990s were quiet.",
    "He won the 400 metres hurdles in the second half.",
    "Results for 2013-14 came at 2.30pm, and a third term followed.",
    # a year naming an event, and the generic pronoun and idioms with "one"
    "Sanders won the 2020 caucuses, and its 2019 elections were close.",
    # the generic pronoun and idioms with "one"
    "As one can imagine, either one will do, and it has been so since day one.",
])
def test_excluded_classes(text):
    assert claims_of(text).height == 0, claims_of(text).to_dicts()


def test_schema_offsets_and_quotes():
    text = 'Paragraph one.\n\n"We lost 12 soldiers," he said of the 4 attacks.'
    _, sentences = sentences_for({"t": text})
    doc_id = sentences["doc_id"][0]
    start = text.index("We")
    quotes = pl.DataFrame({"quote_id": [f"{doc_id}-q0"], "doc_id": [doc_id],
                           "char_start": [start], "char_end": [text.index(',"')]})
    out = extract_numeric_claims(sentences, quotes)
    assert out.schema == pl.Schema(SCHEMA)
    for row in out.iter_rows(named=True):
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    assert out["quote_id"].to_list() == [f"{doc_id}-q0", None]
    assert out["claim_id"].to_list() == [f"{doc_id}-c0", f"{doc_id}-c1"]


def test_nearly_half_is_a_claim():
    row = one("Output fell by nearly half of its total.")
    assert (row["value"], row["qualifier"]) == (0.5, "nearly")


def test_empty_and_pathological_input():
    empty = extract_numeric_claims(pl.DataFrame(schema={
        "sentence_id": pl.String, "doc_id": pl.String, "paragraph_id": pl.String,
        "position": pl.Int32, "char_start": pl.Int32, "char_end": pl.Int32, "text": pl.String}))
    assert empty.schema == pl.Schema(SCHEMA) and empty.height == 0
    assert claims_of("9" * 400 + ".").height == 0
    numbers = claims_of(" ".join(str(i) for i in range(2000)) + ".")
    assert numbers["value"].is_finite().all()
    words = claims_of(" ".join(["one hundred and twenty-five thousand"] * 500) + ".")
    assert words["value"].is_finite().all()
    assert claims_of("1e999 and 9^999 and " + "1," * 300 + "5.")["value"].is_finite().all()


def test_unicode_offsets_are_code_points():
    text = "Ünïcödé café — “naïve” résumé: 12 élèves 😀 and 7 more people."
    out = claims_of(text)
    for row in out.iter_rows(named=True):
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    assert out["value"].to_list() == [12, 7]


def test_count_claims():
    docs = pl.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]})
    claims = pl.DataFrame({"doc_id": ["a", "a"]})
    assert count_claims(docs, claims)["n_claims"].to_list() == [2, 0]
