"""Listing the raw folder and cutting large JSONL files into pieces."""

from __future__ import annotations

import json

import polars as pl

from flows.inputs import _line_chunks, hash_inputs, list_inputs, read_files, split_large_files
from flows.shard import build_shard
from tests.conftest import write_raw


def _records(n: int) -> str:
    return "\n".join(json.dumps({"id": f"r{i}", "title": f"Story {i}",
                                 "text": f"The council met on day {i} and voted, officials said. " * (1 + i % 7)})
                     for i in range(n)) + "\n"


def test_chunks_cut_after_newlines_and_count_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(_records(300))
    data = path.read_bytes()
    for size in (1, 500, 4096, 10**7):
        chunks = _line_chunks(path, size)
        assert chunks[0][0] == 0 and chunks[-1][1] == len(data)
        for (start, end, first_line), (next_start, _, _) in zip(chunks, chunks[1:]):
            assert end == next_start and data[end - 1:end] == b"\n"
        for start, _, first_line in chunks:
            assert data[:start].count(b"\n") + 1 == first_line


def test_a_split_file_gives_the_same_records_as_the_whole(tmp_path):
    raw = write_raw(tmp_path / "raw", {"big.jsonl": _records(120) + "{broken line\n", "small.txt": "Title\n\nBody text."})
    whole = hash_inputs(raw, list_inputs(raw), None)
    pieces = split_large_files(raw, whole, piece_lines=15)
    assert pieces.filter(pl.col("source_path") == "big.jsonl").height > 5
    assert pieces.filter(pl.col("source_path") == "small.txt").height == 1
    one = build_shard(read_files(raw, whole))
    many = [build_shard(read_files(raw, pieces[i:i + 1])) for i in range(pieces.height)]
    for name in ("documents", "paragraphs", "rejected"):
        joined = pl.concat([getattr(t, name) for t in many])
        key = joined.columns[:2]
        assert getattr(one, name).sort(key).equals(joined.sort(key)), name
    detail = one.rejected["detail"][0]
    assert detail.startswith("line 121:"), detail


def test_hidden_files_and_folders_are_skipped(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": "x", ".hidden.txt": "y", ".git/config": "z"})
    listed = list_inputs(raw)
    assert ".hidden.txt" not in listed["source_path"].to_list()
    assert ".git/config" not in listed["source_path"].to_list()
