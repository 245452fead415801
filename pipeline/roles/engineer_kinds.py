"""A list item of engineers followed by their kinds, one of them an AI area.

"—Engineers of all kinds (FE, BE, Android, iOS, ML, Data, etc...)", "- Software engineers: Test
engineers, mobile application developers, computer vision/human pose estimation, streaming
media", "* Engineers - Data Platform, DevOps, AI, ML, NLP, Security, SRE, Front-end": a bullet
naming engineers, then the kinds hired after a colon, a dash or in a parenthesis. A bare
discipline in a list of engineering areas stands for its opening (docs/roles.md), so an AI area
there names an AI engineer. The list must be one of areas: at least three items, two besides the
AI one read as areas or roles, none a technology of the stack or longer than an area; a bullet
of skills ("Robotics Software Engineers: ROS2, gazebo, SLAM, deep learning") names none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.dash_teams import ITEM_SEP, ai_area_of
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.list_items import item_specs
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening, classify_title

_AI = "ai_engineer"
# A bullet, at most three words of which ("Software", "Senior backend"), "engineers", then the
# kinds in a parenthesis or after a colon or a spaced dash, up to a parenthesis or a full stop.
_KINDS_ITEM = re.compile(
    r"^\s*[-*•—–]+\s*(?P<who>(?:[\w-]+\s+){0,3}?)(?P<noun>engineers)"
    r"(?:\s+of\s+all\s+(?:kinds|types|sorts))?\s*"
    r"(?:\((?P<paren>[^()]+)\)|(?::|\s[-–—]{1,2})\s*(?P<listed>[^().]+))",
    re.I,
)
_CLOSING = re.compile(r"[\s,]*(?:etc\.*|and\s+more|\.+)\s*$", re.I)
# The list holds at least this many kinds, and this many besides the AI area read as areas or
# roles: two kinds after "engineers:" are as often a title and its team.
_KINDS_AT_LEAST = 3
_OTHER_AREAS_AT_LEAST = 2
_NOUN = "engineers"


def engineer_kind_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """The AI engineer a list item of engineers and their kinds names, when `found` has none."""
    if any(o.role_family == _AI for o in found) or _NOUN not in text_plain.lower():
        return []
    text = text_plain[:MAX_POST_CHARS]
    extra = [
        opening
        for line in post_lines(text)
        if _NOUN in line.lower()
        for opening in _line_openings(line)
    ]
    if not extra or is_resume(text):
        return []
    return extra[:1]


@lru_cache(maxsize=65_536)
def _line_openings(line: str) -> tuple[Opening, ...]:
    """The AI engineer one list item names by the kinds of its engineers."""
    m = _KINDS_ITEM.match(line)
    if m is None:
        return ()
    listed = _CLOSING.sub("", (m.group("paren") or m.group("listed")).strip())
    items = [item.strip() for item in ITEM_SEP.split(listed) if item.strip()]
    area = ai_area_of(listed)
    if area is None or len(items) < _KINDS_AT_LEAST:
        return ()
    others = sum(1 for item in items if item != area and item_specs(item))
    if others < _OTHER_AREAS_AT_LEAST:
        return ()
    title = f"{m.group('who')}{m.group('noun')}".strip()
    parsed = classify_title(f"{title}, {area}")
    if parsed.role_family != _AI:
        return ()
    return (
        Opening(
            title=f"{title} ({area})",
            normalized_title=parsed.normalized_title,
            role_family=_AI,
            seniority=parsed.seniority,
        ),
    )
