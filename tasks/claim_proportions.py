"""Odds and proportions: `one in five`, `a one-in-five chance`, `two out of three voters`, `one
out of every thousand children` are one claim whose value is the proportion (0.2), no unit, kind
count, as the dev labels write them.

Written once as a separator of `_ranges` and reverted for cost (+3% of the stage: the gap regex
read every "5 pct in 1987", and the checks compiled the unit and number patterns again). Here
the candidates are paired by integer gap lengths first (the lengths of the few separators), the
gap strings are compared as literals on those rows only, and the checks read the columns `_parse`
already made (value, unit, currency, percent, spelling flags): no pattern is compiled."""

from __future__ import annotations

import polars as pl

from tasks.numbers import WORD_SCALES

# The text between the two numbers, as written (lower case: a capital "In" starts no odds).
_GAPS = [" in ", "-in-", " out of ", " in every ", " out of every "]
_GAP_LENS = sorted({len(g) for g in _GAPS})
# "one out of every thousand children": the scale word alone is no candidate, so it is read from
# the text after the lower end ("one in a million" is two candidates, paired above).
_EVERY = [f"{g}{w}" for g in (" in every ", " out of every ") for w in ("hundred", "thousand", "million")]


def with_proportions(c: pl.DataFrame) -> pl.DataFrame:
    """Joins `X in Y` / `X out of Y` into one claim on the rows where both are plain numbers (no
    unit, currency, percent, range or sign), X the smaller and Y no year; a count written in digits
    with `out of` (`7 out of 20 suspected cases`) stays two counts, as the dev labels write it.
    The joined row keeps the lower end's columns with `n1_v` the proportion and `ratio` set; the
    upper end's row is marked `pronoun`, which the claim filter drops."""
    plain = (pl.col("unit_raw").is_null() & pl.col("n1_cur").is_null() & ~pl.col("n1_pct") & pl.col("n2").is_null()
             & ~pl.col("neg"))
    gap_len = pl.col("start").shift(-1) - pl.col("end")
    pair = (pl.col("sentence_id").shift(-1) == pl.col("sentence_id")) & gap_len.is_in(_GAP_LENS)
    # The lower ends: a pair by gap length, or a word number whose text after it starts with
    # "every". Flags first, on all rows; the strings are gathered for the few flagged rows only.
    flags = c.select(_row=pl.int_range(pl.len(), dtype=pl.UInt32), gap_len=gap_len,
                     pair=(plain & pair).fill_null(False), word=plain & ~pl.col("_digits_only"))
    cols = ("post", "m", "n1_v", "_digits_only")
    words = flags.filter("word")
    every = pl.concat([words, c.select(cols)[words["_row"]]], how="horizontal").filter(
        pl.col("post").str.starts_with(" in every ") | pl.col("post").str.starts_with(" out of every "))
    # rare (none in most batches): the scale word is found in Python, no pattern to compile
    prefix = [next((e for e in _EVERY if p.startswith(e) and not p[len(e):len(e) + 1].isalnum()), None)
              for p in every["post"]]
    every = every.with_columns(prefix=pl.Series(prefix, dtype=pl.String)).filter(pl.col("prefix").is_not_null())
    rows = flags.filter("pair")
    rows = pl.concat([rows, c.select(cols)[rows["_row"]]], how="horizontal").filter(
        pl.col("post").str.slice(0, pl.col("gap_len")).is_in(_GAPS))
    if rows.height == 0 and every.height == 0:
        return c.with_columns(ratio=pl.lit(False))
    nxt = c[rows["_row"] + 1].select(n_m="m", n_v="n1_v", n_end="end", n_post="post", n_plain=plain, n_four="_four_digits")
    rows = pl.concat([rows, nxt], how="horizontal").with_columns(gap=pl.col("post").str.slice(0, pl.col("gap_len")))
    rows = rows.filter(pl.col("n_plain") & ~pl.col("n_four") & (pl.col("n1_v") < pl.col("n_v"))
                       & ~(pl.col("gap").str.starts_with(" out of") & pl.col("_digits_only")))
    # a lower end joined already is no upper end ("one in five in ten")
    rows = rows.filter(~pl.col("_row").is_in((rows["_row"] + 1).implode()))
    joined = rows.select("_row", m=pl.col("m") + pl.col("gap") + pl.col("n_m"), end="n_end", post="n_post",
                         n1_v=pl.col("n1_v") / pl.col("n_v"))
    # the "every thousand" rows: the scale word is the upper end
    if every.height:
        scale = pl.Series([WORD_SCALES[p.rsplit(" ", 1)[1]] for p in every["prefix"]], dtype=pl.Float64)
        n = pl.col("prefix").str.len_bytes()
        extra = every.with_columns(end=c["end"].gather(every["_row"])).select(
            "_row", m=pl.col("m") + pl.col("prefix"), end=pl.col("end") + n.cast(pl.Int32),
            post=pl.col("post").str.slice(n), n1_v=pl.col("n1_v") / scale)
        joined = pl.concat([joined, extra.filter(~pl.col("_row").is_in(joined["_row"].implode()))])
    at = joined["_row"]
    ratio = pl.repeat(False, c.height, dtype=pl.Boolean, eager=True).scatter(at, True)
    # the upper ends go as pronouns do: the claim filter right after drops them (filtering the
    # wide frame here copied every column)
    upper = rows["_row"] + 1
    return c.with_columns(
        m=c["m"].clone().scatter(at, joined["m"]),
        end=c["end"].clone().scatter(at, joined["end"].cast(c["end"].dtype)),
        post=c["post"].clone().scatter(at, joined["post"]),
        n1_v=c["n1_v"].clone().scatter(at, joined["n1_v"]),
        pronoun=c["pronoun"].clone().scatter(at, False).scatter(upper, True),
        ratio=ratio,
    )
