"""Engineers an AI team of the poster hires: "the ML team will be scaling and is seeking skilled
engineers", "we keep growing our strong NLP team, looking for engineers who ..." (docs/roles.md,
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
from pipeline.roles.post_text import lowered
from pipeline.roles.titles import Opening, classify_title

AI_FAMILY = "ai_engineer"

# The team's area has at most three words ("ML", "Machine Learning", "Applied AI Platform").
_AREA_WORDS = 3
# What stands between the team and its hiring verb: at most 40 characters inside the sentence
# ("will be scaling and is", ", "), never a sentence mark.
_BETWEEN_CHARS = 40
# The adjectives a team may carry before its area ("our strong NLP team").
_TEAM_ADJECTIVES = frozenset("strong growing small new core own dedicated".split())
# "team", a short run inside the sentence and the hiring verb: the core of a team's hire.
_TEAM_VERB = (
    rf"team\b(?P<between>[^.!?;:\n()]{{0,{_BETWEEN_CHARS}}}?)"
    r"\b(?P<verb>seeking|looking\s+for|hiring|recruiting)"
)
# "the" or "our" (and at most one adjective), the area, "team", a short run inside the sentence,
# the hiring verb, at most three words of the hired people and their noun.
_TEAM_HIRES = re.compile(
    rf"\b(?P<det>the|our)\s+(?:(?:{'|'.join(sorted(_TEAM_ADJECTIVES))})\s+)?"
    rf"(?P<area>[A-Za-z][\w/&+-]*(?:\s+[A-Za-z][\w/&+-]*){{0,{_AREA_WORDS - 1}}}?)\s+"
    + _TEAM_VERB
    + r"\s+(?P<who>(?:[\w-]+\s+){0,3}?)(?P<noun>engineers?|developers?)\b",
    re.IGNORECASE,
)
# Every sentence `_TEAM_HIRES` reads holds a match of its core, so a post without one holds no
# team hire (all but about one post in forty). The core is searched first: the whole pattern tries
# "the"/"our" at every word, the core only where "team" stands. An ASCII post is searched
# lower-cased without case folding (the same matches: the core's letters are lower-case ASCII).
_TEAM_VERB_FOLDED = re.compile(_TEAM_VERB, re.IGNORECASE)
_TEAM_VERB_LOWER = re.compile(_TEAM_VERB)
# The only words that may stand between the team and its verb: the team's own present or future
# hiring ("is", "will be scaling and is", "is also actively", "-- hiring"). Any other word makes
# the sentence another one: someone else's team ("the ML team at Google is hiring"), a negation
# or the past ("won't be", "isn't", "stopped recruiting", "was"), a second subject ("Our ML team
# and our web team are hiring ..."; "Our ML team is small, so the platform group is hiring").
_BETWEEN_WORDS = frozenset(
    "is are will be also now right currently actively scaling growing expanding and still".split()
)
# What separates those words: spaces, commas and dashes.
_BETWEEN_SEP = re.compile(r"[\s,\u2013\u2014-]+")
# A preposition right before "the"/"our" makes the team the object of another verb, not the
# subject of the hiring: "We partner with the ML team at ...", "Tired of the ML team hiring ...".
_OBJECT_OF = re.compile(r"\b(?:of|with|for|to|at|from|by|about|like|than)\s+$", re.IGNORECASE)
# How far back that preposition is looked for: the longest one ("about") and its space.
_OBJECT_OF_CHARS = 8
# The words the hired people may carry: how good, how senior, how many (a word or digits: "3
# engineers"). An area or a stack there ("frontend engineers", "Python developers") is a role of
# its own, not the team's engineer.
_WHO_WORDS = frozenset(
    "a an more new additional several two three few skilled talented experienced strong great "
    "exceptional excellent smart senior junior mid-level staff principal software dedicated "
    "passionate ambitious motivated".split()
)
# A singular noun is one hire only after an article ("a senior engineer"); without it the noun
# qualifies another word ("developer advocates", "engineer interns").
_ARTICLES = frozenset({"a", "an"})
# What right after the people makes them another role: a colon or a list of areas ("engineers:
# frontend, backend"), a following noun that makes a title of its own ("developer advocates",
# "developer relations", "developer experience"), and "in test" (a test engineer).
_OTHER_ROLE_AFTER = re.compile(
    r"\s*(?::|(?:advocates?|relations|experience|evangelists?|tools?|productivity|success|"
    r"marketing)\b|in\s+test\b)",
    re.IGNORECASE,
)
# A place the people go that is no AI area makes them another team's: "to join the data team",
# "in these areas: ...", "for the web app". The place is up to three words and "team", or one word.
_PLACE_AFTER = re.compile(
    r"\s+(?:to\s+join|in|for)\s+(?:(?:the|our|these)\s+)?"
    r"(?P<place>(?:[\w/&+-]+\s+){0,3}?team\b|[\w/&+-]+)",
    re.IGNORECASE,
)
# The one-word places that are areas of other roles.
_OTHER_AREAS = frozenset(
    "area areas frontend front-end backend back-end mobile ios android web data platform infra "
    "infrastructure".split()
)


def _other_place(after: str) -> bool:
    """Whether the people go to a team or an area that is no AI area ("to join the data team")."""
    place = _PLACE_AFTER.match(after)
    if place is None:
        return False
    words = place.group("place").split()
    if words[-1].lower() != "team":
        return words[0].lower() in _OTHER_AREAS
    area = [w for w in words[:-1] if w.lower() not in _TEAM_ADJECTIVES]
    return bool(area) and ai_area_of(" ".join(area)) is None


def _team_hire(match: re.Match[str]) -> str | None:
    """The title of the engineer a team sentence hires ("skilled engineers (ML team)"), or None
    when the team is no AI team or the sentence is another one."""
    between = _BETWEEN_SEP.split(match.group("between"))
    if any(w and w.lower() not in _BETWEEN_WORDS for w in between):
        return None
    text = match.string
    if _OBJECT_OF.search(text[max(0, match.start() - _OBJECT_OF_CHARS) : match.start()]):
        return None
    who = match.group("who").split()
    if any(w.lower() not in _WHO_WORDS and not w.isdigit() for w in who):
        return None
    noun = match.group("noun")
    if not noun.lower().endswith("s") and not (who and who[0].lower() in _ARTICLES):
        return None
    after = text[match.end() :]
    if _OTHER_ROLE_AFTER.match(after) or _other_place(after):
        return None
    area = match.group("area").strip()
    if ai_area_of(area) is None:
        return None
    return f"{' '.join([*who, noun])} ({area} team)"


def _may_hold_team_hire(text_plain: str) -> bool:
    """Whether the post holds a team with a hiring verb after it, as `_TEAM_HIRES` needs."""
    if text_plain.isascii():
        return _TEAM_VERB_LOWER.search(lowered(text_plain)) is not None
    return _TEAM_VERB_FOLDED.search(text_plain) is not None


def with_team_hires(openings: Sequence[Opening], text_plain: str) -> tuple[Opening, ...]:
    """The openings with the engineer the poster's AI team hires, when the post names no AI
    engineer: a bare reading of the same people ("engineers") is replaced, else it is added."""
    kept = list(openings)
    if any(o.role_family == AI_FAMILY for o in kept) or not _may_hold_team_hire(text_plain):
        return tuple(kept)
    for match in _TEAM_HIRES.finditer(text_plain):
        title = _team_hire(match)
        if title is None:
            continue
        opening = classify_title(title)
        if opening.role_family != AI_FAMILY:
            continue
        # the résumé test reads the whole post: run only once the rare sentence is found
        if is_resume(text_plain):
            return tuple(kept)
        people = title.split(" (", 1)[0].lower()
        same = {people, match.group("noun").lower()}
        # the readers' reading of the same people ("engineers", "skilled engineers") is this job
        kept = [o for o in kept if o.title.lower() not in same]
        return (*kept, opening)
    return tuple(kept)
