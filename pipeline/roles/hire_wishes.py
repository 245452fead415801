"""Openings a post names after hiring verbs the sentence reader does not know.

"We are seeking to hire a highly motivated Associate Data Scientist to join our team", "we'd like
to hire a Data Scientist and Technical Account manager asap", "Current openings are malware
analyst, data scientist and software engineer": the poster's wish to hire and a statement of the
current openings name the roles after them. The list is read up to its first word of prose and
counts only when it names a complete role (docs/roles.md, "Wishes to hire and current openings").
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, MAX_POST_CHARS, before_list_tail
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lowered, post_lines
from pipeline.roles.titles import Opening

_WISH = re.compile(
    r"(?:\b(?:we|i)(?:['’]d|\s+would)\s+(?:like|love)\s+to\s+hire"
    r"|\b(?:we|i)(?:['’]re|\s+are|\s+am)\s+(?:also\s+|currently\s+|now\s+)?seeking\s+to\s+hire"
    r"|(?:^|[.!?]\s+)(?:our\s+)?(?:current|open)\s+(?:openings|positions|roles|vacancies)\s+"
    r"(?:are|include)\s*:?)"
    r"\s+(?:an?\s+|the\s+)?(?P<list>[^.!?;\n()]+)",
    re.I,
)
# Substrings of every form of `_WISH`, tested on the lowered post before the pattern runs.
_WISH_WORDS = tuple(
    ["to hire"]
    + [
        f"{noun} {verb}"
        for noun in ("openings", "positions", "roles", "vacancies")
        for verb in ("are", "include")
    ]
)
_FAMILIES = COMPARED_ROLES
# A wish for later is no opening today ("We'd love to hire a data scientist next year").
_LATER = re.compile(
    r"\b(?:next\s+(?:year|month|quarter|spring|summer|fall|autumn|winter)|some\s?day|one\s+day|"
    r"eventually|in\s+the\s+(?:future|long\s+run|coming\s+\w+)|down\s+the\s+(?:road|line)|"
    r"later\s+(?:on|this\s+year)|in\s+\d{4}|once\s+we)\b",
    re.I,
)
# "a highly motivated Associate Data Scientist": the adverb before the filler adjective goes with
# it (only here: elsewhere "highly" opens titles the other readers keep whole).
_HIGHLY = re.compile(r"^\s*(?:an?\s+)?highly[\s-]+", re.I)
# The marks a sentence starts after, looked for backwards from a wish.
_SENTENCE_MARKS = (". ", "! ", "? ", "; ")


def _holds_wish_word(line: str) -> bool:
    """Whether the lower-case line holds a wish word (lower-cased once, not once a word)."""
    low = line.lower()
    return any(word in low for word in _WISH_WORDS)


def hire_wish_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named after a wish to hire or as the current openings that
    `found` lacks, with the other roles of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    low = lowered(text)
    if not any(word in low for word in _WISH_WORDS) or not AI_OR_DS_WORD.search(text):
        return []
    lists = [
        _line_specs(line)
        for line in post_lines(text)
        if _holds_wish_word(line) and AI_OR_DS_WORD.search(line)
    ]
    lists = [specs for specs in lists if specs]
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)


@lru_cache(maxsize=16_384)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The roles one line wishes to hire or states as open, when a complete role is among them."""
    found: list[Spec] = []
    for m in _WISH.finditer(line):
        start = max(line.rfind(mark, 0, m.start()) for mark in _SENTENCE_MARKS) + 1
        if _LATER.search(line, start, m.end()) is not None:
            continue
        phrase = until_prose(before_list_tail(_HIGHLY.sub("", m.group("list"))))
        specs = [s for s in item_specs(phrase) if s[0].kind != "none"] if phrase else []
        if any(s[0].kind == "role" for s in specs):
            found.extend(specs)
    return tuple(found)
