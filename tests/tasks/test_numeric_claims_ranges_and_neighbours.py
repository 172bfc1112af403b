"""Ranges that are really changes, and numbers that share a currency word (found on Reuters)."""

import polars as pl
import pytest

from schemas.contracts import schema_failures
from schemas.numeric_claims import NumericClaimsSchema, check_claims_against
from tasks.numeric_claims import extract_numeric_claims
from tasks.segment import segment_paragraphs, segment_sentences

DOC = "0123456789abcdef"


def claims(text: str):
    docs = pl.DataFrame({"doc_id": [DOC], "text": [text]})
    sentences = segment_sentences(segment_paragraphs(docs))
    out = extract_numeric_claims(sentences)
    assert schema_failures("t", "numeric_claims", NumericClaimsSchema, out).height == 0
    assert check_claims_against(out, docs, sentences).height == 0
    return out


def test_a_year_never_starts_a_range():
    out = claims("Output rose from 1985 to 119.3 billion yuan in the period.")
    assert out["value_max"].is_null().all()
    assert 119.3e9 in out["value"].to_list()


def test_a_falling_pair_is_a_change_not_a_range():
    out = claims("Reserves fell from 400 mln to 300 mln dlrs last year.")
    row = out.row(0, named=True)
    assert row["value_max"] is None and row["value"] == 300e6 and row["trend"] == "down"


def test_a_unit_after_a_range_does_not_inflate_the_lower_end():
    row = claims("Sales rose from 380,000 to 12.11 mln units.").row(0, named=True)
    assert row["value"] <= row["value_max"]


def test_a_currency_word_between_two_numbers_is_not_shared():
    out = claims("The dollar was quoted at 6.0612 YEN 145.15 STG 1.6198 in early trade.")
    ends = list(zip(out["char_start"], out["char_end"]))
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ends, ends[1:]))


def _ranges(text: str):
    return [(r["value"], r["value_max"], r["unit"]) for r in claims(text).iter_rows(named=True)]


@pytest.mark.parametrize("text,value,value_max,unit", [
    ("The dose was between 44 mg and 50 mg a day.", 44, 50, "mg"),
    ("The road runs from 10 km to 20 km inland.", 10, 20, "km"),
    ("Prices ranged from $350 per kg to $680 per kg last year.", 350, 680, "USD"),
    ("Growth was between 5% and 7% this year.", 5, 7, "%"),
    ("It was between 5 percentage points and 7 percentage points.", 5, 7, "pp"),
    ("Estimates ranged from 3.10 dlrs to 3.40 dlrs a share.", 3.10, 3.40, "USD"),
    ("It would cost between 25 mln stg and 100 mln stg.", 25e6, 100e6, "GBP"),
    ("They travelled between 5 kilometres and 7 kilometres.", 5, 7, "km"),
    ("It costs between 5 cents and 7 cents.", 0.05, 0.07, "USD"),
    ("It cost between US$5 and $7 each.", 5, 7, "USD"),
    # "between ... to" is written too (Reuters, Recognizers-Text)
    ("They will pay between 100 mln dlrs to 150 mln dlrs.", 100e6, 150e6, "USD"),
    ("It would raise between 300 to 350 mln stg.", 300e6, 350e6, "GBP"),
    # two negative ends: `value` is the lower end whichever is written first
    ("Temperatures ranged from -18 °C to -34 °C overnight.", -34, -18, "°C"),
    ("Temperatures ranged from -18 to -34 °C overnight.", -34, -18, "°C"),
    ("Temperatures were between -5 and -10 °C.", -10, -5, "°C"),
    ("It was quoted at -0.90 to -1.10 pct.", -1.1, -0.9, "%"),
])
def test_a_unit_on_both_ends_is_one_range(text, value, value_max, unit):
    (got,) = _ranges(text)
    assert got == (pytest.approx(value), pytest.approx(value_max), unit)


@pytest.mark.parametrize("text,expected", [
    # different units on the two ends: two claims
    ("The dose was between 5 mg and 7 km.", [(5, None, "mg"), (7, None, "km")]),
    ("It rose 5 pct to 7 mln dlrs.", [(5, None, "%"), (7e6, None, "USD")]),
    ("It cost from $5 to £7 each.", [(5, None, "USD"), (7, None, "GBP")]),
    ("It rose from 5 pct to 7 mln dlrs.", [(5, None, "%"), (7e6, None, "USD")]),
    ("Rates were between 5% and $7 each.", [(5, None, "%"), (7, None, "USD")]),
    # a unit on the lower end only: two claims
    ("The dose was between 5 mg and 7 of them.", [(5, None, "mg"), (7, None, None)]),
    # bare "X u to Y u" after a change verb is a change and a level, not a range
    ("M-1 fell 1.16 billion dlrs to 32.94 billion dlrs.", [(1.16e9, None, "USD"), (32.94e9, None, "USD")]),
    # a dash between two amounts is punctuation, not a negative sign
    ("The margin will be 1,000 dlrs--750 dlrs original margin.", [(1000, None, "USD"), (750, None, "USD")]),
])
def test_ends_that_do_not_agree_are_two_claims(text, expected):
    assert _ranges(text) == [(pytest.approx(v), None if m is None else pytest.approx(m), u) for v, m, u in expected]


