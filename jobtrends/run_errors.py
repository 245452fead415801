"""A crawl run's errors grouped by kind: how many of each, and the first one's message and URL."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def errors_by_kind(errors: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """{kind: {"count", "first", "url"}} in the order each kind first occurred."""
    kinds: dict[str, dict[str, Any]] = {}
    for error in errors:
        kind = str(error.get("kind") or "error")
        entry = kinds.get(kind)
        if entry is None:
            kinds[kind] = {
                "count": 1,
                "first": str(error.get("message") or ""),
                "url": error.get("url"),
            }
        else:
            entry["count"] += 1
    return kinds


def error_lines(by_kind: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One line per kind: `dns (2): DNS lookup failed for ... [https://...]`."""
    lines = []
    for kind, entry in by_kind.items():
        url = entry.get("url")
        where = f" [{url}]" if url and str(url) not in str(entry.get("first")) else ""
        lines.append(f"{kind} ({entry.get('count', 0)}): {entry.get('first', '')}{where}")
    return lines
