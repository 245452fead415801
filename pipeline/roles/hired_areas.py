"""Openings an HN post names as the areas of the talent or people it hires.

"We're looking for expertise in Go, Python, data science (ML and NLP), mobile, and web", "We are
always looking for talent in data science, engineering and devops", "looking for mid or senior
people in all things data (analysis, analytics, data engineering, data science)": the poster
hires expertise, talent or people, and the areas after "in" are the openings. The sentence readers
end a role phrase at "in", and "expertise in" elsewhere is a requirement ("engineers with
expertise in ML"); here the expertise is what is hired, so the areas count, with the other areas
of their list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _is_resume as is_resume
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding, lowered
from pipeline.roles.titles import Opening

# The poster hires ("we're always looking for", "I am hiring") a few words of who ("either mid or
# senior", "passionate", "AI") that hold no clause word, then expertise, talent or people "in"
# the areas. "Experts" and "specialists in ML" are titles of their own, other whatever their areas
# (docs/roles.md), and are not read. A company that helps others hire ("helping teams looking for
# talent in ...") has no poster subject and is not read.
_HIRED_AREAS = re.compile(
    # the look-ahead spares trying the pronouns at every word start
    r"\b(?=[iw])(?:we|i)(?:'re|’re|'m|’m|\s+are|\s+am)?\s+"
    r"(?:(?:always|also|currently|now|still|actively|constantly|especially|particularly)\s+)*"
    r"(?:looking\s+for|seeking|searching\s+for|hiring|recruiting)\s+"
    r"(?P<who>(?:[\w-]+\s+){0,4}?)"
    r"(?:expertise|talent|people|folks)\s+in\s+"
    r"(?:all\s+things\s+[\w-]+\s*\((?P<inner>[^()]+)\)|(?P<list>[^.!?;\n]+))",
    re.I,
)
# Words of "who" that make the noun something else than the hire: a clause ("someone with deep
# expertise in") or a reference to others ("people who work in").
_WHO_BLOCK = frozenset("with who that which to for of our your their other".split())
_LEADING_JOIN = re.compile(r"^(?:and|or|&)\s+", re.I)
# The nouns the pattern needs, one of which a line must hold to be read.
_NOUNS = ("expertise", "talent", "people", "folks")
_FAMILIES = COMPARED_ROLES


def hired_area_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as the areas of the people a post hires that `found`
    lacks, with the other areas of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    low = lowered(text)
    if " in " not in low or not any(w in low for w in _NOUNS):
        return []
    if is_resume(text):
        return []
    return list_openings(map(_line_specs, lines_holding(text, _NOUNS, folding=True)), found)


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The areas one line names as those of the people hired."""
    found: list[Spec] = []
    for m in _HIRED_AREAS.finditer(line):
        if _WHO_BLOCK.intersection(m.group("who").lower().split()):
            continue
        listed = m.group("inner") or m.group("list")
        phrase = until_prose(PAREN_ASIDE.sub(" ", listed) if m.group("list") else listed)
        # each comma item is an area: "data engineering, data science" is two, not a title and
        # its team
        for item in phrase.split(",") if phrase else ():
            item = _LEADING_JOIN.sub("", item.strip())
            found.extend(s for s in item_specs(item) if s[0].kind != "none")
    return tuple(found)
