"""prefect.yaml deploys build_dataset to a process work pool, and a worker runs it (slow, loopback)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_prefect_yaml_deploys_and_a_process_worker_runs_it(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("flows", "tasks", "schemas"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "prefect.yaml", project / "prefect.yaml")
    shutil.copytree(ROOT / "raw", project / "raw")
    prefect = str(Path(sys.executable).with_name("prefect"))
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env={k: v for k, v in env.items() if k != "PREFECT_API_URL"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "the Prefect server did not start"
                time.sleep(0.5)

        def run(*args: str, timeout: int = 180) -> str:
            # PWD too: prefect.yaml's pull step records "{{ $PWD }}" as the worker's directory.
            done = subprocess.run([prefect, *args], cwd=project, env={**env, "PWD": str(project)},
                                  capture_output=True, text=True,
                                  timeout=timeout)
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
            return done.stdout

        run("work-pool", "create", "newsclaims-pool", "--type", "process")
        run("--no-prompt", "deploy", "--name", "hourly")
        assert "build_dataset/hourly" in run("deployment", "ls")
        run("deployment", "run", "build_dataset/hourly")
        # A worker polls once with --run-once; a run created a moment ago may not be visible to
        # that first poll yet, so poll again (bounded).
        for _ in range(6):
            log = run("worker", "start", "--pool", "newsclaims-pool", "--run-once", timeout=300)
            if list((project / "output" / "documents").glob("*.parquet")):
                break
            time.sleep(2)
        assert list((project / "output" / "documents").glob("*.parquet")), log[-3000:] + run("flow-run", "ls")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
