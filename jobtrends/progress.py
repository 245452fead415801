"""Progress lines for long steps: stage, done/total and rate, throttled, on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Remaining times up to two minutes are shown in seconds; longer ones in minutes.
SECONDS_SHOWN_UP_TO = 120.0


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
    """One progress line, e.g. `process: 6/26 batches 23% (24.5 s each, about 8 min left, 147.0 s)`."""
    suffix = f" {unit}" if unit else ""
    share = f" {100 * done / total:.0f}%" if total > 0 else ""
    return (
        f"{stage}: {done}/{total}{suffix}{share} ({_pace(done, total, elapsed_s)}{elapsed_s:.1f} s)"
    )


def _pace(done: int, total: int, elapsed_s: float) -> str:
    """How fast units finish and, while some are left, how long the rest should take; nothing
    before the first unit (no pace is known yet)."""
    if done <= 0 or elapsed_s <= 0:
        return ""
    rate = done / elapsed_s
    # Under one unit a second a rate rounds to "0.0/s"; the seconds a unit takes say it.
    pace = f"{rate:,.1f}/s" if rate >= 1 else f"{elapsed_s / done:,.1f} s each"
    left = max(total - done, 0) / rate
    return f"{pace}, {_remaining(left)} left, " if left > 0 else f"{pace}, "


def _remaining(seconds: float) -> str:
    """A remaining time as a reader wants it: seconds under two minutes, then whole minutes."""
    return (
        f"about {seconds:.0f} s"
        if seconds < SECONDS_SHOWN_UP_TO
        else f"about {seconds / 60:.0f} min"
    )


def silent(stage: str, done: int, total: int) -> None:
    """A progress callback that prints nothing."""
