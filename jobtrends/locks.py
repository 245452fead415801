"""Lock files that name their holder: one process at a time holds one, the others learn its pid.

The lock is an advisory `flock` on the file, so it ends with its holder even when that process is
killed; the pid written into the file is only there to name the holder in the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from jobtrends.errors import UserError

_POLL_S = 0.1


def acquire(path: Path, timeout_s: float, busy: Callable[[str], str]) -> IO[str]:
    """Hold the lock on `path` (waiting up to `timeout_s`) and write this process's pid into it.

    When another process still holds it after the wait, raise UserError(busy(its pid)).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - the caller releases it
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                handle.close()
                raise UserError(busy(holder)) from None
            time.sleep(_POLL_S)
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def release(handle: IO[str]) -> None:
    """Empty the lock file and let go of the lock (a no-op when already released)."""
    if handle.closed:
        return
    with contextlib.suppress(OSError):
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    handle.close()


@contextlib.contextmanager
def held(path: Path, timeout_s: float, busy: Callable[[str], str]) -> Iterator[None]:
    """The lock on `path` for the length of a `with` block."""
    handle = acquire(path, timeout_s, busy)
    try:
        yield
    finally:
        release(handle)


def is_held(path: Path) -> bool:
    """True when some process holds the lock file at `path` right now (it is not taken here)."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    return False
