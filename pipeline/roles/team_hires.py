"""Engineers an AI team of the poster hires: "the ML team will be scaling and is seeking skilled
engineers", "we keep growing our NLP team, looking for engineers who ..." (docs/roles.md,
"Seventeenth round").

A team that qualifies an engineer makes an AI engineer ("Software Engineers in Data and ML
teams", the labelling guide); the other readers take the team's own sentence for a bare hire of
"engineers", or for no opening at all. This reader finds the poster's AI team as the subject of
a hiring verb whose object is engineers or developers, and names that one opening with its team.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.roles.dash_teams import ai_area_of
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.titles import Opening, classify_title

AI_FAMILY = "ai_engineer"

# The team's area has at most three words ("ML", "Machine Learning", "Applied AI Platform").
_AREA_WORDS = 3
# What stands between the team and its hiring verb: at most 40 characters inside the sentence
# ("will be scaling and is", ", "), never a sentence mark.
_BETWEEN_CHARS = 40
# "the" or "our" (and at most one adjective: "our strong NLP team"), the area, "team", a short
# run inside the sentence, the hiring verb, at most three words of the hired people and their
# noun.
_TEAM_HIRES = re.compile(
    r"\b(?P<det>the|our)\s+(?:(?:strong|growing|small|new|core|own|dedicated)\s+)?"
    rf"(?P<area>[A-Za-z][\w/&+-]*(?:\s+[A-Za-z][\w/&+-]*){{0,{_AREA_WORDS - 1}}}?)\s+team\b"
    rf"(?P<between>[^.!?;:\n()]{{0,{_BETWEEN_CHARS}}}?)"
    r"\b(?P<verb>seeking|looking\s+for|hiring|recruiting)\s+"
    r"(?P<who>(?:[\w-]+\s+){0,3}?)(?P<noun>engineers?|developers?)\b",
    re.IGNORECASE,
)
# Words between the team and the verb that make the sentence another one: a negation ("is not
# hiring", "no longer"), the past ("was hiring", "has been looking"), someone else's search
# ("that our customers are looking for"), a question or a condition.
_OTHER_CLAUSE = re.compile(
    r"\b(?:not|no|never|isn't|aren't|wasn't|weren't|was|were|been|had|who|which|that|when|"
    r"if|whether|customers?|clients?|users?|partners?|you|your|they|their)\b",
    re.IGNORECASE,
)
# The words the hired people may carry: how good, how senior, how many. An area or a stack there
# ("frontend engineers", "Python developers") is a role of its own, not the team's engineer.
_WHO_WORDS = frozenset(
    "a an more new additional several two three few skilled talented experienced strong great "
    "exceptional excellent smart senior junior mid-level staff principal software "
    "passionate ambitious motivated".split()
)


def _team_hire(match: re.Match[str]) -> str | None:
    """The title of the engineer a team sentence hires ("skilled engineers (ML team)"), or None
    when the team is no AI team or the sentence is another one."""
    if _OTHER_CLAUSE.search(match.group("between")):
        return None
    who = match.group("who").split()
    if any(w.lower() not in _WHO_WORDS for w in who):
        return None
    area = match.group("area").strip()
    if ai_area_of(area) is None:
        return None
    people = " ".join([*who, match.group("noun")])
    return f"{people} ({area} team)"


def with_team_hires(openings: Sequence[Opening], text_plain: str) -> tuple[Opening, ...]:
    """The openings with the engineer the poster's AI team hires, when the post names no AI
    engineer: a bare reading of the same people ("engineers") is replaced, else it is added."""
    kept = list(openings)
    if any(o.role_family == AI_FAMILY for o in kept) or is_resume(text_plain):
        return tuple(kept)
    for match in _TEAM_HIRES.finditer(text_plain):
        title = _team_hire(match)
        if title is None:
            continue
        opening = classify_title(title)
        if opening.role_family != AI_FAMILY:
            continue
        people = title.split(" (", 1)[0].lower()
        same = {people, match.group("noun").lower()}
        # the readers' reading of the same people ("engineers", "skilled engineers") is this job
        kept = [o for o in kept if o.title.lower() not in same]
        return (*kept, opening)
    return tuple(kept)
