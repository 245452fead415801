"""Openings an HN post names as a bare list of areas, in its header or on the line after a cue.

Posts of every era name where their openings are as a run of areas, each written with its own
marks: a header field "Founding team (AI, infrastructure, full-stack, designer)" or "SRE • ML
• Data Engineering"; a line "Applications Development | Data Mining and Machine Learning |
Tools Engineering" under "interested in the following roles:"; "Artificial Intelligence -
Marketing -- Operations" under "Positions open across technical teams: <link>"; "Machine
Learning and Marketing" under "We are hiring at Acme!". The line is only the list: every item
is short, most items are roles or areas the vocabulary knows, none is a language or framework
(a stack), the run is not one title beside areas (a title and its team: "Data Scientist -
Computer Vision"), and the line before it (for a body line) says the post hires and ends in ":" or
"!". A header field's parenthesis is read only after a team or openings ("Founding team (...)").
A header field counts only when the body lists at most one opening of its own: a body list
governs the areas its header sums it up with.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hn_patterns import CUE, MAX_POST_CHARS, NOT_OPENINGS_CUE, mask_parens
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding, post_lines
from pipeline.roles.titles import Opening
from pipeline.roles.vocabulary import TECHNOLOGIES
from pipeline.roles.wording import strip_urls

_FAMILIES = COMPARED_ROLES
# The marks a run of areas is written with: commas, pipes, bullets, semicolons, spaced dashes
# and slashes, and "and"/"&" between two areas.
# No space is matched around a mark (the items are stripped): a run of spaces before a mark that
# never comes would be tried from each of its spaces, in time the square of its length.
_ITEM_MARK = re.compile(r"[,|•·;]|\s[-–—]{1,3}\s|\s/\s|\s(?:and|&)\s", re.I)
# The characters `_ITEM_MARK` matches one of, besides the words "and" (any case).
_MARK_CHARS = ",|•·;&-–—/"
# The header's fields, as the header reader splits them; a field is read as one run of areas.
_FIELD_MARK = re.compile(r"\|+|\t")
# "Founding team (AI, infrastructure, ...)": a field whose parenthesis is the run.
_PAREN_RUN = re.compile(r"\(([^()]*)\)\s*$")
# The parenthesis is read only when the text before it names a team or openings; of any other
# field ("Series B (analytics, NLP, search)", "NYC (Analytics, AI)") it tells what the company
# does or where.
_TEAM_BEFORE = re.compile(
    r"\b(?:teams?|roles?|hiring|open(?:ings?)?|positions?|founding)\b",
    re.I,
)
# The word "and" whole, as `_ITEM_MARK` reads it.
_AND = re.compile(r"\band\b", re.I)
# An area is a few words ("Data Mining and Machine Learning" is split at its "and"); a longer
# item is a phrase, and a line holding one is prose, not a list.
_MAX_ITEM_WORDS = 4
# A run is two items at least, and the items the vocabulary reads are two in three of them at
# least: an unknown department ("Talent", "Electrical") may sit among known ones.
_MIN_ITEMS = 2
_KNOWN_SHARE = 2 / 3
# A title names its team with one or two areas; one title beside three areas or more is a list
# ("DevOps / MLOps / ML / UI Designer", "Engineering, Data Science, Legal, ...").
_TEAM_AREAS = 2
# The line before a body run says the post hires or has openings, and introduces what follows:
# it ends in ":" or "!" once its links are gone ("We are hiring at Acme!", "Open roles:"). A
# line ending in "." or running on ("... experience in") is a sentence, and a question ("Why
# join us?") asks rather than lists.
_CUE_ENDS = (":", "!")
# Words one of which every match of `CUE` holds, lower-case.
_CUE_WORDS = (
    "role",
    "position",
    "opening",
    "vacanc",
    "job",
    "hiring",
    "looking",
    "seeking",
    "opportunities",
    "need",
    "searching",
    "join",
)
# A cue for a gathering is no hiring cue ("Join us at our booth at the conference!").
_EVENT = re.compile(
    r"\b(?:booth|conference|meetups?|events?|summit|talks?|webinar|workshop|hackathon|expo)\b",
    re.I,
)
# An item with a word of purpose or agent describes what the company makes and for whom ("Built
# for data scientists, ML engineers, analysts", "Trusted by ML teams"): a run of areas names
# each area bare.
_DESCRIBING = re.compile(r"\b(?:for|by|with|to|from)\b", re.I)
# A post whose readers found this many openings outside its header lists them in its body.
_BODY_OPENINGS = 2


def area_line_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a run of areas names in the header or after a cue line."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not text_plain.strip():
        return []
    text = text_plain[:MAX_POST_CHARS]
    raw = post_lines(text)
    runs: list[tuple[Spec, ...]] = []
    header = raw[0].strip() if raw else ""
    fields = {f.strip().lower() for f in _FIELD_MARK.split(header)}
    in_body = [o for o in found if o.title.lower() not in fields]
    if len(in_body) < _BODY_OPENINGS:
        runs.extend(_header_runs(header))
    # one scan of the post for the cue words spares the pattern on every line
    cued = set(lines_holding(text, _CUE_WORDS))
    previous = raw[0] if raw else ""
    for line in raw[1:]:
        if not line.strip():
            continue
        if previous in cued and _may_run(line) and _is_cue(previous):
            runs.append(area_run(line.strip()))
        previous = line
    return list_openings(runs, found)


def _is_cue(line: str) -> bool:
    """Whether line says the post hires and introduces the line after it."""
    bare = strip_urls(line).strip()
    if not bare.endswith(_CUE_ENDS) or "?" in bare:
        return False
    if CUE.search(bare) is None or NOT_OPENINGS_CUE.search(bare) is not None:
        return False
    return _EVENT.search(bare) is None


def _header_runs(header: str) -> list[tuple[Spec, ...]]:
    """The runs of areas of the header's fields after the first (the company)."""
    runs = []
    for field in (f.strip() for f in _FIELD_MARK.split(header)[1:]):
        paren = _PAREN_RUN.search(field)
        if paren is None:
            runs.append(area_run(field))
        elif _TEAM_BEFORE.search(field[: paren.start()]):
            runs.append(area_run(paren.group(1)))
    return runs


