"""One build at a time per output folder."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


class OutputBusy(RuntimeError):
    """Another build holds the output folder."""


@contextmanager
def output_lock(out_dir: Path):
    """An exclusive advisory lock on `out_dir/.lock`, released by the OS even if the process dies."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ".lock"
    handle = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputBusy(f"another build is already writing {out_dir} (held by {holder}); "
                             "wait for it to finish and run again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()
