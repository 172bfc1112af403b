"""A document in two shards is kept once, in the shard of its first source (path, then record id);
a shard leaves out its copies of documents an earlier shard registered, and the flow removes the
copies registered too late for that, so the tables do not depend on timing or shard size."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from flows.build import _cross_shard_duplicates, _submission_order, build_dataset
from flows.inputs import hash_inputs, list_inputs
from flows.shard import TABLES
from flows.store import OutputStore
from flows.worker import COPIES, earlier_copies, shard_job
from tests.conftest import write_raw

BODY = ("The council voted on Tuesday to approve the new budget after a long debate that lasted into the night.\n\n"
        "Officials said the plan would take effect next month and would be reviewed at the end of the year.")


def found(*rows: tuple[str, str, str]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["doc_id", "source_path", "source_id"], orient="row")


def register(staging: Path, key: str, frame: pl.DataFrame) -> None:
    (staging / COPIES).mkdir(parents=True, exist_ok=True)
    frame.write_parquet(staging / COPIES / f"part-{key}.parquet")


def test_only_copies_from_an_earlier_source_count(tmp_path):
    register(tmp_path, "a", found(("d1", "a.jsonl", "9"), ("d2", "z.jsonl", "1"), ("d3", "m.jsonl", "5")))
    mine = found(("d1", "m.jsonl", "1"), ("d2", "m.jsonl", "2"), ("d3", "m.jsonl", "3"), ("d4", "m.jsonl", "4"))
    # d1: earlier path; d2: later path; d3: same path, later id (mine is first); d4: nowhere else
    assert earlier_copies(tmp_path, ("a",), mine).to_list() == ["d1"]


def test_shards_not_registered_yet_and_other_shards_are_not_read(tmp_path):
    register(tmp_path, "later", found(("d1", "a.jsonl", "1")))
    mine = found(("d1", "b.jsonl", "1"))
    assert earlier_copies(tmp_path, ("missing",), mine).is_empty()
    assert earlier_copies(tmp_path, ("later",), mine).to_list() == ["d1"]
    assert earlier_copies(tmp_path, (), mine).is_empty()


def test_a_reused_shard_is_read_from_its_documents_part(tmp_path):
    part = OutputStore.part_path(tmp_path, "documents", "old")
    part.parent.mkdir(parents=True)
    found(("d1", "a.txt", "a")).with_columns(text=pl.lit("body")).write_parquet(part)
    register(tmp_path, "new", found(("d2", "a2.txt", "a")))
    mine = found(("d1", "b.txt", "b"), ("d2", "b.txt", "c"))
    assert sorted(earlier_copies(tmp_path, ("old", "new"), mine)) == ["d1", "d2"]


def test_a_shard_writes_no_rows_of_a_copy_registered_earlier(tmp_path):
    said = '\n\nThe mayor said 3,000 homes were flooded. "We will rebuild every one of them," she said.'
    raw = write_raw(tmp_path / "raw", {"b.txt": "Budget approved\n\n" + BODY + said, "c.txt": "Other news\n\n" + BODY + " Again." + said})
    inputs = hash_inputs(raw, list_inputs(raw), None)
    staging = tmp_path / "staging"
    first = shard_job(str(raw), str(staging), "first", inputs.filter(pl.col("source_path") == "b.txt"))
    copy = first["documents"].with_columns(source_path=pl.lit("a.txt"), source_id=pl.lit("a"))
    register(staging, "earlier", copy)
    result = shard_job(str(raw), str(staging), "second", inputs, ("earlier",))
    assert sorted(result["documents"]["source_path"]) == ["b.txt", "c.txt"]  # everything it found
    written = {name: pl.read_parquet(OutputStore.part_path(staging, name, "second")) for name in TABLES[:-1]}
    assert written["documents"]["source_path"].to_list() == ["c.txt"]
    for name, frame in written.items():
        assert frame["doc_id"].unique().to_list() == [written["documents"]["doc_id"].item()], name
    registered = pl.read_parquet(staging / COPIES / "part-second.parquet")
    assert sorted(registered["source_path"]) == ["b.txt", "c.txt"]


def test_shards_go_in_path_order_but_the_final_round_largest_first():
    shards = list("abcdef")
    assert _submission_order(shards, [5, 1, 3, 2, 6, 9], last=2) == list("abcdfe")
    assert _submission_order(shards[:1], [5], last=2) == ["a"]


@pytest.mark.usefixtures("prefect_harness")
def test_within_a_cut_file_the_copy_with_the_first_id_is_kept_whatever_the_shards(tmp_path):
    # The copies sit in different pieces of one cut file, the later piece holding the first id.
    records = [{"id": f"r{9 - i}", "title": "Budget", "text": f"{BODY} Number {i % 2}."} for i in range(10)]
    raw = write_raw(tmp_path / "raw", {"all.jsonl": "".join(json.dumps(r) + "\n" for r in records)})
    for size in (1, 2, 100):
        build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / f"out{size}"), shard_size=size)
    out = {size: {name: pl.read_parquet(tmp_path / f"out{size}" / name / "*.parquet") for name in TABLES}
           for size in (1, 2, 100)}
    assert sorted(out[100]["documents"]["source_id"]) == ["r0", "r1"]
    for size in (1, 2):
        for name in TABLES:
            key = out[100][name].columns[:2]
            assert out[size][name].sort(key).equals(out[100][name].sort(key)), (size, name)
    assert not (tmp_path / "out1" / ".current" / COPIES).exists()


def test_copies_tied_on_path_and_id_keep_the_one_in_the_earlier_shard():
    # two pieces of one cut file that repeat a record id with the same text (the records'
    # metadata may differ, so which one is kept must not depend on the order shards finished)
    for finished in (["early", "late"], ["late", "early"]):
        results = [{"shard_key": key, "documents": found(("d1", "big.jsonl", "7"), (f"only-{key}", "big.jsonl", key))}
                   for key in finished]
        lost = _cross_shard_duplicates(results, plan=["early", "late"])
        assert list(lost) == ["late"] and lost["late"]["doc_id"].to_list() == ["d1"]
