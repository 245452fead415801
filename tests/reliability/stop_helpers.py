"""Driving a real `jobtrends` command in a child process and stopping it with a signal."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from reliability_helpers import PYTHON, ROOT, subprocess_env

# jobtrends stops within 5 s of a signal (its own deadline is jobtrends.stopping.STOP_DEADLINE_S
# plus at most HARD_EXIT_WAIT_S, 4.3 s). The tests allow more: on a 2-core machine running the
# rest of the suite, the kernel may schedule the dying process seconds late. Measured unloaded
# times are in docs/reliability.md.
STOP_CEILING_S = 8.0
# How long a test waits for a stage to show up in the output (Prefect's API server alone takes
# 20-40 s to start on a loaded 2-core machine).
STAGE_TIMEOUT_S = 400.0
# After the parent is gone, how long its children may take to notice (jobtrends.children polls
# every 0.25 s and gives an orphan 2 s to stop on its own) before the test calls them leftovers.
ORPHAN_CEILING_S = 10.0
# A stopped jobtrends has killed and reaped its children before it exits; this only covers the
# kernel finishing a SIGKILL it already sent.
REAP_CEILING_S = 1.0
STOP_LINE = re.compile(r"^(interrupted|terminated)( during (\w+))?: .+")


@dataclass
class Line:
    """One output line and when it arrived (monotonic seconds)."""

    at: float
    stream: str
    text: str


@dataclass
class Driven:
    """A `jobtrends ARGS` child in its own process group, its output lines read as they come."""

    args: list[str]
    env: dict[str, str]
    lines: list[Line] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-c", "from jobtrends.cli import main; main()", *self.args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            # the test is not in the group, so a group signal reaches only jobtrends' group
            start_new_session=True,
        )
        self._changed = threading.Condition()
        self._readers = [
            threading.Thread(target=self._read, args=(stream, name), daemon=True)
            for stream, name in ((self.process.stdout, "stdout"), (self.process.stderr, "stderr"))
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: object, name: str) -> None:
        for text in stream:  # type: ignore[attr-defined]
            with self._changed:
                self.lines.append(Line(time.monotonic(), name, text.rstrip("\n")))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def output(self, stream: str | None = None) -> str:
        """Everything printed so far (on one stream, or both interleaved)."""
        return "\n".join(line.text for line in self.lines if stream in (None, line.stream))

    def wait_for(self, pattern: str, timeout: float = STAGE_TIMEOUT_S) -> Line:
        """The first line matching `pattern`; fails when the command ends or times out first."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    if regex.search(line.text):
                        return line
                assert self.process.poll() is None, (
                    f"ended ({self.process.returncode}) before {pattern!r}:\n{self.output()[-3000:]}"
                )
                left = deadline - time.monotonic()
                assert left > 0, f"no {pattern!r} within {timeout} s:\n{self.output()[-3000:]}"
                self._changed.wait(min(left, 0.5))

    def wait_until(self, predicate: object, what: str, timeout: float = STAGE_TIMEOUT_S) -> None:
        """Poll `predicate()` until true; fails when the command ends or times out first."""
        deadline = time.monotonic() + timeout
        while not predicate():  # type: ignore[operator]
            assert self.process.poll() is None, f"ended before {what}:\n{self.output()[-3000:]}"
            assert time.monotonic() < deadline, f"no {what} within {timeout} s"
            time.sleep(0.05)

    def descendants(self) -> list[psutil.Process]:
        """Every process below the jobtrends process right now."""
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def has_child(self, word: str) -> bool:
        """True when a process below jobtrends has `word` in its command line."""
        for child in self.descendants():
            try:
                if any(word in part for part in child.cmdline()):
                    return True
            except psutil.Error:
                continue
        return False

    def send(self, signum: int, to_group: bool) -> float:
        """Send `signum` to the jobtrends pid or to its whole process group; when it was sent."""
        sent = time.monotonic()
        if to_group:
            os.killpg(self.process.pid, signum)
        else:
            self.process.send_signal(signum)
        return sent

    def wait(self, timeout: float) -> tuple[int, float]:
        """The exit status and the monotonic time the command ended."""
        code = self.process.wait(timeout=timeout)
        ended = time.monotonic()
        for reader in self._readers:
            reader.join(timeout=10)
        return code, ended

    def kill(self) -> None:
        """Kill what is left (test clean-up)."""
        for process in [*self.descendants()]:
            try:
                process.kill()
            except psutil.Error:
                pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


@dataclass
class Stopped:
    """What a stopped command did: exit status, seconds from signal to exit, its stop line."""

    code: int
    seconds: float
    line: str
    stage: str | None
    leftovers: list[int]


def stop(driven: Driven, signum: int, to_group: bool) -> Stopped:
    """Signal the command, wait for it to end and for its children to be gone, and measure."""
    before = driven.descendants()
    sent = driven.send(signum, to_group)
    code, ended = driven.wait(timeout=120)
    leftovers = wait_gone(before, REAP_CEILING_S)
    stderr = driven.output("stderr").strip().splitlines()
    stops = [line for line in stderr if STOP_LINE.match(line)]
    assert len(stops) == 1, driven.output()[-3000:]
    assert stderr[-1] == stops[0], driven.output()[-3000:]
    assert "Traceback" not in driven.output(), driven.output()[-6000:]
    match = STOP_LINE.match(stops[0])
    assert match is not None
    # shown with `pytest -rP`: the numbers docs/reliability.md records
    print(
        f"measured: exit {code} {ended - sent:.2f} s after {signal.Signals(signum).name}: {stops[0]}"
    )
    return Stopped(code, ended - sent, stops[0], match.group(3), leftovers)


def alive(process: psutil.Process) -> bool:
    """True when the process runs (a zombie waiting for init to reap it does not count)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def wait_gone(processes: list[psutil.Process], timeout: float) -> list[int]:
    """The pids still running after waiting up to `timeout` for all of them to end."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(alive(p) for p in processes):
            return []
        time.sleep(0.05)
    return [p.pid for p in processes if alive(p)]


def jobtrends_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The child's environment: no inherited PREFECT_* settings, its own data directory."""
    env = {k: v for k, v in subprocess_env().items() if not k.startswith("PREFECT_")}
    env["JOBTRENDS_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}
WORD = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
