"""`newsclaims validate`: clean data passes; each kind of damage is named in the report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from flows.cli import main
from flows.inputs import hash_inputs, list_inputs, read_files
from flows.release import make_release
from flows.shard import TABLES, build_shard
from flows.validate import validate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """An output folder of plain part folders (the layout before generations, or a copied output)."""
    out = tmp_path_factory.mktemp("validate") / "output"
    raw = ROOT / "raw"
    tables = build_shard(read_files(raw, hash_inputs(raw, list_inputs(raw), None)))
    for name, frame in tables.as_dict().items():
        (out / name).mkdir(parents=True)
        frame.write_parquet(out / name / "part-0.parquet")
    return out


@pytest.fixture(scope="module")
def released(output, tmp_path_factory) -> Path:
    return make_release("1.0.0", output, tmp_path_factory.mktemp("releases"))


def copy(folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / folder.name
    shutil.copytree(folder, target)
    return target


def rewrite(path: Path, change) -> None:
    change(pl.read_parquet(path)).write_parquet(path)


def test_clean_output_and_release_pass(output, released, capsys):
    assert validate(output) == 0
    assert validate(released) == 0
    out = capsys.readouterr().out
    assert "(output): documents 5" in out and "(release): documents 5" in out
    assert out.count("OK: every contract holds") == 2


def test_the_cli_runs_it(released, capsys):
    assert main(["validate", str(released)]) == 0
    assert "OK" in capsys.readouterr().out


def test_a_broken_model_and_broken_foreign_keys_are_reported_with_table_check_and_rows(output, tmp_path, capsys):
    out = copy(output, tmp_path)
    rewrite(out / "quotes" / "part-0.parquet", lambda f: f.with_columns(
        n_words=pl.when(pl.int_range(pl.len()) < 2).then(0).otherwise("n_words").cast(pl.Int32)))
    rewrite(out / "paragraphs" / "part-0.parquet", lambda f: f.filter(pl.col("position") != 1))
    assert validate(out) == 1
    report = capsys.readouterr().out
    assert "FAILED" in report
    lines = {tuple(line.split()[:3]) for line in report.splitlines()}
    assert ("quotes", "greater_than_or_equal_to(1)", "(n_words)") in lines
    assert any(line[:2] == ("sentences", "foreign_key_paragraph_id") for line in lines)
    assert any(line[:2] == ("documents", "n_paragraphs_matches_paragraphs") for line in lines)


def test_a_tampered_release_fails_its_manifest(released, tmp_path, capsys):
    folder = copy(released, tmp_path)
    rewrite(folder / "quotes.parquet", lambda f: f.head(f.height - 1))
    with (folder / "README.md").open("a") as handle:
        handle.write("edited\n")
    (folder / "notes.txt").write_text("not part of the release")
    assert validate(folder) == 1
    report = capsys.readouterr().out
    for check in ("sha256_match", "rows_match", "bytes_match", "file_listed", "datapackage_hash_matches",
                  "croissant_file_matches", "n_quotes_matches_quotes"):
        assert check in report, check


def test_the_release_is_checked_against_its_own_datapackage(released, tmp_path, capsys):
    folder = copy(released, tmp_path)
    package = json.loads((folder / "datapackage.json").read_text())
    documents = package["resources"][0]["schema"]["fields"]
    next(f for f in documents if f["name"] == "n_words")["type"] = "date"
    nulls = pl.read_parquet(folder / "documents.parquet").null_count().row(0, named=True)
    has_nulls = next(name for name, n in nulls.items() if n)
    next(f for f in documents if f["name"] == has_nulls)["constraints"] = {"required": True}
    (folder / "datapackage.json").write_text(json.dumps(package))
    assert validate(folder) == 1
    report = capsys.readouterr().out
    assert "datapackage_type_matches (n_words)" in report
    assert f"datapackage_required ({has_nulls})" in report


def test_a_missing_table_is_a_failure_not_a_traceback(output, tmp_path, capsys):
    out = copy(output, tmp_path)
    shutil.rmtree(out / "rejected")
    assert validate(out) == 1
    assert "table_readable" in capsys.readouterr().out


def test_a_folder_that_is_no_dataset_is_said_so(tmp_path, capsys):
    assert validate(tmp_path / "nowhere") == 2
    assert validate(tmp_path) == 2
    assert "neither a release" in capsys.readouterr().err
    assert set(TABLES) == {"documents", "paragraphs", "sentences", "quotes", "numeric_claims", "rejected"}
