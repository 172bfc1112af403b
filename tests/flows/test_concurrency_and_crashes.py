"""Two builds at once, and builds killed with SIGKILL at chosen moments, in real processes.

The killed build runs as `newsclaims build` in its own process group (so SIGKILL also takes any
worker it started, as a power cut or the OOM killer would) against the session's Prefect API, which
saves each subprocess from starting a temporary server of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from flows.build import build_dataset
from flows.locking import output_lock
from flows.shard import TABLES
from tests.conftest import write_raw

ROOT = Path(__file__).resolve().parents[2]
NEWSCLAIMS = ROOT / ".venv" / "bin" / "newsclaims"
pytestmark = pytest.mark.usefixtures("prefect_harness")

BODY = ("The council voted on Tuesday to approve the new budget after a long debate that lasted into the night.\n\n"
        "Officials said the plan would take effect next month and would be reviewed at the end of the year.")
FIRST = {f"{i}.txt": f"Story {i}\n\n{BODY} It cost {i + 2} million dollars, the mayor said." for i in range(6)}


def second_raw(raw: Path) -> None:
    """New, modified and removed inputs, so every kind of change is in flight when the build dies."""
    (raw / "0.txt").unlink()
    (raw / "1.txt").write_text(f"Story one, revised\n\n{BODY} It now costs 9 million dollars.")
    for i in range(6, 10):
        (raw / f"{i}.txt").write_text(f"Story {i}\n\n{BODY} \"We are ready,\" said Ana Lopez, aged {i + 30}.")


def table_files(out: Path) -> dict[str, str]:
    """What a reader sees: every part reachable through output/<table>, by path and content hash."""
    return {f"{name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
            for name in TABLES for p in sorted((out / name).glob("*.parquet"))}


def tables(out: Path) -> dict[str, pl.DataFrame]:
    frames = {}
    for name in TABLES:
        frame = pl.read_parquet(out / name / "*.parquet")
        frames[name] = frame.sort(frame.columns[:2])
    return frames


def same_tables(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> bool:
    return all(a[name].equals(b[name]) for name in TABLES)


def staging_folders(out: Path) -> list[Path]:
    return [p for p in (out / ".generations").glob("*.staging")]


def subprocess_env() -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_SERVER_ANALYTICS_ENABLED="false")


def start_build(raw: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([str(NEWSCLAIMS), "build", "--raw", str(raw), "--out", str(out), "--shard-size", "1",
                             "--runner", "thread", "--workers", "1", *extra],
                            env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.fixture
def built(tmp_path):
    """A raw folder built once (the 'previous tables'), then changed; and the reference tables an
    uninterrupted build of the changed folder gives."""
    raw, out = write_raw(tmp_path / "raw", FIRST), tmp_path / "out"
    build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=1)
    previous_files, previous_tables = table_files(out), tables(out)
    second_raw(raw)
    build_dataset(raw_dir=str(raw), out_dir=str(tmp_path / "reference"), shard_size=1)
    return raw, out, previous_files, previous_tables, tables(tmp_path / "reference")


def test_a_second_build_gets_a_clear_lock_error_and_the_output_stays_valid(built):
    raw, out, previous_files, previous_tables, _ = built
    with output_lock(out):
        build = start_build(raw, out)
        stdout, stderr = build.communicate(timeout=300)
    assert build.returncode == 4, stderr
    # The last line is the CLI's message. (Prefect also logs the failed flow run with its traceback
    # above it, because the lock is taken inside the flow: see the report on that.)
    assert stderr.strip().splitlines()[-1].startswith("newsclaims: another build is already writing")
    assert table_files(out) == previous_files
    assert same_tables(tables(out), previous_tables)
    assert not staging_folders(out)


def _wait_for(build: subprocess.Popen, ready, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if ready():
            return True
        if build.poll() is not None:
            return False
        time.sleep(0.005)
    return False


# When to kill: as soon as the process exists, once its staging generation exists, and once a shard's
# part is written in it. Right before publishing (the input record written, nothing renamed) is
# killed from inside the build below: on a small build that moment lasts a few milliseconds, and
# watching for it from outside missed it on a loaded machine.
MOMENTS = {
    "at_start": lambda out: True,
    "staging_created": lambda out: bool(staging_folders(out)),
    "during_shards": lambda out: any(s.glob("*/part-*.parquet") for s in staging_folders(out)),
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_build_killed_at_any_moment_leaves_the_previous_tables_and_the_next_run_finishes(built, moment):
    raw, out, previous_files, previous_tables, reference = built
    build = start_build(raw, out)
    try:
        hit = _wait_for(build, lambda: MOMENTS[moment](out), time.monotonic() + 300)
    finally:
        # a build that ended first is reaped by `_wait_for`, and its group is gone
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
    assert hit, f"the build ended before the moment {moment}: {build.stderr.read()}"
    assert table_files(out) == previous_files
    assert same_tables(tables(out), previous_tables)

    summary = build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=1)
    assert same_tables(tables(out), reference)
    assert summary["documents"] == reference["documents"].height
    assert not staging_folders(out), "the dead build's staging folder was left behind"


# The same, at each step of publishing itself: Python os.replace is where each step becomes visible,
# so this driver SIGKILLs itself right after the Nth one inside OutputStore.publish (N = 0: as
# publishing starts, the staging generation and its input record complete, nothing renamed yet).
DRIVER = """
import os, signal, sys
import flows.store as store
from flows.cli import main
real_replace, real_publish, calls = os.replace, store.OutputStore.publish, [0]
def replace(src, dst):
    real_replace(src, dst)
    calls[0] += 1
    if calls[0] == int(os.environ["KILL_AFTER_REPLACE"]):
        os.kill(os.getpid(), signal.SIGKILL)
def publish(self, staging, tables):
    if os.environ["KILL_AFTER_REPLACE"] == "0":
        os.kill(os.getpid(), signal.SIGKILL)
    store.os.replace = replace
    return real_publish(self, staging, tables)
store.OutputStore.publish = publish
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
# 0: right before publishing; 1: generation renamed, not yet current; 2: `.current` switched; 3: (first
# build only, when the table links are new) the first of output/<table> linked, the others not.
@pytest.mark.parametrize("fresh,kill_after", [(False, 0), (False, 1), (False, 2), (True, 1), (True, 2), (True, 3)],
                         ids=["rebuild-0", "rebuild-1", "rebuild-2", "first-1", "first-2", "first-3"])
def test_a_build_killed_inside_publish_is_completed_by_the_next_run(built, tmp_path, kill_after, fresh):
    raw, out, previous_files, previous_tables, reference = built
    if fresh:
        out = tmp_path / "fresh"
    args = [sys.executable, "-c", DRIVER, "build", "--raw", str(raw), "--out", str(out), "--shard-size", "1",
            "--runner", "thread", "--workers", "1"]
    build = subprocess.run(args, env=dict(subprocess_env(), KILL_AFTER_REPLACE=str(kill_after)),
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == -signal.SIGKILL, build.stderr
    if not fresh:
        now = tables(out)
        assert same_tables(now, previous_tables) or same_tables(now, reference)

    build_dataset(raw_dir=str(raw), out_dir=str(out), shard_size=1)
    assert same_tables(tables(out), reference)
    assert not staging_folders(out)
