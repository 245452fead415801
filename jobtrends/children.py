"""Child processes that never outlive jobtrends: own session, a watch on the parent, stopped in order.

Each child starts in a session of its own, so a signal sent to the terminal's process group
(Ctrl-C, `timeout`, `kill -- -PGID`, a systemd stop) reaches only the jobtrends process, which
then stops its children in order: spiders first, so they write their manifests, and Prefect's
API server last, because the flow engine reports to it while it unwinds. Every child also runs
a thread that watches its parent and stops the child when the parent is gone, also after a
SIGKILL that gave the parent no chance to clean up. Run as `python -m jobtrends.children MODULE
ARGS...`, this module is that wrapper: it starts the watch, then runs MODULE as `python -m`.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

PARENT_PID_ENV = "JOBTRENDS_PARENT_PID"
# How often a child looks for its parent: an orphan outlives its parent by at most this plus
# ORPHAN_GRACE_S.
PARENT_POLL_S = 0.25
# An orphan first gets its own SIGTERM handling (a spider writes its manifest), then exits hard.
ORPHAN_GRACE_S = 2.0
ORPHAN_EXIT_CODE = 143
# Stop order: lower numbers are stopped first.
STOP_FIRST = 0
STOP_LAST = 9
# After SIGKILL, how long to wait for the kernel to reap a process before moving on.
_REAP_S = 0.5
_POLL_S = 0.02


class StopInProgress(RuntimeError):
    """A child was asked for after jobtrends began to stop."""


@dataclass(frozen=True)
class Child:
    """A running child: its process, what it is, and when it is stopped."""

    process: subprocess.Popen[Any]
    name: str
    stop_order: int


@dataclass
class StopReport:
    """Which children ended after SIGTERM and which had to be killed (SIGKILL) after their grace."""

    stopped: list[str]
    killed: list[str]


_lock = threading.Lock()
_children: dict[int, Child] = {}
_closed = threading.Event()
# Children that ended after a stop began, before `stop_all` got to them: (name, exit status).
_ended_in_stop: list[tuple[str, int]] = []


def module_command(module: str, args: list[str]) -> list[str]:
    """The command line that runs `python -m MODULE ARGS` under the parent watch."""
    return [sys.executable, "-m", "jobtrends.children", module, *args]


def spawn(
    command: list[str],
    *,
    name: str,
    stop_order: int = STOP_FIRST,
    env: dict[str, str] | None = None,
    **popen_kwargs: Any,
) -> subprocess.Popen[Any]:
    """Start `command` in its own session and track it (build it with `module_command`)."""
    with _lock:
        if _closed.is_set():
            raise StopInProgress(f"not starting {name}: jobtrends is stopping")
        child_env = dict(os.environ if env is None else env)
        child_env[PARENT_PID_ENV] = str(os.getpid())
        process: subprocess.Popen[Any] = subprocess.Popen(  # noqa: S603 - our own interpreter
            command, env=child_env, start_new_session=True, **popen_kwargs
        )
        _children[process.pid] = Child(process, name, stop_order)
    return process


def forget(process: subprocess.Popen[Any]) -> None:
    """Stop tracking a child that has ended."""
    with _lock:
        child = _children.pop(process.pid, None)
        if child is not None and _closed.is_set() and process.returncode is not None:
            _ended_in_stop.append((child.name, process.returncode))


def run(
    command: list[str],
    *,
    name: str,
    env: dict[str, str] | None = None,
    timeout_s: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `command` as a tracked child to its end and capture its output (as subprocess.run)."""
    process = spawn(
        command,
        name=name,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        try:
            stdout, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.communicate()
            raise
    finally:
        forget(process)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def tracked() -> list[Child]:
    """The children started by this process that are still tracked."""
    with _lock:
        return list(_children.values())


def stopping() -> bool:
    """True once `close` was called: no new children start."""
    return _closed.is_set()


def close() -> None:
    """Refuse new children from now on (a stop has begun)."""
    _closed.set()


def _alive(process: subprocess.Popen[Any]) -> bool:
    return process.poll() is None


def _signal_group(process: subprocess.Popen[Any], signum: int) -> None:
    """Signal the child's whole session (it leads its own process group) while it is unreaped."""
    if process.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)


def signal_children(signum: int, stop_order: int | None = None) -> None:
    """Send `signum` to every tracked child (of one stop order, when given)."""
    for child in tracked():
        if stop_order is None or child.stop_order == stop_order:
            _signal_group(child.process, signum)


def stop_all(deadline: float, graces: dict[int, float] | None = None) -> StopReport:
    """Stop every child by stop order: SIGTERM, wait up to its grace (never past `deadline`), SIGKILL.

    `deadline` is a time.monotonic() value. Descendants that are not tracked children (e.g. a
    Dask worker) are killed at the end, so nothing this process started outlives it.
    """
    close()
    graces = graces or {}
    with _lock:
        ended = list(_ended_in_stop)
    report = StopReport(
        stopped=[name for name, status in ended if status != -signal.SIGKILL],
        killed=[name for name, status in ended if status == -signal.SIGKILL],
    )
    children = tracked()
    for order in sorted({c.stop_order for c in children}):
        group = [c for c in children if c.stop_order == order]
        for child in group:
            _signal_group(child.process, signal.SIGTERM)
        until = min(deadline, time.monotonic() + graces.get(order, deadline - time.monotonic()))
        while any(_alive(c.process) for c in group) and time.monotonic() < until:
            time.sleep(_POLL_S)
        for child in group:
            if _alive(child.process):
                _signal_group(child.process, signal.SIGKILL)
                report.killed.append(child.name)
            else:
                report.stopped.append(child.name)
        _wait_reaped([c.process for c in group], time.monotonic() + _REAP_S)
    kill_descendants()
    return report


def kill_all() -> None:
    """SIGKILL every tracked child's session and every other descendant, without waiting."""
    close()
    signal_children(signal.SIGKILL)
    kill_descendants()


def kill_descendants() -> None:
    """SIGKILL every process below this one that is still running."""
    import psutil

    try:
        below = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    for process in below:
        with contextlib.suppress(psutil.Error):
            process.kill()


def _wait_reaped(processes: list[subprocess.Popen[Any]], until: float) -> None:
    while any(_alive(p) for p in processes) and time.monotonic() < until:
        time.sleep(_POLL_S)


def watch_parent() -> None:
    """In a child: stop this process (SIGTERM, then a hard exit) once its parent is gone.

    The expected parent pid comes from the environment, so a parent that died before this
    check is noticed too; the variable is removed so this process's own children do not inherit it.
    """
    expected = os.environ.pop(PARENT_PID_ENV, "")
    if not expected.isdigit():
        return
    parent = int(expected)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(ORPHAN_GRACE_S)
        os._exit(ORPHAN_EXIT_CODE)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> None:
    """`python -m jobtrends.children MODULE ARGS...`: watch the parent, then run MODULE."""
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m jobtrends.children MODULE [ARGS...]")
    module = sys.argv[1]
    watch_parent()
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
