"""The flow end to end, on a temporary Prefect API shared by the session."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import polars as pl
import pytest

from flows.build import build_dataset
from flows.shard import TABLES
from schemas.contracts import ContractViolation
from tests.conftest import write_raw

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.usefixtures("prefect_harness")

BODY = ("The council voted on Tuesday to approve the new budget after a long debate that lasted into the night.\n\n"
        "Officials said the plan would take effect next month and would be reviewed at the end of the year.")


def tables(out: Path) -> dict[str, pl.DataFrame]:
    return {name: pl.read_parquet(out / name / "*.parquet") if any((out / name).glob("*.parquet"))
            else pl.DataFrame() for name in TABLES}


def tree_state(out: Path) -> dict[str, tuple]:
    """Every file under `out` with its content hash and modification time."""
    state = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            state[str(path.relative_to(out))] = (hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns)
    return state


def test_seeds_end_to_end(tmp_path):
    out = tmp_path / "out"
    summary = build_dataset(raw_dir=str(ROOT / "raw"), out_dir=str(out))
    assert summary["documents"] == 5 and summary["rejected"] == 0 and summary["inputs"] == 5
    t = tables(out)
    docs = t["documents"].sort("source_path")
    assert docs["n_paragraphs"].sum() == t["paragraphs"].height
    assert docs["n_sentences"].sum() == t["sentences"].height
    text = dict(zip(docs["doc_id"], docs["text"]))
    for row in t["sentences"].iter_rows(named=True):
        assert text[row["doc_id"]][row["char_start"]:row["char_end"]] == row["text"]


def test_a_second_run_with_nothing_new_changes_no_byte(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": "Budget approved\n\n" + BODY, "b.txt": "Other news\n\n" + BODY + " Extra."})
    out = tmp_path / "out"
    build_dataset(raw_dir=str(raw), out_dir=str(out))
    before = tree_state(out)
    summary = build_dataset(raw_dir=str(raw), out_dir=str(out))
    assert summary["changed"] is False
    assert tree_state(out) == before


def test_only_changed_shards_are_rebuilt_and_removed_inputs_leave(tmp_path):
    raw = write_raw(tmp_path / "raw", {f"{i}.txt": f"Story {i}\n\n{BODY} Number {i}." for i in range(6)})
    out = tmp_path / "out"
    first = build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=1)
    assert first["shards"] == 6 and first["shards_built"] == 6
    (raw / "new.txt").write_text(f"Story new\n\n{BODY} Fresh.")
    (raw / "0.txt").unlink()
    second = build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=1)
    assert second["shards_built"] == 1 and second["documents"] == 6
    assert "0.txt" not in tables(out)["documents"]["source_path"].to_list()


def test_without_a_shard_size_the_corpus_size_chooses_it(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {f"{i}.txt": f"Story {i}\n\n{BODY} Number {i}." for i in range(4)})
    asked = []
    monkeypatch.setattr("flows.build.default_shard_size", lambda articles: asked.append(articles) or 100)
    summary = build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "out"))
    assert asked == [4] and summary["shards"] == 1
    summary = build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "given"), shard_size=1)
    assert asked == [4] and summary["shards"] == 4


def test_results_do_not_depend_on_the_shard_size(tmp_path):
    files = {f"d{i % 3}/{i}.txt": f"Story {i}\n\n{BODY} Number {i % 4}." for i in range(12)}
    raw = write_raw(tmp_path / "raw", files)
    build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "one"), shard_size=1)
    build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "many"), shard_size=100)
    one, many = tables(tmp_path / "one"), tables(tmp_path / "many")
    for name in TABLES:
        key = one[name].columns[:2]
        assert one[name].sort(key).equals(many[name].sort(key)), name
    assert one["rejected"]["reason"].cast(pl.String).to_list().count("duplicate") == 8


def test_every_reject_reason_is_a_row_and_inputs_add_up(tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret\n\n" + BODY)
    raw = write_raw(tmp_path / "raw", {
        "good.txt": "Budget approved\n\n" + BODY,
        "z_dupe.txt": "Budget approved again\n\n" + BODY,
        "empty.txt": "   \n",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "utf16.txt": codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00",
        "furniture.txt": "Title\n\nSHARE THIS ARTICLE\n\n2 min read",
        "records.jsonl": '{"id": "1", "title": "T", "text": "A real record body that is fine."}\n{broken\n',
        "big.txt": "Big story\n\n" + BODY * 3,
    })
    (raw / "link.txt").symlink_to(outside)
    (raw / "dangling.txt").symlink_to(raw / "missing-target.txt")
    monkeypatch.setattr("flows.inputs.MAX_INPUT_BYTES", 600)
    summary = build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "out"))
    rejected = tables(tmp_path / "out")["rejected"]
    reasons = dict(zip(rejected["source_path"], rejected["reason"].cast(pl.String)))
    assert reasons == {"z_dupe.txt": "duplicate", "empty.txt": "empty", "image.txt": "binary", "utf16.txt": "undecodable",
                       "furniture.txt": "no_body", "records.jsonl": "malformed_record", "big.txt": "too_large",
                       "link.txt": "symlink_outside", "dangling.txt": "unreadable"}
    assert all(len(detail) > 10 for detail in rejected["detail"])
    assert summary["documents"] == 2
    assert summary["inputs"] == summary["documents"] + summary["rejected"] == 11


def test_a_broken_stage_is_stopped_by_its_contract_and_leaves_the_output(tmp_path, monkeypatch):
    raw = write_raw(tmp_path / "raw", {"a.txt": "Budget approved\n\n" + BODY})
    out = tmp_path / "out"
    build_dataset(raw_dir=str(raw), out_dir=str(out))
    before = tree_state(out)
    (raw / "b.txt").write_text("Another story\n\n" + BODY + " New.")

    import flows.shard
    real = flows.shard.segment_sentences
    monkeypatch.setattr(flows.shard, "segment_sentences",
                        lambda p: real(p).with_columns(char_start=pl.col("char_start") + 1))
    with pytest.raises(ContractViolation) as caught:
        build_dataset(raw_dir=str(raw), out_dir=str(out))
    assert caught.value.stage == "segment"
    report = pl.read_parquet(out / "contract_failures.parquet")
    assert "text_equals_document_slice" in report["check"].to_list()
    assert report["key"].str.contains("-s").any()
    after = {k: v for k, v in tree_state(out).items() if k != "contract_failures.parquet"}
    assert after == before
    assert not [p for p in (out / ".generations").iterdir() if p.name.endswith(".staging")]
