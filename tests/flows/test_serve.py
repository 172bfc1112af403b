"""`newsclaims serve` against a real local Prefect server, and the prefect.yaml deployment."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NEWSCLAIMS = ROOT / ".venv" / "bin" / "newsclaims"
# The server's first start migrates a fresh database, then the runner polls every 10 s and a flow
# run's subprocess imports the pipeline: on a loaded 2-core machine that is about two minutes.
OUTPUT_DEADLINE = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def completed_runs(port: int) -> int:
    body = json.dumps({"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/flow_runs/filter", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        return len(json.loads(reply.read()))


def test_prefect_yaml_deploys_build_dataset_to_a_process_pool():
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    (deployment,) = config["deployments"]
    assert deployment["work_pool"]["name"] == "newsclaims-pool"
    assert deployment["schedules"][0]["cron"] == "0 * * * *"
    path, name = deployment["entrypoint"].split(":")
    flow = getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)
    assert flow.name == "build_dataset"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)


def test_serve_refuses_a_missing_raw_folder(tmp_path):
    result = subprocess.run([str(NEWSCLAIMS), "serve", "--interval", "5", "--raw", str(tmp_path / "nope"),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "does not exist" in result.stderr


@pytest.mark.slow
@pytest.mark.timeout(OUTPUT_DEADLINE + 120)
def test_serve_runs_on_schedule_and_stops_everything_on_sigterm(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for seed in sorted((ROOT / "raw").glob("*.txt"))[:2]:
        shutil.copy(seed, raw / seed.name)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([str(NEWSCLAIMS), "serve", "--interval", "5", "--raw", str(raw), "--out", str(out),
                              "--port", str(port)], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    try:
        deadline = time.monotonic() + OUTPUT_DEADLINE
        while not any((out / "documents").glob("*.parquet")):
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "no scheduled run wrote output in time:\n" + (tmp_path / "serve.log").read_text()
            time.sleep(2)
        while completed_runs(port) < 1:
            assert time.monotonic() < deadline + 60, "the run wrote output but never completed"
            time.sleep(2)
        assert f"http://127.0.0.1:{port}" in (tmp_path / "serve.log").read_text()
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=90) == 0
        assert not listening(port), "the Prefect server is still listening after serve stopped"
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait(timeout=30)
        # The server runs in its own session; whatever is left of it listening on our port goes too.
        _kill_listeners(port)
        log.close()


def _kill_listeners(port: int) -> None:
    """Last resort after a failure: SIGKILL the process groups of servers this test started."""
    result = subprocess.run(["pgrep", "-f", "--", f"server start --host 127.0.0.1 --port {port}"],
                            capture_output=True, text=True)
    for pid in map(int, result.stdout.split()):
        try:
            os.killpg(os.getpgid(pid), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
