"""Data scientists an HN post hires in prose the list and sentence readers miss.

Older posts write their openings as prose: "My team is looking hard for data scientists", "We're
actively trying to hire Software Engineers (front end and back end) and Data Scientists (ML
focus)", "we are looking for all types to come on board! Software engineers, DevOps, Data
Scientists, ...", and name the openings by their discipline: "two roles, a data science role and a
research engineer role", "If interested in data science openings please email me", "View all Data
Science roles: <link>". The people the hires work with, help or serve are no openings ("an
engineer to work closely with our data scientists", "tools for data scientists", "helping
researchers, developers and data scientists"), nor are the members of a team ("a team of
engineers and data scientists"), nor a role the post's own title has named ("This clinical data
science role will ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening, classify_title

_FAMILY = "data_scientist"
# The poster hiring: a first-person subject (or "my/our team") and a hiring verb, with a few
# adverbs between ("we're actively trying to hire", "is looking hard for").
_HIRING = re.compile(
    r"\b(?:we|we're|we’re|we\s+are|i'm|i’m|i\s+am|(?:my|our)\s+team(?:\s+at\s+\S+)?\s+is)\s+"
    r"(?:(?:also|now|currently|actively|always|really|still|urgently|trying\s+to)\s+)*"
    r"(?:hiring|hire|recruiting|seeking|searching\s+for|looking(?:\s+hard)?\s+for)\b",
    re.I,
)
_SCIENTIST = re.compile(r"\bdata\s+scientists?\b", re.I)
_SENTENCE_END = re.compile(r"[.?!;](?:\s|$)")
# Words right before "data scientist" that make it the people the hire works with, serves or
# joins, not the hire ("with our data scientists", "tools for data scientists", "a team of data
# scientists").
_NOT_HIRED_BEFORE = re.compile(
    r"\b(?:with|alongside|our|their|your|the|for|by|of|to|from|like|as|among|other|fellow|"
    r"help|helps|helping|support|supports|supporting|enable|enables|empower|empowers|serve|"
    r"serves|former|ex|including\s+our)\s*$",
    re.I,
)
# A coordinated run of short items before the data scientist ("researchers, developers and"):
# the word before the run says whom the whole run is ("helping researchers, ... and data
# scientists").
_RUN_BEFORE = re.compile(r"(?:[\w-]+(?:\s+[\w-]+)?\s*(?:,|\band\b|\bor\b|&)\s*)+$", re.I)
# Words between the hiring verb and the data scientist that make the scientists the users or the
# community the hire serves ("a designer ... used by our community of 250,000 data scientists"),
# or an open invitation rather than an opening ("always looking for kind people, so if you're an
# engineer or data scientist, get in touch").
_SERVED = re.compile(
    r"\b(?:help|helps|helping|used\s+by|community|users|customers|clients|team\s+of|for\s+our|"
    r"with\s+our|if\s+you)\b",
    re.I,
)
# How far after the hiring verb a data scientist still belongs to its sentence's list of hires.
_MAX_HIRE_GAP = 220
# "a data science role", "data science openings", "Data Science roles:" name the openings by
# their discipline.
_DISCIPLINE_OPENINGS = re.compile(
    r"\bdata\s+science\s+(?:roles?|openings?|positions?|vacanc(?:y|ies))\b", re.I
)
# "This clinical data science role will ..." describes the post's own titled job (an analyst's),
# which the title readers have read.
_THIS_ROLE = re.compile(r"\b(?:this|the)\s+(?:[\w-]+\s+)?$", re.I)
# "a data engineer / data science position" is one job of the other title.
_JOINED_BEFORE = re.compile(r"/\s*$")
# Who fills such roles for others is no opening of the poster's ("we help companies fill data
# science roles", "a job board for data science positions").
_FOR_OTHERS = re.compile(
    r"\b(?:help(?:s|ing)?\s+(?:\w+\s+){0,2}fill|boards?|platform|marketplace|candidates\s+for)\b",
    re.I,
)
_LINE_WORDS = ("data scien",)


def data_science_hire_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """A data-scientist opening a post hires in prose or names by its discipline, when `found`
    has none."""
    text = text_plain[:MAX_POST_CHARS]
    if any(o.role_family == _FAMILY for o in found) or "data scien" not in text.lower():
        return []
    for line in lines_holding(text, _LINE_WORDS):
        title = _hired_title(line)
        if title:
            return [] if is_resume(text) else [classify_title(title)]
    return []


@lru_cache(maxsize=65_536)
def _hired_title(line: str) -> str:
    """The data-science title a line hires, or ""."""
    for m in _DISCIPLINE_OPENINGS.finditer(line):
        before = line[max(0, m.start() - 60) : m.start()]
        if not (
            _FOR_OTHERS.search(before) or _THIS_ROLE.search(before) or _JOINED_BEFORE.search(before)
        ):
            return "Data Science"
    for m in _HIRING.finditer(line):
        rest = line[m.end() : m.end() + _MAX_HIRE_GAP]
        end = _SENTENCE_END.search(rest)
        sentence = rest[: end.start()] if end else rest
        for s in _SCIENTIST.finditer(sentence):
            before = sentence[: s.start()]
            if _SERVED.search(before):
                continue
            run = _RUN_BEFORE.search(before)
            if not _NOT_HIRED_BEFORE.search(before[: run.start()] if run else before):
                return s.group(0)
    return ""
