"""Whether a title ends in a person noun ("Web Engineer") or in a thing ("Developer Tools")."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.titles import parse_title

# Where a title's head noun ends: a complement ("Head of Growth") or a bracket follows it.
_HEAD_END = re.compile(r"\s(?:of|at|for|in)\s|[(\[,]", re.I)
_TITLE_WORD = re.compile(r"[\w+#.]+")
_LEADER = "vice president"  # "VP Engineering": the area after a leader is the title's own
_GRADES = frozenset({"I", "II", "III", "IV", "V"})  # "Engineer II": a grade after the noun
_LEARNERS = frozenset({"intern", "interns", "apprentice", "apprentices"})  # no role head


@lru_cache(maxsize=65_536)  # list pieces and headings recur across reposts
def names_a_person(title: str) -> bool:
    """Whether a title ends in a person noun ("Web Engineer", "Head of Growth"), not an activity
    or a thing ("Engineering Values", "Data Engineering", "Developer Tools")."""
    # "(Senior) Back-end developer", "Python Developer / DevOps", "Scientist II"
    text = title.strip()
    if text.startswith("("):
        text = text.split(")", 1)[-1]
    for part in text.split("/"):
        words = _TITLE_WORD.findall(_HEAD_END.split(part, 1)[0])
        while words and words[-1].upper() in _GRADES:
            words.pop()
        if not words:
            continue
        last = parse_title(words[-1])
        if last.kind == "role" and last.head_noun not in ("", "engineering"):
            return True
        if words[-1].lower() in _LEARNERS:
            return True
        if len(words) > 1 and parse_title(words[0]).head_noun == _LEADER:
            return True
    return False
