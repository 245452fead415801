"""Roles a hiring sentence names one after the other, each with its article.

"We're looking for a software engineer to develop openpilot, an ML Engineer / Data Scientist, a
Safety Engineer, ...", "We are looking to hire a senior UI / UX designer in Bangalore & an ML
engineer in Palo Alto": after the poster hiring, a chain of "a/an <title>" joined by commas, "&",
"and" or "or" names each title as an opening (docs/roles.md, "Chains of titles with articles"). The
sentence readers read the first object only; here each link must be a title with its article,
and the chain stops where a link says whom the hire works with ("a developer to work with the
CTO, a data scientist and a designer" hires a developer only).
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import AI_OR_DS_WORD, MAX_POST_CHARS
from pipeline.roles.list_others import run_openings
from pipeline.roles.post_text import lowered
from pipeline.roles.titles import Opening, classify_title

_FAMILIES = COMPARED_ROLES
# The poster hiring: "we're looking for", "I am hiring", or a sentence opening "Looking for".
# "We're not looking for", "we are no longer hiring" are no cue.
_HIRING_CUE = re.compile(
    r"(?:\b(?:we|i)(?:'re|'m|’re|’m|\s+are|\s+am)?\s+"
    r"(?:(?!not\b|no\b|never\b)[a-z]+\s+){0,3}?|^\s*)"
    r"(?:looking\s+(?:to\s+hire|for)|hiring|seeking|searching\s+for|recruiting|"
    r"(?:want|trying|need)\s+to\s+hire)\s+",
    re.I,
)
# Substrings of every cue, tested on the lowered post before any pattern runs.
_CUE_WORDS = ("looking", "hiring", "seeking", "searching", "recruiting", "to hire")
_SENTENCE_END = re.compile(r"(?<!\bSr)(?<!\bJr)(?<!\bvs)[.!?;:]\s+|\n")
# The marks a sentence starts after, looked for backwards from a cue word.
_SENTENCE_MARKS = (". ", "! ", "? ", "; ", ": ", "\n")
_LINK = re.compile(
    r"(?:(?<!\s)|(?!\s))(?:\s*(?:,|&|\+)\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)", re.I
)
_ARTICLE = re.compile(r"^(?:a|an|one|another)\s+", re.I)
# Where a title ends inside its link: a place, a purpose, a relative clause or a requirement.
_TITLE_END = re.compile(
    r"\s+(?:in|to|who|that|which|with|for|at|on|from|based|as|of|willing|able|"
    r"interested|passionate|excited|located)\b|\s+[(\[-]",
    re.I,
)
# A link that says whom the hire works with, or names people after its title ("a designer to make
# tools for a data scientist"), ends the chain: the links after it are colleagues or users.
_COLLEAGUE = re.compile(
    r"\b(?:with|alongside|beside|besides|under|report|reports|reporting|support|supporting|"
    r"assist|help|helping|join|joining|among|including|like|such)\b",
    re.I,
)
_ROLE_NOUN = re.compile(
    r"\b(?:engineers?|scientists?|developers?|designers?|managers?|directors?|analysts?|"
    r"architects?|researchers?|leads?|specialists?|programmers?|hackers?|interns?)$",
    re.I,
)
# A role noun anywhere in a link's words after its title: people the hire works with or for.
_PEOPLE = re.compile(
    r"\b(?:engineers?|scientists?|developers?|designers?|managers?|directors?|analysts?|"
    r"architects?|researchers?|leads?|specialists?|programmers?|hackers?|interns?)\b",
    re.I,
)
# A title longer than this is a clause.
_MAX_TITLE_WORDS = 6
# The chain names at least this many titles: one alone is the sentence readers' to read.
_MIN_LINKS = 2


def article_list_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the families `found` lacks in chains of titles after a cue, and their others."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    text = text_plain[:MAX_POST_CHARS]
    low = lowered(text)
    chains: list[list[Opening]] = []
    for sentence in _cued_sentences(text, low):
        cue = _HIRING_CUE.search(sentence)
        if cue is not None:
            chains.append(_chain_openings(sentence[cue.end() :]))
    extra = run_openings(chains, found)
    if not extra or is_resume(text):
        return []
    return extra


def _cued_sentences(text: str, low: str) -> list[str]:
    """The sentences of `text` with a cue word, two articles and an AI or data-science word."""
    # found from the cue words (str.find), so a post without them costs no pattern
    starts: set[int] = set()
    sentences: list[str] = []
    for word in _CUE_WORDS:
        at = low.find(word)
        while at >= 0:
            end_match = _SENTENCE_END.search(text, at)
            end = end_match.start() if end_match else len(text)
            tail = low[at:end]
            if tail.count(" a ") + tail.count(" an ") >= _MIN_LINKS and AI_OR_DS_WORD.search(
                text, at, end
            ):
                start = max(low.rfind(mark, 0, at) for mark in _SENTENCE_MARKS) + 1
                if start not in starts:
                    starts.add(start)
                    sentences.append(text[start:end])
            at = low.find(word, end)
    return sentences


def _chain_openings(tail: str) -> list[Opening]:
    """The openings of the chain of "a/an <title>" links that opens `tail`."""
    titles: list[str] = []
    for link in _LINK.split(tail):
        article = _ARTICLE.match(link)
        if article is None:
            break
        rest = link[article.end() :]
        end = _TITLE_END.search(rest)
        title = (rest[: end.start()] if end else rest).strip()
        if len(title.split()) > _MAX_TITLE_WORDS or not _ROLE_NOUN.search(title):
            break
        titles.append(title)
        if end and (_COLLEAGUE.search(rest, end.start()) or _PEOPLE.search(rest, end.start())):
            break
    if len(titles) < _MIN_LINKS:
        return []
    out: list[Opening] = []
    for title in (part for t in titles for part in _roles_of(t)):
        parsed = classify_title(title)
        out.append(Opening(title, parsed.normalized_title, parsed.role_family, parsed.seniority))
    return out


def _roles_of(title: str) -> list[str]:
    """The roles of a link: "ML Engineer / Data Scientist" names two, each ending in its noun."""
    parts = [p.strip() for p in title.split(" / ")]
    if len(parts) > 1 and all(_ROLE_NOUN.search(p) for p in parts):
        return parts
    return [title]
