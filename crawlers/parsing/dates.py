"""Dates from the sources to ISO 8601 UTC strings and YYYY-MM months."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_IN_TITLE = re.compile(r"\(\s*([A-Za-z]+)\.?\s+(\d{4})\s*\)")
_EPOCH_MS = 10**11  # numbers above this are milliseconds (year 5138 in seconds)


def utc_iso(moment: datetime) -> str:
    """A datetime as ISO 8601 UTC with a Z suffix, to the second."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    """The current time as ISO 8601 UTC."""
    return utc_iso(datetime.now(UTC))


def parse_timestamp(value: object) -> str | None:
    """ISO 8601 UTC of an epoch (seconds or milliseconds) or an ISO/date string; None if unreadable."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            seconds = value / 1000 if abs(value) >= _EPOCH_MS else value
            return _plausible(datetime.fromtimestamp(seconds, UTC))
        text = str(value).strip()
        if not text:
            return None
        if text.isdigit():
            return parse_timestamp(int(text))
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        elif text.endswith(" UTC"):  # Recruitee: "2024-05-01 10:00:00 UTC"
            text = text[:-4] + "+00:00"
        return _plausible(datetime.fromisoformat(text))
    except (ValueError, OverflowError, OSError):
        return None


def _plausible(moment: datetime) -> str | None:
    # A job posting dated before the web or centuries ahead is a broken field, not a date.
    return utc_iso(moment) if 1990 <= moment.year <= 2200 else None


def month_of(iso: str) -> str:
    """The YYYY-MM of an ISO 8601 timestamp."""
    return iso[:7]


def month_from_title(title: str | None) -> str | None:
    """The YYYY-MM of a title ending in "(Month YYYY)", as HN's monthly threads do."""
    if not title:
        return None
    match = _MONTH_IN_TITLE.search(title)
    if match is None:
        return None
    month = _MONTHS.get(match.group(1).lower())
    return f"{match.group(2)}-{month:02d}" if month else None


def month_start_iso(month: str) -> str:
    """ISO 8601 UTC of the first instant of a YYYY-MM month."""
    return f"{month}-01T00:00:00Z"
