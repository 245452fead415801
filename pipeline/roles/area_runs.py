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
designers") is left to the readers of titles. The run must follow the cue in its own sentence
("We're hiring a backend engineer. Bonus points: Python, SQL, data science" lists skills), with
no one hire named between them ("a Data Engineer on our analytics, platform and data science
team" is that hire's team) and no negation ("everything except: data science, sales"); after
"in", "on" or "across" the run is of openings only when roles stand before it ("roles available
on ...", "teammates in ..."), not clients, places or staff ("hiring for clients in fintech, ...").
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
# A sentence ending between the cue and the run: the run is of another sentence ("We're hiring a
# full-stack engineer. Bonus points: Python, SQL, data science").
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# One hire named before the run, whose team, areas or skills it then lists ("hiring a Data
# Engineer on our analytics, platform and data science team", "a backend engineer in: Python,
# Go, data science"); analysts of areas are analysts, whatever the areas ("analysts across
# product analytics, BI and data science"). A variety of engineers or interns is no one hire.
ONE_HIRE = re.compile(
    r"\b(?:an?|one)\s+(?:[\w/-]+\s+){0,3}?(?:engineer|developer|scientist|designer|manager|"
    r"analyst|lead|architect|researcher|specialist)\b|\banalysts\b",
    re.I,
)
# A negation before the run turns it into the areas not hired ("for everything except: data
# science, sales, design"); "right not" is "right now" mistyped ("all manner of different roles
# right not (backend, frontend, UX/UI & data science)").
_NEGATION = re.compile(
    r"\b(?:except|excluding|besides|other\s+than|no)\b|(?<!right\s)\bnot\b|n['’]t\b", re.I
)
# "in", "on" and "across" open a run of openings only after roles ("roles available on frontend,
# ...", "teammates in software engineering, ..."); after anything else they name places, clients
# or a team ("hiring for clients in fintech, healthtech, and data science", "senior staff across
# Leeds, York, and data science").
_ROLES_BEFORE = re.compile(
    r"\b(?:roles?|positions?|openings?|opportunities|jobs|teammates|people|talent|available|open)$",
    re.I,
)
_PLACE_MARKS = frozenset({"in", "on", "across"})
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
_DATA_SCIENCE = re.compile(r"data\s+science(?:\s+teams?)?", re.I)
# A run of fewer items is as often a phrase as a list ("frontend and data science sides").
_MIN_ITEMS = 3
# An area is a word or three ("program/project management", "site reliability"); a longer item
# is prose, and the run is then no list of areas.
_MAX_ITEM_WORDS = 4
# A run whose items are people ("engineers, data scientists") is a list of titles, not areas.
_PERSON_ITEM = re.compile(
    r"\b(?:engineers?|developers?|scientists?|designers?|managers?|analysts?)\b", re.I
)
# Every reading needs one of these, the words of a cue, in its line.
_LINE_WORDS = ("hiring", "looking for", "seeking", "recruiting", "our ", "we have", "there are")


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
            if len(gap.split()) > _MAX_GAP_WORDS or _ends_the_reading(gap):
                break
            if mark.group(0).strip().lower() in _PLACE_MARKS and not _ROLES_BEFORE.search(
                line[cue.start() : mark.start()].rstrip()
            ):
                continue
            run = _RUN.match(line, mark.end())
            if run and _holds_data_science(run.group(0)):
                return True
    return False


def _ends_the_reading(gap: str) -> bool:
    """Whether the words between a cue and a mark make every later run no list of openings."""
    return any(pattern.search(gap) for pattern in (_SKILL_GAP, _SENTENCE_STOP, ONE_HIRE, _NEGATION))
