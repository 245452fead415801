"""Engineering titles whose parenthesis of areas holds an AI area, in a header or a short line.

"Software Engineers (LLM/backend/data infra, very product-y)", "Senior Systems Architect (Backend
/ AI-Native / Not a CRUD Role)", "Software Engineers (Machine Learning, Computer Vision)",
"Research Engineer (perception, computer vision, NN, etc)": the parenthesis names the areas of
the opening, and an AI area among them qualifies it (docs/roles.md, "A listed title's areas on
its line"). The list reader keeps such a title only when the parenthesis is short and the line a
list item; here any header field or short line counts, when one item of the parenthesis is an AI
area on its own. A parenthesis worded as a requirement ("(with AI/ML)", "(Machine Learning, ...
experience a plus)") is none, and the title with the area must read as an AI engineer ("Data
Engineer (ML)" and "Support Engineer (AI)" stay other).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS, REQUIREMENT_WORD
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening, classify_title

_AI = "ai_engineer"
# Up to four words before the engineering noun, then the parenthesis.
_TITLE_ASIDE = re.compile(
    r"(?P<title>(?:[A-Za-z][\w.+#-]*\s+){0,4}"
    r"(?:engineers?|developers?|architects?|SWEs?|programmers?))\s*\((?P<aside>[^()]{2,120})\)",
    re.I,
)
# The part of every _TITLE_ASIDE match that is quick to find: the noun and its parenthesis. A line
# without it is not searched (the full pattern tries up to four words before the noun at every
# letter of the line).
_NOUN_PAREN = re.compile(r"(?:engineer|developer|architect|swe|programmer)s?\s*\(", re.I)
# Words that open the sentence around a title, not the title ("We are hiring for engineers").
_LEAD_WORDS = frozenset(
    "a an the for hiring hire need needs are is we our and or of with to looking seeking some "
    "two three several multiple also currently now".split()
)
_SENTENCE_END = re.compile(r"(?<!\bSr)(?<!\bJr)(?<!\bSnr)[.!?]\s+")
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:/|,|;|\+|&|\band\b|\bor\b)\s*", re.I)
# An item that is an AI area by itself ("LLM", "AI-Native", "Computer Vision", "ML Infra").
_AI_AREA = re.compile(
    r"^(?:applied\s+|generative\s+|agentic\s+|conversational\s+)?"
    r"(?:AI|A\.I\.|ML|LLMs?|GenAI|NLP|computer\s+vision|deep\s+learning|machine[- ]learning|MLOps)"
    r"(?:[- ](?:native|first|powered|driven|agents?|infra(?:structure)?|platform|systems?))?$",
    re.I,
)
# Lines longer than this are paragraphs, read by the sentence readers.
_MAX_LINE_CHARS = 200
# _TITLE_ASIDE needs one of these nouns: an ASCII line without any is not searched (a non-ASCII
# one always is, since case-insensitive matching folds letters that lower() leaves alone).
_ROLE_NOUNS = ("engineer", "developer", "architect", "swe", "programmer")


def area_aside_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """AI engineer openings of titles with an AI area in their parenthesis, when `found` has none."""
    if any(o.role_family == _AI for o in found) or "(" not in text_plain:
        return []
    text = text_plain[:MAX_POST_CHARS]
    extra: list[Opening] = []
    for i, line in enumerate(post_lines(text)):
        if "(" not in line or (i and len(line) > _MAX_LINE_CHARS):
            continue
        extra.extend(_line_openings(line))
    if not extra or is_resume(text):
        return []
    return extra[:1]


@lru_cache(maxsize=65_536)
def _line_openings(line: str) -> tuple[Opening, ...]:
    """The AI engineer openings one line names as a title and a parenthesis of areas."""
    found: list[Opening] = []
    if line.isascii():
        low = line.lower()
        if not any(noun in low for noun in _ROLE_NOUNS):
            return ()
    if _NOUN_PAREN.search(line) is None:
        return ()
    for m in _TITLE_ASIDE.finditer(line):
        aside = m.group("aside")
        if REQUIREMENT_WORD.search(aside):
            continue
        # the title starts after the last sentence end before it ("... search engine. Need engineers")
        words = _SENTENCE_END.split(m.group("title"))[-1].split()
        while words and words[0].lower() in _LEAD_WORDS:
            words.pop(0)
        area = next((a for a in _ITEM_SEP.split(aside.strip(" .")) if _AI_AREA.match(a)), None)
        if not words or area is None:
            continue
        title = " ".join(words)
        parsed = classify_title(f"{title}, {area}")
        if parsed.role_family == _AI:
            found.append(
                Opening(
                    title=f"{title} ({aside.strip()})",
                    normalized_title=parsed.normalized_title,
                    role_family=_AI,
                    seniority=parsed.seniority,
                )
            )
    return tuple(found)
