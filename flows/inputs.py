"""The raw folder: which inputs there are, what they hold, and reading a shard of them.

Listing is cheap (stat only); content hashes are reused from the previous run's record of the
inputs when a file's size and modification time have not changed, like git's index.
"""

from __future__ import annotations

import hashlib
import os
import stat as stat_kind
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl


INPUT_SCHEMA = {"source_path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "sha256": pl.String,
                "problem": pl.String, "byte_start": pl.Int64, "byte_end": pl.Int64, "first_line": pl.Int64,
                "lines": pl.Int64}
# Inputs larger than this are rejected rather than read into memory (docs/limits.md).
MAX_INPUT_BYTES = 200 * 1024 * 1024
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db", ".gitkeep", "desktop.ini"}


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _printable(rel: str) -> str:
    """A path whose name is not valid UTF-8 (it then holds surrogates) made storable and readable."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _not_regular(mode: int) -> str | None:
    """Why a path that is not a regular file cannot be read: opening a FIFO would block forever."""
    if stat_kind.S_ISREG(mode):
        return None
    kinds = {stat_kind.S_ISFIFO: "a named pipe (FIFO)", stat_kind.S_ISSOCK: "a socket",
             stat_kind.S_ISCHR: "a character device", stat_kind.S_ISBLK: "a block device",
             stat_kind.S_ISDIR: "a directory"}
    kind = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"unreadable: it is {kind}, not a regular file, and is not read"


def _linked_folder_row(path: Path, root: Path, rel: str) -> dict | None:
    """A link to a folder outside the raw folder is listed (and rejected), not silently skipped."""
    target = path.resolve()
    if target.is_relative_to(root):
        return None  # its files are listed under their real path
    return {"source_path": rel, "size": None, "mtime_ns": None, "sha256": None,
            "problem": f"symlink_outside: the link points to a folder outside the raw folder (to {_printable(str(target))}) and is not followed"}


def list_inputs(raw_dir: Path) -> pl.DataFrame:
    """One row per input file under `raw_dir` (recursively), sorted by path.

    Hidden files and folders are skipped. A symbolic link is followed only when it stays inside
    the raw folder; one that points outside, or a file that cannot be read, is listed with a
    `problem` ("reason: detail") so that it lands in the rejected table.
    """
    root = raw_dir.resolve()
    rows = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in dirnames:
            path = Path(dirpath) / name
            if path.is_symlink() and (row := _linked_folder_row(path, root, _printable(_relative(path, raw_dir)))):
                rows.append(row)
        for name in sorted(filenames):
            if name.startswith(".") or name in _SKIPPED_NAMES:
                continue
            path = Path(dirpath) / name
            rel = _printable(_relative(path, raw_dir))
            problem = None
            if rel != _relative(path, raw_dir):  # valid UTF-8 names print as they are
                problem = "unreadable: the file name is not valid UTF-8; rename the file to have it read"
            if problem is None and path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    problem = f"symlink_outside: the link points outside the raw folder (to {_printable(str(target))}) and is not followed"
            try:
                stat = path.stat()
            except OSError as exc:
                rows.append({"source_path": rel, "size": None, "mtime_ns": None, "sha256": None,
                         "problem": problem or _unreadable(exc),
                         "byte_start": 0, "byte_end": None, "first_line": 1, "lines": None})
                continue
            if problem is None:
                problem = _not_regular(stat.st_mode)
            if problem is None and not os.access(path, os.R_OK):
                problem = "unreadable: permission denied"
            elif problem is None and stat.st_size > MAX_INPUT_BYTES:
                problem = f"too_large: {stat.st_size:,} bytes, over the {MAX_INPUT_BYTES:,}-byte limit per input file"
            rows.append({"source_path": rel, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                         "sha256": None, "problem": problem, "byte_start": 0, "byte_end": None, "first_line": 1,
                         "lines": None})
    return pl.DataFrame(rows, schema=INPUT_SCHEMA).sort("source_path")


def _unreadable(exc: OSError) -> str:
    return f"unreadable: the file cannot be read ({exc.strerror or exc}; a broken link, or removed while the build ran?)"


def _open_regular(path: Path):
    """Opens a regular file for reading; anything else (a FIFO put there since the listing) raises
    instead of blocking the build."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat_kind.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{path.name} is no longer a regular file")
    return os.fdopen(fd, "rb")


def _sha256_and_lines(path: Path) -> tuple[str, int]:
    """The content hash and the number of newlines, in one read: the newlines tell how many
    records a JSONL or CSV file holds, so shards can be sized without parsing anything."""
    digest, lines = hashlib.sha256(), 0
    with _open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            lines += block.count(b"\n")
    return digest.hexdigest(), lines


HASH_THREADS = 2


