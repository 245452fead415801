"""How a town's name is written: capitalised words, with the small words some towns' names hold
between them ('Freiburg im Breisgau', 'Frankfurt am Main', 'Newcastle upon Tyne')."""

from __future__ import annotations

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
