"""Openings an HN post lists inside a sentence or a header field ("Open roles: A, B, C").

The line reader of the HN classifier finds openings in the header, in body lists and after a
hiring verb at the start of a phrase. Posts of every era also list their openings mid-sentence,
after a cue that is not a hiring verb ("We have multiple roles open: Backend Engineer, Data
Scientist", "Positions include ...", "openings in backend, QA, data science"), across
semicolons ("hiring devs for mobile; SDETs; data scientists; and PMs"), around parentheses ("a
Senior Backend Engineer (Go) and a Senior Data Scientist"), or as a comma list of areas in one
header field ("Data Engineering, Machine Learning, Data Science"). This module reads those lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.header_fields import is_stack_field
from pipeline.roles.hn_patterns import (
    EMPLOYER,
    HEADER_SEP,
    MAX_POST_CHARS,
    PAREN_ASIDE,
    PROSE_STOP,
    is_lead_filler,
)
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding
from pipeline.roles.resume_posts import looks_like_resume
from pipeline.roles.titles import Opening, parse_title
from pipeline.roles.wording import has_ai_word, inside_name, strip_urls

# A cue that a list of openings follows: a hiring verb, or a noun for openings with a word that
# says they are open. The list is the rest of the sentence.
_CUE = re.compile(
    r"\b(?:(?:currently|also|now|actively|still|always)\s+){0,3}"
    r"(?:(?P<including>(?:hiring|looking\s+for|seeking|searching\s+for|recruiting)\b"
    r"(?:(?!\s(?:to|with|who|that|experience|skills|background)\b)[^.!?:;()]){0,80}?"
    r"(?:,?\s+(?:including|such\s+as|e\.g\.?,?)"
    r"|\s(?:disciplines|areas|roles|positions|openings|teams|functions)\s*:))|"
    r"hiring(?:\s+(?:for|in))?|looking\s+(?:for|to\s+hire)|seeking|searching\s+for"
    r"|recruiting(?:\s+for)?|in\s+need\s+of"
    r"|open\s+(?:roles|positions|jobs)(?:\s+(?:are|include|in|for))?"
    r"|(?:roles|positions|openings|jobs)\s+(?:open|available|include|including)(?:\s+(?:are|in|for))?"
    r"|(?:roles|positions|openings)\s+(?:currently|now)\s+(?:open|available)(?=\s*:)"
    r"|openings?\s+(?:in|for)"
    r"|(?:have|has)\s+(?:(?:multiple|several|many|a\s+few|a\s+number\s+of|some|open|new|two|three|\d+)\s+){0,2}"
    r"(?:roles|positions|openings|jobs)(?:\s+(?:open(?:ed)?|available))?(?:\s+(?:in|for|including))?"
    r"|(?:roles|positions|openings)\s*:"
    r"|following\s+(?:roles|positions|areas|openings)"
    r"|in\s+(?:the\s+)?(?:\w+\s+)?(?:roles|areas)\s+of"
    r"|join\s+us\s+as"
    r"|(?P<paren>(?:roles|positions|openings|jobs)(?:\s+\w+){0,2}\s*\(\s*(?:including|incl\.?|e\.g\.?|such\s+as)))"
    r"(?:\b|(?<=[:,.]))\s*:?",
    re.I,
)
# A negation right before a cue: the post says whom it does not hire.
_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bno\s+longer|\bnever)\s+$", re.I)
_NEGATION_REACH = 12
# A contrast after a comma or dash, or "but": "people who are just coders" is no contrast.
_CONTRAST = re.compile(
    r"(?:(?:[,;:]|\s[-–—]+)\s*(?:just|only|instead|rather|we\s+(?:need|want))|\bbut)\b\s*", re.I
)
# The same cue for a lower-case ASCII line, where it matches at the same places: case-sensitive
# matching is several times faster, and every cue starts with one of the letters looked ahead for.
_CUE_LOWER = re.compile(r"(?=[acfhijlnoprs])" + _CUE.pattern)
# "as well as" joins two items of a list ("iOS engineers as well as Data Science"); elsewhere "as"
# ends the list ("engineers as we grow"). A match starts only where a run of spaces starts: tried
# inside a long run, "\s*" and "\s+" would split it every way.
_AS_WELL_AS = re.compile(r"(?<!\s)(?:\s*,)?\s+as\s+well\s+as\s+", re.I)
_OPENINGS_NOUN = re.compile(
    r"\b(?:roles?|positions?|openings?|jobs?|vacanc(?:y|ies)|engineers|developers|disciplines|"
    r"areas|teams)\b",
    re.I,
)
# Spaced dashes between items after a cue separate openings when there are at least two of them;
# one is as often a title's team ("Software Engineer - ML").
_DASH_ITEM = re.compile(r"\s[-–—]{1,2}\s")
_MIN_DASH_ITEMS = 2
# Bullets inside one line after a cue separate openings the same way, when there are at least two
# ("Open Roles: Backend Engineers <> Data Scientists <> ML Engineers", "Open Roles (...) * Data
# Engineer * ML Engineer"): the post's line breaks were lost or never there.
_INLINE_BULLET = re.compile(r"\s(?:\*|<>|•|·|▪)\s")
# Items numbered inside one line; two or more make a list, the numbers its separators.
_INLINE_NUMBER = re.compile(r"(?:(?<=\s)|^)\d{1,2}[.)]\s+(?=[A-Z])")
# What every inline number holds; a quick search for it spares the full pattern on most lines.
_NUMBER_MARK = re.compile(r"\d[.)]")
# Where a sentence ends: . ! ? before a space and a capital or at the end (an abbreviation's dot
# such as "Sr." is no sentence end, see _ABBREVIATIONS), or a line break.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"'(]|\s*$)|\n")
_ABBREVIATIONS = frozenset("sr jr inc co ltd st dr mr ms vs eg ie e.g i.e etc approx".split())
# Parenthesised asides of at most this many words are a title's detail ("(Go)", "(ML and NLP)"),
# dropped before splitting; longer ones are prose and end the list.
_MAX_ASIDE_WORDS = 6
# From the start of a run of spaces only: tried inside a long run, each start scans the run.
_ASIDE = re.compile(r"(?<!\s)\s*\(([^()]*)\)")
# Parentheses holding a list: at least two separators among their items.
_PAREN_LIST = re.compile(r"\(((?:[^(),;]+[,;]){2,}[^()]*)\)")
# A list of openings ends at the first word that makes it a sentence; a run of this many words
# without one is no list either (posts list up to a dozen titles of three to five words).
_MAX_LIST_WORDS = 80
# A line with more cues than this ("open roles open roles ...") has each cue's list read at most
# _LIST_REACH_CHARS characters on: read to the sentence's end from every cue, such a line cost
# the square of its length. Lines with fewer cues are read to the sentence's end, however long
# their one-line list of titles is.
_FEW_CUES = 4
_LIST_REACH_CHARS = 2_000
# A header field is read as a list of areas when it has at least this many comma items, each at
# most _MAX_AREA_WORDS words long and each a role or an area: two items are as often a place
# ("Austin, TX").
_MIN_AREA_ITEMS = 3
_MAX_AREA_WORDS = 3
_MAX_UNKNOWN_AREAS = 1
_FAMILIES = COMPARED_ROLES
# Words between a cue and its list that say when or which, not what: "hiring soon for ...",
# "Hiring now, ...", "roles available, particularly for ML engineers, ...".
_LIST_LEAD = frozenset(
    "now soon currently immediately actively also again too particularly especially mainly "
    "mostly primarily right for".split()
)
# Adjectives before the hired roles that otherwise start prose: "eager senior data scientists,
# designers" lists roles; "excited to", "eager about" do not.
_LEAD_ADJECTIVES = frozenset({"excited", "eager"})
# The title after such an adjective: "senior ML engineers", "data scientists".
_MAX_ADJECTIVE_TITLE_WORDS = 3
_ITEM_JOINERS = frozenset({"and", "or", "&"})
# The level a title without a level word reads as.
_DEFAULT_SENIORITY = "mid"


def listed_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families listed in sentences or header fields that `found` lacks, with
    the other items of their list."""
    text = text_plain[:MAX_POST_CHARS]
    if not text.strip() or is_resume(text):
        return []
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    header, _, _body = text.partition("\n")
    return list_openings([_header_areas(header), *_sentence_lists(text)], found, named_only=True)


