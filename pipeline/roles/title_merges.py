"""Openings of one written title put back together, and less specific repeats of a title dropped.

The readers split a title whose parenthesis lists its stack ("Full Stack Developer (Node/React)",
"Full-Stack Engineer (Python / React)") or its areas ("Senior Software Engineer
(backend/data/devops/frontend)") into one opening per item; the post names one title, so the
items go back into it. A bare role noun before the parenthesis ("Engineers (iOS, Android)"), a
stem that is itself a run of titles, and a merge that would change the post's families stay
split. A title read twice, once with its stack and once without ("Senior Backend Software
Engineer (Ruby)" and "Senior Backend Engineer"), or a prose mention holding a listed title's
words in order ("and energetic Head of Sales"), is one opening: the more specific title stays.
Neither step changes a post's families.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline.roles.post_text import lowered
from pipeline.roles.titles import Opening, classify_title
from pipeline.roles.vocabulary import TECHNOLOGIES

_TRAILING_PAREN = re.compile(r"^(?P<stem>.*\S)\s*\((?P<item>[^()]+)\)$")
_WORD = re.compile(r"[a-z0-9+#]+")
# Stems made only of these words are a bare role noun: "Engineers (iOS)", "Engineers (Android)"
# name one opening per area, as "iOS and Android Engineers" does.
_BARE_STEM_WORDS = frozenset(
    """engineer engineers developer developers dev devs eng engineering development
    senior sr junior jr lead staff principal mid level""".split()
)
# A stem holding a run mark, or a bracket after its first word, is a run of titles read as one
# ("Site Reliability Engineer (SRE) * Data Analyst"); a bracketed first word is the title's
# level ("(Senior) Front-End Engineers").
_RUN_MARK = re.compile(r"\s[*•+<>]\s")
_BRACKET = re.compile(r"[()\[\]]")
# The marks joining the items of a parenthesis: "(backend/data/devops)", "(Rust, C/C++)",
# "(Android and iOS)", "(Sales & Partnerships)", "(PHP and/or Python)".
_ITEM_JOINER = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:[,/&]|\band\b|\bor\b)\s*", re.I)
# A parenthesis that lists the items is short; a longer one is a description.
_MAX_PAREN_CHARS = 80
# Role nouns in the singular, so "Engineers" and "Engineer" are one word when titles are compared.
_ROLE_PLURALS = frozenset(
    """engineers developers devs scientists designers managers analysts researchers programmers
    architects hackers administrators testers consultants specialists leads""".split()
)
# A prose mention of a title starts in lower case or with one of these words (articles and
# praise, also as the first part of "world-class", "hands-on", "top-notch"; "Smart Contract
# Developer", "Creative Director" and counts such as "Two Backend Engineers" are titles).
_PROSE_START = frozenset(
    """a an and the our experienced talented passionate driven skilled strong excellent
    exceptional amazing awesome brilliant energetic versatile seasoned highly hands-on
    world-class top-notch superstar prolific stellar outstanding motivated great hungry dedicated gifted rockstar
    ninja extremely exceptionally solid""".split()
)
# Praise that also opens titles when capitalised ("Polyglot Engineer (Go, Node.js)",
# "Entrepreneurial Engineer"): prose only in lower case ("polyglot developers").
_LOWER_CASE_PRAISE = frozenset("polyglot entrepreneurial".split())
# The praise among them: a mention opening with praise describes whom a title wants.
_PRAISE = _PROSE_START - frozenset("a an and the our".split()) | _LOWER_CASE_PRAISE
_CACHED = 65_536
# Words of a stack rather than of a role: the languages and frameworks of the rules file, their
# spellings in titles ("Node.js", "ReactJS") and the words joining them.
_STACK_WORDS = TECHNOLOGIES | frozenset("js nodejs reactjs vuejs nextjs next ts net and or".split())
# Words a repeat of a title adds or leaves out without naming another job: its stack, "software"
# ("Senior Backend Engineer" and "Senior Backend Software Engineer"), a count ("2 x").
_UNNAMING_WORDS = _STACK_WORDS | frozenset("software x".split())
_NUMBER = re.compile(r"^\d+[kx]?$")


@lru_cache(maxsize=_CACHED)
def _word_set(title: str) -> frozenset[str]:
    """A title's lower-case words, brackets included, role nouns in the singular."""
    return frozenset(w[:-1] if w in _ROLE_PLURALS else w for w in _WORD.findall(title.lower()))


def _first_word(title: str) -> str:
    """A title's first word in lower case, a hyphenated compound whole ("world-class"): "World
    Model Engineer" opens with no praise."""
    return title.split(maxsplit=1)[0].lower().strip(",;:") if title.split() else ""


