"""The last pass over a post's openings: a title another opening of the post already holds.

The readers of a post may each take the same opening, one with more of its words than the
other: the header's "Data Engineer" and the list's "Data Engineer (platform team)", the
sentence's "Android dev" and the list's "Android Engineer". The post names one opening, so the
less specific reading goes. An opening only goes for another of its family and level, so this
pass never changes a post's families, and levels of one role stay openings of their own. A
header title the body's titles hold ("Principal Engineers" above "Principal Engineer,
Reliability") and pieces of sentences taken for titles ("Come lead") go the same way.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import lru_cache

from crawlers.parsing.places import is_place
from pipeline.roles.titles import Opening, parse_title
from pipeline.roles.vocabulary import SENIORITY_WORDS

_CACHED = 65_536
# A post's lines serve both of its passes; posts repeat monthly.
_CACHED_POSTS = 1_024
_WORD = re.compile(r"[a-z0-9+#]+")
# Spellings of one word in titles: abbreviations, plurals of role nouns and compounds written
# apart ("Front End", "Full-Stack"); a word maps to the word it is read as.
_SAME_WORD = {
    "sr": "senior",
    "jr": "junior",
    "eng": "engineer",
    "engs": "engineer",
    "dev": "developer",
    "devs": "developer",
    "mgr": "manager",
    "swe": "software engineer",
    "swes": "software engineer",
}
_COMPOUND = re.compile(r"\b(front|back|full)[\s-]+(end|stack)\b")
_ROLE_PLURALS = frozenset(
    """engineers developers scientists designers managers analysts researchers programmers
    architects hackers administrators testers consultants specialists leads""".split()
)


# Words of a bracket that lists levels ("(Junior & Senior)", "(all levels)"): each level is an
# opening of its own, so the bare title beside it is one.
_LEVEL_WORDS = frozenset(
    """intern junior mid senior staff principal lead level levels entry""".split()
)
_BRACKETS = re.compile(r"\([^()]*\)")
# Words a sentence puts before a role noun and no title opens with.
_PROSE_START = frozenset(
    """a an and the our experienced talented passionate driven skilled strong excellent
    exceptional amazing awesome brilliant energetic versatile seasoned solid smart great""".split()
)


# A place written as a short code in capitals: "(SJ)", "(LDN)", "(NYC)".
_PLACE_CODE = re.compile(r"^[A-Z]{2,4}$")


def _is_place_code(bracket: str) -> bool:
    """Whether a bracket's text names a place, in words or as a short code in capitals."""
    return bool(_PLACE_CODE.match(bracket)) or is_place(bracket)


def _is_prose(title: str) -> bool:
    """Whether a title reads as a mention in a sentence: lower case ("iOS" aside) or praise first."""
    first = title.split(maxsplit=1)[0].lower() if title.split() else ""
    return (title[:1].islower() and not title[1:2].isupper()) or first in _PROSE_START


@lru_cache(maxsize=_CACHED)
def title_words(title: str) -> frozenset[str]:
    """A title's words as one reading of it: lower case, brackets included, role nouns in the
    singular, abbreviations expanded, split compounds joined ("Sr. Back-End Engs" is "senior
    backend engineer")."""
    text = _COMPOUND.sub(r"\1\2", title.lower())
    words = (w[:-1] if w in _ROLE_PLURALS else w for w in _WORD.findall(text))
    return frozenset(x for w in words for x in _SAME_WORD.get(w, w).split())


# Marks of a bracket listing several items ("(C++ / Streaming)", "(React, TypeScript)").
_BRACKET_LIST = re.compile(r"[/,&+;]|\band\b|\bor\b", re.I)


def _grows_bracket(opening: Opening, other: Opening) -> bool:
    """Whether the other title's bracket is this title's bracket with more words in one name
    ("(React Native)" beside "(React)"): another opening, not a team of this one."""
    mine = frozenset(w for b in _BRACKETS.findall(opening.title) for w in title_words(b))
    return bool(mine) and any(
        mine < title_words(b) and not _BRACKET_LIST.search(b)
        for b in _BRACKETS.findall(other.title)
    )


