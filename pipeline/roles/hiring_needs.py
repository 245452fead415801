"""Openings an HN post names as the people it needs or is adding to its team.

"We mainly need Front & Back-end engineers, QA/SDET/Developer in Test and Data Scientists", "The
Philadelphia 76ers are looking to add talented new developers, ... and data scientists to the
team", "We are adding a data scientist": these say what the poster hires without the verbs the
hiring-sentence reader knows. "Need" is as often about anything else ("we need to scale", "we
need someone with a background in AI", "we need engineers with ML background"), so the list is
read up to its first word of prose and counts only when it names a complete role; bare areas
after these verbs are skills.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume, roles_listed
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE, before_list_tail
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding, lowered
from pipeline.roles.titles import Opening

_ADVERBS = r"(?:(?:also|currently|now|really|still|mainly|primarily|especially|urgently|always|actively)\s+)*"
# The verb follows the poster ("we need", "I need") or, for adding to a team, any subject that
# "are"/"is" marks ("The 76ers are looking to add"); "need" after another subject is seldom a hire
# ("the product needs ...", "you need ...").
_NEEDS = re.compile(
    # the look-ahead for the subjects' first letters spares trying each at every word start
    r"\b(?=[aiw])(?:(?:we|i)\s+" + _ADVERBS + r"need"
    r"|(?:we(?:'re|’re)|are|is|am)\s+" + _ADVERBS + r"(?:looking\s+to\s+(?:add|bring\s+on)|adding)"
    r"|we\s+" + _ADVERBS + r"(?:want|plan|hope)\s+to\s+(?:add|hire))\b"
    r"(?:\s+(?:more|some|several|a\s+few|a\s+couple\s+of))?[\s:–—-]*(?P<list>[^.!?;\n()]+)",
    re.I,
)
# "We're a team of 8 devs and need a lot more - in data science, iOS and Android": the areas
# after "need more (people) in" are the people hired, so bare areas count there.
_NEEDS_MORE_IN = re.compile(
    r"\b(?:we|i|and)\s+" + _ADVERBS + r"need\s+(?:a\s+lot\s+|lots\s+|many\s+|a\s+few\s+)?more"
    r"(?:\s+(?:people|devs|developers|engineers|hackers|folks|hands))?[\s:,–—-]*\bin\s+"
    r"(?P<list>[^.!?;\n()]+)",
    re.I,
)
# "augment the team with a more experienced ML engineer", "add to our early team with experienced
# data scientists or applied ML engineers": the people a team is grown with are the hires.
_TEAM_WITH = re.compile(
    r"\b(?:add|augment|grow|expand|strengthen|bolster)(?:ing|s)?\s+(?:to\s+)?(?:our|the)\s+"
    r"(?:[\w-]+\s+){0,3}?team\s+with\s+(?:an?\s+)?(?:more\s+)?(?P<list>[^.!?;\n()]+)",
    re.I,
)
_FAMILIES = COMPARED_ROLES
# Every reading of this module needs one of these words in its line.
_NEED_WORDS = ("need", "add", "team with")


def hiring_need_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a post says it needs or is adding that `found` lacks, with
    the other roles of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not text.strip():
        return []
    low = lowered(text)
    if not any(word in low for word in _NEED_WORDS) or is_resume(text):
        return []
    return list_openings(map(_line_specs, lines_holding(text, _NEED_WORDS)), found)


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The roles one line says the poster needs or is adding, when a complete role is among them."""
    found: list[Spec] = []
    lists = [m.group("list") for m in _NEEDS.finditer(line)]
    if "team with" in line.lower():
        lists += (before_list_tail(m.group("list")) for m in _TEAM_WITH.finditer(line))
    for group in lists:
        found.extend(roles_listed(group))
    if "more" in line.lower():
        for m in _NEEDS_MORE_IN.finditer(line):
            areas = until_prose(PAREN_ASIDE.sub(" ", m.group("list")))
            if areas:
                found.extend(s for s in item_specs(areas) if s[0].kind != "none")
    return tuple(found)
