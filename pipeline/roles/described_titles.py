"""Openings a post lists one per line as a title, a colon or a spaced dash, and a description.

"Machine Learning Infra Engineer: Own our GPU-backed serving stack ..." / "Systems Engineer: Build
our core runtime ...", or with a dash: "Computer Vision Engineer - Implement vision functions in
our cameras ...": posts list their openings as paragraphs that open with the title and a colon
or a dash, without a bullet and without a link on the line (the link, when there is one, is on
the line below). One such line is as often a label ("Engineer: send us your CV"), so the form counts
only as a list: at least two lines of the post have it, each with a role as its title.
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.list_items import Spec
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import post_lines
from pipeline.roles.title_lines import _title_specs as title_specs
from pipeline.roles.titles import Opening

# "Data Scientist: will work alongside ...", "- AI Engineer: Applied AI plus ..." (an optional
# bullet before the title, an optional short detail after " | ": "Senior AI Engineer | $180k: Own
# ..."); the description opens with a word or an aside ("(React/Typescript)
# who would ..."), not a link or a number.
_DESCRIBED = re.compile(
    r"^\s*(?:[-*•·▪]\s*)?(?P<title>[A-Za-z][^:|.!?]{2,70}?)\s*(?:\|\s*[^:|\n]{1,30}?\s*)?"
    r":\s+(?P<desc>[A-Za-z(][^\n]{14,})$"
)
# "Senior DevOps Engineer - Develop, extend and scale ...": the title, a dash between spaces and
# a description that opens with a word (zero-width spaces pasted before it allowed); the title
# holds no dash between spaces, so a header's "Company - Title - Place" run gives no title.
_DASHED = re.compile(
    r"^\s*(?:[-*•·▪]\s*)?(?P<title>[A-Za-z](?:(?!\s[-–—]\s)[^:|.!?\n]){2,70}?)"
    r"\s+[-–—]\s+[\u200b\u200c\u200d\ufeff]*(?P<desc>[A-Za-z(][^\n]{14,})$"
)
# Two lines of the form make a list; one is as often a label or a page.
_MIN_LINES = 2
# A spaced dash as a line of the dashed form can hold it: a text without one skips that pattern.
_DASH_MARKS = (" - ", "\xa0-", "-\xa0", "–", "—")
_FAMILIES = COMPARED_ROLES


def _described(line: str) -> re.Match[str] | None:
    """The match of a "Title: description" or "Title - description" line."""
    # only a line with a colon or a dash can match: the others skip the patterns
    if ":" in line:
        found = _DESCRIBED.match(line)
        if found:
            return found
    if _has_dash(line):
        return _DASHED.match(line)
    return None


def _has_dash(text: str) -> bool:
    """Whether a text holds a dash the dashed form could be spaced by."""
    return any(mark in text for mark in _DASH_MARKS)


def _specs(line: re.Match[str]) -> tuple[Spec, ...]:
    """The titles of a described line; a dashed line's only as roles."""
    specs = title_specs(line.group("title"))
    if line.re is _DASHED:
        # a bare area split from a dashed title qualifies its role ("ML + NLP scientist - ..."):
        # it names no opening of its own
        return tuple(spec for spec in specs if spec[0].kind == "role")
    return specs


def described_title_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families listed as "Title: description" lines that `found` lacks,
    with the other titles of the list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or (text.count(":") < _MIN_LINES and not _has_dash(text)):
        return []
    matches = [m for m in map(_described, post_lines(text)[1:]) if m]
    if len(matches) < _MIN_LINES:
        return []
    named: list[tuple[Spec, ...]] = [s for s in map(_specs, matches) if s]
    if len(named) < _MIN_LINES or is_resume(text):
        return []
    return list_openings([tuple(spec for specs in named for spec in specs)], found)
