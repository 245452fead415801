"""How towns' names are written: capitalised words, with the small words some names hold between
them ('Freiburg im Breisgau', 'Newcastle upon Tyne'), and places joined by hyphens ('NYC-San
Diego')."""

from __future__ import annotations

from collections.abc import Callable

# Lower-case words inside a town's name, never at its start or end.
_NAME_PARTICLES = frozenset(
    "im am an der den upon on de del la le du di da dos das van von".split()
)


def capitalised_town(words: list[str]) -> bool:
    """True when every word is capitalised, but for particles between the first and last word."""
    return (
        bool(words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words[1:-1])
    )


def joined_places(text: str, is_place: Callable[[str], bool]) -> bool:
    """True for places joined by hyphens without spaces: 'NYC-San Diego-New England',
    'Dallas-Fort Worth' (a metro area of two towns)."""
    parts = text.strip().split("-")
    return len(parts) > 1 and all(p and p == p.strip() and is_place(p) for p in parts)
