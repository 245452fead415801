"""A title the post gives a named person of its team is no opening: "CTO/Co-Founder: <name>: <profile>".

Team lines introduce the people a hire would work with, each a title, a colon and a name with a
profile link ("Chief Product Officer/Co-Founder: Jane Roe: <linkedin link>") or the person's own
rank after the name ("Founder and owner: Jane Roe, CEO"). The title there is the person's, not an
opening; a title the post also names on another line stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.roles.titles import Opening

# A personal name: two or three capitalised words ("Jane Roe", "Mary Ann Roe", "José Núñez", "Jo McRoe").
_WORD = r"(?:Ma?c|O')?[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'][A-ZÀ-Þ]?[a-zß-ÿ]+)?"
_NAME = _WORD + r"(?:\s+[A-ZÀ-Þ][a-zß-ÿ]*\.?)?\s+" + _WORD
# What marks the words after the colon as a person rather than a team ("Client Portal"): a
# personal profile link (a code host's or a social link may be a product's), or the person's
# own rank after a comma (the link's fixed part and the rank are searched in whole posts below).
_PROFILE_LINK = "linkedin.com/in/"
_RANK_AFTER_COMMA = r",\s*(?i:(?:co-?)?founder|CEO|CTO|COO|CFO|CPO|president)\b"
_PERSON_MARK = (
    r"(?:\s*[:,\-–—|]?\s*(?:https?://)?(?:[a-z]{2,3}\.)?"
    + re.escape(_PROFILE_LINK)
    + r"|\s*"
    + _RANK_AFTER_COMMA
    + ")"
)
# A team line: an optional bullet or quote mark and a label that is no hiring one ("Meet our
# team:"), the title, a colon, the name and its mark.
_TEAM_LINE = re.compile(
    r"^[\s>*•\-–—·]*(?:(?!(?i:[^:\n]{0,40}\b(?:hiring|roles?|positions?|openings?|jobs?|looking|seeking)\b))[^:\n]{2,40}:\s*)?(?P<title>[^:\n]{2,80}?)\s*:\s*"
    + _NAME
    + _PERSON_MARK
)
# Every person mark holds the profile link's fixed part or a match of the rank after a comma, so
# a post without either holds no team line (most posts), and its lines are not read one by one.
_RANK_IN_POST = re.compile(_RANK_AFTER_COMMA)
# A team line is short: a longer line is prose (and the pattern stays linear on long lines).
_TEAM_LINE_CHARS = 300


def _person_part(line: str) -> str | None:
    """The title and name of a team line (casefolded), if the line is one."""
    if len(line) > _TEAM_LINE_CHARS or ":" not in line:
        return None
    found = _TEAM_LINE.match(line)
    return found.group(0).casefold() if found else None


def without_person_titles(openings: Sequence[Opening], text: str) -> tuple[Opening, ...]:
    """The openings less the titles written only as a named person's title on team lines."""
    if not openings or (_PROFILE_LINK not in text and _RANK_IN_POST.search(text) is None):
        return tuple(openings)  # no opening to drop, or no line that marks a person
    lines = [(line.casefold(), _person_part(line)) for line in text.splitlines() if line.strip()]
    if not any(part for _, part in lines):
        return tuple(openings)
    kept = []
    for opening in openings:
        words = opening.title.casefold()
        on_person = any(part and words in part for _, part in lines)
        elsewhere = any(words in line and not (part and words in part) for line, part in lines)
        if on_person and not elsewhere:
            continue
        kept.append(opening)
    return tuple(kept)
