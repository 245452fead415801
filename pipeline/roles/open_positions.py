"""Openings an HN post names as the areas its open positions are in.

Posts of every era say where their openings are rather than which titles they are: "We have
open positions in Engineering, Data Science, Sales and Marketing", "Open roles in software
engineering, data science, and DevOps", "several internships open for fullstack dev, machine
learning, and devops", "3 positions in Fullstack, Frontend, Machine Learning" (a header field),
"Multiple roles across hardware, IT, MLOps, engineering, sales" (only in a post that lists no
openings of its own). The hiring-sentence reader wants a hiring verb before such a list; here
the openings noun is the cue. A place ("positions in Berlin and Munich") or a phrase ("roles in
a fast-paced team") names no area, so the list counts only when it names a complete role of the
family, or at least two roles or areas and its items are mostly roles or areas.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening

# "open positions in ...", "roles available for ...", "internships open for ...", "roles across
# hardware, MLOps, sales": the openings noun, an optional "open"/"available", then "in", "for" or
# "across". "Opportunities" and "jobs" are as often the work itself ("opportunities in machine
# learning and good old product building"), so they count only when "open", "available", "job"
# or "career" marks them as openings.
_OPEN_POSITIONS = re.compile(
    # the look-ahead for the nouns' first letters spares trying each noun at every word start
    r"\b(?=[acijoprv])(?:(?:(?:open|available|job|career)\s+(?:opportunities|jobs))"
    r"|(?:opportunities|jobs)\s+(?=(?:currently\s+)?(?:open|available)\b)"
    r"|(?P<noun>positions|roles|openings|internships|vacancies|reqs))\s+"
    r"(?:(?:currently\s+)?(?:open|available)\s+)?(?P<prep>for|in|across)\s+"
    r"(?:(?:our|the|all|both|several|many|multiple|these|a\s+variety\s+of)\s+)?"
    r"(?P<list>[^.!?;:|\n]{3,300})",
    re.I,
)
# "hiring for frontend, backend, devops, and data science roles", "Machine learning, HPC, and
# Software Engineering positions open": a comma list closed by the openings noun. The list runs
# from the sentence's start, or from its last cue word, to the noun.
_CLOSING_NOUN = re.compile(r"\b(?:roles|positions|openings)\b", re.I)
_CLAUSE_START = re.compile(
    r".*(?:[.!?;:|]\s|\b(?:for|in|across|hiring|have|include|includes|including|searching|seeking|recruiting)\s)",
    re.I,
)
# "..., and product, among other roles", "..., plus various other roles"
_OTHER_TAIL = re.compile(
    r"(?:,?\s*(?:and|plus|among|as\s+well\s+as|&)\s+)?(?:(?:many|various|several|all|some)\s+)?"
    r"other\s*$",
    re.I,
)
# Roles named as experience ("experience in ML, data science or analytics roles is a plus") are
# requirements, interests ("passionate about sports, machine learning, ... or one of our open
# positions") are the reader's, and roles a team has ("other teams have Ops, FE and DS roles")
# describe the company; none is an opening. "All experience levels" is no requirement.
_REQUIREMENT = re.compile(
    r"\b(?:(?:experience|background|expertise)\s+(?:in|with|of|on|across)|worked|working|"
    r"previous|prior|familiar|such\s+as|like|span|spanning|passionate|interested|love|enjoy|"
    r"teams?\s+(?:has|have|had))\b",
    re.I,
)
_PLUS_AFTER = re.compile(
    r"(?:(?:is|are|would\s+be)\s+)?(?:an?\s+)?(?:(?:big|major|huge|strong)\s+)?"
    r"(?:plus|bonus|advantage|preferred|desired|welcome)\b",
    re.I,
)
# "... is a plus" closing a sentence: what it lists is asked of the reader, not open.
_PLUS_TAIL = re.compile(
    r"\b(?:is|are|would\s+be)\s+(?:an?\s+)?(?:(?:big|major|huge|strong)\s+)?"
    r"(?:plus|bonus|advantage|preferred|desired)\b",
    re.I,
)
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*,\s*")
_LEADING_JOIN = re.compile(r"^(?:and|or|&)\s+", re.I)
# A line naming an openings noun more often than this ("roles roles roles ...") has its list and
# wording looked for at most _CLOSED_LIST_CHARS characters before each noun: read back to the
# line's start at each of them, it cost the square of its length. Other lines are read whole.
_FEW_CLOSING_NOUNS = 4
_CLOSED_LIST_CHARS = 500
# Bare areas make a list from two on: one alone after "roles in" is as often the company's
# field ("roles in healthcare"), or a skill.
_MIN_AREAS = 2
_CUE_WORDS = (
    "positions",
    "roles",
    "openings",
    "internships",
    "vacancies",
    "reqs",
    "opportun",
    "jobs",
)
_FAMILIES = COMPARED_ROLES
# "Roles across" areas are someone's past work as often as openings ("prior roles across backend
# and ML", "experience in roles across ... is a plus"): read only outside such wording.
_ACROSS = "across"
# Only openings nouns take "across": "career opportunities across their disciplines of data
# science, ..." are a community's, not the poster's openings.
_ACROSS_NOUNS = frozenset(("positions", "roles", "openings", "vacancies"))
# A post listing this many openings already names them: "hiring for positions across robotics,
# MLOps and ME. Open positions: - Research scientist (ML Ops) ..." is read by its list, which
# governs (docs/roles.md), not by the areas the sentence sums it up with.
_LISTED_OPENINGS = 2


def open_position_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as the areas of a post's open positions, with the other
    areas of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not text.strip():
        return []
    # over a whole post, one scan per word beats the alternation (which suits short lines)
    lines = lines_holding(text, _CUE_WORDS)
    if not lines or is_resume(text):
        return []
    # a post that lists its openings is read by its list, not by the areas they are "across"
    across = len(found) < _LISTED_OPENINGS
    return list_openings((_line_specs(line, across) for line in lines), found)


@lru_cache(maxsize=65_536)
def _line_specs(line: str, across: bool = True) -> tuple[Spec, ...]:
    """The roles and areas the open positions of one line are in ("across" areas only when
    `across`)."""
    found: list[Spec] = []
    for m in _OPEN_POSITIONS.finditer(line):
        if m.group("prep").lower() == _ACROSS and (
            not across
            or (m.group("noun") or "").lower() not in _ACROSS_NOUNS
            or _as_experience(line, m.start())
        ):
            continue
        found.extend(_listed(m.group("list")))
    nouns = list(_CLOSING_NOUN.finditer(line))
    reach = _CLOSED_LIST_CHARS if len(nouns) > _FEW_CLOSING_NOUNS else len(line)
    for m in nouns:
        found.extend(_closed_list(line[max(0, m.start() - reach) : m.start()], line[m.end() :]))
    return tuple(found)


def _as_experience(line: str, start: int) -> bool:
    """Whether the sentence around a list of areas words it as experience or a plus."""
    sentence = re.split(r"[.!?;]\s", line[:start])[-1]
    rest = re.split(r"[.!?;]\s", line[start:])[0]
    return bool(_REQUIREMENT.search(sentence)) or bool(_PLUS_TAIL.search(rest))


def _closed_list(before: str, after: str) -> list[Spec]:
    """Specs of a comma list of areas closed by an openings noun, unless worded as experience."""
    sentence = re.split(r"[.!?;:|]\s", before)[-1]
    start = _CLAUSE_START.match(before)
    clause = _OTHER_TAIL.sub("", before[start.end() :] if start else before).strip(" ,")
    if "," not in clause or _REQUIREMENT.search(sentence) or _PLUS_AFTER.match(after.strip()):
        return []
    return _areas(clause)


def _listed(listed: str) -> list[Spec]:
    """Specs of a list naming a complete role, or mostly roles and areas (two at least)."""
    items: list[str] = []
    for raw in _ITEM_SEP.split(PAREN_ASIDE.sub(" ", listed)):
        item = until_prose(_LEADING_JOIN.sub("", raw))
        items.append(item)
        # the list ends at its first word of prose
        if len(item.split()) < len(raw.split()):
            break
    return _areas(", ".join(items), complete_role_alone=True)


def _areas(listed: str, complete_role_alone: bool = False) -> list[Spec]:
    """Specs of a comma list that is mostly roles and areas (or names a role of the families)."""
    items = [until_prose(_LEADING_JOIN.sub("", i)) for i in _ITEM_SEP.split(listed)]
    specs = [[s for s in item_specs(i) if s[0].kind != "none"] if i else [] for i in items]
    named = [s for s in specs if s]
    flat = [s for group in named for s in group]
    if complete_role_alone and any(s[0].kind == "role" and s[0].family in _FAMILIES for s in flat):
        return flat
    # the items read must be most of the list: a sentence that happens to hold commas is not
    if len(flat) < _MIN_AREAS or 2 * len(named) < len(items):
        return []
    return flat