def _holds(opening: Opening, other: Opening) -> bool:
    """Whether the other opening holds this one: same family and level, and all of this title's
    words and more."""
    mine, theirs = title_words(opening.title), title_words(other.title)
    if not mine or not mine < theirs:
        return False
    if _is_prose(opening.title):
        return True
    # the other title is this one and a bracket naming its team or stack, not its levels or
    # place, nor its own bracket grown into another name
    brackets = _BRACKETS.findall(other.title)
    return (
        title_words(_BRACKETS.sub(" ", other.title)) <= mine
        and not _grows_bracket(opening, other)
        and not any(
            title_words(b) & _LEVEL_WORDS or _is_place_code(b.strip("() ")) for b in brackets
        )
    )


@lru_cache(maxsize=_CACHED_POSTS)
def body_lines(text: str) -> frozenset[str]:
    """The lines below a post's first line in lower case, without list markers."""
    _, _, body = text.partition("\n")
    return frozenset(_BULLET.sub("", line).strip() for line in body.lower().splitlines())


def without_held(openings: Sequence[Opening], text: str = "") -> list[Opening]:
    """Openings without those whose words another opening of the same family and level holds;
    a title written as a line of its own below the first line is held by no other such line."""
    if len(openings) < 2:
        return list(openings)
    # one title per family and level: repeats of a title share its fate
    groups: dict[tuple[str, str], dict[str, Opening]] = {}
    for opening in openings:
        groups.setdefault((opening.role_family, opening.seniority), {}).setdefault(
            opening.title, opening
        )
    dropped: set[tuple[str, str, str]] = set()
    for key, members in groups.items():
        titled = list(members.values())
        if len(titled) < 2:
            continue
        having: dict[str, set[int]] = {}
        for k, opening in enumerate(titled):
            for word in title_words(opening.title):
                having.setdefault(word, set()).add(k)
        held: set[str] = set()
        for k, opening in enumerate(titled):
            # a holder has every word of this title: look only among those
            sets = sorted((having[w] for w in title_words(opening.title)), key=len)
            holders = sets[0].intersection(*sets[1:]) - {k} if sets else set()
            if any(
                titled[j].title not in held
                and _holds(opening, titled[j])
                # two items of a list are two openings, whatever their words (lines read last:
                # few titles are held)
                and not (
                    opening.title.lower() in body_lines(text)
                    and titled[j].title.lower() in body_lines(text)
                )
                for j in holders
            ):
                held.add(opening.title)
        dropped |= {(*key, title) for title in held}
    return [o for o in openings if (o.role_family, o.seniority, o.title) not in dropped]


# A sentence's verb opening a measured "title": "Come lead our platform", "Mentor engineers
# through design reviews", "Meet the engineering team", "Maintaining reverse engineering tools".
_SENTENCE_VERBS = frozenset("come meet mentor mentoring maintain maintaining help".split())
# Role nouns that are also verbs: as verbs they take a lower-case object that names no role
# ("Lead improvements", "Architect novel solutions"), as nouns they end a title or head one
# ("Lead engineers", "Lead, Platform").
_NOUN_VERBS = frozenset("lead architect".split())
_ROLE_WORDS = frozenset(
    """engineer engineers engineering developer developers dev devs scientist scientists
    designer designers manager managers analyst analysts researcher researchers programmer
    programmers architect architects hacker hackers administrator admin tester consultant
    specialist lead leads director head""".split()
)
# Nouns of the work, not of a role, that end a sentence fragment ("Meet our engineering team",
# "engineering offices", "developer tooling", "AI dev workflows").
# Nouns of a group of openings: "non-engineering roles".
_GROUP_NOUNS = frozenset("roles positions openings jobs".split())
# Areas a lead leads: "Lead backend" is a title, "Lead improvements" a sentence.
_AREA_WORDS = frozenset(
    """backend back-end frontend front-end fullstack full-stack mobile ios android devops data
    ml ai design product platform infrastructure infra qa security web""".split()
)
_SEPARATOR = re.compile(r"[,(\[:|–—]|\s-\s|\w-[A-Z]")
# Role words that also name the kind of a thing ("engineering offices", "developer tools").
_ROLE_MODIFIERS = frozenset("engineering developer dev eng".split())
_WORK_NOUNS = frozenset(
    "team teams offices office challenges tools tooling onboarding workflows skills".split()
)


