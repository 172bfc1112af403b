"""The `build_dataset` Prefect flow: list inputs, plan shards, run one task per shard, publish.

Only changed shards run: a shard's key is the hash of its inputs' contents and of the pipeline
code, and a shard whose parts already exist under that key in the published output is linked,
not rebuilt. A build with nothing new leaves every byte of the output as it was.
"""

from __future__ import annotations

import shutil
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.inputs import hash_inputs, list_inputs, split_large_files
from flows.locking import output_lock
from flows.plan import default_shard_size, estimated_articles, pipeline_fingerprint, plan_shards
from flows.shard import TABLES
from flows.store import INPUTS_FILE, OutputStore, write_parquet_atomic
from flows.dask_cluster import local_dask_cluster
from flows.worker import COPIES, WORKERS, drop_documents_job, shard_job
from schemas.contracts import ContractViolation

CONTRACT_FAILURES_FILE = "contract_failures.parquet"


@dataclass
class BuildSummary:
    inputs: int = 0
    files: int = 0
    documents: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    shards: int = 0
    shards_built: int = 0
    shard_size: int = 0
    processes: int = 0
    changed: bool = True
    seconds: float = 0.0

    def as_text(self) -> str:
        if not self.changed:
            return f"Nothing changed in {self.files} input files: output left as it was."
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(self.reasons.items())) or "none"
        rows = ", ".join(f"{t} {n:,}" for t, n in self.rows.items())
        return (f"{self.inputs:,} inputs ({self.files:,} files) -> {self.documents:,} documents + "
                f"{self.rejected:,} rejected ({reasons})\nrows: {rows}\n"
                f"shards: {self.shards} ({self.shards_built} built, {self.shards - self.shards_built} unchanged; "
                f"shard size {self.shard_size:,})"
                + (f" on {self.processes} worker processes" if self.processes else "") + f" in {self.seconds:.1f} s")


class IOErrorOnly:
    """Retry a shard only when it failed on I/O; a bug or a broken contract will not heal."""

    def __call__(self, task, task_run, state) -> bool:
        try:
            state.result()
        except OSError:
            return True
        except Exception:
            return False
        return False


@task(name="build_shard", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1,
      retry_condition_fn=IOErrorOnly())
def run_shard(raw_dir: str, staging: str, shard_key: str, inputs: pl.DataFrame, neighbours: tuple[str, ...]) -> dict:
    """Read, clean, segment and write one shard; returns the documents it found (never its rows).

    When the build has worker processes (`flows/worker.py`), the work runs in one of them and this
    task's thread waits for it; otherwise it runs here.
    """
    return WORKERS.run(shard_job, raw_dir, staging, shard_key, inputs, neighbours)


@task(name="drop_duplicates", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1,
      retry_condition_fn=IOErrorOnly())
def drop_duplicates(staging: str, shard_key: str, lost: pl.DataFrame) -> None:
    """Rewrites one shard's parts without the documents another shard keeps."""
    WORKERS.run(drop_documents_job, staging, shard_key, lost)


def _shard_summary(staging: Path, shard_key: str) -> dict:
    """The same summary as `run_shard` returns, read back from a reused shard's parts."""
    documents = pl.read_parquet(OutputStore.part_path(staging, "documents", shard_key),
                                columns=["doc_id", "source_path", "source_id"])
    return {"shard_key": shard_key, "documents": documents}


def _submission_order(to_build: list, sizes: list[int], last: int) -> list:
    """The shards in path order, so that by the time a shard ends the shards before it have
    registered their documents and it can leave out its copies of theirs (duplicates sit close
    together: all six cross-shard pairs of the 100,000-article benchmark were neighbours); but
    the `last` ones (the final round, one per worker) largest first, so that the workers finish
    together (path order alone ended that benchmark's plan with its largest shard: ~7% longer in a
    simulation of its shard sizes)."""
    cut = max(0, len(to_build) - last)
    tail = sorted(range(cut, len(to_build)), key=lambda i: -sizes[i])
    return to_build[:cut] + [to_build[i] for i in tail]


def _neighbours(shards: list[tuple[str, pl.DataFrame]]) -> dict[str, tuple[str, ...]]:
    """{shard key: the other shards that can hold an earlier copy of its documents}: those whose
    first input path is not after its last one (every shard before it, and the next ones when a
    cut file continues there: within a file, copies are ordered by record id)."""
    bounds = [(key, part["source_path"].min(), part["source_path"].max()) for key, part in shards]
    return {key: tuple(other for other, first, _ in bounds if other != key and first <= last)
            for key, _, last in bounds}