def _is_prose(title: str) -> bool:
    """Whether a title reads as a prose mention ("experienced backend engineers")."""
    first = _first_word(title)
    lower_start = title[:1].islower() and not title[1:2].isupper()
    return lower_start or first in _PROSE_START


def _opens_with_prose_word(title: str) -> bool:
    """Whether a title opens with an article or praise ("experienced backend devs"); a list
    item in lower case ("security engineers") or with a count ("3 x Backend Engineers") is
    still a title."""
    first = _first_word(title)
    return first in _PROSE_START or (first in _LOWER_CASE_PRAISE and title[:1].islower())


def _families(openings: Sequence[Opening]) -> frozenset[str]:
    """The families a set of openings gives a post (`other` gives none)."""
    return frozenset(o.role_family for o in openings) - {"other"}


def _items(written: str) -> frozenset[str]:
    """The items of a parenthesis or of one opening's part of it, lower case with single
    spaces: "Rust, C/C++" gives "rust", "c" and "c++"."""
    parts = (" ".join(part.split()) for part in _ITEM_JOINER.split(written.lower()))
    return frozenset(part for part in parts if part)


def _is_a_run_of_titles(stem: str) -> bool:
    """Whether a stem is a run of titles read as one: a run mark, or a bracket after its first
    word."""
    rest = stem.split(maxsplit=1)[1:]
    return bool(_RUN_MARK.search(stem)) or bool(rest and _BRACKET.search(rest[0]))


def _written_parenthesis(stem: str, items: Sequence[str], text: str) -> str | None:
    """The parenthesis the post writes after the stem of which each opening's part is an item
    exactly ("C" is no item of "(C++)"), or None."""
    wanted = [_items(item) for item in items]
    pattern = re.compile(re.escape(stem) + rf"\s*\(([^()]{{1,{_MAX_PAREN_CHARS}}})\)", re.I)
    for found in pattern.finditer(text):
        inside = found.group(1)
        written = _items(inside)
        if all(parts and parts <= written for parts in wanted):
            return inside.strip()
    return None


