"""Titles joined by a mark other than a comma on one line.

"iOS Software Engineer - Android Engineer - Machine Learning Engineer - Data Scientist - UI/UX
Designer", "* Software engineering: Full-stack Software Engineer - Front-end Software Engineer -
Machine Learning Engineer", "Solutions Engineer <> Security Engineer <> ... <> ML Engineers",
"Backend Senior Software Engineer (python) * Data Engineer * Data Scientist | SAN FRANCISCO": a
run of titles joined by " - ", " * ", " • ", " <> " or " + " names each as an opening
(docs/roles.md, "Titles joined by marks"). The list readers split on commas, and read the first
title of such a run only; here the run must be titles: most of its items end in a role noun.
"""

from __future__ import annotations

import re

from pipeline.roles.hiring_lists import _is_resume as is_resume
from pipeline.roles.hn_posts import _MAX_POST as MAX_POST_CHARS
from pipeline.roles.titles import Opening, classify_title

_FAMILIES = ("ai_engineer", "data_scientist")
# Fewer items than this are a title and its team or place ("Data Scientist - Growth - NYC").
_MIN_ITEMS = 3
# The share of items that must end in a role noun: a run of titles, not of areas or places.
_MIN_TITLE_SHARE = 0.75
# An item longer than this is a clause, not a title.
_MAX_ITEM_WORDS = 7
# The marks that join titles; one mark joins all items of a run.
_MARKS = (" - ", " – ", " * ", " • ", "•", " <> ", " + ")
_LEAD = re.compile(r"^\s*(?:[-*•+–]\s+)?(?:[^:,|]{1,40}:\s*)?")
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
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
_AI_OR_DS_WORD = re.compile(
    r"\b(?:ML|AI|NLP|LLM|MLOps|machine learning|deep learning|computer vision|data scien)", re.I
)


def mark_list_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """AI and data-science openings of runs of titles joined by marks, of the families `found`
    lacks."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    text = text_plain[:MAX_POST_CHARS]
    if not any(text.count(m) >= _MIN_ITEMS - 1 for m in _MARKS):
        return []
    extra: list[Opening] = []
    for line in text.split("\n"):
        # a run has at least two of one mark: the count is cheaper than the pattern
        if not any(line.count(m) >= _MIN_ITEMS - 1 for m in _MARKS):
            continue
        if not _AI_OR_DS_WORD.search(line):
            continue
        for field in line.split(" | "):
            for opening in _run_openings(field):
                if opening.role_family not in have:
                    extra.append(opening)
                    have.add(opening.role_family)
    if not extra or is_resume(text):
        return []
    return extra


def _run_openings(field: str) -> list[Opening]:
    """The AI and data-science openings of `field` when it is a run of titles joined by a mark."""
    content = _LEAD.sub("", field.strip(), count=1)
    mark = max(_MARKS, key=content.count)
    if content.count(mark) < _MIN_ITEMS - 1:
        return []
    while _PAREN.search(content):
        content = _PAREN.sub("", content)
    items = [i.strip(" .,;-–") for i in content.split(mark.strip() if mark == "•" else mark)]
    items = [i for i in items if i]
    if len(items) < _MIN_ITEMS or any(
        len(i.split()) > _MAX_ITEM_WORDS or _PROSE_WORD.search(i) for i in items
    ):
        return []
    if sum(1 for i in items if _ROLE_NOUN.search(i)) < _MIN_TITLE_SHARE * len(items):
        return []
    out: list[Opening] = []
    for item in items:
        if not _ROLE_NOUN.search(item):
            continue
        parsed = classify_title(item)
        if parsed.role_family in _FAMILIES:
            out.append(Opening(item, parsed.normalized_title, parsed.role_family, parsed.seniority))
    return out
