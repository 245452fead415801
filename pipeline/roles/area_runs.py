"""Data science named among a run of areas the poster hires in.

"We're hiring for all manner of roles (backend, frontend, UX/UI & data science)", "We're looking
for a variety of engineers: frontend, backend, test, devops, data science", "We're hiring all
sorts of roles - including engineering, program/project management, marketing, data science, and
site reliability - in Boston", "Check out all our roles (engineering, data science, platform)":
"We have roles available on frontend, backend, engineering management, data science and product",
"We're looking for teammates in software engineering, data science, and product": a run of bare
areas right after the poster hiring, or after the post's own roles, is the list of
its openings, and "Data Science" there is a data-science opening (ROLES.md: a bare discipline in
a list of openings). The list readers miss these runs when an item holds a slash or the run sits
in a parenthesis or between dashes. Areas after a requirement ("someone with experience in:
Python, SQL, data science") are skills, and a run of people ("engineers, data scientists and
designers") is left to the readers of titles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening, classify_title

_FAMILY = "data_scientist"
# The poster hiring ("we're hiring", "we are looking for", "I'm seeking") or the post's own roles
# ("our roles", "our open positions"); a few words may stand between it and the run's mark ("for
# a variety of engineers:", "in diverse roles:", "all sorts of roles - including").
_CUE = re.compile(
    r"\b(?:(?:we|we're|we’re|we\s+are|i'm|i’m|i\s+am)\s+(?:(?:also|now|currently|actively)\s+)?"
    r"(?:hiring|looking\s+for|seeking|recruiting)"
    r"|our\s+(?:open\s+|current\s+)?(?:roles|positions|openings|jobs)"
    r"|(?:we\s+have|there\s+are)\s+(?:[\w-]+\s+)?(?:roles|positions|openings)"
    r"(?:\s+(?:available|open))?)\b",
    re.I,
)
# The mark that opens the run after the cue and a few words: a colon, a parenthesis, "including",
# a spaced dash, or "in"/"on"/"across" ("roles available on frontend, backend, data science").
_MARK = re.compile(
    r"\s*(?::|\(|\s[-–—]\s*including\b|,?\s+including\b|\s[-–—]\s|\s+(?:in|on|across)\s)\s*"
)
# The words that may stand between the cue and its mark ("for a variety of engineers:").
_MAX_GAP_WORDS = 9
# How far after the cue its mark may be.
_MAX_CUE_REACH = 90
_RUN = re.compile(r"[^.!?;:()\n–—]+")
# Words of a gap that make the run a skill list, not openings ("someone with experience in:").
_SKILL_GAP = re.compile(
    r"\b(?:with|experience|experienced|skills?|knowledge|background|familiar|expertise|using|"
    r"who|that|to|passion|interest(?:ed)?)\b",
    re.I,
)
_ITEM_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bor\b|\+)\s*", re.I)
_SPACED_DASH = re.compile(r"\s-\s")
_DATA_SCIENCE = re.compile(r"(?:data\s+science)(?:\s+teams?)?", re.I)
# A run of fewer items is as often a phrase as a list ("frontend and data science sides").
_MIN_ITEMS = 3
# An area is a word or three ("program/project management", "site reliability"); a longer item
# is prose, and the run is then no list of areas.
_MAX_ITEM_WORDS = 4
# A run whose items are people ("engineers, data scientists") is a list of titles, not areas.
_PERSON_ITEM = re.compile(
    r"\b(?:engineers?|developers?|scientists?|designers?|managers?|analysts?)\b", re.I
)
# Every reading needs one of these in its line.
_LINE_WORDS = ("hiring", "looking for", "seeking", "recruiting", "our ")


def area_run_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """A data-science opening when a run of areas the poster hires in names data science and
    `found` has none."""
    text = text_plain[:MAX_POST_CHARS]
    if any(o.role_family == _FAMILY for o in found) or "science" not in text.lower():
        return []
    for line in lines_holding(text, _LINE_WORDS):
        if "science" in line.lower() and _names_data_science(line):
            return [] if is_resume(text) else [classify_title("Data Science")]
    return []


def _holds_data_science(run: str) -> bool:
    """Whether a run is of three or more short areas, none a person, one of them data science."""
    # a spaced dash closes a run set off by dashes ("- including ..., data science - in Boston")
    run = _SPACED_DASH.split(run)[0]
    items = [i.strip() for i in _ITEM_SPLIT.split(run) if i.strip()]
    if len(items) < _MIN_ITEMS or any(len(i.split()) > _MAX_ITEM_WORDS for i in items):
        return False
    if any(_PERSON_ITEM.search(i) for i in items):
        return False
    return any(_DATA_SCIENCE.fullmatch(i) for i in items)


@lru_cache(maxsize=65_536)
def _names_data_science(line: str) -> bool:
    """Whether a run of areas after the poster hiring on this line holds data science."""
    for cue in _CUE.finditer(line):
        for mark in _MARK.finditer(line, cue.end(), cue.end() + _MAX_CUE_REACH):
            gap = line[cue.end() : mark.start()]
            if len(gap.split()) > _MAX_GAP_WORDS or _SKILL_GAP.search(gap):
                break
            run = _RUN.match(line, mark.end())
            if run and _holds_data_science(run.group(0)):
                return True
    return False
