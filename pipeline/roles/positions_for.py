"""Openings an HN post names as the people its positions are for.

"We have several positions posted for data scientists, javascript developers, project officers
and systems analysts", "We have numerous opportunities for seasoned Full-Stack Engineers and Data
Scientists", "one more open role for data scientists with a background in agronomy": the
openings noun and "for" say whom the poster hires, without a hiring verb. "Opportunities for AI"
or "roles for specialists in Machine Learning" name an area or another role, so, as with the
people a post needs (`hiring_needs`), the list is read up to its first word of prose and counts
only when it names a complete role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume, roles_listed
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.list_items import Spec
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening

_POSITIONS_FOR = re.compile(
    # the look-ahead for the nouns' first letters spares trying each noun at every word start
    r"\b(?=[joprv])(?:positions?|openings?|roles?|opportunities|jobs?|vacanc(?:y|ies))\s+"
    r"(?:(?:open|available|posted|listed)\s+)?for\s+"
    r"(?:(?:several|multiple|both|more|some|a\s+few)\s+)?(?P<list>[^.!?;\n()]+)",
    re.I,
)
# The openings nouns of the pattern, one of which a line must hold.
_NOUNS = ("position", "opening", "role", "opportunities", "job", "vacanc")
_FAMILIES = COMPARED_ROLES


def positions_for_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a post's positions are for that `found` lacks."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or " for " not in text:
        return []
    extra: list[Opening] = []
    for line in lines_holding(text, (" for ",), as_written=True):
        # an ASCII line without an openings noun cannot match (a quick test before the pattern;
        # case-insensitive matching folds letters outside ASCII that lower() leaves alone)
        if line.isascii() and not any(noun in line.lower() for noun in _NOUNS):
            continue
        if not _POSITIONS_FOR.search(line):
            continue
        for parsed, title, normalized in _line_specs(line):
            if parsed.family not in _FAMILIES or parsed.family in have:
                continue
            have.add(parsed.family)
            extra.append(Opening(title, normalized, parsed.family, parsed.seniority))
    if not extra or is_resume(text):
        return []
    return extra


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The roles one line says its positions are for, when a complete role is among them."""
    found: list[Spec] = []
    for m in _POSITIONS_FOR.finditer(line):
        found.extend(roles_listed(m.group("list")))
    return tuple(found)
