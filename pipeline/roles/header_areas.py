"""Header fields that name an opening by its engineering area alone ("Acme | Remote | Frontend")."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hn_patterns import ITEM_SEP, mask_parens
from pipeline.roles.vocabulary import TECHNOLOGIES

# Areas of software work a header field may name as the opening itself. Sectors a company works
# in ("Finance", "Security", "Blockchain", "Robotics") and departments are left out: alone in a
# header they describe the company as often as the opening.
AREA_WORDS = frozenset(
    "backend frontend fullstack mobile ios android devops sre qa firmware embedded".split()
)
# Words an area names beside its area word: the stack ("Kotlin backend") and joiners.
_FILLER = frozenset("and or & + web engineering development dev".split())
_COMPOUND = re.compile(r"\b(front|back|full)[\s-]+(end|stack)\b")
_WORD = re.compile(r"[a-z0-9#+.]+")
_PARENS = re.compile(r"\([^()]*\)")
_SLASH = re.compile(r"/")
# The header's field separators, as the header reader splits them, but for " / ": there a field
# "Rails / React / Devops" is one field, a stack beside an area. No match starts inside a run
# of spaces (see hn_patterns.HEADER_SEP).
_FIELD_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:\|+|•|·|\s[-–—~]{1,3}\s|[–—]|\t|\s::\s)\s*")


@lru_cache(maxsize=16_384)
def header_areas(header: str) -> tuple[str, ...]:
    """The areas the header's fields after the first (the company) list as openings."""
    fields = [f.strip(" ,;:") for f in _FIELD_SEP.split(header)]
    return tuple(area for field in fields[1:] if field for area in area_items(field))


@lru_cache(maxsize=16_384)
def area_items(field: str) -> tuple[str, ...]:
    """The areas a field lists when it is only areas ("DevOps", "Backend, Fullstack", "Kotlin
    backend"); empty when any part is something else (a stack alone, a sector, a phrase)."""
    # "Backend/Fullstack" is one opening of two areas, as the post writes it
    items = _pieces(field, ITEM_SEP)
    if not items or not all(_only_areas(part) for item in items for part in _pieces(item, _SLASH)):
        return ()
    return tuple(items)


def _only_areas(part: str) -> bool:
    """Whether a part names an area, with at most its stack and joiners beside it."""
    # a parenthesis after an area holds its stack or team: "Backend (Golang)"
    bare = _PARENS.sub(" ", part.lower())
    words = _WORD.findall(_COMPOUND.sub(r"\1\2", bare).replace("-", " "))
    rest = [w for w in words if w not in AREA_WORDS and w not in _FILLER]
    return any(w in AREA_WORDS for w in words) and all(w in TECHNOLOGIES for w in rest)


def _pieces(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Text split at pattern outside parentheses."""
    masked = mask_parens(text)
    out, pos = [], 0
    for m in pattern.finditer(masked):
        if m.end() > m.start():
            out.append(text[pos : m.start()])
            pos = m.end()
    out.append(text[pos:])
    return [p.strip(" .") for p in out if p.strip(" .")]