def test_years_and_scores_stay_out():
    assert claims("He served from 2010 to 2015 as mayor.").height == 0
    assert claims("The team won 3-1 on Sunday.").height == 0


def test_a_falling_pair_with_units_on_both_ends_is_a_change():
    # like "fell from 400 mln to 300 mln dlrs": the claim is the new value, trend down (not a score)
    row = claims("The par value fell from 10 dlrs a share to 2.50 dlrs a share.").row(0, named=True)
    assert (row["value"], row["value_max"], row["unit"], row["trend"]) == (2.5, None, "USD", "down")
    # a negative second end is never a score
    row = claims("Growth fell from 2% to -1% last year.").row(0, named=True)
    assert (row["value"], row["value_max"], row["trend"]) == (-1, None, "down")


def test_a_rising_pair_is_a_range_with_its_trend():
    # "rose from 5% to 7%" is written as a range: value the lower end, value_max the upper, and the
    # verb gives the trend (as before for percents; now the same with any unit on both ends)
    for text in ("It rose from 5% to 7% last year.", "Sales rose from 5 mln dlrs to 7 mln dlrs."):
        (row,) = claims(text).iter_rows(named=True)
        assert row["value"] < row["value_max"] and row["trend"] == "up", row
    row = claims("Temperatures rose from -34 °C to -18 °C.").row(0, named=True)
    assert (row["value"], row["value_max"], row["trend"]) == (-34, -18, "up")


def test_a_falling_percent_pair_is_a_change_not_a_score():
    for text in ("Inflation fell from 7% to 5% last year.", "It lowered its holding from 100 pct to 41 pct."):
        (row,) = claims(text).iter_rows(named=True)
        assert (row["value_max"], row["unit"], row["trend"]) == (None, "%", "down"), row


@pytest.mark.parametrize("text,value,value_max,unit", [
    # the lower end written in words borrows the upper end's scale, and "one" there is a number,
    # not the idiom "one of"
    ("They bought between one and two million tonnes of corn.", 1e6, 2e6, "t"),
    ("Production of one to two mln lbs of uranium is planned.", 1e6, 2e6, "lb"),
    ("The deficit would be between three and four billion dlrs.", 3e9, 4e9, "USD"),
    # newswire fractions ("1-1/2") are one number at either end
    ("The coupon was set at 6-3/4 to seven pct.", 6.75, 7, "%"),
    ("Inflation would be about one to 1-1/2 pct.", 1, 1.5, "%"),
])
def test_word_and_fraction_ends_make_one_range(text, value, value_max, unit):
    (got,) = _ranges(text)
    assert got == (pytest.approx(value), pytest.approx(value_max), unit)


@pytest.mark.parametrize("text,value,unit", [
    # a unit on the upper end only: after "from" the falling pair is a change, not a score
    ("The rate fell from 7 to 5 pct last year.", 5, "%"),
    ("Unemployment dropped from 8.1 to 7.9 percent.", 7.9, "%"),
    # and the lower end keeps the upper end's scale: 12 million, not 12
    ("Sales fell from 12 to 9 million dollars.", 9e6, "USD"),
    ("Prices fell from 400 to 350.", 350, None),
])
def test_a_falling_pair_after_from_is_a_change(text, value, unit):
    (row,) = claims(text).iter_rows(named=True)
    assert (row["value"], row["value_max"], row["unit"], row["trend"]) == (pytest.approx(value), None, unit, "down")


@pytest.mark.parametrize("text,unit", [
    ("He posted bail of 100,000 Georgian lari.", "GEL"),
    ("The deal was worth 3 mln baht.", "THB"),
    ("Profit rose to 5.6 mln ringgit.", "MYR"),
    ("It cost 20 billion rupiah.", "IDR"),
    ("The fine was 50 mln Kenyan shillings.", "KES"),
])
def test_currencies_named_in_words(text, unit):
    (row,) = claims(text).iter_rows(named=True)
    assert (row["unit"], row["kind"]) == (unit, "money")


@pytest.mark.parametrize("text,trend", [
    ("There were 85% more wildfires than in 2018.", "up"),
    ("Sales were 12 pct less than a year ago.", "down"),
    ("There were 32,000 more deaths.", None),  # a count of added deaths, not a change of rate
])
def test_a_percent_more_or_less_is_a_change(text, trend):
    (row,) = claims(text).iter_rows(named=True)
    assert row["trend"] == trend


@pytest.mark.parametrize("text,kind", [
    ("He was 95.", "age"),
    ("Park was 64 when she died.", "age"),
    ("I was 16 when I left home.", "age"),
    # not after a person: a count or a measure
    ("The death toll was 12.", "count"),
    ("The magnitude was 5.5.", "measure"),
])
def test_a_person_was_n_is_an_age(text, kind):
    (row,) = claims(text).iter_rows(named=True)
    assert row["kind"] == kind and (row["unit"] == "years") == (kind == "age")
