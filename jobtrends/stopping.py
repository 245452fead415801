"""Stopping on SIGINT or SIGTERM within a deadline: children stopped in order, one line said.

The first SIGINT or SIGTERM (to the pid or to its process group) begins a stop: spiders are told
to stop at once, no new child starts, and the main thread gets `Stopped` (a KeyboardInterrupt)
so open transactions roll back while it unwinds. `finish` then stops the remaining children,
prints one line saying what was kept and exits 130 (SIGINT) or 143 (SIGTERM). Should the
unwinding hang or the interrupt be swallowed, a timer does the same at STOP_DEADLINE_S.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import NoReturn

from jobtrends import children

# A stop must end within 5 s of the signal; 1.5 s of that is left for the last kills, the
# interpreter's exit and a loaded machine.
STOP_DEADLINE_S = 3.5
# Spiders stop on SIGTERM and write their manifests (a local replay needs well under a second);
# one still running after this is killed, its run left as temporary files no reader opens.
SPIDER_GRACE_S = 2.0
# Prefect's API server gets what is left of the deadline, at most this.
SERVER_GRACE_S = 0.5
# How long the deadline timer lets a `finish` under way complete before it exits itself.
HARD_EXIT_WAIT_S = 0.8
# Where Prefect's flow engine defines the SIGTERM handler it installs while a flow runs.
PREFECT_ENGINE_MODULE = "prefect.utilities.engine"
EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}
WORDS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}

KEPT = {
    "": "no crawl, process or report stage was running; nothing is left half-written",
    "generate": "the demo corpus was not finished; the next demo makes it again",
    "crawl": "postings landed so far are kept",
    "process": "landing files loaded so far are kept and the open one was rolled back",
    "report": "the warehouse is unchanged and reports written before are kept",
    "jobtrends": "every stage that finished is kept",
}


class Stopped(KeyboardInterrupt):
    """Raised in the main thread by the first SIGINT or SIGTERM."""

    def __init__(self, signum: int) -> None:
        super().__init__(WORDS.get(signal.Signals(signum), "stopped"))
        self.signum = signum


class _State:
    signum: int | None = None
    started_at: float = 0.0
    raised = False
    stage_at_signal = ""
    stages: list[str]
    begin_lock = threading.RLock()
    exit_lock = threading.Lock()

    def __init__(self) -> None:
        self.stages = []


_state = _State()


def install() -> None:
    """Handle SIGINT and SIGTERM in this (main) thread as the start of a stop."""
    signal.signal(signal.SIGINT, _handler)
    signal.signal(signal.SIGTERM, _handler)
    _watch_wakeup_fd()


def _watch_wakeup_fd() -> None:
    """Begin the stop from a thread as well: the main thread may sit in C code for a while.

    The interpreter writes each signal number to the wake-up fd from its C-level handler, so this
    thread learns of the signal even when the main thread cannot run Python code yet.
    """
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    try:
        signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    except ValueError:  # not the main thread (e.g. under a test runner): the handler suffices
        os.close(read_fd)
        os.close(write_fd)
        return

    def watch() -> None:
        while True:
            data = os.read(read_fd, 16)
            for signum in data:
                if signum in EXIT_CODES and _ours(signal.getsignal(signum)):
                    begin(signum)

    threading.Thread(target=watch, name="signal-watch", daemon=True).start()


def _ours(handler: object) -> bool:
    """True when a signal still ends up with jobtrends.

    That is our handler, or Prefect's flow-engine bridge, which holds SIGTERM while a flow runs
    and passes it back to ours once the flow has unwound. Any other handler owns the signal:
    `jobtrends serve` hands SIGTERM to Prefect's runner, whose flow runs signal their process
    group when they end.
    """
    return handler is _handler or getattr(handler, "__module__", "") == PREFECT_ENGINE_MODULE


def _handler(signum: int, frame: object) -> None:
    begin(signum)
    # The watch thread may have begun the stop already; the main thread is interrupted once.
    if not _state.raised:
        _state.raised = True
        raise Stopped(_state.signum or signum)


def begin(signum: int) -> bool:
    """Start a stop (once): tell spiders to stop, refuse new children, arm the deadline.

    Returns True when this call began it.
    """
    with _state.begin_lock:
        if _state.signum is not None:
            return False
        _state.signum = signum
        _state.started_at = time.monotonic()
        _state.stage_at_signal = current_stage()
    children.close()
    children.signal_children(signal.SIGTERM, children.STOP_FIRST)
    threading.Thread(target=_deadline, name="stop-deadline", daemon=True).start()
    return True


def requested() -> int | None:
    """The signal that began a stop, or None."""
    return _state.signum


def check() -> None:
    """Raise `Stopped` when a stop has begun (call it between steps)."""
    if _state.signum is not None:
        raise Stopped(_state.signum)


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Mark the stage this process is in, for the line said when it is stopped."""
    _state.stages.append(name)
    try:
        yield
    finally:
        if _state.stages and _state.stages[-1] == name:
            _state.stages.pop()


def current_stage() -> str:
    """The innermost stage running now, or '' before any."""
    return _state.stages[-1] if _state.stages else ""


def message(signum: int, report: children.StopReport | None = None) -> str:
    """The one line said when stopped: what stopped it, in which stage, and what was kept."""
    word = WORDS.get(signal.Signals(signum), "stopped")
    name = _state.stage_at_signal
    kept = KEPT.get(name, "every step that finished is kept")
    where = f" during {name}" if name else ""
    spiders = [n for n in (report.stopped if report else []) if n.startswith("spider")]
    killed = [n for n in (report.killed if report else []) if n.startswith("spider")]
    if spiders:
        kept += f", {len(spiders)} running spider(s) stopped (their manifests say aborted)"
    if killed:
        kept += (
            f", {len(killed)} spider(s) killed after {SPIDER_GRACE_S:.0f} s (their runs dropped)"
        )
    return f"{word}{where}: {kept}"


def _deadline() -> None:
    remaining = _state.started_at + STOP_DEADLINE_S - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
    _exit(hard=True)


def finish() -> NoReturn:
    """Stop the remaining children in order, say the one line and exit 130 or 143."""
    _exit(hard=False)
    raise AssertionError("unreachable")  # pragma: no cover - _exit never returns here


def _exit(hard: bool) -> None:
    signum = _state.signum or signal.SIGTERM
    # The hard path waits briefly for a `finish` under way (it is bounded by the same deadline),
    # then exits regardless.
    _state.exit_lock.acquire(timeout=HARD_EXIT_WAIT_S if hard else -1)
    report: children.StopReport | None = None
    if hard:
        children.kill_all()
    else:
        deadline = _state.started_at + STOP_DEADLINE_S
        report = children.stop_all(
            deadline,
            graces={children.STOP_FIRST: SPIDER_GRACE_S, children.STOP_LAST: SERVER_GRACE_S},
        )
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        sys.stderr.write(message(signum, report) + "\n")
        sys.stderr.flush()
    # Skip atexit: Prefect's handlers would deliver events to the API server just stopped.
    os._exit(EXIT_CODES.get(signal.Signals(signum), 143))
