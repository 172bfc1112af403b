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
    """An exclusive advisory lock on the output folder itself.

    Locking the folder (not a file in it) writes nothing, so a build with nothing to do leaves
    every byte and timestamp as it was; the OS releases the lock if the process dies.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"another build is already writing {out_dir}; "
                             "wait for it to finish and run again") from None
        yield
    finally:
        os.close(fd)