@lru_cache(maxsize=16_384)
def _header_areas(header: str) -> tuple[Spec, ...]:
    """Items of header fields that list areas ("Data Engineering, Machine Learning, Data Science")."""
    found: list[Spec] = []
    fields = _header_fields(header)
    for field in fields:
        items = [i.strip() for i in field.split(",") if i.strip()]
        if len(items) < _MIN_AREA_ITEMS or any(len(i.split()) > _MAX_AREA_WORDS for i in items):
            continue
        specs = [item_specs(item) for item in items]
        # Only a field made of roles and areas is a list of openings: one that names a tool or
        # a language ("Clojure, Elixir, ML, Swift") is the post's tech stack.
        other_has_role = any(
            spec[0].kind == "role"
            for other in fields
            if other != field
            for spec in item_specs(other)
        )
        known = [s for s in specs if s and all(spec[0].kind != "none" for spec in s)]
        unknown = [i for i, s in zip(items, specs, strict=True) if s not in known]
        # one area of the list may be a word the vocabulary lacks ("Software, Machine Learning,
        # Computer Vision, Simulation, IT"), when the others are enough of a list on their own
        if (
            len(known) >= _MIN_AREA_ITEMS
            and len(unknown) <= _MAX_UNKNOWN_AREAS
            and all(len(i.split()) == 1 for i in unknown)
            and not is_stack_field(field, other_has_role)
        ):
            found.extend(spec for s in known for spec in s)
    return tuple(found)


