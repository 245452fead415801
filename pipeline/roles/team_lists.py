"""Openings an HN post names as the teams or disciplines it hires in, or beside a hiring cue.

Posts of every era say which teams are hiring rather than which titles ("We are hiring across
our Platform, iOS, Android and Data Science teams"), list disciplines whose items each go on
with their detail ("Hiring in lots of disciplines: backend with microservices, big data & data
science, full stack (...), designers"), join a second list to a first with "along with"
("hiring for an Engineering Manager along with Machine Learning, DevOps and Platform
Engineers"), or name the roles they most want to hear from ("especially keen to talk to Staff
Engineers and Senior AI Engineers"), or single them out after a count of openings ("Multiple
roles, particularly for ML engineers, computational biologists, ..."), or name roles by their
area ("a number of roles that are perception/ML-oriented"). The sentence readers stop such lists at the first word
that reads as prose; this module reads them and adds the families the other readers missed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume, roles_listed
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding, lowered
from pipeline.roles.titles import Opening

# The look-ahead for the verbs' first letters spares trying each verb at every character.
_HIRING_VERB = r"(?=[hlrs])(?:hiring|recruiting|looking\s+for|seeking|searching\s+for)"
# "hiring across our Platform, Front End, ... and Data Science teams": the list is the teams'
# names, closed by the noun; at least two items (one is as often a sentence about a team).
_TEAMS = re.compile(
    _HIRING_VERB + r"\s+(?:(?:engineers|people|talent|folks)\s+)?(?:across|in|for|on|into)\s+"
    r"(?:(?:our|the|all|its|all\s+of\s+our|several|many|multiple|these)\s+)?"
    r"(?P<list>[^.!?;:()\n]{3,200}?(?:,|\band\b|&)[^.!?;:()\n]{2,200}?)\s+"
    r"(?:teams|departments|groups)\b",
    re.I,
)
# "Hiring ... in lots of key disciplines: a with ..., b & c, d (...)": after a cue that names
# disciplines or areas, each comma item is read up to its own first prose word.
_DISCIPLINES = re.compile(
    _HIRING_VERB + r"\b[^.!?:\n]{0,80}?\b(?:disciplines|areas|teams|functions)\s*:\s*"
    r"(?P<list>[^!?\n]+?)(?:\.(?=\s|$)|[!?\n]|$)",
    re.I,
)
# "hiring for an Engineering Manager along with Machine Learning, ... and Network Engineers"
_ALONG_WITH = re.compile(
    _HIRING_VERB + r"\b[^.!?\n]{0,80}?\s+along\s+with\s+(?P<list>[^.!?\n]+)", re.I
)
# "We're especially keen to talk to Staff Engineers (backend) and Senior AI Engineers"
_KEEN = re.compile(
    r"\b(?=[eklw])(?:keen|eager|love|like|want|excited)\s+to\s+(?:talk|speak|chat)\s+(?:to|with)\s+"
    r"(?P<list>[^.!?\n]+)",
    re.I,
)
# "Multiple roles, particularly for ML engineers, computational biologists, ...": a count of
# openings with no verb, then the ones the poster singles out.
_MANY_ROLES = re.compile(
    r"\b(?=[mnsv])(?:multiple|several|many|various|numerous)\s+(?:open\s+)?(?:roles|positions|openings)"
    r"\s*,?\s*(?:particularly|especially|including|mainly|mostly|notably)\s+(?:for\s+)?"
    r"(?P<list>[^.!?\n]+)",
    re.I,
)
# "a number of roles that are perception/ML-oriented", "several ML-focused positions": openings
# named by the area they are about.
_AREA_ROLES = re.compile(
    r"\b(?:roles|positions|openings)\s+(?:that|which)\s+are\s+(?:(?:more|mostly|primarily)\s+)?"
    r"(?P<after>[A-Za-z][\w/&+ ]{1,40}?)[- ](?:oriented|focused)\b"
    r"|\b(?P<before>[A-Za-z][\w/&+]{1,30})[- ](?:oriented|focused)\s+(?:roles|positions|openings)\b",
    re.I,
)
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*,\s*")
_AREA_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:/|&|,|\band\b|\bor\b)\s*")
# A discipline list names at least this many items read as roles or areas: two are as often a
# sentence with a comma in it.
_MIN_DISCIPLINE_ITEMS = 3
_FAMILIES = COMPARED_ROLES


def team_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as hiring teams or disciplines that `found` lacks,
    with the other teams of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not text.strip():
        return []
    low = lowered(text)
    # the commonest word first ("what we're looking for"): the test stops at the first found
    if not any(
        w in low
        for w in (
            "looking",
            "hiring",
            "recruiting",
            "seeking",
            "searching",
            "to talk",
            "roles",
            "positions",
            "openings",
            "to speak",
            "to chat",
        )
    ):
        return []
    if is_resume(text):
        return []
    lines = lines_holding(text, _ANY_WORDS, folding=True)
    return list_openings(map(_line_specs, lines), found)


# Each pattern needs one of its words: an ASCII line is run only through the patterns whose words
# it holds (most lines hold none). Non-ASCII lines go through all of them, since case-insensitive
# matching folds letters such as the Kelvin sign that lower() leaves alone.
def _holds(low: str, words: tuple[str, ...]) -> bool:
    """Whether a lower-case line holds one of the words (substring tests beat an alternation)."""
    for word in words:
        if word in low:
            return True
    return False


_HIRING_WORDS = ("hiring", "recruiting", "looking", "seeking", "searching")
_TEAM_WORDS = ("team", "department", "group")
_DISCIPLINE_WORDS = ("discipline", "area", "team", "function")
_KEEN_WORDS = ("talk", "speak", "chat")
_COUNT_WORDS = ("role", "position", "opening")
_AREA_WORDS = ("oriented", "focused")
# Every pattern below needs a word of one of these: a line with none of them names nothing.
_ANY_WORDS = (
    "hiring",
    "recruiting",
    "looking",
    "seeking",
    "searching",
    "talk",
    "speak",
    "chat",
    "role",
    "position",
    "opening",
    "oriented",
    "focused",
)


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The roles and areas one line names in the forms of the module docstring."""
    low = line.lower() if line.isascii() else None
    if low is not None and not _holds(low, _ANY_WORDS):
        return ()
    hiring = low is None or _holds(low, _HIRING_WORDS)
    found: list[Spec] = []
    if hiring and (low is None or _holds(low, _TEAM_WORDS)):
        for m in _TEAMS.finditer(line):
            found.extend(_areas(m.group("list"), min_items=2))
    if hiring and (low is None or (":" in low and _holds(low, _DISCIPLINE_WORDS))):
        for m in _DISCIPLINES.finditer(line):
            found.extend(_areas(m.group("list"), min_items=_MIN_DISCIPLINE_ITEMS))
    if hiring and (low is None or "along" in low):
        for m in _ALONG_WITH.finditer(line):
            found.extend(roles_listed(m.group("list")))
    if low is None or _holds(low, _KEEN_WORDS):
        for m in _KEEN.finditer(line):
            found.extend(roles_listed(m.group("list")))
    if low is None or _holds(low, _COUNT_WORDS):
        for m in _MANY_ROLES.finditer(line):
            found.extend(roles_listed(m.group("list")))
    if low is None or _holds(low, _AREA_WORDS):
        for m in _AREA_ROLES.finditer(line):
            area = _AREA_SEP.split(m.group("after") or m.group("before"))
            found.extend(s for a in area for s in item_specs(a) if s[0].kind != "none")
    return tuple(found)


def _areas(listed: str, min_items: int) -> list[Spec]:
    """Specs of a comma list whose items each name a role or an area before their detail."""
    items = [until_prose(i) for i in _ITEM_SEP.split(PAREN_ASIDE.sub(" ", listed))]
    specs = [[s for s in item_specs(i) if s[0].kind != "none"] if i else [] for i in items]
    named = [s for s in specs if s]
    # the items read must be most of the list: a sentence that happens to hold commas is not
    if len(named) < min_items or 2 * len(named) < len(items):
        return []
    return [s for group in named for s in group]
