"""What a shard's work is, wherever it runs: read its inputs, build its tables, write its parts
(and, after all shards ran, rewrite them without the documents another shard keeps).

It lives apart from the flow module so that a worker process imports only the pipeline (polars,
Pandera, the tasks), not Prefect: with `--runner process` each worker unpickles `shard_job` by
module name, and importing the flow module there cost ~5 s more per worker than the pipeline itself.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from flows.inputs import read_files
from flows.plan import looks_large
from flows.shard import TABLES, build_shard
from flows.store import OutputStore, write_parquet_atomic
from tasks.clean import duplicate_detail


# Each shard registers the documents it found here once they are cleaned, so that a shard that
# finishes later drops its copies of documents an earlier source holds before it writes its parts,
# instead of rewriting its parts after all shards ran (~3-4 s of the 100,000-article build).
COPIES = "_copies"


def shard_job(raw_dir: str, staging: str, shard_key: str, inputs: pl.DataFrame, neighbours: tuple[str, ...] = ()) -> dict:
    """Builds one shard and writes its parts; returns the documents it found (never its rows).

    `neighbours` are the shards that may hold an earlier copy of one of its documents (those with
    inputs before or within its paths): their copies registered by now are left out of its parts.
    The flow still checks every shard's documents against all the others afterwards, so a copy
    registered too late to be seen here is removed then: the tables do not depend on timing.
    """
    root = Path(staging)
    tables = build_shard(read_files(Path(raw_dir), inputs),
                         on_cleaned=lambda documents: write_parquet_atomic(_found(documents), _copies_path(root, shard_key)))
    found = _found(tables.documents)
    copied = earlier_copies(root, neighbours, found)
    for name, frame in tables.as_dict().items():
        if copied.len() and name != "rejected":
            frame = frame.filter(~pl.col("doc_id").is_in(copied.implode()))
        write_parquet_atomic(frame, OutputStore.part_path(root, name, shard_key))
    return {"shard_key": shard_key, "documents": found}


def _found(documents: pl.DataFrame) -> pl.DataFrame:
    return documents.select("doc_id", "source_path", "source_id")


def _copies_path(staging: Path, shard_key: str) -> Path:
    return staging / COPIES / f"part-{shard_key}.parquet"


def earlier_copies(staging: Path, shards: tuple[str, ...], found: pl.DataFrame) -> pl.Series:
    """The `doc_id`s of `found` that one of `shards` holds from an earlier source (path, then id),
    as far as those shards registered their documents (or, for a reused shard, wrote its parts).

    The order must stay the one `_cross_shard_duplicates` (flows/build.py) keeps the first copy
    by: a copy left out here is never written, so it has to be one the flow would drop. Copies
    tied on path and id (pieces of one cut file) are left to the flow, which keeps the earlier piece."""
    paths = []
    for key in shards:
        for path in (_copies_path(staging, key), OutputStore.part_path(staging, "documents", key)):
            if path.exists():
                paths.append(path)
                break
    if not paths or found.is_empty():
        return pl.Series("doc_id", [], pl.String)
    others = (
        # one scan per file: a documents part has more columns than a registry file
        pl.concat([pl.scan_parquet(path).select("doc_id", "source_path", "source_id") for path in paths])
        .filter(pl.col("doc_id").is_in(found["doc_id"].implode()))
        .collect()
    )
    mine = found.rename({"source_path": "mine_path", "source_id": "mine_id"})
    return (
        others.join(mine, on="doc_id")
        .filter((pl.col("source_path") < pl.col("mine_path"))
                | ((pl.col("source_path") == pl.col("mine_path")) & (pl.col("source_id") < pl.col("mine_id"))))
        ["doc_id"].unique()
    )


def drop_documents_job(staging: str, shard_key: str, lost: pl.DataFrame) -> None:
    """Removes the rows of documents that another shard keeps from this shard's parts, and adds
    their reject rows. `lost` holds one row per removed document: its `doc_id`, `source_path`,
    `source_id`, and the kept copy's `first_path` and `first_id`."""
    lost_ids = lost["doc_id"].implode()
    for name in TABLES[:-1]:
        path = OutputStore.part_path(Path(staging), name, shard_key)
        # Most annotation parts hold none of the few lost documents: rewriting them costs a write.
        if pl.scan_parquet(path).filter(pl.col("doc_id").is_in(lost_ids)).select(pl.len()).collect().item():
            write_parquet_atomic(pl.read_parquet(path).filter(~pl.col("doc_id").is_in(lost_ids)), path)
    rejected_path = OutputStore.part_path(Path(staging), "rejected", shard_key)
    rejected = pl.read_parquet(rejected_path)
    extra = lost.select(
        "source_path", "source_id", reason=pl.lit("duplicate").cast(rejected.schema["reason"]),
        detail=duplicate_detail(pl.col("first_path"), pl.col("first_id"), pl.col("doc_id")),
    )
    write_parquet_atomic(pl.concat([rejected, extra]).sort("source_path", "source_id"), rejected_path)


