"""A job seeker's comment in a hiring thread, told from the head of its text."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hn_patterns import _RESUME, _RESUME_AT, _folds_plainly

_RESUME_HINTS = (
    "seeking",
    "looking for",
    "open to",
    "available for",
    "hire me",
    "my ",
    "relocate",
    "resume",
    "résumé",
    "reaching out",
    "your ",
)

# "Are you looking for a job with impact?", "You're not just looking for a job": a seeker's words
# addressed to the reader are the employer's pitch, not a seeker's own. The few words before the
# phrase are read (ending where the phrase starts).
_TO_READER = re.compile(r"\byou(?:['’]re|\s+are)?(?:\s+[a-z]+){0,2}\s+$")
_TO_READER_REACH = 30


@lru_cache(maxsize=1_024)
def looks_like_resume(head: str) -> bool:
    """A job seeker's comment rather than a job post (cached: each reader of a post asks)."""
    low = head.lower()
    if not any(h in low for h in _RESUME_HINTS):
        return False
    if not _folds_plainly(low):
        return any(not _to_reader(low, m.start()) for m in _RESUME.finditer(low))
    # Lower-case text can only match where an alternative's first word occurs: try just there
    # (str.find is many times faster than scanning every position with the pattern).
    for start, pattern in _RESUME_AT:
        if not start:
            if "reaching" in low and pattern.search(low) is not None:
                return True
            continue
        at = low.find(start)
        while at >= 0:
            if pattern.match(low, at) is not None and not _to_reader(low, at):
                return True
            at = low.find(start, at + 1)
    return False


def _to_reader(low: str, at: int) -> bool:
    """Whether the seeker's phrase at `at` is addressed to the reader ("are you looking for")."""
    return _TO_READER.search(low[max(0, at - _TO_READER_REACH) : at]) is not None
