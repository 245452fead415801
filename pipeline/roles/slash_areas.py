"""Openings an HN post lists as bullets of areas joined by slashes under a hiring line.

"We're hiring for:" / "- Data Science / Research – Are you easily excited by ...?", "especially
the following roles:" / "- Data pipeline/data science/analytics. We're building ...", "We're
looking for people who are interested in:" / "* Search / Data Science - search, ranking, ...":
a bullet of two to four short areas joined by slashes, before its description, names one opening,
of the area its first part the vocabulary reads names; a bare discipline in a list of openings
stands for its opening (docs/roles.md). A run with a science part (data science, statistics,
biostatistics, research) is a scientist's opening: data_scientist when it names data science,
no AI engineer otherwise ("Biostatistics / Machine Learning"). The list readers take such a
bullet for no title, and so read the post's list short or not at all. The line above the bullets
must hire and end in a colon; a heading of requirements or skills ("people who want to work
with:", "experience in:"), of the person sought, of perks, process, stack, work or offices lists
no openings, nor does a bullet worded as a skill ("ML / Data Science background").
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import (
    AI_OR_DS_WORD,
    BULLET,
    MAX_POST_CHARS,
    NOT_OPENINGS_HEADING,
    REQUIREMENT_WORD,
)
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.titles import Opening

# A bullet's head ends at its description: a spaced dash, "->", a colon, a sentence's end or a
# parenthesis of details. The lookbehind starts a space run only at its first space, so a long
# run of spaces is scanned once, not once from each of its spaces.
_DESCRIPTION = re.compile(r"(?<!\s)\s+[-–—]+\s|(?<!\s)\s*(?:->|\()|:\s|\.(?:\s|$)|!|\?")
# A head is searched in its first characters only: four parts of three words, their slashes and
# a lead fit well within this, and a longer head is a sentence.
_MAX_HEAD_CHARS = 120
_SLASH = re.compile(r"(?:(?<!\s)|(?!\s))\s*/\s*")
# A slash run of areas: two to four parts of at most three words each (more are a sentence).
_MIN_PARTS, _MAX_PARTS = 2, 4
_MAX_PART_WORDS = 3
# A part the vocabulary does not read ("Search", "Data pipeline") is a short area name; a longer
# one is prose, and the bullet names no opening.
_MAX_UNREAD_PART_WORDS = 2
# Words of a skill a candidate brings, beside the requirement words ("ML / Data Science
# exposure", "interest in Search / ML").
_SKILL_WORD = re.compile(r"\b(?:exposure|interest(?:ed)?|understanding|fluen\w*)\b", re.I)
# A science part makes the run a scientist's opening, data_scientist or none of the two families.
_SCIENCE = re.compile(r"\b(?:data\s+scien\w*|(?:bio)?statistic\w*|research\w*)\b", re.I)
# The line over the bullets hires: a hiring verb or an openings noun, and a colon at its end.
_HIRING_LINE = re.compile(
    r"\b(?:hiring|looking|seeking|recruiting|especially|roles|positions|openings)\b[^\n]*:\s*$",
    re.I,
)
# How many bullets (and blank lines) up the hiring line may stand above a bullet: a longer list
# is a page of requirements or perks more often than of openings, and gives none.
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
    lists = [specs for specs in _lists(text.split("\n")) if specs]
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)


def _lists(lines: list[str]) -> list[tuple[Spec, ...]]:
    """The specs of each run of bullets under a hiring line that holds a slash run of areas of
    the two families."""
    found: list[tuple[Spec, ...]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if (
            not line.rstrip().endswith(":")
            or not _HIRING_LINE.search(line)
            or NOT_OPENINGS_HEADING.search(line)
            or REQUIREMENT_WORD.search(line)
        ):
            k += 1
            continue
        heads: list[str] = []
        j = k + 1
        ended = False
        while j < len(lines) and j - k <= _MAX_LIST_LINES:
            bullet = BULLET.match(lines[j])
            if bullet is None:
                if lines[j].strip():
                    ended = True
                    break
            else:
                heads.append(_head(bullet.group("body")))
            j += 1
        if ended or j == len(lines) or BULLET.match(lines[j]) is None:
            found.append(_run_specs(heads))
        k = j
    return found


def _head(body: str) -> str:
    """A bullet's text up to its description."""
    body = body[:_MAX_HEAD_CHARS]
    cut = _DESCRIPTION.search(body)
    return (body[: cut.start()] if cut else body).strip()


def _run_specs(heads: list[str]) -> tuple[Spec, ...]:
    """The areas and roles of a run of bullet heads, when a slash run among them names an area
    of the two families; none otherwise."""
    specs: list[Spec] = []
    named = False
    for head in heads:
        if REQUIREMENT_WORD.search(head) or _SKILL_WORD.search(head):
            continue
        parts = _SLASH.split(head) if "/" in head else []
        if not (
            _MIN_PARTS <= len(parts) <= _MAX_PARTS
            and all(0 < len(p.split()) <= _MAX_PART_WORDS for p in parts)
        ):
            specs.extend(s for s in item_specs(head) if s[0].kind != "none")
            continue
        read = [[s for s in item_specs(p) if s[0].kind != "none"] for p in parts]
        if any(
            not r and len(p.split()) > _MAX_UNREAD_PART_WORDS
            for p, r in zip(parts, read, strict=True)
        ):
            continue
        if any(s[0].kind != "discipline" for r in read for s in r):
            # a title with its areas ("Data Science/ML Engineer") is one title, read as such
            specs.extend(s for s in item_specs(head) if s[0].kind != "none")
            continue
        opening = _run_opening(parts, read)
        if opening is not None:
            named = named or opening[0].family in _FAMILIES
            specs.append(opening)
    return tuple(specs) if named else ()


def _run_opening(parts: list[str], read: list[list[Spec]]) -> Spec | None:
    """The one opening a slash run of areas names: its data-science part when a part is a
    science, else its first part the vocabulary reads; none for a science run without data
    science."""
    if any(_SCIENCE.search(p) for p in parts):
        return next((s for r in read for s in r if s[0].family == "data_scientist"), None)
    return next((s for r in read for s in r), None)
