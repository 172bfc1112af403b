"""Running expressions within groups, for frames already sorted by their group key.

An order-dependent expression over a group (`cum_sum`, `shift`, `int_range` with `.over(key)`)
makes polars gather every group and scatter the results back, which is slow with many small
groups (a document's lines, a paragraph's sentences). On a frame sorted by the key, the same
values come from one pass over the whole column, reset where a group starts.
"""

from __future__ import annotations

import polars as pl


def group_starts(key: str) -> pl.Expr:
    """True on the first row of each group."""
    return pl.col(key).ne_missing(pl.col(key).shift(1))


def position_in(key: str) -> pl.Expr:
    """0, 1, 2, ... within each group: `pl.int_range(pl.len()).over(key)`."""
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    return row - pl.when(group_starts(key)).then(row).forward_fill()


def cum_sum_in(expr: pl.Expr, key: str) -> pl.Expr:
    """`expr.cum_sum().over(key)` (as Int64) for an integer expression without nulls."""
    value = expr.cast(pl.Int64)
    total = value.cum_sum()
    return total - pl.when(group_starts(key)).then(total - value).forward_fill()


def next_in(expr: pl.Expr, key: str) -> pl.Expr:
    """`expr.shift(-1).over(key)`: the value on the next row of the same group, null on the last."""
    return pl.when(pl.col(key).shift(-1).eq_missing(pl.col(key))).then(expr.shift(-1))


def last_index_in(condition: pl.Expr, index: pl.Expr, key: str) -> pl.Expr:
    """The `index` (never negative) of the last row so far in the group where `condition` holds:
    `pl.when(condition).then(index).forward_fill().over(key)`."""
    filled = pl.when(condition).then(index).when(group_starts(key)).then(-1).forward_fill()
    return pl.when(filled >= 0).then(filled)


def sum_in_runs(value: pl.Expr, starts: pl.Expr) -> pl.Expr:
    """The sum of `value` (integers without nulls) over each run of rows, a run beginning where
    `starts` is true (and at the first row): `value.sum().over(starts.cum_sum())`."""
    value = value.cast(pl.Int64)
    total = value.cum_sum()
    before = pl.when(starts).then(total - value).forward_fill().fill_null(0)
    at_end = pl.when(starts.shift(-1).fill_null(True)).then(total).backward_fill()
    return at_end - before