def merged_parentheses(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings split from one title's parenthesis of stack or areas merged back into that
    title as written, when the merged title gives the post the same families."""
    groups: dict[str, list[int]] = {}
    for i, opening in enumerate(openings):
        if opening.title.endswith(")"):
            found = _TRAILING_PAREN.match(opening.title)
            if found:
                groups.setdefault(found.group("stem"), []).append(i)
    merged: dict[int, Opening] = {}
    dropped: set[int] = set()
    for stem, members in groups.items():
        if len(members) < 2 or not (_word_set(stem) - _BARE_STEM_WORDS):
            continue
        if _is_a_run_of_titles(stem):
            continue
        items = [_TRAILING_PAREN.match(openings[i].title).group("item") for i in members]  # type: ignore[union-attr]
        if not all(_word_set(item) for item in items):
            continue
        inside = _written_parenthesis(stem, items, text)
        if inside is None:
            continue
        whole = classify_title(f"{stem} ({inside})")
        parts = [openings[i] for i in members]
        # the merged title must give the post the families its parts gave it
        if _families([whole]) != _families(parts):
            continue
        first = parts[0]
        merged[members[0]] = replace(
            first,
            title=whole.title,
            normalized_title=whole.normalized_title,
            role_family=whole.role_family,
            seniority=whole.seniority,
        )
        dropped.update(members[1:])
    if not merged:
        return list(openings)
    return [merged.get(i, o) for i, o in enumerate(openings) if i not in dropped]


@lru_cache(maxsize=_CACHED)
def _word_list(title: str) -> tuple[str, ...]:
    """A title's words in order, as `_word_set` reads them."""
    return tuple(w[:-1] if w in _ROLE_PLURALS else w for w in _WORD.findall(title.lower()))


def _in_order(shorter: str, longer: str) -> bool:
    """Whether the shorter title's words stand in the longer one in the same order."""
    rest = iter(_word_list(longer))
    return all(any(w == t for t in rest) for w in _word_list(shorter))


# Between two names of one job: "Front End Engineer/Designer", "DevOps Engineer / SRE",
# "Frontend or Fullstack Engineer".
_ALTERNATIVE = re.compile(r"\s*/\s*|\s+or\s+", re.I)
_JOINT_BEFORE = re.compile(r"(?:/|\sor)\s*$")
_JOINT_CHARS = 5


def _alternative_span(low_text: str, first: str, second: str) -> tuple[int, int] | None:
    """Where "first / second" or "first or second" stands in the lowered text, if it does."""
    at = low_text.find(first)
    while at >= 0:
        joint = _ALTERNATIVE.match(low_text, at + len(first))
        if joint and low_text.startswith(second, joint.end()):
            return at, joint.end() + len(second)
        at = low_text.find(first, at + 1)
    return None


def _in_a_list(low_text: str, span: tuple[int, int]) -> bool:
    """Whether another alternative stands right before or after the span (a list of three)."""
    before = low_text[max(0, span[0] - _JOINT_CHARS) : span[0]]
    return bool(_ALTERNATIVE.match(low_text, span[1]) or _JOINT_BEFORE.search(before))


def _in_a_slash_list(low_text: str, span: tuple[int, int]) -> bool:
    """Whether the span's line separates more items with spaced slashes ("A / B / C and D")."""
    start = low_text.rfind("\n", 0, span[0]) + 1
    end = low_text.find("\n", span[1])
    line = low_text[start : end if end >= 0 else len(low_text)]
    return line.count(" / ") > 1


def merged_alternatives(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Two openings of one family written as alternatives ("Web Developer / Front-end
    Developer") as the one opening the post names; roles of two families stay two ("Data
    Scientist / ML Engineer"), and so do three or more names in a row (a list)."""
    if len(openings) < 2 or ("/" not in text and " or " not in text):
        return list(openings)
    low = lowered(text)
    out: list[Opening] = []
    i = 0
    while i < len(openings):
        first = openings[i]
        span = None
        if i + 1 < len(openings):
            second = openings[i + 1]
            if second.role_family == first.role_family and first.title and second.title:
                span = _alternative_span(low, first.title.lower(), second.title.lower())
        if span is not None and not _in_a_list(low, span) and not _in_a_slash_list(low, span):
            out.append(replace(first, title=text[span[0] : span[1]].strip()))
            i += 2
        else:
            out.append(first)
            i += 1
    return out


def _repeats(opening: Opening, other: Opening) -> bool:
    """Whether an opening is a less specific reading of the other (same family and seniority)."""
    if (opening.role_family, opening.seniority) != (other.role_family, other.seniority):
        return False
    mine, theirs = _word_set(opening.title), _word_set(other.title)
    if not mine or not theirs or not (mine <= theirs or theirs <= mine):
        return False  # every reading below needs one title's words to hold the other's
    prose, other_prose = _is_prose(opening.title), _is_prose(other.title)
    if prose and not other_prose:
        # a prose mention holding a listed title's words, or held by them, repeats it
        if mine <= theirs:
            return _in_order(opening.title, other.title)
        return theirs <= mine and _in_order(other.title, opening.title)
    if other_prose and not prose:
        return False
    extra = theirs - mine
    return (
        mine < theirs
        and all(w in _UNNAMING_WORDS or _NUMBER.match(w) for w in extra)
        and _in_order(opening.title, other.title)
    )


def without_less_specific(openings: Sequence[Opening]) -> list[Opening]:
    """Openings without those that repeat a more specific title of the same family and level."""
    if len(openings) < 2:
        return list(openings)
    groups: dict[tuple[str, str], list[int]] = {}
    for i, opening in enumerate(openings):
        groups.setdefault((opening.role_family, opening.seniority), []).append(i)
    dropped = {
        i
        for members in groups.values()
        if len(members) > 1
        for i in members
        if any(j != i and _repeats(openings[i], openings[j]) for j in members)
    }
    return [o for i, o in enumerate(openings) if i not in dropped]


# Role nouns of prose and titles; posts call one job by several ("a backend developer" for the
# listed "Senior Software Engineer").
_HEAD_NOUNS = {
    "engineer": "engineer",
    "developer": "engineer",
    "dev": "engineer",
    "programmer": "engineer",
    "hacker": "engineer",
    "coder": "engineer",
    "scientist": "scientist",
    "designer": "designer",
    "manager": "manager",
    "analyst": "analyst",
    "researcher": "researcher",
    "architect": "architect",
    "administrator": "administrator",
    "admin": "administrator",
    "tester": "tester",
    "consultant": "consultant",
    "specialist": "specialist",
    "lead": "lead",
}
_HEAD_PLURALS = {f"{w}s": w for w in _HEAD_NOUNS}


@lru_cache(maxsize=_CACHED)
def _heads(title: str) -> tuple[str, ...]:
    """The role nouns of a title, in order, each as the job it names ("devs" is "engineer")."""
    words = (_HEAD_PLURALS.get(w, w) for w in _WORD.findall(title.lower()))
    return tuple(_HEAD_NOUNS[w] for w in words if w in _HEAD_NOUNS)


# Words of a rank over a department: "Director of Software Engineering", "VP Engineering".
_RANK_WORDS = frozenset("of vp svp director head chief".split())


def _names_engineers(title: str) -> bool:
    """Whether a title is an area's engineering ("Backend Engineering", "Full-Stack
    Engineering"), which names the area's engineers; a rank over it ("Director of Software
    Engineering") names the rank."""
    words = _WORD.findall(title.lower())
    return (
        len(words) > 1
        and words[-1] == "engineering"
        and not _heads(title)
        and not _RANK_WORDS.intersection(words)
    )


# A mention in lower case is prose when a sentence runs up to it on its line ("we are looking
# for backend developers"); after a bullet, a colon or a comma it is a list item.
_SENTENCE_BEFORE = re.compile(r"(?:^|[^\n]*\s)[A-Za-z'’]+\s+[A-Za-z'’]+\s+[A-Za-z'’]+\s+$")


_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


def _in_a_sentence(title: str, text: str) -> bool:
    """Whether a lower-case mention stands in the text after words of a sentence on its line."""
    if not (title[:1].islower() and not title[1:2].isupper()):
        return False
    at = text.find(title)
    if at < 0:
        # a team the reader put in brackets ("senior engineers (platform team)")
        at = text.find(_TRAILING_BRACKETS.sub("", title))
    if at < 0:
        return False
    line_start = text.rfind("\n", 0, at) + 1
    return _SENTENCE_BEFORE.match(text[line_start:at]) is not None


# Words of a prose mention that name no kind of job ("experienced", "full-time", "software").
_UNQUALIFYING = _PROSE_START | frozenset(
    """software full time fulltime remote senior junior mid level all kinds of kind quality
    focused minded oriented independent exceptional product world class hands on top
    notch""".split()
)


def _modifiers(title: str) -> frozenset[str]:
    """The words before a mention's role noun that say which job it is ("security" engineers)."""
    words = []
    for word in _WORD.findall(title.lower()):
        if _HEAD_PLURALS.get(word, word) in _HEAD_NOUNS:
            break
        words.append(word)
    return frozenset(w for w in words if w not in _UNQUALIFYING)


# A mention followed by another item of a list ("experienced front-end developers and
# full-stack engineers") names a job of its own.
_LIST_GOES_ON = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,|;|and\b|or\b|&|as\s+well\s+as\b)")


def _listed_on(title: str, text: str) -> bool:
    """Whether a mention stands in the text as an item that another item follows."""
    at = text.find(_TRAILING_BRACKETS.sub("", title))
    return (
        at >= 0
        and _LIST_GOES_ON.match(text, at + len(_TRAILING_BRACKETS.sub("", title))) is not None
    )


def without_prose_mentions(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings without prose mentions of a role a listed title of the same family names.

    "experienced backend developers" beside the listed "Senior Backend Engineer" is the post
    describing whom it hires for that title, not another opening; a prose mention whose role or
    kind no listed title names ("an engineering manager" beside engineers, "security
    engineers" beside "Software Engineer") stays.
    """
    prose = [_opens_with_prose_word(o.title) or _in_a_sentence(o.title, text) for o in openings]
    if all(prose) or not any(prose):
        return list(openings)
    listed = [
        (o.role_family, frozenset(_heads(o.title)), _word_set(o.title), _names_engineers(o.title))
        for o, in_prose in zip(openings, prose, strict=True)
        if not in_prose
    ]
    kept = []
    for opening, in_prose in zip(openings, prose, strict=True):
        if in_prose:
            heads = _heads(opening.title)
            modifiers = _modifiers(opening.title)
            # praise before the role describes whom the listed title wants ("experienced
            # Django/Python developer" beside "Full Stack Engineer"), whatever its kind words
            # (in lower case: "Experienced Frontend Dev" heading a list item is a title)
            praised = (
                opening.title[:1].islower()
                and _first_word(opening.title) in _PRAISE
                and not _listed_on(opening.title, text)
            )
            # a praised mention of the same area also describes an area's engineering
            # ("experienced backend engineers" beside "Backend Engineering", not "experienced
            # frontend engineers"); a plain one may name the opening the area's heading stands
            # over ("senior security engineers" under "Security Engineering")
            if heads and any(
                family == opening.role_family
                and (
                    heads[0] in named
                    or (praised and heads[0] == "engineer" and area and modifiers <= words)
                )
                and (praised or modifiers <= words)
                for family, named, words, area in listed
            ):
                continue
        kept.append(opening)
    return kept
