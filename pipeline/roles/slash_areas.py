"""Openings an HN post lists as bullets of areas joined by slashes under a hiring line.

"We're hiring for:" / "- Data Science / Research – Are you easily excited by ...?", "especially
the following roles:" / "- Data pipeline/data science/analytics. We're building ...", "We're
looking for people who are interested in:" / "* Search / Data Science - search, ranking, ...":
a bullet of two to four short areas joined by slashes, before its description, names an opening
of each area it holds; a bare discipline in a list of openings stands for its opening
(docs/roles.md). The list readers take such a bullet for no title, and so read the post's list
short or not at all. The line above the bullets must hire and end in a colon; a line asking for
skills ("experience with:") lists requirements, not openings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.area_asides import _REQUIREMENT as REQUIREMENT
from pipeline.roles.hiring_lists import _is_resume as is_resume
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, BULLET, MAX_POST_CHARS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.titles import Opening

# A bullet's head ends at its description: a spaced dash, "->", a colon, a sentence's end or a
# parenthesis of details.
_DESCRIPTION = re.compile(r"\s+[-–—]+\s|\s*->|:\s|\.(?:\s|$)|\s*\(|!|\?")
_SLASH = re.compile(r"\s*/\s*")
# A slash run of areas: two to four parts of at most three words each (more are a sentence).
_MIN_PARTS, _MAX_PARTS = 2, 4
_MAX_PART_WORDS = 3
# The line over the bullets hires: a hiring verb or an openings noun, and a colon at its end.
_HIRING_LINE = re.compile(
    r"\b(?:hiring|looking|seeking|recruiting|especially|roles|positions|openings)\b[^\n]*:\s*$",
    re.I,
)
# How many bullets (and blank lines) up the hiring line may stand above a bullet: a longer list
# is a page of requirements or perks more often than of openings.
_MAX_LIST_LINES = 15
_FAMILIES = COMPARED_ROLES


def slash_area_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a hiring line's bullets name as slash runs of areas that
    `found` lacks, with the other areas and roles of the bullets."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    if "/" not in text or ":" not in text or not AI_OR_DS_WORD.search(text):
        return []
    lists = [specs for specs in _lists(tuple(text.split("\n"))) if specs]
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)


@lru_cache(maxsize=4_096)
def _lists(lines: tuple[str, ...]) -> tuple[tuple[Spec, ...], ...]:
    """The specs of each run of bullets under a hiring line that holds a slash run of areas of
    the two families."""
    found: list[tuple[Spec, ...]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if (
            not line.rstrip().endswith(":")
            or not _HIRING_LINE.search(line)
            or REQUIREMENT.search(line)
        ):
            k += 1
            continue
        heads: list[str] = []
        j = k + 1
        while j < len(lines) and j - k <= _MAX_LIST_LINES:
            bullet = BULLET.match(lines[j])
            if bullet is None:
                if lines[j].strip():
                    break
            else:
                heads.append(_head(bullet.group("body")))
            j += 1
        found.append(_run_specs(heads))
        k = j
    return tuple(found)


def _head(body: str) -> str:
    """A bullet's text up to its description."""
    cut = _DESCRIPTION.search(body)
    return (body[: cut.start()] if cut else body).strip()


def _run_specs(heads: list[str]) -> tuple[Spec, ...]:
    """The areas and roles of a run of bullet heads, when a slash run among them names an area
    of the two families; none otherwise."""
    specs: list[Spec] = []
    named = False
    for head in heads:
        parts = _SLASH.split(head) if "/" in head else []
        if _MIN_PARTS <= len(parts) <= _MAX_PARTS and all(
            0 < len(p.split()) <= _MAX_PART_WORDS for p in parts
        ):
            read = [s for p in parts for s in item_specs(p) if s[0].kind != "none"]
            if any(s[0].kind != "discipline" for s in read):
                # a title with its areas ("Data Science/ML Engineer") is one title, read as such
                specs.extend(s for s in item_specs(head) if s[0].kind != "none")
                continue
            if any(s[0].family in _FAMILIES for s in read):
                named = True
            specs.extend(read)
        else:
            specs.extend(s for s in item_specs(head) if s[0].kind != "none")
    return tuple(specs) if named else ()
