"""Errors a user can cause: each carries one sentence naming the problem and the fix."""

from __future__ import annotations

import errno
from pathlib import Path


class UserError(Exception):
    """A problem the user can fix (bad config, unreachable source, locked warehouse, bad input).

    The CLI prints its message as one sentence and exits with status 2, without a traceback.
    """

    exit_code = 2


# How out-of-space errors read: OSError (errno 28), DuckDB, SQLite (Prefect's database), quotas.
DISK_FULL_TEXTS = (
    "no space left on device",
    "database or disk is full",
    "out of disk space",
    "disk quota exceeded",
    "[errno 28]",
)


def is_disk_full_text(text: str) -> bool:
    """True when an error message says the disk is full."""
    lowered = text.lower()
    return any(marker in lowered for marker in DISK_FULL_TEXTS)


def disk_full_cause(exc: BaseException) -> BaseException | None:
    """The out-of-space error in an exception or its causes and contexts, if any.

    A failed commit on a full disk is often hidden by the rollback after it ("cannot rollback -
    no transaction is active"); the real cause is the exception that was being handled.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if (
            isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT)
        ) or is_disk_full_text(str(current)):
            return current
        current = current.__cause__ or current.__context__
    return None


def describe(exc: BaseException) -> str:
    """`Type: message` of an error, or of the out-of-space error it hides."""
    shown = disk_full_cause(exc) or exc
    return f"{type(shown).__name__}: {shown}"


def disk_full_sentence(where: Path, free: int | None = None, needed: int | None = None) -> str:
    """One sentence for a full (or, with `needed`, nearly full) disk: where, the room, the fix."""
    fix = "free some space there or point JOBTRENDS_DATA_DIR at a disk with room"
    if needed is not None and free is not None:
        return (
            f"the disk holding {where} is nearly full ({_megabytes(free)} free, a run needs at "
            f"least {_megabytes(needed)}); {fix}"
        )
    room = f" ({_megabytes(free)} free)" if free is not None else ""
    return f"cannot write {where}: the disk is full{room}; {fix}"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
