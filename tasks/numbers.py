"""Number parsing: regex building blocks and value normalisation.

The patterns here only say what a number looks like (digits, words, scales, fractions, powers);
deciding whether a number is a claim lives in `tasks/numeric_claims.py`. All patterns are written
for the Rust `regex` crate polars uses: no look-around, and ASCII word boundaries `(?-u:\\b)` so
the lazy DFA stays usable on non-ASCII text (a Unicode `\\b` forces a much slower engine).
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

B = r"(?-u:\b)"

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
WORD_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12,
}
# Abbreviated scales as newswires write them ("1.5 mln dlrs", "$1.13bn", "40k"). A lone "b"
# only means billion after a currency ("$5b"); "1500 b" is bytes or barns (see numeric_claims).
ABBREV_SCALES = {
    "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6, "bln": 1e9, "bn": 1e9, "b": 1e9, "tn": 1e12,
    "tln": 1e12, "trn": 1e12, "k": 1e3,
}
SCALES = {**ABBREV_SCALES, **WORD_SCALES}
# The abbreviations that also follow a number written in words ("four mln dlrs", "two bln"): the
# one-letter ones would read "one m" or "five k" as millions and thousands.
SPELLED_ABBREVS = {k: v for k, v in ABBREV_SCALES.items() if len(k) > 1}
FRACTION_CHARS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_ORDINALS = {
    "half": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
# Denominators, singular and plural ("a fifth", "three fifths", "two halves").
FRACTION_WORDS = {**_ORDINALS, **{k + "s": v for k, v in _ORDINALS.items()},
                  "halves": 2, "firsts": 1, "first": 1, "seconds": 2, "second": 2}
DOZENS = {"dozen", "dozens", "dz", "dzs", "doz", "dozs"}


def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


UNIT_WORD = rf"(?:{_alt(UNITS)})"
TENS_WORD = rf"(?:{_alt(TENS)})"
DIGIT_WORD = rf"(?:{_alt(k for k in UNITS if 0 < UNITS[k] < 10)})"
# "twenty-five", "twenty five", "fifty - two", "forty", "seven"
SMALL_WORD = rf"(?:{B}{TENS_WORD}(?:(?:\s*-\s*|\s+){DIGIT_WORD})?{B}|{B}{UNIT_WORD}{B})"
SCALE_WORD = rf"(?:{B}(?:{_alt(WORD_SCALES)}){B})"
# A scale word may be followed by "and <small>" ("two hundred and five", "3 hundred and 21").
SCALE_PART = rf"(?:{SCALE_WORD}(?:\s+and\s+(?:{SMALL_WORD}|\d{{1,3}}{B}))?)"
_HEAD = (rf"(?:{SMALL_WORD}|{B}\d{{1,3}}|{B}an?|{B}(?:half|quarter)(?:\s+an?)?|{B}an?\s+(?:half|quarter)"
         rf"|{B}one\s+and\s+an?\s+half)")
# After a scale, digits only continue the number when another scale follows ("4 thousand 3
# hundred"), so "5 million 200 jobs" stays two numbers.
_INT = (
    rf"(?:{_HEAD}(?:[\s-]+{SCALE_PART})+(?:[\s-]+(?:{SMALL_WORD}(?:[\s-]+{SCALE_PART})*"
    rf"|\d{{1,3}}(?:[\s-]+{SCALE_PART})+))*"
    rf"|(?:{B}an?|{B}half\s+an?|{SMALL_WORD}|\d{{1,3}})[\s-]+(?:{_alt(DOZENS)}){B}"
    rf"|{SMALL_WORD}|{B}half{B})"
)
_DENOM = (rf"(?:{TENS_WORD}[\s-]+(?:{_alt(k for k in FRACTION_WORDS if _ORDINALS.get(k.rstrip('s'), 10) < 10 or k.startswith('first'))})"
          rf"|{_alt(k for k in FRACTION_WORDS if not k.startswith(('first', 'second')))}){B}")
# "two-thirds", "a fifth", "one twenty-fifth", "two thirds of a million"
WORD_FRACTION = rf"(?:(?:{_INT}|{B}an?)[\s-]+{_DENOM}(?:\s+of\s+an?\s+{SCALE_WORD})?)"
# "two hundred point zero three", "nine point nought four", "point seventy-one"
_POINT = rf"(?:\s+point(?:(?:\s+(?:{DIGIT_WORD}|zero|nought|naught|oh){B})+|\s+{SMALL_WORD}))"
# "five and a quarter", "3 million and a half", "six million and two thirds"
AND_FRACTION = rf"(?:\s+and\s+(?:{B}an?|{SMALL_WORD})[\s-]+{_DENOM})"
WORD_NUMBER = rf"(?:{WORD_FRACTION}|{_INT}(?:\s+(?:{_alt(SPELLED_ABBREVS)}){B}|{_POINT}?{AND_FRACTION}?))"
# 15 significant digits at most: longer digit runs are identifiers, and the match then fails on
# the boundary check in the claim filter instead of producing an infinite float. Thin and
# ordinary spaces group thousands too ("40 000", "1 414 021 100"), and Indian grouping
# ("12,34,567.89") is read as one number.
DIGITS = (r"(?:\d{1,3}(?:[ \u202f\u00a0]\d{3}){1,4}(?:\.\d{1,12})?(?-u:\b)"
          r"|\d{1,2}(?:,\d{2}){1,3},\d{3}(?:\.\d{1,12})?"
          r"|\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,12})?|\d{1,15}(?:\.\d{1,12})?|\.\d{1,12})")
# "1.3e6", "2.48×10−5", "5.5x10-3", "1.1^23"
POWER = rf"(?:[eE][+-]?\d{{1,3}}{B}|\s?[×x]\s?10\s?\^?\s?[-−+]?\d{{1,3}}{B}|\^[-+−]{{0,2}}\d{{1,3}}{B})"
# A whole part joins with a space or, as newswires write it, a hyphen ("1 1/2", "1-1/2").
FRACTION = r"(?:(?:\d{1,3}(?:\s+|-))?\d{1,3}/\d{1,3}(?-u:\b)|\d{0,3}[½¼¾⅓⅔⅛])"
SCALE = rf"(?:{_alt(SCALES)})"
# A digit number with an optional scale ("2.5 million", "1.13bn", "40k"). The scale must end on
# a word boundary so "5 more" or "10km" do not read as scales.
DIGIT_NUMBER = rf"(?:{FRACTION}|{DIGITS}(?:{POWER}|\s?{SCALE}{B}(?:\s+and\s+an?\s+half{B})?)?)"
NUMBER = rf"(?:{WORD_NUMBER}|{DIGIT_NUMBER}(?:\s+{SCALE_WORD})?)"

_PLAIN = re.compile(r"^(\d[\d,]*(?:\.\d+)?|\.\d+)$")


def _int_value(toks: list[str]) -> float | None:
    """Value of an integer-like run of tokens: "two hundred and five", "half a million",
    "4 thousand 3 hundred and 21", "three dozen"."""
    total, current, seen, part = 0.0, 0.0, False, 1.0
    for i, t in enumerate(toks):
        if t == "and":
            continue
        if t in ("a", "an"):
            if current == 0:
                current = 1.0
            seen = True
            continue
        if t in ("half", "quarter"):
            # "one and a half million": the half adds to the count; "half a million" scales it
            if i >= 3 and toks[i - 2] == "and" and toks[i - 1] in ("a", "an"):
                current += 0.5 if t == "half" else 0.25
            else:
                part = 0.5 if t == "half" else 0.25
            seen = True
            continue
        if t[0].isdigit():
            current += float(t)
        elif t in UNITS:
            current += UNITS[t]
        elif t in TENS:
            current += TENS[t]
        elif t in DOZENS:
            current = (current or 1.0) * 12 * part
            part = 1.0
        elif t == "hundred":
            current = (current or 1.0) * 100
        elif t in WORD_SCALES or t in SPELLED_ABBREVS:
            total += (current or 1.0) * part * SCALES[t]
            current, part = 0.0, 1.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (current * part if current else (part if part != 1.0 else 0.0))


def _fraction_value(toks: list[str]) -> float | None:
    """ "a fifth", "three twenty-fifths", "two thirds": numerator over an ordinal denominator. A
    singular denominator needs a numerator of one ("twenty third" is the ordinal 23rd)."""
    den_word = toks[-1]
    den = FRACTION_WORDS[den_word]
    num_toks = toks[:-1]
    if den_word in ("first", "firsts", "second", "seconds") or (
            _ORDINALS.get(den_word.rstrip("s"), 10) < 10 and num_toks and num_toks[-1] in TENS
            and len(num_toks) > 1):
        if not num_toks or num_toks[-1] not in TENS or len(num_toks) < 2:
            return None
        den += TENS[num_toks[-1]]
        num_toks = num_toks[:-1]
    num = _int_value(num_toks) if num_toks else None
    if num is None:
        return None
    if not den_word.endswith("s") and den_word not in ("half",) and num != 1:
        return None
    return num / den


@lru_cache(maxsize=65536)
def words_to_number(text: str) -> float | None:
    """Value of a number written with words or in an unusual notation ("two hundred and five",
    "half a million", "five and a quarter", "nine point nought four", "1.3e6", "2.48×10−5").

    Called once per distinct phrase (see `number_value`), so the Python here runs over the few
    distinct spellings in a batch, not over every match."""
    s = text.lower().replace("−", "-").replace("\u202f", " ").replace("\u00a0", " ")
    m = re.fullmatch(r"([\d.,]+)\s?[×x]\s?10\s?\^?\s?([-+]?\d+)", s)
    if m:
        return float(m.group(1).replace(",", "")) * 10.0 ** int(m.group(2))
    m = re.fullmatch(r"([\d.]+)\^([-+]{0,2})(\d+)", s)
    if m:
        exp = int(m.group(3)) * (-1 if m.group(2).count("-") % 2 else 1)
        try:
            return float(m.group(1)) ** exp
        except (OverflowError, ZeroDivisionError):
            return None
    m = re.fullmatch(r"(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)", s)
    if m:  # a race time, in seconds
        return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    if re.fullmatch(r"[\d.]+e[-+]?\d+", s):
        return float(s)
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:\.\d+)?", s):
        return float(s.replace(" ", ""))
    toks = re.findall(r"[a-z]+|\d+(?:\.\d+)?", s.replace(",", ""))
    if not toks:
        return None
    if "point" in toks:
        i = toks.index("point")
        whole = _int_value(toks[:i])
        digits = "".join(str(UNITS[t]) if t in UNITS else "0" if t == "oh" else
                         str(TENS[t] + (UNITS[toks[j + 1]] if j + 1 < len(toks) and toks[j + 1] in UNITS else 0))
                         if t in TENS else "" for j, t in enumerate(toks[i + 1:], i + 1)
                         if not (j > i + 1 and toks[j - 1] in TENS and t in UNITS))
        return None if whole is None or not digits else whole + float("0." + digits)
    if toks[-1] == "of":
        return None
    if len(toks) > 3 and toks[-3:-1] in (["of", "a"], ["of", "an"]) and toks[-1] in WORD_SCALES:
        frac = _fraction_value(toks[:-3])
        return None if frac is None else frac * WORD_SCALES[toks[-1]]
    if toks[-1] in FRACTION_WORDS:
        # "five and a quarter", "3 million and a half": the tail after the last "and" is a
        # fraction of one, or of the last large scale ("one hundred and three quarters" is
        # 100.75, "six million and two thirds" 6.67 million)
        if "and" in toks:
            i = len(toks) - 1 - toks[::-1].index("and")
            frac, whole = _fraction_value(toks[i + 1:]), _int_value(toks[:i])
            if frac is not None and whole is not None:
                big = [WORD_SCALES[t] for t in toks[:i] if WORD_SCALES.get(t, 0) >= 1e3]
                return whole + frac * (big[-1] if big and toks[i - 1] in WORD_SCALES else 1.0)
        if len(toks) > 1:
            return _fraction_value(toks)
    return _int_value(toks)


def _words_batch(s: pl.Series) -> pl.Series:
    uniq = s.drop_nulls().unique()
    mapping = {u: words_to_number(u) for u in uniq.to_list()}
    return s.replace_strict(mapping, default=None, return_dtype=pl.Float64)


def number_value(expr: pl.Expr) -> pl.Expr:
    """Float value of one number as written, without currency or unit ("2,500", "2.5 million",
    "$1.13bn" minus the "$", "twenty-five", "1 1/2", "½", "1.3e6"). Null when it is not a number.
    Plain digits with an optional scale are computed as expressions; anything else goes through
    `words_to_number` once per distinct spelling."""
    return expr.map_batches(_number_values, return_dtype=pl.Float64)


# Built once per process: `extract_groups` compiles its pattern when the expression is built, and
# polars' small regex cache does not keep it from one call to the next.
_FRACTION_GROUPS = pl.col("s").str.extract_groups(r"^(?:(\d{1,3})(?:\s+|-))?(\d{1,3})/(\d{1,3})$")


def _number_values(numbers: pl.Series) -> pl.Series:
    # Each part is a column: the parts are reused, and nested in one expression every use
    # evaluated them (and the lower-cased text they read) again.
    f = pl.DataFrame({"s": numbers}).select(s=pl.col("s").str.to_lowercase().str.strip_chars())
    s = pl.col("s")
    f = f.with_columns(
        lead=s.str.extract(r"^(\d[\d,]*(?:\.\d+)?|\.\d+)", 1),
        frac_char=s.str.extract(r"([½¼¾⅓⅔⅛])$", 1).replace_strict(
            FRACTION_CHARS, default=None, return_dtype=pl.Float64),
        frac=_FRACTION_GROUPS,
    )
    lead, frac = pl.col("lead"), pl.col("frac")
    f = f.with_columns(
        digits=lead.str.replace_all(",", "").cast(pl.Float64, strict=False),
        rest=s.str.slice(lead.str.len_chars().fill_null(0)).str.strip_chars(),
    )
    rest, digits, frac_char = pl.col("rest"), pl.col("digits"), pl.col("frac_char")
    f = f.with_columns(scale=pl.when(rest == "").then(pl.lit(1.0))
                       .otherwise(rest.replace_strict(SCALES, default=None, return_dtype=pl.Float64)))
    scale = pl.col("scale")
    frac_value = frac.struct[0].cast(pl.Float64, strict=False).fill_null(0.0) + frac.struct[
        1
    ].cast(pl.Float64, strict=False) / frac.struct[2].cast(pl.Float64, strict=False)
    unicode_frac = (
        s.str.extract(r"^(\d{1,3})[½¼¾⅓⅔⅛]$", 1).cast(pl.Float64, strict=False).fill_null(0.0)
        + frac_char
    )
    return f.select(
        pl.when(frac_char.is_not_null())
        .then(unicode_frac)
        .when(frac.struct[1].is_not_null())
        .then(frac_value)
        .when(digits.is_not_null() & scale.is_not_null())
        .then(digits * scale)
        # only what the expressions above cannot read goes to Python
        .otherwise(pl.when(digits.is_null() | scale.is_null()).then(s)
                   .map_batches(_words_batch, return_dtype=pl.Float64))
    ).to_series().alias(numbers.name)