def hash_inputs(raw_dir: Path, inputs: pl.DataFrame, previous: pl.DataFrame | None) -> pl.DataFrame:
    """Fills `sha256` and `lines` (newlines in the file), reusing the previous run's values when
    size and mtime are unchanged."""
    known = {}
    if previous is not None and previous.height and "lines" in previous.columns:
        # A piece of a cut file counts only its own lines: the whole file's count is their sum.
        # A file that had a problem (say, no read permission) is read again: chmod keeps its mtime.
        whole = (previous.filter(pl.col("problem").is_null())
                 .group_by("source_path", "size", "mtime_ns", "sha256").agg(pl.col("lines").sum()))
        known = {(p, s, m): (h, n) for p, s, m, h, n in whole.iter_rows()}
    found: list[tuple[str, int | None] | None] = []
    to_read: list[tuple[int, str]] = []
    for path, size, mtime, problem in inputs.select("source_path", "size", "mtime_ns", "problem").iter_rows():
        if problem is not None:
            found.append((hashlib.sha256(problem.encode()).hexdigest(), None))
            continue
        found.append(known.get((path, size, mtime)))
        if found[-1] is None:
            to_read.append((len(found) - 1, path))
    # hashlib and file reads release the GIL: two threads hash a first build of 100,000 articles
    # (100 MB) in ~half the time, while the worker processes would otherwise wait for the plan.
    with ThreadPoolExecutor(max_workers=HASH_THREADS) as pool:
        for (index, _), result in zip(to_read, pool.map(lambda item: _hashed(raw_dir / item[1]), to_read)):
            found[index] = result
    hashes, counts = zip(*found) if found else ((), ())
    return inputs.with_columns(sha256=pl.Series(hashes, dtype=pl.String), lines=pl.Series(counts, dtype=pl.Int64))


def _hashed(path: Path) -> tuple[str, int | None]:
    try:
        return _sha256_and_lines(path)
    except OSError as exc:
        return hashlib.sha256(str(exc).encode()).hexdigest(), None


def _line_chunks(path: Path, chunk_bytes: int) -> list[tuple[int, int, int]]:
    """(byte_start, byte_end, first_line) of consecutive pieces of about `chunk_bytes`, each cut
    just after a newline, found in one sequential read that also counts lines before each cut."""
    chunks, start, first_line, lines_seen, position = [], 0, 1, 0, 0
    cut_at = chunk_bytes
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            search_from = 0
            while cut_at - position < len(block):
                cut = block.find(b"\n", max(search_from, cut_at - position))
                if cut < 0:
                    break  # the line goes on in the next block; cut there
                end = position + cut + 1
                chunks.append((start, end, first_line))
                first_line = lines_seen + block.count(b"\n", 0, cut + 1) + 1
                start, search_from, cut_at = end, cut + 1, end + chunk_bytes
            lines_seen += block.count(b"\n")
            position += len(block)
    if start < position:
        chunks.append((start, position, first_line))
    return chunks


def split_large_files(raw_dir: Path, inputs: pl.DataFrame, piece_lines: int) -> pl.DataFrame:
    """JSONL files of more than `piece_lines` lines become several inputs, runs of whole lines of
    about that many lines each (judged by the file's mean line length), so that a shard never has
    to hold a whole large file. (CSV is never cut: a quoted field may hold a newline.)"""
    name = pl.col("source_path").str.to_lowercase()
    targets = inputs.filter(pl.col("problem").is_null() & (pl.col("lines") > piece_lines)
                            & (name.str.ends_with(".jsonl") | name.str.ends_with(".ndjson")))
    pieces = []
    for row in targets.iter_rows(named=True):
        path = raw_dir / row["source_path"]
        try:
            with path.open("rb") as handle:
                if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 cannot be cut at a byte newline
                    continue
            chunks = _line_chunks(path, max(1, row["size"] * piece_lines // row["lines"]))
        except OSError:
            continue  # read_files reports it
        # Lines of a piece: up to the next piece's first line (the last piece: to the file's end).
        ends = [n for _, _, n in chunks[1:]] + [row["lines"] + 1]
        pieces += [{**row, "byte_start": s, "byte_end": e, "first_line": n, "lines": end - n}
                   for (s, e, n), end in zip(chunks, ends)]
    if not pieces:
        return inputs
    split = pl.DataFrame(pieces, schema=inputs.schema)
    whole = inputs.join(split.select("source_path").unique(), on="source_path", how="anti")
    return pl.concat([whole, split]).sort("source_path", "byte_start")


def read_files(raw_dir: Path, inputs: pl.DataFrame) -> pl.DataFrame:
    """The bytes of each input (`raw`), or why it could not be read (`read_error`)."""
    raws, errors = [], []
    columns = ("source_path", "problem", "byte_start", "byte_end")
    for path, problem, start, end in inputs.select(columns).iter_rows():
        if problem is not None:
            raws.append(None)
            errors.append(problem)
            continue
        try:
            with _open_regular(raw_dir / path) as handle:
                handle.seek(start or 0)
                raws.append(handle.read() if end is None else handle.read(end - (start or 0)))
            errors.append(None)
        except OSError as exc:
            raws.append(None)
            errors.append(_unreadable(exc))
    return pl.DataFrame({"source_path": inputs["source_path"], "raw": raws, "read_error": errors,
                         "first_line": inputs["first_line"]},
                        schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String,
                                "first_line": pl.Int64})


