"""Worker processes: each gets its share of the cores for polars, and the flow's process is untouched."""

from __future__ import annotations

import os

import polars as pl

from flows.worker import WorkerProcesses, polars_threads


def test_each_worker_process_runs_polars_on_its_share_of_the_cores(monkeypatch):
    monkeypatch.delenv("POLARS_MAX_THREADS", raising=False)
    workers = WorkerProcesses()
    workers.start(2)
    try:
        sizes = {workers.pool.submit(pl.thread_pool_size).result() for _ in range(4)}
    finally:
        workers.stop()
    assert sizes == {max(1, (os.cpu_count() or 1) // 2)}
    assert "POLARS_MAX_THREADS" not in os.environ  # set only while the workers were spawned


def test_a_thread_count_the_user_set_is_kept(monkeypatch):
    monkeypatch.setenv("POLARS_MAX_THREADS", "3")
    assert polars_threads(2) == {}
    monkeypatch.delenv("POLARS_MAX_THREADS")
    assert polars_threads(64) == {"POLARS_MAX_THREADS": "1"}