def is_sentence_fragment(title: str) -> bool:
    """Whether a measured title is a piece of a sentence, not a title: it opens with a verb, a
    noun-verb before lower-case words that name no role, or "non-", or it ends with a noun of
    the work and names no role in one run of words."""
    words = title.split()
    if not words:
        return False
    lowered = [w.lower().strip(",.;:()") for w in words]
    if lowered[0] in _SENTENCE_VERBS:
        return True
    if lowered[0].startswith("non-") and lowered[-1] in _GROUP_NOUNS:
        return True  # "non-engineering roles"; "Non-technical Recruiter" is a title
    if lowered[0] in _NOUN_VERBS and len(words) > 1 and words[1].islower():
        return not any(w in _ROLE_WORDS | _AREA_WORDS for w in lowered[1:])
    return (
        lowered[-1] in _WORK_NOUNS
        and not _SEPARATOR.search(title)
        and not any(w in _ROLE_WORDS - _ROLE_MODIFIERS for w in lowered)
    )


def without_fragments(openings: Sequence[Opening]) -> list[Opening]:
    """Openings without sentence fragments, when an opening of the fragment's family stays
    (so the post keeps its families)."""
    fragments = [is_sentence_fragment(o.title) for o in openings]
    if not any(fragments):
        return list(openings)
    kept_families = {o.role_family for o, f in zip(openings, fragments, strict=True) if not f}
    return [
        o
        for o, f in zip(openings, fragments, strict=True)
        if not f or o.role_family not in kept_families
    ]


_BULLET = re.compile(r"^[\s*•·>#-]*(?:\d{1,2}[.)]\s*)?")
# Marks readers rewrite when they take a title ("Manager - Analytics" read "Manager, Analytics").
_MARKS = re.compile(r"[\s,;:|/()\[\]–—-]+")


def _plain(text: str) -> str:
    """Text in lower case with its marks as single spaces, for finding a title as written."""
    return f" {_MARKS.sub(' ', text.lower()).strip()} "


def _header_only(plain_title: str, title: str, plain_header: str, lines: frozenset[str]) -> bool:
    """Whether a title stands in the post's first line and not as a line of its own below (the
    title and the first line given as _plain makes them too)."""
    return plain_title in plain_header and title.lower() not in lines


