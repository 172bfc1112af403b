"""The command line's own checks, made before any Prefect work starts."""

from __future__ import annotations

import pytest

from flows.cli import main


@pytest.mark.parametrize("option, value", [("--shard-size", "0"), ("--shard-size", "-5"), ("--workers", "0"),
                                           ("--workers", "two")])
def test_a_size_below_one_is_refused_in_one_line(option, value, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--raw", str(tmp_path), "--out", str(tmp_path / "out"), option, value])
    assert stop.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error == f"newsclaims build: error: argument {option}: expected a whole number of at least 1, got {value!r}"
    assert not (tmp_path / "out").exists()


def test_a_missing_raw_folder_is_named(tmp_path, capsys):
    assert main(["build", "--raw", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert f"the raw folder {tmp_path / 'nowhere'} does not exist" in capsys.readouterr().err
