"""Number parsing: digits, words, scales, fractions."""

from __future__ import annotations

import polars as pl
import pytest

from tasks.numbers import NUMBER, number_value, words_to_number


@pytest.mark.parametrize("text,value", [
    ("2,500", 2500), ("1.13", 1.13), ("0.5", 0.5), (".5", 0.5), ("eight", 8),
    ("twenty-five", 25), ("twenty five", 25), ("two hundred and five", 205), ("a dozen", 12),
    ("half a million", 500_000), ("2.5 million", 2_500_000), ("1.13bn", 1.13e9), ("40k", 40_000),
    ("5.2 mln", 5.2e6), ("1 1/2", 1.5), ("½", 0.5), ("3½", 3.5), ("two-thirds", 2 / 3),
    ("one and a half million", 1.5e6), ("seven hundred thousand", 700_000),
    ("a hundred", 100), ("three dozen", 36), ("1,000,000", 1e6),
    ("1.3e6", 1.3e6), ("2.48×10−5", 2.48e-5), ("5.5x10-3", 0.0055), ("2.5^-1", 0.4),
    ("40 000", 40_000), ("1 414 021 100", 1_414_021_100), ("12,34,567.89", 1_234_567.89),
    ("fifty - two", 52), ("4 thousand 3 hundred and 21", 4321), ("half a dozen", 6),
    ("3 dozens", 36), ("nine point nought four", 9.04), ("two hundred point seventy-one", 200.71),
    ("a fifth", 0.2), ("five eighths", 0.625), ("one twenty-fifth", 0.04),
    ("five and a quarter", 5.25), ("3 million and a half", 3.5e6), ("half million", 5e5),
    ("two thirds of a million", 2e6 / 3), ("13 lakh", 1.3e6), ("2:14:04", 8044),
    # newswire spellings: a word number with an abbreviated scale, a hyphen in a mixed fraction
    ("four mln", 4e6), ("twenty-five bln", 25e9), ("half mln", 5e5), ("1-1/2", 1.5), ("101-2/32", 101.0625),
])
def test_number_value(text, value):
    got = pl.select(number_value(pl.lit(text))).item()
    assert got == pytest.approx(value)


def test_not_a_number_is_null():
    assert pl.select(number_value(pl.lit("rockets"))).item() is None
    assert words_to_number("several") is None
    # "twenty third" is the ordinal 23rd, not twenty thirds
    assert words_to_number("twenty third") is None
    assert words_to_number("9^999") is None


def test_number_pattern_needs_word_boundaries():
    found = pl.select(pl.lit("someone often gave tone").str.extract_all("(?i)" + NUMBER)).item()
    assert found.to_list() == []


def test_one_letter_scales_do_not_follow_a_word_number():
    # "one m" is a metre and "five k" a five-kilometre race more often than millions and thousands
    found = pl.select(pl.lit("one m and five k, but four mln").str.extract_all("(?i)" + NUMBER)).item().to_list()
    assert found == ["one", "five", "four mln"]


def test_number_pattern_takes_whole_phrases():
    text = "two hundred and five men, a dozen eggs and 2.5 million dollars"
    found = pl.select(pl.lit(text).str.extract_all("(?i)" + NUMBER)).item().to_list()
    assert found == ["two hundred and five", "a dozen", "2.5 million"]


def test_frozen_unit_symbols_are_what_pint_says():
    from tasks.units import PHYSICAL, PINT_SYMBOLS, physical_unit

    assert set(PINT_SYMBOLS) == set(PHYSICAL)
    assert {name: physical_unit(name) for name in PHYSICAL} == PINT_SYMBOLS
