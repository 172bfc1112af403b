"""Splitting the inputs into shards that stay the same when the folder grows.

Shard boundaries are content-defined: a shard ends after an input whose path hashes to 0 modulo
the shard size. Adding or removing a file therefore changes only the shard it falls in, and the
other shards keep their keys, so their parts are reused instead of rebuilt.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

_PACKAGES = ("tasks", "schemas")
_WIRING = ("flows/shard.py",)


def pipeline_fingerprint() -> str:
    """A hash of the code that decides what the tables hold, and of the polars version."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(pl.__version__.encode())
    files = sorted(p for package in _PACKAGES for p in (root / package).rglob("*.py"))
    files += [root / w for w in _WIRING]
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# A file of records (JSONL, CSV) weighs one article per this many bytes, a guess that keeps
# shards near their size in articles without reading the files to count them.
BYTES_PER_RECORD = 3000
_RECORD_FILES = (".jsonl", ".ndjson", ".csv")
# The bytes an input covers: a piece of a cut file, else the whole file.
_LENGTH = (pl.col("byte_end") - pl.col("byte_start")).fill_null(pl.col("size"))


def _weight(path: str, size: int | None) -> int:
    if size and path.lower().endswith(_RECORD_FILES):
        return max(1, size // BYTES_PER_RECORD)
    return 1


def estimated_articles(inputs: pl.DataFrame) -> int:
    """How many articles these inputs hold, by the same guess as the shard sizes."""
    return sum(_weight(path, size) for path, size in inputs.select("source_path", _LENGTH).iter_rows())


def _boundary(path: str, weight: int, shard_size: int) -> bool:
    """A shard ends after an input with this chance: weight / shard_size, decided by its path."""
    return int(hashlib.sha1(path.encode()).hexdigest()[:8], 16) % shard_size < weight


def plan_shards(inputs: pl.DataFrame, shard_size: int, fingerprint: str) -> list[tuple[str, pl.DataFrame]]:
    """[(shard_key, inputs of that shard)], in path order; a shard holds ~shard_size articles."""
    if shard_size < 1:
        raise ValueError("shard size must be at least 1")
    cap = 4 * shard_size
    shards, current, weight = [], [], 0
    for index, (path, size) in enumerate(inputs.select("source_path", _LENGTH).iter_rows()):
        current.append(index)
        w = _weight(path, size)
        weight += w
        if _boundary(path, w, shard_size) or weight >= cap:
            shards.append(current)
            current, weight = [], 0
    if current:
        shards.append(current)
    out = []
    for rows in shards:
        part = inputs[rows[0]: rows[-1] + 1]
        digest = hashlib.sha256(fingerprint.encode())
        for path, sha, start in part.select("source_path", "sha256", "byte_start").iter_rows():
            digest.update(f"{path}\0{sha}\0{start}\n".encode())
        out.append((digest.hexdigest()[:16], part))
    return out