# Cached: the list-title reader (`listed_titles`) reads the same lists of the same post.
@lru_cache(maxsize=8_192)
def _sentence_lists(text: str) -> tuple[tuple[Spec, ...], ...]:
    """The items of each line's lists, one tuple a line."""
    # Only the lines holding a cue word are read.
    return tuple(_line_lists(strip_urls(line)) for line in lines_holding(text, _CUE_WORDS))


_CUE_WORDS = (
    "hiring",
    "looking",
    "seeking",
    "searching",
    "recruiting",
    "need of",
    "open",  # and so "opening"
    "roles",
    "positions",
    "following",
    "join us as",
    "jobs",
)


@lru_cache(maxsize=65_536)
def _line_lists(line: str) -> tuple[Spec, ...]:
    found: list[Spec] = []
    if _NUMBER_MARK.search(line) and len(_INLINE_NUMBER.findall(line)) >= _MIN_DASH_ITEMS:
        # "We are hiring for: 1. Director of Engineering (AI) 2. Software Engineer 3. ..."
        line = _INLINE_NUMBER.sub("; ", line)
    cues = list(_CUE_LOWER.finditer(line.lower()) if line.isascii() else _CUE.finditer(line))
    reach = _LIST_REACH_CHARS if len(cues) > _FEW_CUES else len(line)
    for cue in cues:
        start, end = cue.end(), _sentence_end(line, cue.end(), reach)
        if negated_before(line, cue.start()):
            # "We're not hiring a data scientist this round"; after a contrast the list is the
            # post's own ("not looking for rockstars, just solid data scientists")
            contrast = _CONTRAST.search(line, start, end)
            if contrast is None:
                continue
            start = contrast.end()
        rest = line[start:end]
        if cue.group("paren"):
            # "positions (including new grads, ... and data scientists)": the list is the parenthesis
            rest = rest.split(")")[0]
        if len(_DASH_ITEM.findall(rest)) >= _MIN_DASH_ITEMS:
            # "We are looking for: Platform Engineer - Staff ML Engineers - Data Scientists"
            rest = _DASH_ITEM.sub("; ", rest)
        if len(_INLINE_BULLET.findall(rest)) >= _MIN_DASH_ITEMS:
            rest = _INLINE_BULLET.sub("; ", rest)
        for group in _ASIDE.sub(_aside, rest).split(";"):
            phrase = _until_prose(group)
            if not phrase:
                continue
            specs = [s for s in item_specs(phrase) if s[0].kind != "none"]
            # "looking for people with experience in many areas, including ML and data science"
            # lists skills: after "including" areas are openings only when the cue names roles
            # ("several engineering roles including machine learning, backend")
            if (
                cue.group("including")
                and not _OPENINGS_NOUN.search(cue.group("including"))
                and not any(s[0].kind == "role" for s in specs)
            ):
                continue
            found.extend(specs)
        # "hiring for engineers across the web stack, as well as ML engineers": the list goes on
        # after the aside; only roles count there ("as well as Python" names a skill)
        more = _AS_WELL_AS.search(rest)
        if more is not None:
            phrase = _until_prose(rest[more.end() :])
            if phrase:
                found.extend(s for s in item_specs(phrase) if s[0].kind == "role")
        # "roles open within our R&D team (Product Owner, Data Scientist, ...)": the sentence
        # goes on in prose, and the list stands in the parentheses
        listed = _PAREN_LIST.search(rest)
        if listed is not None:
            phrase = _until_prose(listed.group(1))
            specs = [s for s in item_specs(phrase) if s[0].kind != "none"] if phrase else []
            # a list of skills in parentheses ("new skills (machine learning, python, ...)")
            # names no role; a list of openings names at least one
            if any(s[0].kind == "role" for s in specs):
                found.extend(specs)
    return tuple(found)


