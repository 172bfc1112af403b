"""A full disk or a read-only output folder: a clear message, no partial table, the old output kept.

The output lives on a small tmpfs mounted by the test (root only; skipped where mounting is not
allowed), so the disk really fills and the folder is really read-only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from flows.cli import main
from flows.shard import TABLES
from tests.conftest import write_raw

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()

    def mount(size: str, *options: str) -> Path:
        opts = ",".join((f"size={size}",) + options)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(mount_point)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()}): needs root")
        return mount_point

    yield mount
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _state(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_a_full_disk_fails_clearly_and_publishes_nothing(small_disk, tmp_path, capsys):
    disk = small_disk("48k")
    raw = write_raw(tmp_path / "raw", {p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()})
    out = disk / "output"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 5
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "No space left on device" in message and "nothing was changed" in message
    assert not (out / ".current").exists()
    assert not any((out / table).exists() for table in TABLES)
    assert not [p for p in (out / ".generations").glob("*.staging")]


def test_a_read_only_output_folder_fails_clearly_and_keeps_the_tables(small_disk, tmp_path, capsys):
    disk = small_disk("16m")
    raw = write_raw(tmp_path / "raw", {p.name: p.read_bytes() for p in (ROOT / "raw").iterdir()})
    out = disk / "output"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    before = _state(out)
    (raw / "new.txt").write_text("New story\n\nThe council approved the budget on Monday, officials said.")
    remount = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only: {remount.stderr.decode().strip()}")
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 5
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "Read-only file system" in message and "nothing was changed" in message
    assert _state(out) == before
    assert os.path.islink(out / "documents")
