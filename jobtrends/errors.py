"""Errors a user can cause: each carries one sentence naming the problem and the fix."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix (bad config, unreachable source, locked warehouse, bad input).

    The CLI prints its message as one sentence and exits with status 2, without a traceback.
    """

    exit_code = 2
