"""Units a bare number borrows from the claim before it in its sentence: the base of a comparison
("rose to 12.5 mln dlrs from 10.2 mln", "Shr 19 cts vs 18", "6.05 hectares, up from 2.48",
"10.15 pct against 9.66") is written without the unit the first amount already gave."""

from __future__ import annotations

import polars as pl

# the words that open the base of a comparison (a range's "from" is in the match, not before it)
_BASE_WORDS = ("vs ", "vs. ", "versus ", "against ", "compared with ", "compared to ")
_KINDS = ("money", "percent", "measure", "duration")
_FLAGS = ("_scaled", "_base", "_row")


def base_of_comparison(c: pl.DataFrame) -> pl.Series:
    """True on a bare count (no unit, no object) that is the base of a comparison: after `from`
    (read as the range lead `rp`) or one of `_BASE_WORDS`; the literal end tests read those rows
    only."""
    bare = (c["unit"].is_null() & c["object"].is_null() & (c["kind"] == "count")).fill_null(False)
    out = pl.repeat(False, c.height, dtype=pl.Boolean, eager=True)
    at = bare.arg_true().cast(pl.UInt32)
    if at.len() == 0:
        return out
    pre, test = c["pre"].gather(at), c["rp"].gather(at).eq_missing("from")
    for w in _BASE_WORDS:
        test = test | pre.str.ends_with(w)
    return out.scatter(at, test)


def with_borrowed_units(c: pl.DataFrame, pre: pl.Series) -> pl.DataFrame:
    """`c`, sorted by document and start, with a unit on the bases of comparisons (`_base`) right
    after a claim with a unit in the same sentence: the unit, kind and multiplier (cents) of that
    claim. Not when only one of the two has a scale word (`_scaled`: "5 mln dlrs vs 400,000"
    leaves the scale open). Bracketed conversions (the text before, `pre` at row `_row` of the
    unsorted frame, ends with " (", or with ", " or "; " after one) are passed over: "6.05 hectares (14.95 acres; .0605 square
    km), up from 2.48" is in hectares. Reads the few bases only (gathers, not passes over every
    claim)."""
    idx = c["_base"].arg_true().cast(pl.UInt32)
    idx = idx.filter(idx > 0)
    if idx.len() == 0:
        return c.drop(_FLAGS)

    def at(name: str, k: pl.Series | int) -> pl.Series:
        return c[name].gather((idx.cast(pl.Int64) - k).clip(lower_bound=0).cast(pl.UInt32))

    def inside(k: int) -> pl.Series:
        text, before = pre.gather(at("_row", k)), pre.gather(at("_row", k + 1))
        return text.str.ends_with(" (") | (text.str.ends_with(", ") | text.str.ends_with("; ")) & before.str.ends_with(" (")

    # the claim compared: the first of the three before outside brackets
    k = pl.select(pl.when(~inside(1)).then(1).when(~inside(2)).then(2).otherwise(3)).to_series()
    same = (idx.cast(pl.Int64) >= k) & (at("sentence_id", k) == c["sentence_id"].gather(idx))
    unit, kind, mult = at("unit", k), at("kind", k), at("u_mult", k)
    ok = (same & unit.is_not_null() & kind.cast(pl.String).is_in(_KINDS)
          & (at("_scaled", k) == c["_scaled"].gather(idx))).fill_null(False)
    idx, unit, kind, mult = idx.filter(ok), unit.filter(ok), kind.filter(ok), mult.filter(ok)
    if idx.len() == 0:
        return c.drop(_FLAGS)
    return c.with_columns(
        unit=c["unit"].clone().scatter(idx, unit), kind=c["kind"].clone().scatter(idx, kind),
        value=c["value"].clone().scatter(idx, c["value"].gather(idx) * mult),
        value_max=c["value_max"].clone().scatter(idx, c["value_max"].gather(idx) * mult),
        u_mult=c["u_mult"].clone().scatter(idx, mult),
    ).drop(_FLAGS)
