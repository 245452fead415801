"""Openings a post lists one per line in forms the line reader does not know as list items.

Posts list their openings with bracketed numbers ("[1] Senior Software Engineer, AI tools
(US/Canada)", "[2] Sales Engineer (UK)"), or as lines that give a title, a one-sentence
description and the link to apply ("Data Scientist: Join our data science team on manufacturing
use cases. https://jobs..."). A bracketed number is as often a footnote ("[1]: https://...")
and a "Word: sentence link" line as often a page ("Careers: see https://..."), so both count
only as a list: at least two such lines in the post, each line's title a role. A line written
as a headline, every longer word capitalised, that opens with a title and goes on with its
purpose ("Statisticians & Data Scientists to Focus on the Energy Industry") names its opening
like a list item does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.header_fields import title_before_prose
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE, TITLE_WORDS
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.opening_lines import _TITLE_FOLLOWER as TITLE_FOLLOWER
from pipeline.roles.opening_lines import _title_span as title_span
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening, parse_title
from pipeline.roles.wording import has_ai_word, is_prose

# "[1] Senior Software Engineer, back-end Go (US/Canada)"; a footnote's colon or link after the
# number ("[1]: https://...", "[2] https://...") is no title.
_BRACKETED = re.compile(r"^\s*\[\d{1,2}\]\s+(?!https?:|www\.)(?P<body>[^\s:].{2,150})$")
# "Data Scientist: Join our ... team ... https://jobs..." (an optional bullet before the title)
_TITLE_DESCRIBED = re.compile(
    r"^\s*(?:[-*•·▪]\s*)?(?P<title>[A-Za-z][^:|]{2,70}?)\s*:\s+(?P<desc>[^\s:].{9,400}?)\s*"
    r"(?:https?://|www\.)\S+\s*$"
)
# A headline: words of this many letters or more are capitalised ("to", "on", "the" are not).
_HEADLINE_MIN_LETTERS = 4
# A headline is short; a longer capitalised line is a list of names or a shouted sentence.
_HEADLINE_MAX_WORDS = 12
_HEADLINE_MAX_CHARS = 120
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "Research Engineers: Deep Learning & Computer Vision": a short AI area after the headline's
# colon is its titles' area; a longer remainder is a description.
_MAX_AREA_WORDS = 5
# Two lines of the same form make a list; one is as often a footnote or a page.
_MIN_LINES = 2
_FAMILIES = COMPARED_ROLES
# Lines repeat across monthly reposts and the readers of one post.
_CACHED_LINES = 65_536


def title_line_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families listed one per line in the forms above that `found` lacks,
    with the other titles of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    lines = post_lines(text)[1:]
    listed: list[tuple[Spec, ...]] = []
    for pattern, group, may_match in (
        (_BRACKETED, "body", _may_be_bracketed),
        (_TITLE_DESCRIBED, "title", _may_be_described),
    ):
        candidates = filter(may_match, lines)
        titles = [m.group(group) for m in map(pattern.match, candidates) if m is not None]
        specs = [_title_specs(t) for t in titles]
        named = [s for s in specs if s]
        if len(named) >= _MIN_LINES:
            listed.append(tuple(spec for specs in named for spec in specs))
    # a longer line is no headline (the test _headline_title makes first, before its cache)
    headlines = (line for line in lines if len(line) <= _HEADLINE_MAX_CHARS)
    listed.extend(specs for specs in map(_headline_title, headlines) if specs)
    if not listed or is_resume(text):
        return []
    return list_openings(listed, found)


def _may_be_bracketed(line: str) -> bool:
    """False when line lacks the bracket _BRACKETED needs (a quick test before the pattern)."""
    return "[" in line


def _may_be_described(line: str) -> bool:
    """False when line lacks the colon or the link _TITLE_DESCRIBED needs (a quick test)."""
    return ":" in line and ("http" in line or "www." in line)


@lru_cache(maxsize=_CACHED_LINES)
def _title_specs(text: str) -> tuple[Spec, ...]:
    """The specs of a line's title when it reads as one: short, no sentence, a role noun."""
    # a short parenthesis is a place or a team; the AI words in it still qualify the title
    bare = PAREN_ASIDE.sub("", text).strip(" .,;-–—")
    if not bare or len(bare.split()) > TITLE_WORDS or is_prose(bare):
        return ()
    if parse_title(bare).kind != "role":
        return ()
    return item_specs(text.strip(" .,;"))


@lru_cache(maxsize=_CACHED_LINES)
def _headline_title(line: str) -> tuple[Spec, ...]:
    """The title a headline-cased line opens with, when a description word follows it."""
    # the cheap tests first: a sentence's end, then the words
    if len(line) > _HEADLINE_MAX_CHARS or line.rstrip()[-1:] in ".:!?":
        return ()
    words = _WORD.findall(line)
    if not 3 <= len(words) <= _HEADLINE_MAX_WORDS:
        return ()
    if any(w[0].islower() for w in words if len(w) >= _HEADLINE_MIN_LETTERS):
        return ()
    span = title_span(line.strip(), TITLE_FOLLOWER)
    # the title must be followed by a description: a line that is only a title is the header
    # reader's and the line reader's
    if not span or len(span) >= len(line.strip()) - 1:
        return ()
    rest = line.strip()[len(span) :]
    if rest.startswith(":"):
        area = rest[1:].strip()
        if len(area.split()) <= _MAX_AREA_WORDS and has_ai_word(area):
            return title_before_prose(f"{span} ({area})", TITLE_WORDS)
    return title_before_prose(span, TITLE_WORDS)
