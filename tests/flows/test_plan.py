"""Planning shards: sized by the records the inputs hold, even, and stable when the folder grows."""

from __future__ import annotations

import polars as pl
import pytest

from flows.inputs import hash_inputs, list_inputs, split_large_files
from flows.plan import SMALL_CORPUS_SHARD_SIZE, default_shard_size, estimated_articles, looks_large, plan_shards
from tests.conftest import write_raw


def _jsonl(records: int, width: int) -> str:
    return "".join('{"id": "r%d", "text": "%s"}\n' % (i, "x" * width) for i in range(records))


def _folder(tmp_path, files: int = 60, records=lambda k: 100 + 37 * (k % 5), width=lambda k: 50 + 900 * (k % 3)):
    """JSONL files whose records are short in some files and long in others."""
    return write_raw(tmp_path / "raw", {f"f{k:03d}.jsonl": _jsonl(records(k), width(k)) for k in range(files)})


def test_articles_are_counted_by_lines_not_guessed_from_bytes(tmp_path):
    raw = _folder(tmp_path)
    inputs = hash_inputs(raw, list_inputs(raw), None)
    assert estimated_articles(inputs) == sum(100 + 37 * (k % 5) for k in range(60))


def test_shards_hold_between_half_and_twice_the_shard_size(tmp_path):
    raw = _folder(tmp_path)
    inputs = hash_inputs(raw, list_inputs(raw), None)
    shards = plan_shards(inputs, 1000, "code")
    sizes = [estimated_articles(part) for _, part in shards]
    assert sum(sizes) == estimated_articles(inputs)
    # every shard but the last reaches half the size; none passes twice the size by more than a file
    assert all(500 <= s for s in sizes[:-1]), sizes
    assert all(s < 2000 + 250 for s in sizes), sizes
    assert 700 <= sum(sizes) / len(sizes) <= 1400, sizes


def test_pieces_of_a_large_file_are_bounded_in_bytes_and_count_their_lines(tmp_path):
    raw = write_raw(tmp_path / "raw", {"big.jsonl": _jsonl(1000, 10) + _jsonl(1000, 2000)})
    whole = hash_inputs(raw, list_inputs(raw), None)
    pieces = split_large_files(raw, whole, piece_lines=250)
    # a piece holds about as many bytes as 250 lines of the file's mean length (memory stays bounded)...
    mean_line = whole["size"][0] / 2000
    lengths = (pieces["byte_end"] - pieces["byte_start"]).to_list()
    assert max(lengths) <= 250 * mean_line + 2100, lengths
    # ...and knows how many lines (records) it holds, which is what the shard planner weighs
    assert pieces["lines"].sum() == 2000 and pieces["lines"].max() > 1000 > pieces["lines"].min()
    assert estimated_articles(pieces) == 2000


def test_adding_a_file_keeps_most_shards(tmp_path):
    raw = _folder(tmp_path)
    before = {key for key, _ in plan_shards(hash_inputs(raw, list_inputs(raw), None), 1000, "code")}
    write_raw(raw, {"f030a.jsonl": _jsonl(120, 100)})
    after = {key for key, _ in plan_shards(hash_inputs(raw, list_inputs(raw), None), 1000, "code")}
    assert len(before - after) <= 2, (len(before), len(before - after))


def test_line_counts_are_reused_from_the_previous_record_with_the_hashes(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.jsonl": _jsonl(300, 20), "b.txt": "Title\n\nBody."})
    first = split_large_files(raw, hash_inputs(raw, list_inputs(raw), None), piece_lines=100)
    assert first.filter(pl.col("source_path") == "a.jsonl").height == 3
    (raw / "a.jsonl").write_bytes(b"")  # the file is not read again when size and mtime match...
    again = hash_inputs(raw, list_inputs(raw).with_columns(
        size=pl.when(pl.col("source_path") == "a.jsonl").then(first["size"].max()).otherwise("size"),
        mtime_ns=pl.col("source_path").replace_strict(dict(zip(first["source_path"], first["mtime_ns"])))), first)
    # ...and its line count is the sum over the pieces the previous run cut it into
    assert dict(zip(again["source_path"], again["lines"]))["a.jsonl"] == 300


def test_an_input_that_had_a_problem_is_read_again(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": "Title\n\nBody text."})
    listed = list_inputs(raw)
    previous = hash_inputs(raw, listed.with_columns(problem=pl.lit("unreadable: permission denied")), None)
    now = hash_inputs(raw, listed, previous)
    assert now["sha256"][0] != previous["sha256"][0] and now["lines"][0] == 2


def test_a_folder_looks_large_by_sizes_alone_and_never_overcounts(tmp_path):
    raw = write_raw(tmp_path / "raw", {
        "a.jsonl": "x" * (3000 * 40),  # 40 records by size, whatever its lines
        "deep/er/b.txt": "one article", "c.html": "<p>one</p>", ".hidden.txt": "skipped",
    })
    assert looks_large(raw, 42)
    assert not looks_large(raw, 43)
    assert not looks_large(tmp_path / "missing", 1)


def test_a_folder_too_big_to_walk_in_time_does_not_look_large(tmp_path):
    raw = write_raw(tmp_path / "raw", {f"d{k}/a.txt": "one" for k in range(50)})
    assert looks_large(raw, 50)
    assert not looks_large(raw, 50, seconds=0)


def _corpus(files: int, records: int = 1000) -> pl.DataFrame:
    """Inputs as the planner sees them: `files` JSONL files of `records` lines each."""
    return pl.DataFrame({"source_path": [f"{k // 100:04d}/part-{k:06d}.jsonl" for k in range(files)],
                         "byte_start": [0] * files, "byte_end": [None] * files, "size": [records * 1000] * files,
                         "lines": [records] * files, "sha256": ["0" * 64] * files},
                        schema_overrides={"byte_start": pl.Int64, "byte_end": pl.Int64})


@pytest.mark.parametrize("files", [19, 20, 30, 45, 60, 89, 90, 100, 150, 300, 1000])
def test_the_default_shard_size_keeps_the_workers_balanced_and_large_corpora_in_fewer_shards(files):
    inputs = _corpus(files)
    articles = estimated_articles(inputs)
    sizes = [estimated_articles(part) for _, part in plan_shards(inputs, default_shard_size(articles), "code")]
    # no shard holds most of the work, so two workers finish close together...
    assert max(sizes) <= 0.45 * articles, sizes
    if articles >= 90_000:
        assert max(sizes) <= 0.3 * articles, sizes
    # ...and a large corpus pays the fixed cost per shard fewer times than at the small-corpus size
    small = plan_shards(inputs, SMALL_CORPUS_SHARD_SIZE, "code")
    assert len(sizes) < len(small) if articles >= 90_000 else len(sizes) == len(small)