def negated_before(line: str, start: int) -> bool:
    """Whether a negation ends right before `start` ("not", "n't", "no longer", "never")."""
    return _NEGATED.search(line, max(0, start - _NEGATION_REACH), start) is not None


def _sentence_end(line: str, start: int, reach: int) -> int:
    """Where the sentence from `start` ends, looked for at most `reach` characters on."""
    reach = min(len(line), start + reach)
    for m in _SENTENCE_END.finditer(line, start, reach):
        before = line[max(start, m.start() - 5) : m.start()].lower().split()
        if m.group(0) == "." and before and before[-1].strip("(") in _ABBREVIATIONS:
            continue
        return m.start()
    return reach


# "data scientists of all levels", "ML engineers of all kinds": a range, not part of the title.
_OF_ALL_KINDS = re.compile(r"\s+of\s+all\s+(?:kinds|sorts|types|stripes|levels)\b", re.I)


def _aside(match: re.Match[str]) -> str:
    # A short aside is a title's detail and goes, unless it is the title's AI qualifier
    # ("Director of Engineering (AI)"); a long one is prose and stops the list.
    if len(match.group(1).split()) > _MAX_ASIDE_WORDS:
        return " who "
    return match.group(0) if has_ai_word(match.group(1)) else " "


def roles_listed(listed: str) -> list[Spec]:
    """Specs of a list that names at least one complete role (bare areas there are skills)."""
    phrase = _until_prose(PAREN_ASIDE.sub(" ", listed))
    specs = [s for s in item_specs(phrase) if s[0].kind != "none"] if phrase else []
    if not any(s[0].kind == "role" for s in specs):
        return []
    return specs


def _until_prose(group: str) -> str:
    """The list at the start of group: up to the first word that turns it into a sentence."""
    if " of all " in group:
        group = _OF_ALL_KINDS.sub(" ", group)
    words = _AS_WELL_AS.sub(" and ", group).replace("’", "'").split()
    while words and (
        is_lead_filler(words[0], words[1] if len(words) > 1 else "")
        or words[0].lower().strip(",") in _LIST_LEAD
        or not words[0].strip(",")
    ):
        words.pop(0)
    kept: list[str] = []
    for i, word in enumerate(words):
        if word.lower().strip(",.") in PROSE_STOP and not inside_name(words, i):
            if _describes_roles(words, i):
                continue  # the adjective goes, its roles stay
            break
        if len(kept) == _MAX_LIST_WORDS:
            return ""  # too long for a list, whatever follows
        kept.append(word)
    if not kept:
        return ""
    return " ".join(kept).strip(" ,.:-–—")


def _describes_roles(words: list[str], i: int) -> bool:
    """Whether words[i] is an adjective before a whole title ("excited data scientists")."""
    if words[i].lower().strip(",") not in _LEAD_ADJECTIVES:
        return False
    item: list[str] = []
    for word in words[i + 1 : i + 2 + _MAX_ADJECTIVE_TITLE_WORDS]:
        if word.lower() in _ITEM_JOINERS:
            break
        if word.strip(",.;:!?"):
            item.append(word.strip(",.;:!?"))
        if word.endswith((",", ".", ";", ":", "!", "?")):
            break
    return 0 < len(item) <= _MAX_ADJECTIVE_TITLE_WORDS and _is_title(" ".join(item))


def _is_title(item: str) -> bool:
    """Whether item is one title: its role noun last, an area or a level before it."""
    words = item.split()
    if words[0].lower() in PROSE_STOP:
        return False
    parse = parse_title(item)
    head = parse.head_noun.split()
    if parse.kind != "role" or not head or words[-1].lower().removesuffix("s") != head[-1]:
        return False
    before = " ".join(words[:-1])
    return (
        not before
        or parse_title(before).kind != "none"
        or (len(words) == 2 and parse.seniority != _DEFAULT_SENIORITY)
    )


# Each reader of a post asks, one after the other: the last few posts' answers are kept.
@lru_cache(maxsize=8)
def is_resume(text: str) -> bool:
    """A job seeker's comment rather than a job post (the line reader's own test)."""
    return looks_like_resume(text[:1000]) and not EMPLOYER.search(text, 0, 3000)


def _header_fields(header: str) -> list[str]:
    """The fields of a header line, split as the line reader splits them."""
    fields = [f.strip(" ,;:") for f in HEADER_SEP.split(strip_urls(header, " | "))]
    return [f for f in fields if f]
