"""What one shard's work is, wherever it runs: read its inputs, build its tables, write its parts.

It lives apart from the flow module so that a worker process imports only the pipeline (polars,
Pandera, the tasks), not Prefect: with `--runner process` each worker unpickles `shard_job` by
module name, and importing the flow module there cost ~5 s more per worker than the pipeline itself.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.inputs import read_files
from flows.shard import build_shard
from flows.store import OutputStore, write_parquet_atomic


def shard_job(raw_dir: str, staging: str, shard_key: str, inputs: pl.DataFrame) -> dict:
    """Builds one shard and writes its parts; returns its ids and counts (never its rows)."""
    tables = build_shard(read_files(Path(raw_dir), inputs))
    for name, frame in tables.as_dict().items():
        write_parquet_atomic(frame, OutputStore.part_path(Path(staging), name, shard_key))
    return {
        "shard_key": shard_key,
        "documents": tables.documents.select("doc_id", "source_path", "source_id"),
        "rows": {name: frame.height for name, frame in tables.as_dict().items()},
    }


def warm_up() -> None:
    """Nothing: submitted once per worker when the pool starts, so that the workers' imports run
    while the flow itself starts and lists the inputs, not when the first shard is waiting."""
