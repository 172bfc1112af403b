"""Shared test fixtures: raw folders built on the fly, the shared corpora, one Prefect harness."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

# CI replays the same property-test examples on every run, so that a build passes or fails on the
# code alone; local runs keep drawing new random examples (and keep the failures they find).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip with the reason when that folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared corpora next to the repository")
    return path


def write_raw(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def files_frame(files: dict[str, str | bytes]) -> pl.DataFrame:
    """The `files` frame ingest takes, without touching the disk."""
    return pl.DataFrame(
        {"source_path": list(files), "raw": [c.encode() if isinstance(c, str) else c for c in files.values()],
         "read_error": [None] * len(files)},
        schema={"source_path": pl.String, "raw": pl.Binary, "read_error": pl.String},
    )


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for every flow test in the session (starting one costs ~20 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
