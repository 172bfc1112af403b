"""Releases: complete, reproducible to the byte, never overwritten, compared with the previous one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from flows.inputs import hash_inputs, list_inputs, read_files
from flows.release import make_release, release
from flows.shard import TABLES, build_shard
from flows.store import INPUTS_FILE, OutputStore, write_parquet_atomic
from flows.validate import read_manifest, validate
from schemas.descriptions import TABLES as DESCRIBED, columns, markdown

ROOT = Path(__file__).resolve().parents[2]
RELEASE_FILES = {f"{t}.parquet" for t in TABLES} | {"datapackage.json", "croissant.json", "MANIFEST",
                                                     "CHANGELOG.md", "README.md"}


def publish(raw: Path, out: Path, shards: int = 1) -> Path:
    """A published output folder as `build_dataset` leaves it, built without Prefect."""
    store = OutputStore(out)
    inputs = hash_inputs(raw, list_inputs(raw), None)
    generation = store.new_generation()
    step = -(-inputs.height // shards)
    for n, start in enumerate(range(0, inputs.height, step)):
        part = build_shard(read_files(raw, inputs[start:start + step]))
        for name, frame in part.as_dict().items():
            write_parquet_atomic(frame, store.part_path(generation, name, f"s{n}"))
    write_parquet_atomic(inputs, generation / INPUTS_FILE)
    store.publish(generation, TABLES)
    return out


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    return publish(ROOT / "raw", tmp_path_factory.mktemp("seeds") / "output")


def test_every_described_column_is_a_model_column_and_the_data_dictionary_agrees():
    documented = {}
    for line in (ROOT / "docs" / "tables.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            table = line[3:].split(":")[0]
        elif line.startswith("| ") and not line.startswith(("| column", "|---")):
            documented.setdefault(table, set()).update(line.split("|")[1].strip().split(", "))
    for name, spec in DESCRIBED.items():
        assert set(spec.columns) == set(spec.model.to_schema().columns), name
        assert all(c.description for c in columns(name))
        assert documented[name] == set(spec.columns), f"docs/tables.md and schemas/descriptions.py differ on {name}"
        assert f"## {name}: {spec.row}" in markdown()


def test_a_release_has_every_file_and_validates(seeds, tmp_path, capsys):
    assert release("1.0.0", seeds, tmp_path / "releases") == 0
    folder = tmp_path / "releases" / "1.0.0"
    assert {p.name for p in folder.iterdir()} == RELEASE_FILES
    assert validate(folder) == 0
    assert "OK: every contract holds" in capsys.readouterr().out

    manifest = {e["path"]: e for e in read_manifest(folder)}
    assert set(manifest) == RELEASE_FILES - {"MANIFEST"}
    for table in TABLES:
        frame = pl.read_parquet(folder / f"{table}.parquet")
        assert manifest[f"{table}.parquet"]["rows"] == str(frame.height)
        assert frame.equals(frame.sort(DESCRIBED[table].sort, nulls_last=True))
    assert pl.read_parquet(folder / "documents.parquet").height == 5

    package = json.loads((folder / "datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    assert all(f["description"] and f["type"] for r in resources.values() for f in r["schema"]["fields"])
    assert resources["documents"]["schema"]["primaryKey"] == ["doc_id"]
    assert {"fields": ["sentence_id"], "reference": {"resource": "sentences", "fields": ["sentence_id"]}} \
        in resources["numeric_claims"]["schema"]["foreignKeys"]
    fields = {f["name"]: f for f in resources["documents"]["schema"]["fields"]}
    assert fields["published_date"]["type"] == "date" and fields["n_words"]["type"] == "integer"
    assert set(package["newsclaims"]) >= {"code_version", "pipeline_fingerprint", "lock_sha256", "inputs_sha256"}

    crois = json.loads((folder / "croissant.json").read_text())
    assert crois["@type"] == "sc:Dataset" and crois["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert [r["name"] for r in crois["recordSet"]] == list(TABLES)
    card = (folder / "README.md").read_text()
    assert "belong to their publishers" in card and "## How to load it" in card and "Outlets" in card


def test_the_same_inputs_give_a_byte_identical_release_whatever_the_shards(seeds, tmp_path):
    """Built again from scratch, split into other shards, released into another folder: same bytes."""
    rebuilt = publish(ROOT / "raw", tmp_path / "again" / "output", shards=3)
    first, second = (make_release("2.0.0", out, tmp_path / side) for side, out in (("a", seeds), ("b", rebuilt)))
    for name in RELEASE_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert "/tmp" not in (first / "datapackage.json").read_text()


def test_an_existing_version_is_refused_and_left_untouched(seeds, tmp_path, capsys):
    assert release("1.0.0", seeds, tmp_path) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "1.0.0").iterdir()}
    assert release("1.0.0", seeds, tmp_path) == 1
    assert "already exists" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in (tmp_path / "1.0.0").iterdir()} == before


def test_bad_versions_and_missing_output_are_clear_messages(tmp_path, capsys):
    assert release("../escape", tmp_path / "output", tmp_path / "releases") == 1
    assert "is not a version" in capsys.readouterr().err
    assert release("1.0.0", tmp_path / "output", tmp_path / "releases") == 1
    assert "newsclaims build" in capsys.readouterr().err
    assert not (tmp_path / "releases" / "1.0.0").exists()


def test_output_that_breaks_a_contract_is_not_released(seeds, tmp_path, capsys):
    out = tmp_path / "output"
    shutil.copytree(seeds, out, symlinks=True)
    part = next((out / "paragraphs").glob("*.parquet"))
    frame = pl.read_parquet(part)
    part.unlink()  # a hard link or copy: replace it, never write through into the shared fixture
    frame.with_columns(text=pl.col("text").str.to_uppercase()).write_parquet(part)
    assert release("1.0.0", out, tmp_path / "releases") == 1
    assert "text_equals_document_slice" in capsys.readouterr().err
    assert not (tmp_path / "releases" / "1.0.0").exists()


def test_a_failure_while_writing_leaves_no_release(seeds, tmp_path, monkeypatch):
    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("flows.release.croissant", broken)
    with pytest.raises(OSError):
        release("1.0.0", seeds, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_changelog_lists_added_removed_and_changed_documents(seeds, tmp_path):
    releases = tmp_path / "releases"
    assert release("1.9.0", seeds, releases) == 0
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    for path in raw.iterdir():
        path.chmod(0o644)
    names = sorted(p.name for p in raw.iterdir())
    (raw / names[0]).unlink()
    changed = raw / names[1]
    changed.write_text(changed.read_text().replace("the", "THE", 1) + "\nOne more closing sentence was added here.\n")
    added = raw / "extra" / "new-article.txt"
    added.parent.mkdir()
    added.write_text((raw / names[2]).read_text().replace(". ", ". Meanwhile, ", 3))
    assert release("1.10.0", publish(raw, tmp_path / "output"), releases) == 0

    log = (releases / "1.10.0" / "CHANGELOG.md").read_text()
    assert "Compared with release 1.9.0" in log
    assert "Documents: 1 added, 1 removed, 1 changed" in log
    assert f"`{names[0]}`" in log.split("### Removed")[1].split("###")[0]
    assert f"`{names[1]}`" in log.split("### Changed")[1]
    assert "`extra/new-article.txt`" in log.split("### Added")[1].split("###")[0]
    assert "| documents | 5 | 5 | +0 |" in log
    assert validate(releases / "1.10.0") == 0