def _cross_shard_duplicates(results: list[dict], plan: list[str]) -> dict[str, pl.DataFrame]:
    """A document found in two shards is kept in the shard of its first source (path, then record
    id; for two pieces of one cut file that repeat a record id, the earlier piece, i.e. the
    shard first in the `plan`): {shard key: the documents it loses} (the shards' summaries are
    updated to match)."""
    position = {key: i for i, key in enumerate(plan)}
    everywhere = pl.concat([r["documents"].with_columns(shard_position=pl.lit(position[r["shard_key"]]),
                                                        shard_key=pl.lit(r["shard_key"])) for r in results])
    ranked = everywhere.sort("source_path", "source_id", "shard_position").drop("shard_position").with_columns(
        first_path=pl.col("source_path").first().over("doc_id"),
        first_id=pl.col("source_id").first().over("doc_id"),
        rank=pl.int_range(pl.len()).over("doc_id"),
    )
    losers = ranked.filter(pl.col("rank") > 0)
    lost_by_shard = {key: lost.drop("shard_key", "rank") for (key,), lost in losers.group_by("shard_key")}
    for r in results:
        if r["shard_key"] in lost_by_shard:
            r["documents"] = r["documents"].filter(~pl.col("doc_id").is_in(lost_by_shard[r["shard_key"]]["doc_id"].implode()))
    return lost_by_shard


def _summarise(staging: Path, inputs: pl.DataFrame, shards: int, built: int, seconds: float) -> BuildSummary:
    rows = {name: pl.scan_parquet(staging / name / "*.parquet").select(pl.len()).collect().item()
            if any((staging / name).glob("*.parquet")) else 0 for name in TABLES}
    reasons = {}
    if rows["rejected"]:
        counts = pl.scan_parquet(staging / "rejected" / "*.parquet").group_by("reason").agg(pl.len()).collect()
        reasons = {str(r): n for r, n in counts.iter_rows()}
    return BuildSummary(inputs=rows["documents"] + rows["rejected"], files=inputs.height, documents=rows["documents"],
                        rejected=rows["rejected"], reasons=reasons, rows=rows, shards=shards, shards_built=built,
                        seconds=seconds)


def _report_contract_failure(store: OutputStore, error: ContractViolation) -> Path:
    path = store.root / CONTRACT_FAILURES_FILE
    write_parquet_atomic(error.failures, path)
    return path


