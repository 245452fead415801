"""A job seeker's comment in a hiring thread, told from the head of its text."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hn_patterns import RESUME, RESUME_AT, folds_plainly

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

# "Are you looking for a job with impact?", "You're not just looking for a job": a seeker's
# search addressed to the reader is the employer's pitch, not a seeker's own. Only adverbs may
# stand between "you" and the phrase ("send you my CV", "if you want to hire me" stay a seeker's).
_TO_READER = re.compile(
    r"\b(?:are\s+)?you(?:['’]re|\s+are)?(?:\s+(?:not|just|also|still|currently))*\s+$"
)
# The seeker's alternatives the reader can be addressed with: the others ("hire me", "my CV")
# speak of the writer whoever else the sentence names.
_TO_READER_STARTS = ("seeking", "looking")
# The longest "are you're not just also still currently " before a phrase is shorter than this.
_TO_READER_REACH = 60


# The alternatives by the word they start with: a word two of them share ("my", "seeking") is
# looked for once.
_BY_START: dict[str, list[re.Pattern[str]]] = {}
for _start, _pattern in RESUME_AT:
    _BY_START.setdefault(_start, []).append(_pattern)


@lru_cache(maxsize=1_024)
def looks_like_resume(head: str) -> bool:
    """A job seeker's comment rather than a job post (cached: each reader of a post asks)."""
    low = head.lower()
    if not any(h in low for h in _RESUME_HINTS):
        return False
    if not folds_plainly(low):
        return any(
            not (m.group().startswith(_TO_READER_STARTS) and _to_reader(low, m.start()))
            for m in RESUME.finditer(low)
        )
    # Lower-case text can only match where an alternative's first word occurs: try just there
    # (str.find is many times faster than scanning every position with the pattern).
    for start, patterns in _BY_START.items():
        if not start:
            if "reaching" in low and any(p.search(low) is not None for p in patterns):
                return True
            continue
        at = low.find(start)
        while at >= 0:
            if any(p.match(low, at) is not None for p in patterns) and not (
                start in _TO_READER_STARTS and _to_reader(low, at)
            ):
                return True
            at = low.find(start, at + 1)
    return False


def _to_reader(low: str, at: int) -> bool:
    """Whether the seeker's phrase at `at` is addressed to the reader ("are you looking for")."""
    return _TO_READER.search(low[max(0, at - _TO_READER_REACH) : at]) is not None
