"""`newsclaims serve`: run `build_dataset` on a schedule as a Prefect deployment.

Schedules only fire on a real Prefect server (not on the temporary one a plain `build` starts),
so without `PREFECT_API_URL` this starts `prefect server start` on 127.0.0.1 itself, serves the
flow against it, and on Ctrl-C or SIGTERM stops serving first and the server last (the runner
talks to the server while it shuts down). With `PREFECT_API_URL` set it only serves.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

LOOPBACK = "127.0.0.1"
DEPLOYMENT = "scheduled"
# The server's first start migrates its database, which takes well over 20 s on a slow machine.
SERVER_STARTUP_SECONDS = float(os.environ.get("NEWSCLAIMS_SERVER_STARTUP_SECONDS", "180"))
SERVER_STOP_SECONDS = 30
# How long the runner may take to stop after SIGTERM before the process stops without it.
RUNNER_STOP_SECONDS = 20


class _Stop(Exception):
    """SIGTERM arrived before the runner had installed its own handler."""


def serve(raw_dir: str, out_dir: str, cron: str | None, interval: float | None, port: int = 4200) -> int:
    """Serve `build_dataset` until interrupted; returns the process exit code."""
    raw, out = Path(raw_dir).resolve(), Path(out_dir).resolve()
    if not raw.is_dir():
        print(f"newsclaims: the raw folder {raw} does not exist or is not a folder", file=sys.stderr)
        return 2
    previous_handler = signal.signal(signal.SIGTERM, _raise_stop)
    server = None
    try:
        if not os.environ.get("PREFECT_API_URL"):
            if _port_in_use(port):
                print(f"newsclaims: port {port} on {LOOPBACK} is already in use; pass --port, or set "
                      f"PREFECT_API_URL=http://{LOOPBACK}:{port}/api if a Prefect server is running there",
                      file=sys.stderr)
                return 2
            server, log_path = _start_server(port)
            if not _wait_healthy(port, server):
                why = "stopped" if server.poll() is not None else f"was not healthy after {SERVER_STARTUP_SECONDS:.0f} s"
                print(f"newsclaims: the Prefect server on {LOOPBACK}:{port} {why}; its log is {log_path}",
                      file=sys.stderr)
                return 1
            # Flow runs execute in subprocesses of the runner: they read the API address from the environment.
            os.environ["PREFECT_API_URL"] = f"http://{LOOPBACK}:{port}/api"
            print(f"Prefect server on http://{LOOPBACK}:{port} (UI: http://{LOOPBACK}:{port}, log: {log_path})",
                  flush=True)
        served = threading.Event()

        def force_stop() -> None:
            if served.wait(RUNNER_STOP_SECONDS):
                return
            print("newsclaims: the runner did not stop after SIGTERM; stopping without it", file=sys.stderr,
                  flush=True)
            if server is not None:
                _stop_server(server)
            os._exit(0)

        with _api_url(os.environ["PREFECT_API_URL"]):
            try:
                _serve_flow(str(raw), str(out), cron, interval, on_sigterm=force_stop)
            finally:
                served.set()
    except (_Stop, KeyboardInterrupt, SystemExit):
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if server is not None:
            _stop_server(server)
        signal.signal(signal.SIGTERM, previous_handler)
    print("newsclaims: stopped serving", file=sys.stderr, flush=True)
    return 0


def _serve_flow(raw: str, out: str, cron: str | None, interval: float | None, on_sigterm) -> None:
    import asyncio
    import warnings

    from prefect.runner import Runner
    from prefect.types.entrypoint import EntrypointType

    from flows.build import build_dataset

    class _Runner(Runner):
        def handle_sigterm(self, *args, **kwargs):
            # Prefect's handler raises SystemExit wherever the main thread is: landing inside the
            # start of a flow run it is swallowed there and the runner keeps serving. A watchdog
            # thread stops the process if the runner has not stopped in time.
            threading.Thread(target=on_sigterm, daemon=True).start()
            super().handle_sigterm(*args, **kwargs)

    # Prefect's own SIGTERM handler calls an async stop without awaiting it; the stop still happens.
    warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited")
    when = {"cron": cron} if cron else {"interval": interval}
    print(f"Serving build_dataset/{DEPLOYMENT} ({'cron ' + repr(cron) if cron else f'every {interval:g} s'}): "
          f"{raw} -> {out}", flush=True)
    # limit=1: a run that would overlap the previous one waits for it instead of failing on the
    # output lock. A module entrypoint lets the runner's subprocesses import the flow from any cwd.
    # (What `build_dataset.serve(...)` does, with the runner above.)
    runner = _Runner(name=DEPLOYMENT, limit=1)
    runner.add_flow(build_dataset, name=DEPLOYMENT, parameters={"raw_dir": raw, "out_dir": out}, paused=False,
                    entrypoint_type=EntrypointType.MODULE_PATH, **when)
    asyncio.run(runner.start())


@contextmanager
def _api_url(url: str):
    """Prefect may already be imported (its settings read then), so set the address in its settings too."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield


def _raise_stop(signum, frame):
    raise _Stop()


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex((LOOPBACK, port)) == 0


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def _start_server(port: int) -> tuple[subprocess.Popen, Path]:
    home = _prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / f"newsclaims-server-{port}.log"
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_HOME=str(home))
    env.pop("PREFECT_API_URL", None)
    with log_path.open("ab") as log:
        # Its own session (process group), so stopping it also stops the workers it spawns.
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("prefect")), "server", "start", "--host", LOOPBACK, "--port", str(port)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    return server, log_path


def _wait_healthy(port: int, server: subprocess.Popen) -> bool:
    deadline = time.monotonic() + SERVER_STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://{LOOPBACK}:{port}/api/health", timeout=2) as reply:
                if reply.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    return False


def _stop_server(server: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, SERVER_STOP_SECONDS), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=wait)
            # The leader may exit before its workers: make sure the whole group is gone.
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
        return