@flow(name="build_dataset", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=2))
def build_dataset(raw_dir: str = "raw", out_dir: str = "output", shard_size: int | None = None,
                  progress: bool = False) -> dict:
    """Build the dataset tables from `raw_dir` into `out_dir`; returns the run summary. Shards hold
    about `shard_size` articles (default: by the corpus size, `flows.plan.default_shard_size`)."""
    # Imported here, not at the top: Dask workers import this module for the shard tasks and
    # never write the DuckDB file (importing duckdb costs each of them ~0.5 s).
    from flows.bi import write_duckdb

    logger = get_run_logger()
    started = time.perf_counter()
    raw, store = Path(raw_dir), OutputStore(Path(out_dir))
    with output_lock(store.root):
        previous = store.previous_inputs()
        inputs = hash_inputs(raw, list_inputs(raw), previous)
        if shard_size is None:
            shard_size = default_shard_size(estimated_articles(inputs))
        inputs = split_large_files(raw, inputs, max(1, shard_size // 2))
        fingerprint = pipeline_fingerprint()
        shards = plan_shards(inputs, shard_size, fingerprint)
        if previous is not None and previous.drop("mtime_ns").equals(_inputs_record(inputs, shards).drop("mtime_ns")):
            summary = BuildSummary(files=inputs.height, changed=False)
            store.link_tables(TABLES)
            write_duckdb(store.root)  # rewrites nothing when it is current; repairs it after a crash
            logger.info(summary.as_text())
            return summary.__dict__
        staging = store.new_generation()
        try:
            results, to_build = [], []
            for shard_key, shard_inputs in shards:
                if all(store.reuse_part(staging, name, shard_key) for name in TABLES):
                    results.append(_shard_summary(staging, shard_key))
                else:
                    to_build.append((shard_key, shard_inputs))
            sizes = [estimated_articles(part) for _, part in to_build]
            neighbours = _neighbours(shards)
            with WORKERS.for_shards(len(to_build), sum(sizes)):
                processes = WORKERS.size
                futures = [run_shard.submit(str(raw), str(staging), key, part, neighbours[key])
                           for key, part in _submission_order(to_build, sizes, last=max(2, processes))]
                results += _collect(futures, progress)
                lost = _cross_shard_duplicates(results, [key for key, _ in shards]) if results else {}
                for future in [drop_duplicates.submit(str(staging), key, lost[key]) for key in sorted(lost)]:
                    future.result()
            shutil.rmtree(staging / COPIES, ignore_errors=True)
            write_parquet_atomic(_inputs_record(inputs, shards), staging / INPUTS_FILE)
            summary = _summarise(staging, inputs, len(shards), len(to_build), time.perf_counter() - started)
            summary.processes, summary.shard_size = processes, shard_size
            store.publish(staging, TABLES)
            write_duckdb(store.root)
        except ContractViolation as error:
            store.discard(staging)
            _report_contract_failure(store, error)
            raise
        except BaseException:
            store.discard(staging)
            raise
    (store.root / CONTRACT_FAILURES_FILE).unlink(missing_ok=True)
    logger.info(summary.as_text())
    _publish_artifact(summary)
    return summary.__dict__


def task_runner(workers: int = 2, runner: str = "auto", address: str | None = None):
    """The Prefect task runner for `runner`: threads for "auto", "thread" and "process" (whose
    shard work may go to worker processes, see `flows/worker.py`), or prefect-dask's runner for
    "dask" (the scheduler at `address`, else a local cluster of its own)."""
    if runner in ("auto", "process", "thread"):
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown runner {runner!r}: use auto, thread, process or dask")


def build(raw_dir: str = "raw", out_dir: str = "output", shard_size: int | None = None, workers: int = 2,
          runner: str = "auto", address: str | None = None, progress: bool = False) -> dict:
    """Run `build_dataset` with the chosen task runner (what the CLI and benchmarks call)."""
    # A busy output folder is told here, in one line, before Prefect starts (and would log a
    # traceback for the same error raised inside the flow).
    with output_lock(Path(out_dir)):
        pass
    local_dask = runner == "dask" and not address
    with local_dask_cluster(workers) if local_dask else nullcontext() as cluster:
        # By address, not as an object: prefect-dask ships its runner (and so a cluster object it
        # holds) with every task, and a LocalCluster cannot be pickled.
        address = cluster.scheduler_address if cluster is not None else address
        flow_with_runner = build_dataset.with_options(task_runner=task_runner(workers, runner, address))
        WORKERS.auto = workers if runner == "auto" else 0
        # Prefect's own process runner starts a process (imports, API client) per task run, which
        # cost more than the shard work; a pool that lives for the build pays that once per worker,
        # and starting it here lets its imports run while Prefect starts the flow (for "auto",
        # when a first build looks big enough to want it; the flow decides for the others).
        if runner == "process" and workers >= 2:
            WORKERS.start(workers)
        elif runner == "auto":
            WORKERS.start_early(Path(raw_dir), Path(out_dir), workers)
        try:
            return flow_with_runner(raw_dir=raw_dir, out_dir=out_dir, shard_size=shard_size, progress=progress)
        finally:
            WORKERS.stop()
            WORKERS.auto = 2


def _collect(futures: list, progress: bool) -> list[dict]:
    if not futures:
        return []
    if not progress:
        return [future.result() for future in futures]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    results = []
    columns = (TextColumn("shards"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        job = bar.add_task("shards", total=len(futures))
        for future in as_completed(futures):
            results.append(future.result())
            bar.advance(job)
    return results


def _inputs_record(inputs: pl.DataFrame, shards: list[tuple[str, pl.DataFrame]]) -> pl.DataFrame:
    """What this build read: one row per input (a file, or a piece of a large JSONL file), with
    the shard it went into."""
    if not shards:
        return inputs.with_columns(shard_key=pl.lit(None, dtype=pl.String))
    return pl.concat([part.with_columns(shard_key=pl.lit(key)) for key, part in shards]).sort("source_path", "byte_start")


def _publish_artifact(summary: BuildSummary) -> None:
    lines = ["# newsclaims build", "", "| measure | value |", "|---|---|",
             f"| inputs | {summary.inputs:,} |", f"| input files | {summary.files:,} |",
             f"| documents | {summary.documents:,} |", f"| rejected | {summary.rejected:,} |"]
    lines += [f"| rejected: {reason} | {n:,} |" for reason, n in sorted(summary.reasons.items())]
    lines += [f"| rows in {table} | {n:,} |" for table, n in summary.rows.items()]
    lines += [f"| shards built / total | {summary.shards_built} / {summary.shards} |",
              f"| seconds | {summary.seconds:.1f} |"]
    create_markdown_artifact(markdown="\n".join(lines), key="build-summary", description="newsclaims build summary")