def without_header_repeats(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings without a header title that the body's titles of its family and level hold:
    the header's "Principal Engineers" above "Principal Engineer, Reliability" names the
    listed openings, not one of its own (the list governs); a prose mention holds no title."""
    if len(openings) < 2 or "\n" not in text:
        return list(openings)
    header = text.partition("\n")[0]
    lines = body_lines(text)
    plain_header = _plain(header)
    # each title's plain form once, not once for every pair of openings
    plain = {o.title: _plain(o.title) for o in openings}
    return [
        o
        for o in openings
        if not (
            _header_only(plain[o.title], o.title, plain_header, lines)
            and any(
                plain[other.title] not in plain_header
                and not _is_prose(other.title)
                and (o.role_family, o.seniority) == (other.role_family, other.seniority)
                and title_words(o.title) < title_words(other.title)
                for other in openings
            )
        )
    ]


# Titles that name no job beyond the trade: "Engineering", "Engineers", "Developers" (as read by
# title_words: singular, "(s)" aside; "Software Engineer(s)" names a job and stays). Beside a
# named title of the trade ("Backend Engineer", "Senior Frontend Developer") they stand for the
# post's named openings, not one of their own (the list governs).
_GENERIC_TITLES = frozenset(
    frozenset(t.split()) for t in "engineer;engineering;developer;development".split(";")
)
# Head nouns of a named title of the trade, written out ("Backend Engineer", "Mobile
# Engineering"); a title headed by another noun is another job ("Head of Engineering",
# "Engineering Manager"), and an abbreviation ("SRE", "SDE") names a job of its own.
_TRADE_HEADS = frozenset("engineer engineering developer development programmer".split())
# Words that name no area of the trade: a level ("Senior Developer" is the bare title at a level,
# not a named one that holds it) and "software".
_NO_AREA = _TRADE_HEADS | SENIORITY_WORDS | {"s", "software"}
# A list item: a line opened by a bullet or a number ("- Developer (2-5 years)").
_LIST_ITEM = re.compile(r"^\s*(?:[*•·>-]+|\d{1,2}[.)])\s*(\S.*)$")


@lru_cache(maxsize=_CACHED_POSTS)
def _list_item_lines(text: str) -> tuple[str, ...]:
    """The list items of a post's body in lower case, without their markers."""
    _, _, body = text.partition("\n")
    lines = body.lower().splitlines()
    return tuple(m.group(1).strip() for m in map(_LIST_ITEM.match, lines) if m)


def _own_item(title: str, text: str) -> bool:
    """Whether a title is a list item of the post on its own ("- Developer (2-5 years)")."""
    low = title.lower()
    return any(
        line == low or line.startswith((low + " (", low + " -", low + ","))
        for line in _list_item_lines(text)
    )


def _is_generic(title: str) -> bool:
    """Whether a title names only the trade ("Engineers", "Developers", "ENGINEERING")."""
    return title_words(title) - {"s"} in _GENERIC_TITLES


def without_generic(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings without a title naming only the trade ("Engineering", "Engineers") when the
    post names a title of the trade and its family ("Backend Engineer"), not in prose: the
    named titles are the openings the bare one stands for. A header that writes both ("Engineers,
    Designers, Sales Engineers") lists them as openings of their own, so the bare one stays;
    the family's named openings stay, so the post keeps its families."""
    if len(openings) < 2:
        return list(openings)
    named = [
        o
        for o in openings
        if not _is_generic(o.title)
        and not _is_prose(o.title)
        and title_words(o.title) & _TRADE_HEADS
        and title_words(o.title) - _NO_AREA
        and parse_title(o.title).head_noun in _TRADE_HEADS
    ]
    if not named:
        return list(openings)
    plain_header = _plain(text.partition("\n")[0])
    in_header = {o.role_family for o in named if _plain(o.title) in plain_header}
    families = {o.role_family for o in named}
    return [
        o
        for o in openings
        if not (
            o.role_family in families
            and _is_generic(o.title)
            and not (o.role_family in in_header and _plain(o.title) in plain_header)
            and not _own_item(o.title, text)
        )
    ]


# Role nouns that name one job, and spellings of one word: a title written with one and again
# with the other ("Frontend Developer" in the header, "Frontend Engineer" in the list; "Security
# Engineering" over "Security Engineer") names one opening. A hacker ("Growth Hacker") and an
# area's development ("Business Development") name other jobs than its engineer.
_SPELLINGS = {"solutions": "solution", "database": "db", "engineering": "engineer"}
_SYNONYMS = {"developer": "engineer", "programmer": "engineer", **_SPELLINGS}
# Areas whose engineer is another job than its developer ("Data Engineer" builds pipelines,
# "Solutions Engineer" sells): there a developer stays a developer.
_ENGINEER_APART = frozenset("data solution solutions sales support field customer".split())
# Ranks name a team's head, whose department's words differ by job ("Development Manager"
# and "Engineering Manager"): never one opening in other words.
_RANKS = frozenset("manager director lead head vp chief officer".split())
# A bare role ("engineer", "developer") is no repeat: a post can hire "engineers and developers"
# as two readings; a synonym repeat names an area or a rank beside its noun.
_MIN_SYNONYM_WORDS = 2
# Role nouns that end a title naming a job rather than an area ("Developer Relations Engineer",
# not "Developer Relations").
_ROLE_ENDS = frozenset(
    "engineer engineers eng engs developer developers programmer programmers dev devs".split()
)
# List marks before a line or a field of one ("+ Backend Engineer", "* Sr. SRE").
_LIST_MARK = re.compile(r"^[\s*•·>#+-]*(?:\d{1,2}[.)]\s*)?")
# What may not follow a title's letters for it to open a field as a whole word.
_WORD_CHARS = frozenset(string.ascii_lowercase + string.digits)
# `_standing` reads the list fields of one post for each title of a group: a few posts are kept.
_POSTS_IN_READING = 4


def _synonym_words(title: str) -> frozenset[str]:
    """A title's words with role nouns of one job and spellings of one word made one."""
    words = title_words(title)
    same = _SPELLINGS if words & _ENGINEER_APART else _SYNONYMS
    return frozenset(same.get(w, w) for w in words)


def _list_lines(text: str) -> list[str]:
    """A post's lines in lower case that list openings: those below the first, and the first
    too when a line below opens with its first field ("Quillmoss | Front-end Engineer" and
    "Quillmoss | Front-end Developer", one header per opening)."""
    header, _, body = text.lower().partition("\n")
    lines = body.splitlines()
    company = header.split("|", 1)[0].strip()
    if "|" in header and company and any(ln.split("|", 1)[0].strip() == company for ln in lines):
        lines.append(header)
    return lines


@lru_cache(maxsize=_POSTS_IN_READING)
def _list_fields(text: str) -> tuple[str, ...]:
    """The '|' fields of a post's listing lines (`_list_lines`), list marks and spaces stripped."""
    return tuple(
        _LIST_MARK.sub("", field).strip() for line in _list_lines(text) for field in line.split("|")
    )


def _own_line(title: str, text: str) -> bool:
    """Whether a title opens a listing line, or a '|' field of one, as a whole word."""
    # a test of the title's letters and the character after them: a pattern made for each title
    # was compiled anew for most of them (titles outnumber the pattern cache)
    low = title.lower()
    end = len(low)
    return any(
        field.startswith(low) and field[end : end + 1] not in _WORD_CHARS
        for field in _list_fields(text)
    )


def _standing(opening: Opening, text: str) -> tuple[bool, int, bool]:
    """How a title is written, best first: ending in a role noun ("Security Engineer", not the
    area "Security Engineering" nor "Developer Relations"), its place (2 a listing line or
    field of its own, 1 in the header, 0 elsewhere), not prose."""
    if _own_line(opening.title, text):
        place = 2
    else:
        place = 1 if opening.title.lower() in text.partition("\n")[0].lower() else 0
    ends = _WORD.findall(_BRACKETS.sub("", opening.title.lower()))[-1:]
    return bool(ends) and ends[0] in _ROLE_ENDS, place, not _is_prose(opening.title)


def without_synonym_repeats(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings without a repeat of a title in other words for the same job, of the same family
    and level: an area gives way to a role noun, a title in the header or in prose to one
    listed on a line of its own ("Frontend Developer" and "Frontend Engineer"); titles alike in
    both on lines or in the header (two list lines, two header fields) are two openings; among
    mentions elsewhere the better written stays (`_standing`; the first of equals)."""
    if len(openings) < 2:
        return list(openings)
    groups: dict[tuple[str, str, frozenset[str]], list[Opening]] = {}
    for opening in openings:
        words = _synonym_words(opening.title)
        if len(words) >= _MIN_SYNONYM_WORDS and not words & _RANKS:
            groups.setdefault((opening.role_family, opening.seniority, words), []).append(opening)
    dropped: set[str] = set()
    for members in groups.values():
        # most groups hold one title: its standing, a scan of the post, would decide nothing
        if len({o.title.lower() for o in members}) < 2:
            continue
        standings = {o.title.lower(): _standing(o, text) for o in members}
        best = max(standings.values())
        if best[1] > 0:
            chosen = {t for t, s in standings.items() if s[:2] == best[:2]}
        else:
            chosen = {next(t for t, s in standings.items() if s == best)}
        dropped |= set(standings) - chosen
    return [o for o in openings if o.title.lower() not in dropped]
