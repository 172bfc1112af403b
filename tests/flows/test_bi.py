"""output/newsclaims.duckdb: views with natural types, example queries, a movable folder, no needless rewrite."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.bi import DB_FILE, EXAMPLE_VIEWS, write_duckdb
from flows.inputs import hash_inputs, list_inputs, read_files
from flows.shard import TABLES, build_shard
from flows.store import OutputStore, write_parquet_atomic
from schemas.descriptions import TABLES as DESCRIBED

ROOT = Path(__file__).resolve().parents[2]


def publish(tables: dict[str, pl.DataFrame] | None, out: Path) -> Path:
    """Publish `tables` as one shard (no parts at all when None), as a build would."""
    store = OutputStore(out)
    generation = store.new_generation()
    for name, frame in (tables or {}).items():
        write_parquet_atomic(frame, store.part_path(generation, name, "s0"))
    store.publish(generation, TABLES)
    return out


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pl.DataFrame]:
    raw = ROOT / "raw"
    return build_shard(read_files(raw, hash_inputs(raw, list_inputs(raw), None))).as_dict()


@pytest.fixture(scope="module")
def output(seed_tables, tmp_path_factory) -> Path:
    out = publish(seed_tables, tmp_path_factory.mktemp("bi") / "output")
    write_duckdb(out)
    return out


def connect(out: Path, **config) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(out / DB_FILE), read_only=True, config=config)


def state(path: Path) -> tuple:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_every_table_is_a_view_with_natural_types_and_descriptions(output, seed_tables, monkeypatch):
    monkeypatch.chdir(output)
    with connect(output) as con:
        for name, frame in seed_tables.items():
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == frame.height, name
        types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'documents'")
                     .fetchall())
        assert types["published_date"] == "DATE" and types["published_at"] == "TIMESTAMP"
        assert types["n_words"] == "INTEGER" and types["authors"] == "VARCHAR[]"
        quote_types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'quotes'")
                           .fetchall())
        assert quote_types["quote_type"] == "VARCHAR" and quote_types["speaker_start"] == "INTEGER"
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'documents' "
                              "AND column_name = 'doc_id'").fetchone()[0]
        assert comment == DESCRIBED["documents"].columns["doc_id"]


def test_the_example_queries_answer(output, seed_tables, monkeypatch):
    monkeypatch.chdir(output)
    quotes, claims = seed_tables["quotes"], seed_tables["numeric_claims"]
    with connect(output) as con:
        assert set(EXAMPLE_VIEWS) <= {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        rows = con.execute("SELECT title, published_date, speaker, text FROM quotes_with_documents "
                           "ORDER BY published_date, quote_id LIMIT 3").fetchall()
        assert len(rows) == 3 and all(title for title, *_ in rows)
        assert con.execute("SELECT count(*) FROM quotes_with_documents").fetchone()[0] == quotes.height
        per_doc = con.execute("SELECT sum(n_claims), count(*) FROM claims_per_document").fetchone()
        assert per_doc == (claims.height, seed_tables["documents"].height)
        top = con.execute("SELECT speaker, n_quotes FROM top_speakers LIMIT 1").fetchone()
        expected = quotes.filter(pl.col("speaker_kind").is_in(["person", "organization"])).group_by(
            "speaker").len().sort("len", descending=True)["len"][0]
        assert top[1] == expected


def test_the_folder_can_be_moved_and_opened_from_inside_it_or_with_file_search_path(output, tmp_path, monkeypatch):
    moved = tmp_path / "elsewhere" / "dataset"
    shutil.copytree(output, moved, symlinks=True)
    monkeypatch.chdir(moved)
    with connect(moved) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    monkeypatch.chdir(tmp_path)
    with connect(moved, file_search_path=str(moved)) as con:
        assert con.execute("SELECT count(*) FROM top_speakers").fetchone()[0] > 0
    with connect(moved) as con, pytest.raises(duckdb.IOException, match="No files found"):
        # The honest limit: relative paths follow the working directory, not the database file.
        con.execute("SELECT count(*) FROM documents").fetchall()


def test_nothing_new_changes_no_byte_and_leaves_no_temporary_file(output, seed_tables, tmp_path):
    before = state(output / DB_FILE)
    write_duckdb(output)
    assert state(output / DB_FILE) == before
    assert sorted(p.name for p in output.iterdir() if p.name.endswith((".tmp", ".wal"))) == []
    out = tmp_path / "output"
    shutil.copytree(output, out, symlinks=True)
    before = state(out / DB_FILE)
    publish(seed_tables, out)  # a new generation with the same tables: the views do not change
    write_duckdb(out)
    assert state(out / DB_FILE) == before


def test_an_empty_build_gets_typed_empty_views_and_parts_later_rewrite_them(seed_tables, tmp_path, monkeypatch):
    out = publish(None, tmp_path / "output")
    write_duckdb(out)
    monkeypatch.chdir(out)
    with connect(out) as con:
        assert con.execute("SELECT count(*) FROM quotes_with_documents").fetchone()[0] == 0
        assert con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'documents' "
                           "AND column_name = 'published_date'").fetchone()[0] == "DATE"
    publish(seed_tables, out)
    write_duckdb(out)
    with connect(out) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


@pytest.mark.usefixtures("prefect_harness")
def test_a_build_writes_the_database_and_a_build_with_nothing_new_leaves_it(tmp_path, monkeypatch):
    from flows.build import build_dataset

    out = tmp_path / "output"
    build_dataset(raw_dir=str(ROOT / "raw"), out_dir=str(out))
    before = state(out / DB_FILE)
    build_dataset(raw_dir=str(ROOT / "raw"), out_dir=str(out))
    assert state(out / DB_FILE) == before
    monkeypatch.chdir(out)
    with connect(out) as con:
        assert con.execute("SELECT count(*) FROM claims_per_document").fetchone()[0] == 5
