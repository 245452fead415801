"""Employment types a header states only by the weekly hours ("12-18 hours/week", "24-40h")."""

from __future__ import annotations

import re

# A full-time week has at least this many hours (35-40 across the countries of the posts).
FULL_TIME_HOURS = 35
# "24-40h", "10 to 20 hrs a week": a range of hours is a week's; a single number needs the
# week written ("20h/week"): "within 4h of our time zone" is no working time.
_HOUR_RANGE = re.compile(
    r"\b(?P<low>\d{1,2})\s*(?:-|–|to)\s*(?P<high>\d{1,2})\s*(?:h|hrs?|hours?)\b", re.IGNORECASE
)
_WEEKLY_HOURS = re.compile(
    r"\b(?P<low>\d{1,2})\s*(?:h|hrs?|hours?)\s*(?:/|per|a|each)\s*(?:w|wk|week)\b", re.IGNORECASE
)

_TIME_ZONE_SPAN = re.compile(r"[+±]")


def types_of_weekly_hours(header: str) -> set[str]:
    """Part-time for a week under FULL_TIME_HOURS, Full-time for one reaching it, both for a
    range across it; none when the header names no weekly hours."""
    found: set[str] = set()
    for match in (*_HOUR_RANGE.finditer(header), *_WEEKLY_HOURS.finditer(header)):
        if _TIME_ZONE_SPAN.search(header[max(match.start() - 6, 0) : match.start()]):
            continue  # "REMOTE +/- 3-4h CEST": hours from a time zone
        low = int(match.group("low"))
        high = int(match.groupdict().get("high") or low)
        if low > high or high > 80:
            continue  # "9-5h", "24-7": not a week's hours
        if low < FULL_TIME_HOURS:
            found.add("Part-time")
        if high >= FULL_TIME_HOURS:
            found.add("Full-time")
    return found
