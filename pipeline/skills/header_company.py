"""The employer a post's header names with a tool's name ("Docker, Inc. | Remote"), and its later
mentions: the company's name written again is no skill asked for, its product asked for is."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from spacy.lang.lex_attrs import like_url
from spacy.strings import get_string_id

from jobtrends.vocabulary import NON_TECH_CATEGORIES
from pipeline.skills.rule_words import (
    COMPANY_SUBJECT_AFTER,
    COMPANY_SUBJECT_BEFORE,
    COMPANY_SUFFIXES,
    HEADER_SEPARATORS,
    INDUSTRY_SUFFIXES,
    LEGAL_SUFFIXES,
    PRODUCT_ASKED_AFTER,
    PRODUCT_ASKED_CUES,
    SENTENCE_ENDS,
)
from pipeline.skills.view import Candidate, View, is_space_hash, listed_with, word_ids

# Tokens before the company's product that a cue asking for it may stand in ("knowledge of the").
PRODUCT_CUE_WINDOW = 3
# Capitalised words of a company's name after a tool's name, its suffix last ("Acme Innovation
# Labs"): longer runs are a sentence's or a title's words.
COMPANY_NAME_WORDS = 2


_COMPANY_SUFFIXES = word_ids(COMPANY_SUFFIXES)
_PRODUCT_ASKED_CUES = word_ids(PRODUCT_ASKED_CUES)
_PRODUCT_ASKED_AFTER = word_ids(PRODUCT_ASKED_AFTER)
_LEGAL_SUFFIXES = word_ids(LEGAL_SUFFIXES)
_INDUSTRY_SUFFIXES = word_ids(INDUSTRY_SUFFIXES)
_COMPANY_SUBJECT_AFTER = word_ids(COMPANY_SUBJECT_AFTER)
_COMPANY_SUBJECT_BEFORE = word_ids(COMPANY_SUBJECT_BEFORE)
_HEADER_SEPARATORS = word_ids(HEADER_SEPARATORS)
_SENTENCE_ENDS = word_ids(SENTENCE_ENDS)
_COMMA, _FULL_STOP, _HYPHEN = get_string_id(","), get_string_id("."), get_string_id("-")
_KNOW, _WITH, _WORKING = get_string_id("know"), get_string_id("with"), get_string_id("working")


class HeaderCompany(NamedTuple):
    """The header's company named by a tool's name: its skill id and the name as written there."""

    skill_id: str
    # the text of the name's tokens, lower-cased for a tool ("docker" of "Docker, Inc. |"); an
    # industry or field keeps its case: "Blockchain |" is the company, "blockchain" the field
    form: str
    cased: bool  # whether a later mention must keep the form's case
    industry: int  # the hash of an industry suffix a later mention must carry ("clinic"), or 0


def company_field(view: View, cand: Candidate) -> bool:
    """True for a name that opens the text as the first field of a header ("Auth0 | Remote"),
    also with a company's suffix ("Acme Labs |", "Acme, Inc. -")."""
    end = cand.end
    if end >= view.n:
        return False
    if _glued_to_hyphen(view, end):
        return False  # "GO-JEK |", "C-SATS |": a name glued to a hyphen is part of a longer one
    suffixed = _company_suffix_end(view, end)
    if suffixed >= view.n:
        return suffixed > end
    end = suffixed
    # like_url from the text: the extractor's lexemes do not carry it (see skills/tokenizer.py)
    return view.at(end) in _HEADER_SEPARATORS or like_url(view.doc[end].text)


def _glued_to_hyphen(view: View, end: int) -> bool:
    """Whether a name ending at token `end` runs on into a word through a hyphen ("Go-ethereum")."""
    return (
        view.at(end) == _HYPHEN
        and not view.doc[end - 1].whitespace_
        and end + 1 < view.n
        and not view.doc[end].whitespace_
    )


def glued_header_field(view: View, cand: Candidate) -> int:
    """Where the header's first field ends when a name opening it is glued by hyphens to the rest
    ("Go-ethereum |", "Redis-Tools | Remote"): the company's name, whose names are neither
    mentions nor the company; -1 for none."""
    if not _glued_to_hyphen(view, cand.end):
        return -1
    i = cand.end
    while i + 1 < view.n and view.at(i) == _HYPHEN and not view.doc[i].whitespace_:
        i += 2  # "Acme-Foo-Bar"
    if i >= view.n or view.at(i) in _HEADER_SEPARATORS or view.is_space(i):
        return i
    return -1


def _company_suffix_end(view: View, end: int) -> int:
    """Where a company's suffix after a name ends ("Acme Labs", "Acme, Inc.", "Acme Innovation
    Labs": at most COMPANY_NAME_WORDS capitalised words, the last a suffix; after a comma only a
    legal form, "Acme, Inc."); `end` when none."""
    comma = view.at(end) == _COMMA
    i = end + 1 if comma else end
    doc = view.doc
    # a brand written in lower case has its suffix in lower case too ("dbt labs |", not "CAD
    # software")
    lower = doc[end - 1].text.islower()
    found = end
    for j in range(i, min(view.n, i + COMPANY_NAME_WORDS)):
        text = doc[j].text
        if not text[:1].isalpha() or not (lower or text[:1].isupper()):
            break  # "n8n | AI ...": a separator ends the name
        word = view.at(j)
        if word in _LEGAL_SUFFIXES or (
            not comma and (word in _COMPANY_SUFFIXES or word in _INDUSTRY_SUFFIXES)
        ):
            found = (
                j + 2 if view.at(j + 1) == _FULL_STOP else j + 1
            )  # the last: "Acme Software Inc"
    return found


