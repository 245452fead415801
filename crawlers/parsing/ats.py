"""Small field helpers shared by the ATS spiders: places, sections, remote words."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from crawlers.parsing.hn_header import remote_from_header

# Personio and Workable name a remote job's "office" in words only ("Remote", "Home Office").
_HOME_OFFICE = re.compile(r"\bhome[- ]?office\b|\bwork from home\b|\bWFH\b", re.IGNORECASE)


def place(*parts: object) -> str | None:
    """One place from its parts ("Ljubljana", "", "Slovenia" -> "Ljubljana, Slovenia").

    Empty parts go, and so does a part equal to the one before ("Tel Aviv, Tel Aviv, Israel").
    """
    kept: list[str] = []
    for part in parts:
        text = str(part).strip() if part is not None else ""
        if text and (not kept or kept[-1].lower() != text.lower()):
            kept.append(text)
    return ", ".join(kept) or None


def join_places(places: Iterable[str | None]) -> str | None:
    """Distinct places in first-seen order, joined by "; " (one posting, several locations)."""
    seen: dict[str, str] = {}
    for name in places:
        if name and name.strip() and name.strip().lower() not in seen:
            seen[name.strip().lower()] = name.strip()
    return "; ".join(seen.values()) or None


def remote_from_places(places: str | None) -> bool | None:
    """True when a location names remote or home-office work, False for "on-site", else None."""
    if not places:
        return None
    if _HOME_OFFICE.search(places):
        return True
    return remote_from_header(places)


def sections_html(sections: Iterable[tuple[str | None, str | None]]) -> str | None:
    """Titled HTML sections as one description: an <h3> per title, empty sections left out."""
    parts = []
    for title, body in sections:
        if not body or not str(body).strip():
            continue
        heading = f"<h3>{html.escape(title.strip())}</h3>" if title and title.strip() else ""
        parts.append(f"{heading}{str(body).strip()}")
    return "\n".join(parts) or None
