"""Long comma runs of titles on one line, past the length the list readers accept.

"Open Roles: Director of Data Acquisition, Data Platform Engineer, ... (twenty more) ... Senior NLP
Software Engineer, Senior UX Designer, ...": a line that is nothing but titles, one after the
other, names each as an opening however long it is (docs/roles.md, "Long comma runs of
titles"). The list readers stop at a word count, so that no paragraph is taken for a list; here
the run must be mostly titles instead: most of its items end in a role noun.
"""

from __future__ import annotations

import re

from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS, without_asides
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening, classify_title

_FAMILIES = ("ai_engineer", "data_scientist")
# A run shorter than this is read by the list readers.
_MIN_ITEMS = 5
# The share of items that must end in a role noun: a run of titles, not of skills or areas.
_MIN_TITLE_SHARE = 0.75
# An item longer than this is a clause, not a title.
_MAX_ITEM_WORDS = 7
_LABEL = re.compile(r"^[^:,]{1,40}:\s*")
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*[,;]\s*(?:(?:and|or)\s+)?", re.I)
_ROLE_NOUN = re.compile(
    r"\b(?:engineers?|scientists?|developers?|designers?|managers?|directors?|recruiters?|"
    r"representatives?|executives?|analysts?|architects?|researchers?|technicians?|leads?|"
    r"specialists?|administrators?|writers?|interns?|VP of [A-Za-z ]+|head of [A-Za-z ]+)$",
    re.I,
)
# Words of a sentence, never of a title ("small teams with other data scientists").
_PROSE_WORD = re.compile(r"\b(?:you|your|we|our|us|with|other|the|who|can|will|to|on)\b", re.I)
_AI_OR_DS_WORD = re.compile(
    # the look-ahead for the words' first letters spares trying each word at every word start
    r"\b(?=[acdlmns])(?:ML|AI|NLP|LLM|machine learning|deep learning|computer vision|data scien|scientist)",
    re.I,
)


def title_run_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """AI and data-science openings of long title runs, of the families `found` lacks."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or text_plain.count(",") < _MIN_ITEMS - 1:
        return []
    text = text_plain[:MAX_POST_CHARS]
    extra: list[Opening] = []
    for line in post_lines(text):
        if line.count(",") < _MIN_ITEMS - 1 or not _AI_OR_DS_WORD.search(line):
            continue
        for opening in _run_openings(line):
            if opening.role_family not in have:
                extra.append(opening)
                have.add(opening.role_family)
    if not extra or is_resume(text):
        return []
    return extra


def _run_openings(line: str) -> list[Opening]:
    """The AI and data-science openings of `line` when it is a run of titles."""
    content = _LABEL.sub("", line.strip(), count=1)
    content = without_asides(content)
    items = [i.strip(" .") for i in _ITEM_SEP.split(content) if i.strip(" .")]
    if len(items) < _MIN_ITEMS or any(
        len(i.split()) > _MAX_ITEM_WORDS or _PROSE_WORD.search(i) for i in items
    ):
        return []
    titles = sum(1 for i in items if _ROLE_NOUN.search(i))
    if titles < _MIN_TITLE_SHARE * len(items):
        return []
    out: list[Opening] = []
    for item in items:
        parsed = classify_title(item)
        if parsed.role_family in _FAMILIES:
            out.append(Opening(item, parsed.normalized_title, parsed.role_family, parsed.seniority))
    return out
