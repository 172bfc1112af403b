"""Every runner (threads, worker processes, a Dask cluster) gives the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from flows import worker
from flows.build import build
from flows.dask_cluster import start_forkserver
from flows.shard import TABLES
from tests.conftest import write_raw

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def table_bytes(out: Path) -> dict[str, str]:
    return {f"{table}/{part.name}": hashlib.sha256(part.read_bytes()).hexdigest()
            for table in TABLES for part in sorted((out / table).glob("*.parquet"))}


def test_dask_local_cluster_output_is_byte_identical(tmp_path):
    raw = write_raw(tmp_path / "raw", {
        **{p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()},
        "extra/one.txt": "Budget approved\n\nThe council approved a $2.5 million budget on Tuesday, officials said.",
        "extra/two.txt": "Strike ends\n\n\"We are going back to work,\" union leader Ann Lee said on Monday.",
    })
    build(raw_dir=str(raw), out_dir=str(tmp_path / "local"), shard_size=2, runner="thread")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = build(raw_dir=str(raw), out_dir=str(tmp_path / "dask"), shard_size=2, runner="dask",
                        address=cluster.scheduler_address)
    assert summary["shards"] > 1
    local, dask = table_bytes(tmp_path / "local"), table_bytes(tmp_path / "dask")
    assert local and local == dask
    # --runner dask alone: a local cluster of the build's own, started before the flow, its workers
    # forked from a forkserver started first (as the command line does)
    start_forkserver()
    build(raw_dir=str(raw), out_dir=str(tmp_path / "own"), shard_size=2, runner="dask", workers=2)
    assert table_bytes(tmp_path / "own") == local


def test_worker_processes_give_byte_identical_tables(tmp_path):
    raw = write_raw(tmp_path / "raw", {p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()})
    build(raw_dir=str(raw), out_dir=str(tmp_path / "threads"), shard_size=1, runner="thread")
    summary = build(raw_dir=str(raw), out_dir=str(tmp_path / "processes"), shard_size=1, runner="process", workers=2)
    assert summary["shards"] == 5 and summary["processes"] == 2
    threads, processes = table_bytes(tmp_path / "threads"), table_bytes(tmp_path / "processes")
    assert threads and threads == processes


def test_auto_starts_worker_processes_only_for_builds_worth_it(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()})
    small = build(raw_dir=str(raw), out_dir=str(tmp_path / "small"), shard_size=1)
    assert small["shards_built"] == 5 and small["processes"] == 0  # five articles: threads
    monkeypatch.setattr(worker, "AUTO_MIN_ARTICLES", 5)
    big = build(raw_dir=str(raw), out_dir=str(tmp_path / "big"), shard_size=1)
    assert big["processes"] == 2
    assert table_bytes(tmp_path / "small") == table_bytes(tmp_path / "big")
    again = build(raw_dir=str(raw), out_dir=str(tmp_path / "big"), shard_size=1)
    assert not again["changed"] and again["processes"] == 0  # nothing to build: no processes


def test_auto_starts_processes_before_the_flow_when_a_first_build_looks_big(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()})
    monkeypatch.setattr(worker, "AUTO_MIN_ARTICLES", 5)
    starts = []
    start = worker.WorkerProcesses.start
    monkeypatch.setattr(worker.WorkerProcesses, "start", lambda self, size: (starts.append(size), start(self, size)))
    one_shard = build(raw_dir=str(raw), out_dir=str(tmp_path / "one"), shard_size=100)
    # five files look like enough articles, but the plan has one shard: the pool is let go
    assert starts == [2] and one_shard["shards"] == 1 and one_shard["processes"] == 0
    many = build(raw_dir=str(raw), out_dir=str(tmp_path / "many"), shard_size=1)
    assert starts == [2, 2] and many["processes"] == 2  # the early pool, not a second one
    assert worker.WORKERS.pool is None
    build(raw_dir=str(raw), out_dir=str(tmp_path / "threads"), shard_size=100, runner="thread")
    assert table_bytes(tmp_path / "one") == table_bytes(tmp_path / "threads")