def _may_run(text: str) -> bool:
    """Whether text holds a character or word that `_ITEM_MARK` needs (a run has two items)."""
    return any(c in text for c in _MARK_CHARS) or _AND.search(text) is not None


@lru_cache(maxsize=16_384)
def area_run(text: str) -> tuple[Spec, ...]:
    """The roles and areas of text when it is only a run of them (empty otherwise)."""
    if not _may_run(text):
        return ()
    bare = strip_urls(text).strip(" :.!")
    # a label ("Your skills: ...") or a question ("Want to learn Rust and ML?") is no bare run
    if ":" in bare or "?" in bare:
        return ()
    masked = mask_parens(bare)
    items, at = [], 0
    for m in _ITEM_MARK.finditer(masked):
        items.append(bare[at : m.start()].strip())
        at = m.end()
    items.append(bare[at:].strip())
    # one space between words: the list reader's splitting is slow on long runs of spaces
    items = [" ".join(i.split()) for i in items if i]
    if len(items) < _MIN_ITEMS or any(len(i.split()) > _MAX_ITEM_WORDS for i in items):
        return ()
    if any(_DESCRIBING.search(i) for i in items):
        return ()
    # a language or framework among the items makes the run a stack ("Python, Go, ML")
    if any(i.lower().rstrip(".") in TECHNOLOGIES for i in items):
        return ()
    # read item by item, and stop once too many are unknown for the run to count
    unknown_allowed = len(items) - max(_MIN_ITEMS, math.ceil(_KNOWN_SHARE * len(items)))
    if unknown_allowed < 0:
        return ()
    specs: list[list[Spec]] = []
    for item in items:
        specs.append([s for s in item_specs(item) if s[0].kind != "none"])
        if not specs[-1]:
            unknown_allowed -= 1
            if unknown_allowed < 0:
                return ()
    known = sum(1 for s in specs if s)
    # one title among areas is that title and its team ("Test Automation Engineer - Data
    # Science", "Principal Product Manager, ML", "Head of Technology & Applied AI")
    roles = sum(1 for s in specs if any(p.kind == "role" for p, _, _ in s))
    if roles == 1 and known - roles <= _TEAM_AREAS:
        return ()
    return tuple(s for group in specs for s in group)
