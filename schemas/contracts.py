"""Running the contracts: per-table models and the checks that span tables.

Every failure becomes a row (table, check, column, key, detail), so a broken build leaves a
report that can be read, filtered and written like any other table.
"""

from __future__ import annotations

import pandera.errors
import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData
from pandera.config import ValidationDepth, config_context

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


def _check_holds(check, lazy: pl.LazyFrame, key: str) -> pl.LazyFrame | bool:
    """One row, one column: whether `check` holds on every row, read as pandera reads it (its own
    backend applies the check; a null passes only when the check ignores nulls)."""
    # Check.__call__ does the same: a built-in check is bound to its implementation for the
    # data's type only once that backend is registered, after the model was built.
    builtin = getattr(check._check_fn, "__name__", None)
    if builtin is not None and check.is_builtin_check(builtin):
        check._check_fn = check.get_builtin_check_fn(builtin)
    out = check.get_backend(lazy)(check).apply(PolarsData(lazy, key))
    if isinstance(out, bool):
        return out
    ok = pl.first()
    return out.select((ok | ok.is_null() if check.ignore_na else ok.fill_null(False)).all())


def _all_hold(model: type[pa.DataFrameModel], frame: pl.DataFrame) -> bool:
    """True when every data check of `model` (nullability, uniqueness, column and frame checks)
    holds on every row of `frame`, all computed in one query instead of pandera's two or more per
    check. False means "let pandera look": failures, and anything this cannot read the way
    pandera does (grouped or warning-only checks, coercion, defaults), are left to it."""
    schema = model.to_schema()
    columns = schema.columns.values()
    if (schema.unique or schema.coerce or getattr(schema, "drop_invalid_rows", False)
            or any(c.regex or c.coerce or c.default is not None for c in columns)):
        return False
    lazy = frame.lazy()
    parts: list[pl.LazyFrame] = []
    try:
        for column in columns:
            name = column.name
            if not column.nullable:
                present = pl.col(name).is_not_null()
                if frame.schema[name].is_float():
                    present = present & pl.col(name).is_not_nan()
                parts.append(lazy.select(present.all()))
            if column.unique:
                parts.append(lazy.select(pl.col(name).is_duplicated().not_().all()))
        checks = [(check, column.name) for column in columns for check in column.checks]
        checks += [(check, "*") for check in schema.checks]
        for check, key in checks:
            if check.groupby is not None or check.raise_warning:
                return False
            holds = _check_holds(check, lazy, key)
            if holds is False:
                return False
            if holds is not True:
                parts.append(holds)
        if not parts:
            return True
        row = pl.concat([p.select(pl.first().alias(f"c{i}")) for i, p in enumerate(parts)], how="horizontal").collect()
    except Exception:  # a check that cannot run here is reported by pandera, as before
        return False
    return all(row.row(0))


def schema_failures(stage: str, table: str, model: type[pa.DataFrameModel], frame: pl.DataFrame) -> pl.DataFrame:
    """Rows of `frame` that break `model`, as failure rows (empty when it passes).

    Pandera runs each check as its own pair of queries; on a frame that passes (the usual case)
    that costs several times the checks themselves. So the dtypes and columns are checked by
    pandera alone first, then every data check at once (`_all_hold`), and only a frame with a
    failure goes through pandera's full validation, which names the failing rows as before."""
    try:
        with config_context(validation_depth=ValidationDepth.SCHEMA_ONLY):
            model.validate(frame, lazy=True)
        if _all_hold(model, frame):
            return pl.DataFrame(schema=FAILURE_SCHEMA)
    except (pandera.errors.SchemaErrors, pandera.errors.SchemaError):
        pass
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


def _slice_mismatches(stage: str, table: str, key: str, rows: pl.DataFrame, documents: pl.DataFrame) -> list:
    joined = rows.join(documents.select("doc_id", doc_text="text"), on="doc_id", how="left")
    orphan = joined.filter(pl.col("doc_text").is_null())
    sliced = pl.col("doc_text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start"))
    wrong = joined.filter(pl.col("doc_text").is_not_null() & ((sliced != pl.col("text")).fill_null(True)))
    return [
        failure_rows(stage, table, "doc_id_exists_in_documents", orphan[key], orphan["doc_id"], "doc_id"),
        failure_rows(stage, table, "text_equals_document_slice", wrong[key],
                  wrong.select(pl.format("[{}:{}] {}", "char_start", "char_end", pl.col("text").str.slice(0, 80)))
                  .to_series(), "text"),
    ]


def _position_gaps(stage: str, table: str, rows: pl.DataFrame) -> pl.DataFrame:
    per_doc = rows.group_by("doc_id").agg(n=pl.len(), top=pl.col("position").max(), distinct=pl.col("position").n_unique())
    bad = per_doc.filter((pl.col("top") + 1 != pl.col("n")) | (pl.col("distinct") != pl.col("n")))
    return failure_rows(stage, table, "positions_contiguous_from_0", bad["doc_id"],
                     bad.select(pl.format("{} rows, positions up to {}", "n", "top")).to_series(), "position")


def _count_mismatches(stage: str, documents: pl.DataFrame, column: str, rows: pl.DataFrame,
                      table: str) -> pl.DataFrame:
    counts = rows.group_by("doc_id").agg(actual=pl.len().cast(pl.Int32))
    joined = documents.select("doc_id", column).join(counts, on="doc_id", how="left").with_columns(
        pl.col("actual").fill_null(0))
    bad = joined.filter(pl.col(column) != pl.col("actual"))
    return failure_rows(stage, "documents", f"{column}_matches_{table}", bad["doc_id"],
                     bad.select(pl.format("{} says {}, {} has {}", pl.lit(column), column, pl.lit(table), "actual"))
                     .to_series(), column)


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
