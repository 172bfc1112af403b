"""`output/newsclaims.duckdb`: DuckDB views over the published Parquet tables, for BI tools.

The file holds only views (no data), each over `<table>/*.parquet` by a relative path, so the
output folder can be moved. DuckDB resolves relative paths against the working directory of the
process (or the `file_search_path` setting), not against the database file: open it from inside
the output folder, or set `file_search_path` to it (docs/bi.md). Views cast every column to its
natural DuckDB type so that BI tools see DATE, INTEGER and VARCHAR rather than Parquet details.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import polars as pl

from schemas.descriptions import TABLES, columns

DB_FILE = "newsclaims.duckdb"
_SCALAR_TYPES = {pl.String: "VARCHAR", pl.Int8: "TINYINT", pl.Int16: "SMALLINT", pl.Int32: "INTEGER",
                 pl.Int64: "BIGINT", pl.Float32: "FLOAT", pl.Float64: "DOUBLE", pl.Date: "DATE", pl.Boolean: "BOOLEAN"}

# Views for the questions analysts ask first; docs/bi.md shows their output.
EXAMPLE_VIEWS = {
    "quotes_with_documents": (
        "each quote with its document's title, date and outlet",
        """SELECT q.quote_id, q.doc_id, d.title, d.published_date, d.outlet, q.quote_type, q.speaker,
       q.speaker_kind, q.cue, q.text, q.n_words
FROM quotes AS q JOIN documents AS d USING (doc_id)"""),
    "claims_per_document": (
        "numeric claims per document, by kind",
        """SELECT d.doc_id, d.title, d.published_date, d.outlet,
       CAST(count(c.claim_id) AS INTEGER) AS n_claims,
       CAST(count(c.claim_id) FILTER (WHERE c.kind = 'count') AS INTEGER) AS n_count,
       CAST(count(c.claim_id) FILTER (WHERE c.kind = 'money') AS INTEGER) AS n_money,
       CAST(count(c.claim_id) FILTER (WHERE c.kind = 'percent') AS INTEGER) AS n_percent,
       CAST(count(c.claim_id) FILTER (WHERE c.kind NOT IN ('count', 'money', 'percent')) AS INTEGER) AS n_other
FROM documents AS d LEFT JOIN numeric_claims AS c USING (doc_id)
GROUP BY d.doc_id, d.title, d.published_date, d.outlet"""),
    "top_speakers": (
        "named speakers by number of quotes, with the documents they are quoted in",
        """SELECT speaker, speaker_kind, CAST(count(*) AS INTEGER) AS n_quotes,
       CAST(count(DISTINCT doc_id) AS INTEGER) AS n_documents,
       CAST(sum(n_words) AS INTEGER) AS n_words
FROM quotes
WHERE speaker IS NOT NULL AND speaker_kind IN ('person', 'organization')
GROUP BY speaker, speaker_kind
ORDER BY n_quotes DESC, n_documents DESC, speaker"""),
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return f"{duckdb_type(dtype.inner)}[]"
    if isinstance(dtype, pl.Datetime):
        return "TIMESTAMP" if dtype.time_zone is None else "TIMESTAMPTZ"
    if isinstance(dtype, (pl.Enum, pl.Categorical)):
        return "VARCHAR"
    return _SCALAR_TYPES[dtype.base_type()]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def statements(out_dir: Path) -> list[str]:
    """The SQL that defines the database for the tables now in `out_dir`."""
    sql = []
    for table in TABLES:
        cols = columns(table)
        if any((out_dir / table).glob("*.parquet")):
            select = ", ".join(f'CAST("{c.name}" AS {duckdb_type(c.dtype)}) AS "{c.name}"' for c in cols)
            sql.append(f"CREATE VIEW {table} AS SELECT {select} FROM read_parquet({_quote(table + '/*.parquet')})")
        else:
            # No parts yet (an empty build): a typed, empty view keeps every query valid.
            select = ", ".join(f'CAST(NULL AS {duckdb_type(c.dtype)}) AS "{c.name}"' for c in cols)
            sql.append(f"CREATE VIEW {table} AS SELECT {select} WHERE false")
        sql.append(f"COMMENT ON VIEW {table} IS {_quote(TABLES[table].row)}")
        sql += [f'COMMENT ON COLUMN {table}."{c.name}" IS {_quote(c.description)}' for c in cols]
    for name, (about, query) in EXAMPLE_VIEWS.items():
        sql += [f"CREATE VIEW {name} AS {query}", f"COMMENT ON VIEW {name} IS {_quote(about)}"]
    return sql


def _definition(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    views = con.execute("SELECT view_name, sql, comment FROM duckdb_views() WHERE NOT internal "
                        "ORDER BY view_name").fetchall()
    cols = con.execute("SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
                       "WHERE NOT internal ORDER BY table_name, column_index").fetchall()
    return views + cols


def _create(path: Path, out_dir: Path, sql: list[str]) -> list[tuple]:
    con = duckdb.connect(str(path))
    try:
        # Only to bind the views now; the setting is not saved, the relative paths are.
        con.execute(f"SET file_search_path = {_quote(str(out_dir.resolve()))}")
        for statement in sql:
            con.execute(statement)
        con.execute("CHECKPOINT")
        return _definition(con)
    finally:
        con.close()


def _existing_definition(path: Path) -> list[tuple] | None:
    if not path.is_file():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return _definition(con)
    finally:
        con.close()


def write_duckdb(out_dir: str | Path) -> Path:
    """(Re)write `out_dir/newsclaims.duckdb` atomically, and only when its views would change."""
    out_dir = Path(out_dir)
    target = out_dir / DB_FILE
    sql = statements(out_dir)
    with _scratch(out_dir) as scratch:
        wanted = _create(scratch, out_dir, sql)
        if wanted == _existing_definition(target):
            return target
        os.replace(scratch, target)
    return target


class _scratch:
    """A temporary database file beside the target (same filesystem, so the rename is atomic)."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / f".{DB_FILE}.{os.getpid()}.tmp"

    def __enter__(self) -> Path:
        self._clean()
        return self.path

    def __exit__(self, *exc) -> None:
        self._clean()

    def _clean(self) -> None:
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            path.unlink(missing_ok=True)
