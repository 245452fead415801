"""Titles joined by a mark other than a comma on one line.

"iOS Software Engineer - Android Engineer - Machine Learning Engineer - Data Scientist - UI/UX
Designer", "* Software engineering: Full-stack Software Engineer - Front-end Software Engineer -
Machine Learning Engineer", "Solutions Engineer <> Security Engineer <> ... <> ML Engineers",
"Backend Senior Software Engineer (python) * Data Engineer * Data Scientist | SAN FRANCISCO": a
run of titles joined by " - ", " * ", " • ", " <> ", " + " or " ☆ " names each as an opening
(docs/roles.md, "Titles joined by marks"). The list readers split on commas, and read the first
title of such a run only; here the run must be titles: most of its items end in a role noun.
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, MAX_POST_CHARS, without_asides
from pipeline.roles.list_others import run_openings
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening, classify_title

_FAMILIES = COMPARED_ROLES
# Fewer items than this are a title and its team or place ("Data Scientist - Growth - NYC").
_MIN_ITEMS = 3
# The share of items that must end in a role noun: a run of titles, not of areas or places.
_MIN_TITLE_SHARE = 0.75
# An item longer than this is a clause, not a title.
_MAX_ITEM_WORDS = 7
# The marks that join titles; one mark joins all items of a run.
_MARKS = (" - ", " – ", " * ", " • ", "•", " <> ", " + ", " ☆ ", " ★ ")
_BULLET = re.compile(r"^\s*(?:[-*•+–]\s+)?")
# A label before a colon: the run after it is openings only when the label names openings ("Open
# roles:") or a department ("Software engineering:"); "Team:", "Built for:", "My path:" name people.
_LABEL = re.compile(r"^(?P<label>[^:,|]{1,40}):\s*")
_OPENINGS_LABEL = re.compile(
    r"\b(?:open|roles?|positions?|openings?|jobs?|hiring|vacanc\w+)\b"
    r"|^\W*(?:[\w-]+\s+)?(?:engineering|science|research|design)\s*$",
    re.I,
)
# An item of a team or a career, not an opening: "4 ML Engineers", "ex-Google ML Engineer".
_PERSON_ITEM = re.compile(r"^(?:\d|ex-|former\b)", re.I)
_ROLE_NOUN = re.compile(
    r"\b(?:engineers?|scientists?|developers?|designers?|managers?|directors?|recruiters?|"
    r"analysts?|architects?|researchers?|technicians?|leads?|specialists?|administrators?|"
    r"writers?|interns?|programmers?|marketers?|mathematicians?|biologists?|chemists?|"
    r"officers?|SREs?|PMs?|head of [A-Za-z ]+)$",
    re.I,
)
# Words of a sentence, never of a title ("Data Scientist - you will work with ...").
_PROSE_WORD = re.compile(
    r"\b(?:you|your|we|our|us|with|other|the|who|can|will|to|on|is|are|for|about)\b", re.I
)


def mark_list_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the families `found` lacks in runs of titles joined by marks, and others."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    text = text_plain[:MAX_POST_CHARS]
    # a mark the whole post holds fewer than twice no line holds twice: lines count only the others
    marks = [m for m in _MARKS if text.count(m) >= _MIN_ITEMS - 1]
    if not marks:
        return []
    runs: list[list[Opening]] = []
    for line in post_lines(text):
        # a run has at least two of one mark: the count is cheaper than the pattern
        if not any(line.count(m) >= _MIN_ITEMS - 1 for m in marks):
            continue
        if not AI_OR_DS_WORD.search(line):
            continue
        runs.extend(_run_openings(field) for field in line.split(" | "))
    extra = run_openings(runs, found)
    if not extra or is_resume(text):
        return []
    return extra


def _run_openings(field: str) -> list[Opening]:
    """The openings of `field` when it is a run of titles joined by a mark."""
    content = _BULLET.sub("", field.strip(), count=1)
    label = _LABEL.match(content)
    if label is not None:
        if _OPENINGS_LABEL.search(label.group("label")) is None:
            return []
        content = content[label.end() :]
    mark = max(_MARKS, key=content.count)
    if content.count(mark) < _MIN_ITEMS - 1:
        return []
    content = without_asides(without_asides(content), "[", "]")
    items = [i.strip(" .,;-–") for i in content.split(mark.strip() if mark == "•" else mark)]
    items = [i for i in items if i]
    if len(items) < _MIN_ITEMS or any(
        len(i.split()) > _MAX_ITEM_WORDS or _PROSE_WORD.search(i) or _PERSON_ITEM.match(i)
        for i in items
    ):
        return []
    if sum(1 for i in items if _ROLE_NOUN.search(i)) < _MIN_TITLE_SHARE * len(items):
        return []
    out: list[Opening] = []
    for item in items:
        if not _ROLE_NOUN.search(item):
            continue
        parsed = classify_title(item)
        out.append(Opening(item, parsed.normalized_title, parsed.role_family, parsed.seniority))
    return out
