"""Progress lines for long steps: stage, done/total and rate, throttled, on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A callable `progress(stage, done, total)` that prints at most every `every_s` seconds."""

    def __init__(self, stream: TextIO | None = None, every_s: float = 2.0, unit: str = "") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.every_s = every_s
        self.unit = unit
        self._started: dict[str, float] = {}
        self._last_print: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Record that `done` of `total` units of `stage` are finished; print when due."""
        now = time.monotonic()
        started = self._started.setdefault(stage, now)
        finished = total > 0 and done >= total
        last = self._last_print.get(stage)
        if not finished and last is not None and now - last < self.every_s:
            return
        self._last_print[stage] = now
        self.stream.write(format_progress(stage, done, total, now - started, self.unit) + "\n")
        self.stream.flush()


def format_progress(stage: str, done: int, total: int, elapsed_s: float, unit: str = "") -> str:
    """One progress line, e.g. `process: 1200/24000 files (310.5/s, 3.9 s)`."""
    rate = done / elapsed_s if elapsed_s > 0 else 0.0
    suffix = f" {unit}" if unit else ""
    share = f" {100 * done / total:.0f}%" if total > 0 else ""
    return f"{stage}: {done}/{total}{suffix}{share} ({rate:,.1f}/s, {elapsed_s:.1f} s)"


def silent(stage: str, done: int, total: int) -> None:
    """A progress callback that prints nothing."""
