"""Openings an HN post names as the teams whose roles it fills, or after "on the lookout for".

"We are hiring for a number of roles in our engineering and data science teams", "looking to
hire for multiple roles on our Engineering and Data Science teams", "We're looking for new
teammates on the product and data science teams", "always looking for strong candidates for our
development, analytics, data science, and data innovation teams": after the poster's hiring
verb, the roles (positions, openings, teammates, candidates) of the named teams are openings of
those teams' areas, as a bare discipline in a list of openings stands for its opening
(docs/roles.md). People named by their own role ("engineers for our data science team") are that
role, not the team's: a software engineer on a data-science team is no data scientist. "We are
always on the lookout for talented software engineers and data scientists" names the roles after
it, as the other hiring verbs do (docs/roles.md, "tenth round").
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _is_resume as is_resume
from pipeline.roles.hiring_lists import roles_listed
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, MAX_POST_CHARS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.titles import Opening

# A hiring verb of the poster, then at most eight words ("for a number of", "to hire for
# multiple", "for new"), then a generic noun of openings, a preposition, "our" or "the", the
# teams' areas and "team(s)". The areas hold no sentence mark or parenthesis and at most 120
# characters, so a match stays inside one sentence.
_TEAM_ROLES = re.compile(
    r"\b(?:hiring|recruiting|looking|seeking|searching|hire)\b"
    r"(?P<who>(?:\s+[\w'’-]+){0,8}?)\s+"
    r"(?:roles|positions|openings|jobs|vacancies|teammates|candidates)\s+"
    r"(?:in|on|for|across|within)\s+(?:our|the)\s+"
    r"(?P<list>[^.!?;:()\n]{1,120}?)\s+teams?\b",
    re.I,
)
# Words of "who" that make the noun someone else's or the sentence another one: "hiring managers
# with roles on the ...", "looking at how the roles in our teams ...".
_WHO_BLOCK = frozenset("with who that which at how our your their not no".split())
# Words before a team's areas that describe the team, not its work ("our expanding Data Science
# team", "the growing ML and data teams").
_TEAM_ADJECTIVES = frozenset(
    "expanding growing new small core fast-growing world-class talented amazing great "
    "existing internal".split()
)
# A team's name the vocabulary lacks is short ("data innovation", "Growth Pod"); more words than
# this are prose ("the way we build our teams").
_MAX_UNREAD_WORDS = 3
_ITEM_SEP = re.compile(r"\s*(?:,|&|\band\b|\bor\b)\s*", re.I)
# "on the lookout for" names the roles after it, read like a hiring verb's list.
_LOOKOUT = re.compile(r"\bon\s+the\s+look-?out\s+for\s+(?P<list>[^.!?;\n]+)", re.I)
# Substrings of every form, tested on the lowered post before the patterns run.
_TEAM_WORD = "team"
_LOOKOUT_WORDS = ("lookout", "look-out")
_FAMILIES = COMPARED_ROLES


def team_role_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as the areas of the teams whose roles a post fills, or
    after "on the lookout for", that `found` lacks, with the other items of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    low = text.lower()
    teams = _TEAM_WORD in low
    lookout = any(w in low for w in _LOOKOUT_WORDS)
    if not (teams or lookout) or not AI_OR_DS_WORD.search(text):
        return []
    lists = [
        _line_specs(line)
        for line in text.split("\n")
        if AI_OR_DS_WORD.search(line)
        and (
            (teams and _TEAM_WORD in line.lower())
            or (lookout and any(w in line.lower() for w in _LOOKOUT_WORDS))
        )
    ]
    lists = [specs for specs in lists if specs]
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)


@lru_cache(maxsize=16_384)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The areas of the teams whose roles one line fills, and the roles after "on the lookout
    for"."""
    found: list[Spec] = []
    for m in _TEAM_ROLES.finditer(line):
        if _WHO_BLOCK.intersection(m.group("who").lower().split()):
            continue
        found.extend(_team_areas(m.group("list")))
    for m in _LOOKOUT.finditer(line):
        found.extend(roles_listed(m.group("list")))
    return tuple(found)


def _team_areas(listed: str) -> list[Spec]:
    """The areas of a list of teams ("engineering and data science"), each an opening; a short
    item the vocabulary lacks ("data innovation") is skipped, a longer one makes the words prose
    and the list gives none."""
    specs: list[Spec] = []
    for item in _ITEM_SEP.split(listed):
        words = item.split()
        while words and words[0].lower() in _TEAM_ADJECTIVES:
            words = words[1:]
        if not words:
            continue
        read = [s for s in item_specs(" ".join(words)) if s[0].kind != "none"]
        if not read and len(words) > _MAX_UNREAD_WORDS:
            return []
        specs.extend(read)
    return specs
