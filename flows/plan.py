"""Splitting the inputs into shards that stay the same when the folder grows.

Shard boundaries are content-defined: a shard ends after an input whose path hashes to 0 modulo
the shard size. Adding or removing a file therefore changes only the shard it falls in, and the
other shards keep their keys, so their parts are reused instead of rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import time
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


# Articles per shard when none is given, by corpus size. Each shard pays ~0.3 s of fixed cost
# (polars recompiles the pipeline's regexes: its cache holds 32 per thread), so bigger shards cost
# less per article, but a corpus of a few shards that size balances badly across the workers:
# 15,000 built 100,000 articles ~7% faster than 10,000, and cut 19,043 articles into 18,000 +
# 1,043 (docs/scale.md). Two coarse steps, because a change of size re-cuts every shard once.
SMALL_CORPUS_SHARD_SIZE = 10000
LARGE_CORPUS_SHARD_SIZE = 15000
# Six shards of the larger size or more: the last one is at most about a sixth of the work.
LARGE_CORPUS_ARTICLES = 6 * LARGE_CORPUS_SHARD_SIZE


def default_shard_size(articles: int) -> int:
    """The shard size for a corpus of `articles` (as `estimated_articles` counts them) when the
    user gives none. It depends on the corpus only, not on the number of workers, so that a
    build with other `--workers` reuses the same shards."""
    return LARGE_CORPUS_SHARD_SIZE if articles >= LARGE_CORPUS_ARTICLES else SMALL_CORPUS_SHARD_SIZE


# A file of records (JSONL, CSV) holds about one article per line; when its lines were not
# counted, one per this many bytes.
BYTES_PER_RECORD = 3000
_RECORD_FILES = (".jsonl", ".ndjson", ".csv")
# The bytes an input covers: a piece of a cut file, else the whole file.
_LENGTH = (pl.col("byte_end") - pl.col("byte_start")).fill_null(pl.col("size"))


def _weight(path: str, size: int | None, lines: int | None) -> int:
    if size and path.lower().endswith(_RECORD_FILES):
        return max(1, lines if lines is not None else size // BYTES_PER_RECORD)
    return 1


def _weights(inputs: pl.DataFrame) -> list[int]:
    sizes = inputs.select(_LENGTH).to_series()
    return [_weight(p, s, n) for p, s, n in zip(inputs["source_path"], sizes, inputs["lines"])]


def estimated_articles(inputs: pl.DataFrame) -> int:
    """How many articles these inputs hold, by the same count as the shard sizes."""
    return sum(_weights(inputs))


def looks_large(raw_dir: Path, articles: int, seconds: float = 0.5) -> bool:
    """Whether the files under `raw_dir` hold at least `articles` articles, judged by their sizes
    alone (no file is read, so records count as one per `BYTES_PER_RECORD` bytes, fewer than
    most JSONL files hold). The walk stops as soon as it is sure, or after `seconds`: a folder
    too big to walk in that time says no rather than delay the build."""
    deadline, total, folders = time.monotonic() + seconds, 0, [raw_dir]
    while folders and time.monotonic() < deadline:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    total += _weight(entry.name, entry.stat().st_size, None)
            except OSError:
                continue
            if total >= articles:
                return True
    return False


def _boundary(path: str, start: int | None, weight: int, window: int) -> bool:
    """A shard may end after an input with this chance: weight / window, decided by its path
    (and where it starts, for the pieces of a cut file)."""
    key = path if not start else f"{path}\0{start}"
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % window < weight


def plan_shards(inputs: pl.DataFrame, shard_size: int, fingerprint: str) -> list[tuple[str, pl.DataFrame]]:
    """[(shard_key, inputs of that shard)], in path order; a shard holds ~shard_size articles.

    A shard ends at a content-defined boundary once it holds half the shard size (so shards are
    between half and twice the size, ~shard_size on average: even enough for the workers to
    finish together), or when it reaches twice the size.
    """
    if shard_size < 1:
        raise ValueError("shard size must be at least 1")
    half, cap = max(1, shard_size // 2), 2 * shard_size
    shards, current, weight = [], [], 0
    rows = zip(inputs["source_path"], inputs["byte_start"], _weights(inputs))
    for index, (path, start, w) in enumerate(rows):
        current.append(index)
        weight += w
        if (weight >= half and _boundary(path, start, w, half)) or weight >= cap:
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
