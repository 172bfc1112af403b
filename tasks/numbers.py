"""Number parsing: regex building blocks and vectorised value normalisation.

The patterns here only say what a number looks like (digits, words, scales, fractions); deciding
whether a number is a claim lives in `tasks/numeric_claims.py`. All patterns are written for the
Rust `regex` crate polars uses: no look-around, and ASCII word boundaries `(?-u:\\b)` so the
lazy DFA stays usable on non-ASCII text (a Unicode `\\b` forces a much slower engine).
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

B = r"(?-u:\b)"

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
WORD_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Abbreviated scales as newswires write them ("1.5 mln dlrs", "$1.13bn", "40k").
ABBREV_SCALES = {
    "mln": 1e6, "mn": 1e6, "m": 1e6, "bln": 1e9, "bn": 1e9, "b": 1e9, "tn": 1e12,
    "trn": 1e12, "k": 1e3, "thousand": 1e3,
}
SCALES = {**ABBREV_SCALES, **WORD_SCALES}
FRACTION_CHARS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


UNIT_WORD = rf"(?:{_alt(UNITS)})"
TENS_WORD = rf"(?:{_alt(TENS)})"
DIGIT_WORD = rf"(?:{_alt(k for k in UNITS if 0 < UNITS[k] < 10)})"
# "twenty-five", "twenty five", "forty", "seven"
SMALL_WORD = rf"(?:{B}{TENS_WORD}(?:[- ]{DIGIT_WORD})?{B}|{B}{UNIT_WORD}{B})"
SCALE_WORD = rf"(?:{B}(?:{_alt(WORD_SCALES)}){B})"
# A scale word may be followed by "and <small>" ("two hundred and five").
SCALE_PART = rf"(?:{SCALE_WORD}(?:\s+and\s+{SMALL_WORD})?)"
_HEAD = rf"(?:{SMALL_WORD}|{B}a|{B}half\s+a|{B}one\s+and\s+a\s+half|{B}a\s+half)"
WORD_NUMBER = (
    rf"(?:{_HEAD}(?:[\s-]+{SCALE_PART})+(?:[\s-]+{SMALL_WORD}(?:[\s-]+{SCALE_PART})*)*"
    rf"|(?:{B}a|{SMALL_WORD})[\s-]+dozen{B}"
    rf"|{SMALL_WORD}(?:\s+and\s+a\s+half{B})?)"
)
# "two-thirds", "three quarters": fractions written as words (a bare "third" is an ordinal).
WORD_FRACTION = (
    rf"(?:{SMALL_WORD}[\s-]+(?:{_alt(k for k in FRACTION_WORDS if k not in ('half', 'halves'))}){B})"
)
# 15 significant digits at most: longer digit runs are identifiers, and the match then fails on
# the boundary check in the claim filter instead of producing an infinite float.
DIGITS = r"(?:\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,12})?|\d{1,15}(?:\.\d{1,12})?|\.\d{1,12})"
FRACTION = r"(?:(?:\d{1,3}\s+)?\d{1,2}/\d{1,2}|\d{0,3}[½¼¾⅓⅔⅛])"
SCALE = rf"(?:{_alt(SCALES)})"
# A digit number with an optional scale ("2.5 million", "1.13bn", "40k"). The scale must end on
# a word boundary so "5 more" or "10km" do not read as scales.
DIGIT_NUMBER = rf"(?:{FRACTION}|{DIGITS}(?:\s?{SCALE}{B})?)"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_FRACTION}|{WORD_NUMBER}(?:\s+{SCALE_WORD})?)"


@lru_cache(maxsize=65536)
def words_to_number(text: str) -> float | None:
    """Value of a number written in words ("two hundred and five", "half a million").

    Called once per distinct phrase (see `number_value`), so the Python loop runs over the few
    distinct spellings in a batch, not over every match.
    """
    toks = re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower().replace(",", ""))
    total, current, seen = 0.0, 0.0, False
    half = False
    for i, t in enumerate(toks):
        if t == "and":
            continue
        if t in ("a", "an"):
            if current == 0 and not half:
                current = 1.0
            continue
        if t == "half":
            if current:
                current += 0.5
            else:
                half = True
            seen = True
            continue
        if t[0].isdigit():
            current += float(t)
        elif t in UNITS:
            current += UNITS[t]
        elif t in TENS:
            current += TENS[t]
        elif t == "dozen":
            current = (current or 1.0) * 12
        elif t == "hundred":
            current = (current or 1.0) * 100
        elif t in SCALES:
            scale = SCALES[t]
            current = (current or 1.0) * (0.5 if half else 1.0) * scale
            half = False
            total += current
            current = 0.0
        elif t in FRACTION_WORDS and i > 0:
            current = current / FRACTION_WORDS[t]
        else:
            return None
        seen = True
    if not seen:
        return None
    if half:
        current = 0.5 if current == 0 else current * 0.5
    return total + current


def _words_batch(s: pl.Series) -> pl.Series:
    uniq = s.drop_nulls().unique()
    mapping = {u: words_to_number(u) for u in uniq.to_list()}
    return s.replace_strict(mapping, default=None, return_dtype=pl.Float64)


def number_value(expr: pl.Expr) -> pl.Expr:
    """Float value of one number as written, without currency or unit ("2,500", "2.5 million",
    "$1.13bn" minus the "$", "twenty-five", "1 1/2", "½"). Null when it is not a number."""
    s = expr.str.to_lowercase().str.strip_chars()
    lead = s.str.extract(r"^(\d[\d,]*(?:\.\d+)?|\.\d+)", 1)
    digits = lead.str.replace_all(",", "").cast(pl.Float64, strict=False)
    rest = s.str.slice(lead.str.len_chars().fill_null(0)).str.strip_chars()
    scale = (
        pl.when(rest == "")
        .then(pl.lit(1.0))
        .otherwise(rest.replace_strict(SCALES, default=None, return_dtype=pl.Float64))
    )
    frac_char = s.str.extract(r"([½¼¾⅓⅔⅛])$", 1).replace_strict(
        FRACTION_CHARS, default=None, return_dtype=pl.Float64
    )
    frac = s.str.extract_groups(r"^(?:(\d{1,3})\s+)?(\d{1,2})/(\d{1,2})$")
    frac_value = frac.struct[0].cast(pl.Float64, strict=False).fill_null(0.0) + frac.struct[
        1
    ].cast(pl.Float64, strict=False) / frac.struct[2].cast(pl.Float64, strict=False)
    unicode_frac = (
        s.str.extract(r"^(\d{1,3})[½¼¾⅓⅔⅛]$", 1).cast(pl.Float64, strict=False).fill_null(0.0)
        + frac_char
    )
    return (
        pl.when(frac_char.is_not_null())
        .then(unicode_frac)
        .when(frac.struct[1].is_not_null())
        .then(frac_value)
        .when(digits.is_not_null() & scale.is_not_null())
        .then(digits * scale)
        .when(digits.is_null())
        .then(s.map_batches(_words_batch, return_dtype=pl.Float64))
        .otherwise(None)
    )