def warm_up() -> None:
    """Nothing: submitted once per worker when the pool starts, so that the workers' imports run
    while the flow itself starts and lists the inputs, not when the first shard is waiting."""


def polars_threads(workers: int) -> dict[str, str]:
    """The environment that gives each of `workers` processes its share of the cores for polars.

    Each polars process otherwise starts a thread per core: two workers on two cores ran four busy
    threads, and 100,000 articles took ~9% longer (six interleaved pairs, BENCHMARKS.md). A value
    the user set is kept.
    """
    if "POLARS_MAX_THREADS" in os.environ:
        return {}
    return {"POLARS_MAX_THREADS": str(max(1, (os.cpu_count() or 1) // max(1, workers)))}


@contextmanager
def worker_environment(workers: int):
    """`polars_threads` set in this process's environment while worker processes are spawned."""
    extra = polars_threads(workers)
    os.environ.update(extra)
    try:
        yield
    finally:
        for name in extra:
            os.environ.pop(name, None)


# Below this many articles to build, starting worker processes (each imports the pipeline,
# ~2-4 s) costs more than running the Python parts of two shards side by side saves: measured on
# 2 cores, 10,000 Reuters articles took 5.0-5.4 s on threads and 7.2-7.3 s on processes, 19,043
# about the same either way, 100,000 ~30% less on processes (BENCHMARKS.md).
AUTO_MIN_ARTICLES = 20000


class WorkerProcesses:
    """The build's pool of worker processes, if it has one.

    `--runner process` starts the pool for the whole build; `--runner auto` (the default) starts
    it only when a build has at least two shards and `AUTO_MIN_ARTICLES` articles to build, so a
    small or incremental build runs in threads and pays no process start-up (a first build that
    looks that big starts it before the flow, `start_early`).
    """

    def __init__(self, auto: int = 2):
        self.pool: ProcessPoolExecutor | None = None
        self.size = 0
        self.auto = auto
        self.early = False

    def start_early(self, raw_dir: Path, out_dir: Path, size: int) -> None:
        """Starts the pool before the flow when this is a first build that looks big enough for it.

        A worker's imports take ~2-4 s; started here, they run while Prefect starts the flow and
        the inputs are hashed, instead of after the plan while every core waits. Only a first build
        is judged (an incremental one usually rebuilds a shard or two), and only by file sizes,
        which undercount articles (`looks_large`); `for_shards` stops a pool the plan does not want.
        """
        if size >= 2 and OutputStore(out_dir).current is None and looks_large(raw_dir, AUTO_MIN_ARTICLES):
            self.start(size)
            self.early = True

    def start(self, size: int) -> None:
        # "spawn", since forking a process whose polars thread pool is running can deadlock.
        self.pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"))
        self.size = size
        # The workers are spawned by these submissions and take the environment as it is now.
        with worker_environment(size):
            for _ in range(size):
                self.pool.submit(warm_up)

    def stop(self, wait: bool = True) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
        self.pool, self.size, self.early = None, 0, False

    def run(self, job, *args):
        """`job(*args)`, in a worker process when the build has them, else here."""
        if self.pool is None:
            return job(*args)
        return self.pool.submit(job, *args).result()

    @contextmanager
    def for_shards(self, shards: int, articles: int):
        """Worker processes for these shards, if `auto` asks for them and they are worth it."""
        wanted = self.auto >= 2 and shards >= 2 and articles >= AUTO_MIN_ARTICLES
        if self.early and not wanted:
            self.stop(wait=False)
        started = self.pool is None and wanted
        if started:
            self.start(min(self.auto, shards))
        try:
            yield
        finally:
            # Not waiting: the workers' exit (~0.3-1 s) overlaps the publishing.
            if started:
                self.stop(wait=False)


WORKERS = WorkerProcesses()
