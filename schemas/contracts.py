"""Running the contracts: per-table models and the checks that span tables.

Every failure becomes a row (table, check, column, key, detail), so a broken build leaves a
report that can be read, filtered and written like any other table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandera.errors
import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

FAILURE_SCHEMA = {"stage": pl.String, "table": pl.String, "check": pl.String, "column": pl.String,
                  "key": pl.String, "detail": pl.String}
PRIMARY_KEYS = {"documents": "doc_id", "clean_documents": "doc_id", "paragraphs": "paragraph_id",
                "sentences": "sentence_id", "quotes": "quote_id", "numeric_claims": "claim_id",
                "rejected": "source_path", "records": "source_path"}


class ContractViolation(Exception):
    """A stage produced rows that break its contract; `failures` names them."""

    def __init__(self, stage: str, failures: pl.DataFrame):
        self.stage = stage
        self.failures = failures
        super().__init__(self.summary())

    def summary(self, limit: int = 10) -> str:
        counts = self.failures.group_by("table", "check").agg(rows=pl.len()).sort("table", "check")
        lines = [f"contract failed after stage '{self.stage}': {self.failures.height} failing rows"]
        lines += [f"  {t}.{c}: {n} rows" for t, c, n in counts.iter_rows()]
        for row in self.failures.head(limit).iter_rows(named=True):
            lines.append(f"  - {row['table']} {row['key']}: {row['check']}"
                         + (f" ({row['column']})" if row["column"] else "") + f": {row['detail'][:160]}")
        return "\n".join(lines)


def failure_rows(stage: str, table: str, check: str, key: pl.Series, detail: pl.Series | str,
              column: str | None = None) -> pl.DataFrame:
    n = len(key)
    return pl.DataFrame({
        "stage": [stage] * n, "table": [table] * n, "check": [check] * n, "column": [column] * n,
        "key": key.cast(pl.String), "detail": detail if isinstance(detail, pl.Series) else [detail] * n,
    }, schema=FAILURE_SCHEMA)


def _str_matches(column: pl.Expr, pattern) -> pl.Expr:
    pattern = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return column.str.contains(pattern if pattern.startswith("^") else f"^{pattern}")


def _str_length(column: pl.Expr, min_value=None, max_value=None, exact_value=None) -> pl.Expr:
    n_chars = column.str.len_chars()
    if exact_value is not None:
        return n_chars.eq(exact_value)
    if min_value is None and max_value is None:
        raise ValueError("Must provide at least one of 'min_value' and 'max_value'")
    if min_value is None:
        return n_chars.le(max_value)
    if max_value is None:
        return n_chars.ge(min_value)
    return n_chars.is_between(min_value, max_value)


# Pandera's polars built-in checks (pandera/backends/polars/builtin_checks.py), expression for
# expression, so a frame can be checked without registering pandera's polars backend: that
# registration imports hypothesis (0.3-0.8 s per process, more than all the checks on Reuters).
# A check not listed here sends the frame to pandera.
_BUILTIN = {
    "greater_than": lambda column, min_value: column.gt(min_value),
    "greater_than_or_equal_to": lambda column, min_value: column.ge(min_value),
    "less_than": lambda column, max_value: column.lt(max_value),
    "less_than_or_equal_to": lambda column, max_value: column.le(max_value),
    "isin": lambda column, allowed_values: column.is_in(allowed_values),
    "str_matches": _str_matches,
    "str_length": _str_length,
}


class _Recorder:
    """Stands in for the LazyFrame a custom check gets: a check that only `select`s from it (all of
    ours) hands over its expressions, so they join the one query of `_passes` instead of adding a
    plan of their own. Anything else it asks for sends the check down the LazyFrame path."""

    def __init__(self):
        self.exprs: list[pl.Expr] | None = None

    def select(self, *exprs, **named):
        if self.exprs is not None or named or not all(isinstance(e, pl.Expr) for e in exprs):
            raise _NotRecordable
        self.exprs = list(exprs)
        return self


class _NotRecordable(Exception):
    pass


def run_starts(column: pl.Expr) -> pl.Expr:
    """True on the first row of each run of equal values (the first row always starts one)."""
    return column.ne_missing(column.shift(1)) | (pl.int_range(pl.len()) == 0)


def _first_of_runs(column: pl.Expr) -> pl.Expr:
    """`column` without the rows that repeat the row before: a value-by-value check holds on all
    rows when it holds on these."""
    return column.filter(run_starts(column))


def _check_holds(check, lazy: pl.LazyFrame, key: str, repeats: bool = False) -> pl.Expr | pl.LazyFrame | None:
    """Whether `check` holds on every row, as pandera's polars backend reads it (several output
    columns are and-ed; a null passes only when the check ignores nulls): an aggregating
    expression over the frame, or a one-row, one-column LazyFrame for a check that cannot give
    its expression. None when this cannot tell the way pandera would. `repeats`: the column may
    hold runs of one value (a document's id on each of its rows)."""
    if check.element_wise or check.groupby is not None or check.raise_warning:
        return None
    name = getattr(check._check_fn, "__name__", None)
    if name is not None and check.is_builtin_check(name):
        if name not in _BUILTIN or key == "*":
            return None
        # A regex runs once per run of equal values (a child table's doc_id: 6 -> 3 ms on Reuters
        # sentences).
        column = _first_of_runs(pl.col(key)) if repeats and name == "str_matches" else pl.col(key)
        exprs = [_BUILTIN[name](column, **check._check_kwargs)]
    else:
        recorder = _Recorder()
        try:
            out = check._check_fn(PolarsData(recorder, key), **check._check_kwargs)
        except _NotRecordable:
            out = None
        if out is recorder and len(recorder.exprs) == 1 and not recorder.exprs[0].meta.has_multiple_outputs():
            exprs = recorder.exprs
        else:
            out = check._check_fn(PolarsData(lazy, key), **check._check_kwargs)
            if not isinstance(out, pl.LazyFrame):
                return None
            ok = pl.all_horizontal(pl.all()) if len(out.collect_schema()) > 1 else pl.first()
            return out.select(ok.fill_null(check.ignore_na).all())
    # A null passes when the check ignores nulls. Filled, not `ok | ok.is_null()`: the one query
    # evaluated each check twice that way (a sixth of the time of the passing tables on Reuters).
    return exprs[0].fill_null(check.ignore_na).all()


def _follows_from(check, column, frame_checks: set[str]) -> bool:
    """A column's `str_matches` that a frame check of the model already settles on a passing frame
    (the field's metadata `str_matches_follows_from` names it): scanning the column for it again
    tells `_passes` nothing. Pandera still runs it, so a failing frame reports it as before."""
    settled_by = (column.metadata or {}).get("str_matches_follows_from")
    return check.name == "str_matches" and settled_by in frame_checks


def _passes(model: type[pa.DataFrameModel] | pa.DataFrameSchema, frame: pl.DataFrame,
            settled: Iterable[str] = ()) -> bool:
    """True when `frame` meets every part of `model` (columns, dtypes, nullability, uniqueness,
    column and frame checks), with all data checks in one query instead of pandera's two or more
    per check. False means "let pandera look": failures, and anything this cannot read the way
    pandera does (regex columns, coercion, defaults, grouped or warning-only checks). `settled`:
    columns whose `str_matches` the caller's passing cross-table checks already imply (see
    `schema_failures`)."""
    schema = model if isinstance(model, pa.DataFrameSchema) else model.to_schema()
    columns = list(schema.columns.values())
    # DataFrame.schema builds a new Schema object on every call
    dtypes = frame.schema
    if (schema.unique or schema.coerce or schema.ordered or schema.dtype is not None
            or schema.strict not in (True, False) or getattr(schema, "add_missing_columns", False)
            or getattr(schema, "drop_invalid_rows", False)
            or any(c.regex or c.coerce or c.default is not None or c.name not in dtypes for c in columns)
            or schema.strict and set(dtypes) - {c.name for c in columns}):
        return False
    lazy = frame.lazy()
    try:
        key = (id(model), tuple(dtypes.items()), frozenset(settled))
        hash(key)
    except TypeError:
        key = None
    try:
        kept = _EXPRS.get(key) if key is not None else None
        if kept is not None:
            exprs, frames = kept[1], []
        else:
            parts = _parts(schema, dtypes, lazy, settled)
            if parts is None:
                return False
            exprs, frames = parts
            if key is not None and not frames:
                # the model is kept with them, so that no other object takes its id
                _EXPRS[key] = (model, exprs)
        parts = ([lazy.select([e.alias(f"e{i}") for i, e in enumerate(exprs)])] if exprs else []) + [
            p.select(pl.first().alias(f"f{i}")) for i, p in enumerate(frames)]
        if not parts:
            return True
        # The in-memory engine: the default (streaming) engine costs ~1.5 ms more per query to set
        # up, on a one-row answer.
        row = (parts[0] if len(parts) == 1 else pl.concat(parts, how="horizontal")).collect(engine="in-memory")
    except Exception:  # a check that cannot run here is reported by pandera, as before
        return False
    return all(row.row(0))


# A model's expressions for frames of one schema (and settled columns), built once per process:
# building them (pandera's dtype checks, each check called with a `_Recorder`) cost as much as
# running them on the frames of a small shard. What they read of the frame is its dtypes, in the
# key; a check that brings its own LazyFrame reads the data, and its model is built every time.
_EXPRS: dict[tuple, tuple[object, list[pl.Expr]]] = {}


def _parts(schema: pa.DataFrameSchema, dtypes: pl.Schema, lazy: pl.LazyFrame,
           settled: Iterable[str]) -> tuple[list[pl.Expr], list[pl.LazyFrame]] | None:
    """The aggregating expressions of `_passes`, and the one-row LazyFrames of the checks that
    cannot give one; None when a part cannot be read the way pandera does."""
    columns = list(schema.columns.values())
    # Every part is one aggregating expression of a single select; a check that cannot give its
    # expression brings its own one-row LazyFrame.
    exprs: list[pl.Expr] = []
    frames: list[pl.LazyFrame] = []
    for column in columns:
        name = column.name
        if column.dtype is not None and not column.dtype.check(dtypes[name], PolarsData(lazy.select(name), name)):
            return None
        if not column.nullable:
            present = pl.col(name).is_not_null()
            if dtypes[name].is_float():
                present = present & pl.col(name).is_not_nan()
            exprs.append(present.all())
        if column.unique:
            # what pandera asks (no value twice, two nulls being the same value); for strings
            # counting distinct values says the same three times faster
            exprs.append(pl.col(name).n_unique() == pl.len() if dtypes[name] == pl.String
                         else pl.col(name).is_duplicated().not_().all())
    frame_checks = {check.name for check in schema.checks}
    settled = set(settled)
    checks = [(check, column.name) for column in columns for check in column.checks
              if not _follows_from(check, column, frame_checks)
              and not (check.name == "str_matches" and column.name in settled)]
    repeats = {column.name for column in columns if not column.unique}
    for check, key in checks + [(check, "*") for check in schema.checks]:
        holds = _check_holds(check, lazy, key, key in repeats)
        if holds is None:
            return None
        (exprs if isinstance(holds, pl.Expr) else frames).append(holds)
    return exprs, frames


def schema_failures(stage: str, table: str, model: type[pa.DataFrameModel], frame: pl.DataFrame,
                    settled: Iterable[str] = ()) -> pl.DataFrame:
    """Rows of `frame` that break `model`, as failure rows (empty when it passes).

    Pandera runs each check as its own pair of queries; on a frame that passes (the usual case)
    that costs several times the checks themselves. So every check is first computed at once
    (`_passes`), and only a frame that fails goes through pandera, which names the failing
    rows. `settled` names id columns whose pattern (`str_matches`) cross-table checks that
    passed already imply, such as a claim's sentence_id that is the id of a sentence checked
    before: the one query skips those scans, and pandera, on a failing frame, still runs them."""
    if _passes(model, frame, settled):
        return pl.DataFrame(schema=FAILURE_SCHEMA)
    return _pandera_failures(stage, table, model, frame)


def _same_frame_check(model: type[pa.DataFrameModel], other: type[pa.DataFrameModel], name: str) -> bool:
    """Both models have the frame check `name` from the same definition (a base model's); pandera's
    checks wrap it in a new function per model, so the models' own attributes are compared."""
    ours, theirs = getattr(model, name, None), getattr(other, name, None)
    return ours is not None and getattr(ours, "__func__", ours) is getattr(theirs, "__func__", None)


def added_column_failures(stage: str, table: str, model: type[pa.DataFrameModel], frame: pl.DataFrame,
                          passed: type[pa.DataFrameModel]) -> pl.DataFrame:
    """`schema_failures(stage, table, model, frame)` for a frame whose columns of `passed` are those
    of a frame that met `passed`, unchanged: the same rows in the same order, with the same values
    (a left join on a unique key adds columns and nothing else). Where `model` checks those columns
    and frame exactly as `passed` does, they hold again, so only the columns `model` adds are
    checked (the write contract re-ran every document check of the clean contract: ~9 ms of
    10,000 Reuters documents). A frame that fails that, or a model that checks more than `passed`
    on its columns, goes through `schema_failures`, which reports as before."""
    added = _added_columns(model, passed)
    if added is not None and set(frame.columns) == set(model.to_schema().columns) and _passes(added, frame):
        return pl.DataFrame(schema=FAILURE_SCHEMA)
    return schema_failures(stage, table, model, frame)


@lru_cache(maxsize=None)
def _added_columns(model: type[pa.DataFrameModel], passed: type[pa.DataFrameModel]) -> pa.DataFrameSchema | None:
    """The columns `model` adds to `passed`, as a model of their own (built once, so that `_passes`
    keeps its expressions), when `model` checks the others and the frame exactly as `passed` does;
    else None."""
    schema, done = model.to_schema(), passed.to_schema()
    shared = [name for name in schema.columns if name in done.columns]
    if (schema.unique or schema.ordered or any(schema.columns[name] != done.columns[name] for name in shared)
            or not all(_same_frame_check(model, passed, check.name) for check in schema.checks)):
        return None
    return pa.DataFrameSchema({name: column for name, column in schema.columns.items() if name not in done.columns},
                              strict=False)


def _pandera_failures(stage: str, table: str, model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.DataFrame:
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        key_column = PRIMARY_KEYS.get(table)
        keys = []
        for index in cases["index"].to_list():
            if index is not None and key_column in frame.columns and 0 <= index < frame.height:
                keys.append(str(frame[key_column][index]))
            else:
                keys.append(None if index is None else f"row {index}")
        return pl.DataFrame({
            "stage": stage, "table": table, "check": cases["check"].cast(pl.String),
            "column": cases["column"].cast(pl.String), "key": pl.Series(keys, dtype=pl.String),
            "detail": cases["failure_case"].cast(pl.String).str.slice(0, 500),
        }, schema=FAILURE_SCHEMA)
    except pandera.errors.SchemaError as exc:
        return failure_rows(stage, table, "schema", pl.Series([None], dtype=pl.String), str(exc)[:500])
    return pl.DataFrame(schema=FAILURE_SCHEMA)


def rows_as_failures(stage: str, table: str, rows: pl.DataFrame) -> pl.DataFrame:
    """Rows a table's own cross-table check returned (with a `check` column) as failure rows."""
    key = PRIMARY_KEYS[table]
    if rows.height == 0:
        return pl.DataFrame(schema=FAILURE_SCHEMA)
    detail = rows.select(pl.format("[{}:{}] {}", "char_start", "char_end", pl.col("text").str.slice(0, 80))).to_series()
    return pl.DataFrame({"stage": stage, "table": table, "check": rows["check"], "column": None,
                         "key": rows[key], "detail": detail}, schema=FAILURE_SCHEMA)


def with_document_text(rows: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """`rows` with their document's `doc_text` (null for an unknown doc_id) and `doc_ascii`, the
    two columns `slice_equals` reads."""
    text = pl.col("text")
    docs = documents.select("doc_id", doc_text=text, doc_ascii=text.str.len_bytes() == text.str.len_chars())
    return rows.join(docs, on="doc_id", how="left")


def slice_equals(start: str, end: str, text: str) -> pl.Expr:
    """`doc_text.str.slice(start, end - start) == text`, nulls and all, on a frame from
    `with_document_text`. In an ASCII document a character offset is a byte offset, and slicing
    bytes skips the walk over every character before `start` (0.6x the time on Reuters
    sentences); other rows, and offsets a byte slice could read differently (negative start or
    length), take the character slice."""
    start_, end_ = pl.col(start), pl.col(end)
    doc = pl.col("doc_text")
    by_bytes = (pl.col("doc_ascii") & (start_ >= 0) & (end_ >= start_)).fill_null(False)
    # Each slice reads its own rows only (the other rows are null, which costs nothing).
    bytes_equal = (pl.when(by_bytes).then(doc).cast(pl.Binary).bin.slice(start_, end_ - start_)
                   == pl.col(text).cast(pl.Binary))
    chars_equal = pl.when(~by_bytes).then(doc).str.slice(start_, end_ - start_) == pl.col(text)
    return pl.coalesce(bytes_equal, chars_equal)


def in_document_order(rows: pl.DataFrame) -> pl.DataFrame:
    """`rows.sort("doc_id", "char_start")`; rows already strictly in that order (as the stages
    write them) are that sort's only answer and come back as they are, without the sort's copy."""
    doc, start = pl.col("doc_id"), pl.col("char_start")
    later = (doc > doc.shift(1)) | ((doc == doc.shift(1)) & (start > start.shift(1)))
    if rows.select((later | (pl.int_range(pl.len()) == 0)).fill_null(False).all()).item():
        return rows
    return rows.sort("doc_id", "char_start")


def _slice_mismatches(stage: str, table: str, key: str, rows: pl.DataFrame, documents: pl.DataFrame) -> list:
    joined = with_document_text(rows, documents)
    orphan = joined.filter(pl.col("doc_text").is_null())
    wrong = joined.filter(pl.col("doc_text").is_not_null()
                          & (~slice_equals("char_start", "char_end", "text")).fill_null(True))
    return [
        failure_rows(stage, table, "doc_id_exists_in_documents", orphan[key], orphan["doc_id"], "doc_id"),
        failure_rows(stage, table, "text_equals_document_slice", wrong[key],
                  wrong.select(pl.format("[{}:{}] {}", "char_start", "char_end", pl.col("text").str.slice(0, 80)))
                  .to_series(), "text"),
    ]


def _positions_counted_in_runs(rows: pl.DataFrame) -> bool:
    """Every document's rows are one run, positioned 0, 1, 2, ... in row order (as segmentation
    writes them): then no document has a gap, which one pass tells without grouping."""
    doc = pl.col("doc_id")
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    start = run_starts(doc)
    counted = pl.col("position") == row - pl.when(start).then(row).forward_fill()
    runs = rows.select(start=start, counted=counted.fill_null(False), doc_id=doc)
    return bool(runs["counted"].all()) and not runs.filter("start")["doc_id"].is_duplicated().any()


def _position_gaps(stage: str, table: str, rows: pl.DataFrame) -> pl.DataFrame:
    if _positions_counted_in_runs(rows):
        return pl.DataFrame(schema=FAILURE_SCHEMA)
    # maintain_order: a failure report lists the same rows in the same order on every run.
    per_doc = rows.group_by("doc_id", maintain_order=True).agg(
        n=pl.len(), top=pl.col("position").max(), distinct=pl.col("position").n_unique())
    bad = per_doc.filter((pl.col("top") + 1 != pl.col("n")) | (pl.col("distinct") != pl.col("n")))
    return failure_rows(stage, table, "positions_contiguous_from_0", bad["doc_id"],
                     bad.select(pl.format("{} rows, positions up to {}", "n", "top")).to_series(), "position")


def row_counts(rows: pl.DataFrame, column: str) -> pl.LazyFrame:
    """`doc_id` and `column`, the number of `rows` of each document that has any. A document's rows
    are adjacent in every stage's output, so summing run lengths hashes one key per run instead of
    one per row; the sums are the counts in any order."""
    runs = rows.lazy().select(pl.col("doc_id").rle()).unnest("doc_id")
    return runs.group_by(doc_id="value").agg(pl.col("len").sum().cast(pl.Int32).alias(column))


def _count_mismatches(stage: str, documents: pl.DataFrame, column: str, rows: pl.DataFrame,
                      table: str) -> pl.DataFrame:
    # One lazy query: as eager steps, each cost more to plan than to run on a small shard.
    bad = (
        documents.lazy().select("doc_id", column)
        .join(row_counts(rows, "actual"), on="doc_id", how="left", maintain_order="left")
        .with_columns(pl.col("actual").fill_null(0))
        .filter(pl.col(column) != pl.col("actual"))
        .select("doc_id", detail=pl.format("{} says {}, {} has {}", pl.lit(column), column, pl.lit(table), "actual"))
        .collect(engine="in-memory")
    )
    return failure_rows(stage, "documents", f"{column}_matches_{table}", bad["doc_id"], bad["detail"], column)


def cross_table_failures(stage: str, documents: pl.DataFrame, paragraphs: pl.DataFrame,
                         sentences: pl.DataFrame) -> pl.DataFrame:
    """Checks between documents, paragraphs and sentences that no single table can make."""
    parts = _slice_mismatches(stage, "paragraphs", "paragraph_id", paragraphs, documents)
    parts += _slice_mismatches(stage, "sentences", "sentence_id", sentences, documents)
    parts.append(_position_gaps(stage, "paragraphs", paragraphs))
    parts.append(_position_gaps(stage, "sentences", sentences))
    inside = sentences.join(paragraphs.select("paragraph_id", p_doc="doc_id", p_start="char_start", p_end="char_end"),
                            on="paragraph_id", how="left")
    outside = inside.filter(((pl.col("p_doc") != pl.col("doc_id")) | (pl.col("char_start") < pl.col("p_start"))
                             | (pl.col("char_end") > pl.col("p_end"))).fill_null(True))
    parts.append(failure_rows(stage, "sentences", "inside_its_paragraph", outside["sentence_id"],
                           outside["paragraph_id"].fill_null("(no such paragraph)"), "paragraph_id"))
    return pl.concat(parts)


def count_failures(stage: str, documents: pl.DataFrame, **tables: pl.DataFrame) -> pl.DataFrame:
    """Documents whose `n_<table>` count disagrees with the rows of that table
    (`count_failures(stage, documents, paragraphs=..., quotes=...)`)."""
    return pl.concat([_count_mismatches(stage, documents, f"n_{name}", rows, name) for name, rows in tables.items()])
