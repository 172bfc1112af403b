"""Compound units of numeric claims: a physical unit divided by another ("6.4 mg per liter" is
mg/l, "0.002 moles of oxygen per cubic meter" mol/m³, "25 µg/m3" µg/m³, "3 tonnes per hectare"
t/ha), as pint writes the ratio. Money per unit ("5 dlrs per barrel") stays money, a percent stays a
percent: the price or share is the claim, and their text is left as it was."""

from __future__ import annotations

import polars as pl

from tasks import units as U
from tasks.ascii_patterns import Rx
from tasks.claim_candidates import on_rows

_PER_FORMS = {f: U.PINT_SYMBOLS[name][0] for name in U.PER_UNITS for f in U.PHYSICAL[name]}
# What the amount is of may stand between the two units ("moles of oxygen per cubic meter").
_PER_RE = (r"(?i)^(?:\s+of\s+[a-z]+)?(?:\s+per\s+|\s?/\s?)(?:a\s+)?(?:"
           + U.unit_alternation(_PER_FORMS) + r")(?-u:\b)")
_PER_UNIT_RE = r"(?i)(?:\s+per\s+|\s?/\s?)(?:a\s+)?(?P<u>.+)$"


def with_compound_units(c: pl.DataFrame, rx: Rx) -> pl.DataFrame:
    """`c` (after the unit columns of `_parse`) with a second unit after `per` or `/` taken into
    the claim: `u_unit` becomes the ratio, the match and its end grow over it. Read on the rows
    with a physical measure whose next word is `per`, `of` or a slash only (literal tests)."""
    post = pl.col("post")
    measure = (pl.col("u_kind") == "measure").fill_null(False)
    maybe = on_rows(c, measure, post.str.starts_with(" per ") | post.str.starts_with("/") | post.str.starts_with(" /")
                    | post.str.starts_with(" of "), pl.Boolean, False)
    if not maybe.any():
        return c
    per = on_rows(c.with_columns(_maybe=maybe), pl.col("_maybe"), post.str.extract(rx(_PER_RE), 0), pl.String)
    at = per.is_not_null().arg_true().cast(pl.UInt32)
    if at.len() == 0:
        return c
    rows = c.select("m", "post", "end", "u_unit")[at].with_columns(per=per.gather(at))
    key = (pl.col("per").str.extract_groups(rx(_PER_UNIT_RE)).struct["u"]
           .str.to_lowercase().str.replace_all(rx(r"\s+"), " "))
    rows = rows.with_columns(k=pl.col("per").str.len_chars().cast(pl.Int32)).select(
        m=pl.col("m") + pl.col("per"), post=pl.col("post").str.slice(pl.col("k")),
        end=(pl.col("end") + pl.col("k")).cast(pl.Int32),
        u_unit=pl.col("u_unit") + "/" + key.replace_strict(_PER_FORMS, default=None))
    return c.with_columns(**{name: c[name].clone().scatter(at, rows[name]) for name in rows.columns})
