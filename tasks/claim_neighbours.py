"""Units a bare number borrows from the claim before it in its sentence: the base of a comparison
("rose to 12.5 mln dlrs from 10.2 mln", "Shr 19 cts vs 18", "6.05 hectares, up from 2.48",
"10.15 pct against 9.66") is written without the unit the first amount already gave."""

from __future__ import annotations

import polars as pl

# the words that open the base of a comparison (a range's "from" is in the match, not before it)
_BASE_WORDS = ("vs ", "vs. ", "versus ", "against ", "compared with ", "compared to ")


def base_words(pre: pl.Expr, rp: pl.Expr) -> pl.Expr:
    """True where the number is the base of a comparison: after `from` (read as the range lead
    `rp`) or one of `_BASE_WORDS` (literal end tests: no regex over every row)."""
    test = rp.eq_missing("from")
    for w in _BASE_WORDS:
        test = test | pre.str.ends_with(w)
    return test


def with_borrowed_units(c: pl.DataFrame) -> pl.DataFrame:
    """`c`, sorted by document and start, with a unit on a bare count that is the base of a
    comparison (`_base`) right after a claim with a unit in the same sentence: the unit, kind and
    multiplier (cents) of that claim. Not when only one of the two has a scale word ("5 mln dlrs
    vs 400,000" leaves the scale open) or when the number counts a noun of its own ("from 400
    stores")."""
    # The amount compared is the last one outside brackets: conversions restate it ("6.05
    # hectares (14.95 acres, .0605 square km), up from 2.48" is in hectares). Its row is found by
    # a forward fill of the row numbers of the claims outside brackets.
    inside = pl.col("_conv") | pl.col("_comma") & pl.col("_conv").shift(1).fill_null(False)
    src = pl.when(~inside).then(pl.int_range(pl.len(), dtype=pl.UInt32)).shift(1).forward_fill()
    c = c.with_columns(_src=src)

    def before(name: str) -> pl.Expr:
        return pl.when(pl.col("_src").is_not_null()).then(pl.col(name).gather(pl.col("_src").fill_null(0)))

    prev = before("sentence_id") == pl.col("sentence_id")
    borrow = (pl.col("_base") & prev & pl.col("unit").is_null() & (pl.col("kind") == "count")
              & pl.col("object").is_null() & before("unit").is_not_null()
              & before("kind").is_in(["money", "percent", "measure", "duration"])
              & (pl.col("_scaled") == before("_scaled"))).fill_null(False)
    mult = before("u_mult")
    return c.with_columns(
        unit=pl.when(borrow).then(before("unit")).otherwise("unit"),
        kind=pl.when(borrow).then(before("kind")).otherwise("kind"),
        value=pl.when(borrow).then(pl.col("value") * mult).otherwise("value"),
        value_max=pl.when(borrow).then(pl.col("value_max") * mult).otherwise("value_max"),
        u_mult=pl.when(borrow).then(mult).otherwise("u_mult"),
    ).drop("_base", "_scaled", "_conv", "_comma", "_src")