def _product_asked_for(view: View, start: int, end: int) -> bool:
    """Whether a cue next to the company's own product asks for it ("Knowledge of Acme is a
    plus", "comfortable working with Acme", "Acme experience"), unlike a description ("Acme is
    the company behind")."""
    if view.at(end) in _PRODUCT_ASKED_AFTER:
        return True
    for i in range(start - 1, max(-1, start - 1 - PRODUCT_CUE_WINDOW), -1):
        word = view.at(i)
        if word == _KNOW:
            if i == start - 1:
                return True  # "You know Acme"; not "you know what Acme is"
        elif word in _PRODUCT_ASKED_CUES or (word == _WITH and view.at(i - 1) == _WORKING):
            return True
        if word in _SENTENCE_ENDS or is_space_hash(word, view):
            return False
    return False


def header_company(view: View, candidates: Sequence[Candidate]) -> HeaderCompany | None:
    """The tool's name that opens the text as the header's company, whatever the ambiguity rules
    make of it there: "Oracle | Seattle ... the Oracle Kubernetes Engine" names the employer
    twice, though the first "Oracle" alone is no tool. Not a language's short name (the `list`
    rule): "Go | San Francisco ... Python, Go, Objective-C" names the company, then the language.
    An industry or other non-tool term names it only as written ("Blockchain | ... Blockchain is
    hiring"; not "Healthcare | Acme | ... Background in healthcare")."""
    if not candidates:
        return None
    first = candidates[0].start
    if any(not view.is_space(i) for i in range(first)):
        return None
    company = None
    for cand in candidates:
        if cand.start != first:
            break
        if cand.rule != "list" and company_field(view, cand):
            company = cand  # the one that ends at the separator
    return None if company is None else header_company_of(view, company)


def header_company_of(view: View, company: Candidate) -> HeaderCompany:
    """The header's company named by a candidate that opens the text as its first field."""
    end = company.end
    industry = view.at(end)
    if industry not in _INDUSTRY_SUFFIXES or _company_suffix_end(view, end) != end + 1:
        industry = 0  # "Acme Health |" alone: not "Acme Health Inc |", "Acme Labs |"
    cased = company.category in NON_TECH_CATEGORIES
    form = view.doc[company.start : end].text
    return HeaderCompany(company.skill_id, form if cased else form.lower(), cased, industry)


def _span_form(view: View, start: int, end: int, lower: bool) -> str:
    """The text of tokens start..end, its spaces as written, lower-cased if `lower`."""
    text = view.doc[start:end].text
    return text.lower() if lower else text


def _named_as_company(view: View, start: int, end: int, industry: int) -> bool:
    """Whether a mention names a company whose trading name ends in an industry: with that word
    after it ("Maven Clinic"), or as the subject or the place of work ("Maven is", "at Maven")."""
    after = view.at(end)
    return (
        after == industry
        or after in _COMPANY_SUBJECT_AFTER
        or view.at(start - 1) in _COMPANY_SUBJECT_BEFORE
    )


def _written_as(text: str, company: HeaderCompany) -> bool:
    """Whether a mention's text names the company as the header does: the same name, the name
    with more words or letters or its domain ("tailwind css", "acme.io", "AcmeDB"), the same
    letters spaced otherwise ("Hugging Face"), or the name's initials ("AWS" for "Amazon Web
    Services |", and the other way round)."""
    form = company.form
    if text == form:
        return True
    if company.cased:
        return False  # an industry or field: only as written ("Blockchain", not "blockchain")
    if text.startswith(form) and text[len(form) : len(form) + 1] in (" ", "."):
        return True
    if form.endswith(" " + text):
        return True  # "AWS" for "Amazon AWS |"
    squashed, form_squashed = _squashed(text), _squashed(form)
    if squashed.startswith(form_squashed) or form_squashed.startswith(squashed):
        return True  # "Hugging Face" for "HuggingFace |", "TimescaleDB" for "Timescale |"
    return _initials(text) == form.lower() or _initials(form) == text.lower()


def _squashed(text: str) -> str:
    """A name's letters and digits in lower case ("huggingface" of "Hugging Face")."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _initials(text: str) -> str:
    """The lower-case initials of a name of several words ("aws"), or "" for one word."""
    words = text.split()
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def company_mentions(
    view: View, spans: list[tuple[int, int, str]], company: HeaderCompany, fields: set[int]
) -> list[tuple[int, int, str]]:
    """The spans minus later mentions of the header's company written as in the header, with the
    names inside them ("Cache" of "Acme Cache"); its product stays where a sentence asks for it
    ("Knowledge of Acme is a plus") or a list holds it with other tools ("We use Acme, Go"; not
    "open source, Acme has grown"). `fields`: the tokens of mentions that name no tool."""
    named = [s for s in spans if s[2] == company.skill_id]
    named = [
        s
        for s in named
        if _written_as(_span_form(view, s[0], s[1], not company.cased), company)
        and (not company.industry or _named_as_company(view, s[0], s[1], company.industry))
    ]
    if not named:
        return spans
    others = {t for s in spans if s[2] != company.skill_id for t in range(s[0], s[1])}
    tools = others - fields
    out = [
        (a, b)
        for a, b, _ in named
        if not _product_asked_for(view, a, b)
        and (view.at(b) in _COMPANY_SUBJECT_AFTER or not listed_with(view, tools, a, b))
    ]
    if not out:
        return spans
    # a sweep over the left-out spans in text order: the furthest end among those starting at or
    # before a span's start tells whether one holds it (linear in the spans, not their product)
    starts = [a for a, _ in out]
    reach: list[int] = []
    furthest = -1
    for _, b in out:
        furthest = max(furthest, b)
        reach.append(furthest)
    kept = []
    for s in spans:
        k = bisect_right(starts, s[0]) - 1
        if k < 0 or reach[k] < s[1]:
            kept.append(s)
    return kept
