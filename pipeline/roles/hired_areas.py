"""Openings an HN post names as the areas of the talent or people it hires.

"We're looking for expertise in Go, Python, data science (ML and NLP), mobile, and web", "We are
always looking for talent in data science, engineering and devops", "looking for mid or senior
people in all things data (analysis, analytics, data engineering, data science)": the poster
hires expertise, talent or people, and the areas after "in" are the openings. The sentence readers
end a role phrase at "in", and "expertise in" elsewhere is a requirement ("engineers with
expertise in ML"); here the expertise is what is hired, so the areas count, with the other areas
of their list. The same goes for a hire "across" areas ("We are hiring across ML engineering,
data science, front-end and sales", "Acme is hiring engineers across the team - Applied AI, Full
Stack, Backend", "looking for talent across Data, Computer Vision, Machine Learning"), and for
the areas in the parenthesis of the roles hired ("Hiring for all roles (engineering, design,
data science)", "hiring for other positions (design, machine learning, back-end)", "hiring
engineers (frontend, mobile, data science)"), and for the kinds of engineers hired after a colon
or a phrase of their variety ("looking for all types of engineers: backend, data, machine
learning", "engineers across multiple disciplines (machine learning, robotics)"): a bare
discipline in a list of openings or engineering areas stands for its opening (docs/roles.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume, negated_before
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE, REQUIREMENT_WORD
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding, lowered
from pipeline.roles.titles import Opening

# The poster hires ("we're always looking for", "I am hiring") a few words of who ("either mid or
# senior", "passionate", "AI") that hold no clause word, then expertise, talent or people "in"
# the areas. "Experts" and "specialists in ML" are titles of their own, other whatever their areas
# (docs/roles.md), and are not read. A company that helps others hire ("helping teams looking for
# talent in ...") has no poster subject and is not read.
_HIRED_AREAS = re.compile(
    # the look-ahead spares trying the pronouns at every word start
    r"\b(?=[iw])(?:we|i)(?:'re|’re|'m|’m|\s+are|\s+am)?\s+"
    r"(?:(?:always|also|currently|now|still|actively|constantly|especially|particularly)\s+)*"
    r"(?:looking\s+for|seeking|searching\s+for|hiring|recruiting)\s+"
    r"(?P<who>(?:[\w-]+\s+){0,4}?)"
    r"(?:expertise|talent|people|folks)\s+in\s+"
    r"(?:all\s+things\s+[\w-]+\s*\((?P<inner>[^()]+)\)|(?P<list>[^.!?;\n]+))",
    re.I,
)
# A hire "across" areas: the poster and a hiring verb, at most a noun of who, then "across" and
# the areas, after "the team -" or "the company:" where the poster names the whole first. The
# poster is "we" or "I", "are" after "we" or "and" ("we are growing and are hiring"), or "is"
# after a capitalised name (checked in code, as the pattern ignores case): "Many of our customers
# are hiring across" and "This person is recruiting across" name someone else's hires. Any other
# "across the ..." ("the board", "the stack", "the globe") is the reach of the hiring; its ranges
# are read in hiring_phrases.py.
_HIRED_ACROSS = re.compile(
    r"(?:\b(?=[iw])(?:we|i)(?:'re|’re|'m|’m|\s+are|\s+am)|\band\s+are"
    r"|(?<![\w&-])(?P<name>[\w&-]+\.?)\)?\s+is)\s+"
    r"(?:(?:always|also|currently|now|still|actively|constantly)\s+)*"
    r"(?:looking\s+for|seeking|searching\s+for|hiring|recruiting)\s+"
    r"(?:(?:engineers|people|talent|folks|candidates)\s+)?across\s+"
    # "across the board", "across the globe": the reach of the hiring, not its areas
    r"(?!the\s+(?!(?:team|company|org|organi[sz]ation)\b))"
    r"(?P<whole>(?:the|our)\s+(?:team|company|org|organi[sz]ation)\s*(?:[-–—:]\s*|,\s+))?"
    r"(?P<list>[^.!?;\n]+)",
    re.I,
)
# Capitalised words before "is" that are no poster's name: a pronoun, a question or a sentence's
# first word that points elsewhere.
_NOT_A_NAME = frozenset(
    "this that it who what which there here he she everyone everybody someone somebody "
    "nobody one each every anyone".split()
)
# The areas of the roles or engineers hired in a parenthesis right after them: the poster's
# hiring verb, at most six words of which ("for all", "multiple senior", "talented designers
# and"), the noun, then the parenthesis of at least two items. The first item holds no comma or
# parenthesis, so a "(" left open over many commas is tried once per start, not once per comma.
_HIRED_PAREN = re.compile(
    r"\b(?:hiring|recruiting|looking\s+for|seeking|searching\s+for)\s+"
    r"(?P<who>(?:[\w-]+\s+){0,6}?)"
    r"(?:roles|positions|openings|engineers|developers)\s*"
    r"(?:(?:right\s+)?now\s*|currently\s*)?"
    r"\((?P<list>[^(),]*,[^()]*)\)",
    re.I,
)
# The kinds of engineers hired, named after a colon ("looking for all types of engineers:
# full-stack, backend, data, machine learning") or in a parenthesis after a phrase of their
# variety ("searching for engineers across multiple disciplines (machine learning, robotics,
# devops)", "engineers to join our teams in a variety of areas (...)", "engineers of all kinds
# (...)"): the engineering areas of the openings. The colon list ends at a sentence or a
# parenthesis; a parenthesis right after the noun is _HIRED_PAREN's.
_HIRED_KINDS = re.compile(
    r"\b(?:hiring|recruiting|looking\s+for|seeking|searching\s+for)\s+"
    r"(?P<who>(?:[\w-]+\s+){0,5}?)"
    r"engineers"
    r"(?:\s+(?:to\s+join\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}?teams?\s+)?"
    r"(?:(?P<prep>in|across|from|of)\s+(?:a\s+(?:wide\s+)?(?:variety|range)\s+of|various|"
    r"multiple|many|several|different|all)\s+"
    r"(?P<variety>disciplines|areas|fields|domains|teams|kinds|types)"
    r"|of\s+all\s+(?:kinds|types|sorts|stripes))\s*\((?P<paren>[^()]+)\)"
    r"|\s*:\s*(?P<colon>[^.!?;\n()]+))",
    re.I,
)
# A colon list of kinds holds at least this many areas, each of a few words: one area after a
# colon is as often the start of a sentence ("engineers: you will ...").
_KINDS_AT_LEAST = 2
_KIND_WORDS = 3
_ENGINEERS = "engineers"
# Adverbs between a negation and the hiring verb ("we are not currently seeking"), and how far
# back they are looked for.
_ADVERBS_BEFORE = re.compile(
    r"(?:\b(?:currently|now|actively|still|always|also|presently|really)\s+)+$", re.I
)
_ADVERB_REACH = 40
# Others who hire, as the subject of the sentence or right before the verb ("Our clients are
# looking for engineers: ...", "a job board for companies looking for engineers across many
# fields (...)"): their engineers are not the poster's openings. The poster's own teams ("our
# teams are hiring") are not others. The sentence is looked at back to its stop, at most
# _SUBJECT_REACH characters.
_OTHERS = r"(?:companies|clients|customers|employers|startups|(?<!\bour\s)teams|job\s+boards?)"
_OTHERS_SUBJECT = re.compile(
    rf"^\W*(?:(?:many|some|most|all)\s+of\s+)?(?:(?:our|the|these|other)\s+)?{_OTHERS}\b", re.I
)
_OTHERS_BEFORE = re.compile(
    rf"\b{_OTHERS}\s+(?:(?:that|who)\s+)?(?:(?:are|is)\s+)?"
    r"(?:(?:always|also|currently|now|still|actively)\s+)*$"
    r"|\bjob\s+boards?\b",
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.!?;\n]")
_SUBJECT_REACH = 120
# Engineers "from" teams are the people a post works with or meets, not the kinds it hires.
_FROM_TEAMS = ("from", "teams")
# The start words of the hiring verbs _HIRED_PAREN needs, one of which a line must hold first.
_HIRING_VERBS = ("hiring", "recruiting", "looking", "seeking", "searching")
# Words of "which" that make the roles someone else's ("hiring managers with roles (...)"); a
# parenthesis worded as a requirement ("engineers (with ML experience, ...)") names no areas.
_PAREN_WHO_BLOCK = frozenset("with who that which to your their".split())
# Words of a parenthesis or a "the company:" list that make it prose about the product, the team
# or a link ("engineers (our product does ML, search)", "(see https://..., ML)", "(ideally ML,
# data science)"), not the areas hired. Kept apart from the shared requirement pattern, which
# reads a candidate's experience, not the poster's prose.
_PROSE_WORDS = frozenset("our we we're we’re us the see e.g. eg ideally preferably i.e. ie".split())
_LINK = re.compile(r"https?://|www\.", re.I)
_WORD = re.compile(r"[\w.'’]+")
# Words of "who" that make the noun something else than the hire: a clause ("someone with deep
# expertise in") or a reference to others ("people who work in").
_WHO_BLOCK = frozenset("with who that which to for of our your their other".split())
_LEADING_JOIN = re.compile(r"^(?:and|or|&)\s+", re.I)
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:,|;|\band\b)\s*", re.I)
# The nouns the pattern needs, one of which a line must hold to be read.
_NOUNS = ("expertise", "talent", "people", "folks")
_AREAS_IN = " in "
_ACROSS = "across"
_PAREN_OPEN = "("
_FAMILIES = COMPARED_ROLES


def hired_area_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families named as the areas of the people a post hires that `found`
    lacks, with the other areas of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    low = lowered(text)
    has_nouns = _AREAS_IN in low and any(w in low for w in _NOUNS)
    cues = tuple(
        cue
        for cue, present in (
            *((noun, has_nouns) for noun in _NOUNS),
            (_ACROSS, _ACROSS in low),
            (_PAREN_OPEN, _PAREN_OPEN in low),
            (_ENGINEERS, _ENGINEERS in low),
        )
        if present
    )
    if not cues or is_resume(text):
        return []
    lists = [_line_specs(line) for line in lines_holding(text, cues, folding=True)]
    return list_openings(lists, found)


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The areas one line names as those of the people hired."""
    low = lowered(line)
    found: list[Spec] = []
    if _AREAS_IN in low and any(w in low for w in _NOUNS):
        for m in _HIRED_AREAS.finditer(line):
            if _WHO_BLOCK.intersection(m.group("who").lower().split()):
                continue
            listed = m.group("inner") or m.group("list")
            phrase = until_prose(PAREN_ASIDE.sub(" ", listed) if m.group("list") else listed)
            # each comma item is an area: "data engineering, data science" is two, not a title
            # and its team
            found.extend(_comma_areas(phrase))
    if _ACROSS in low:
        for m in _HIRED_ACROSS.finditer(line):
            if not _is_poster(m.group("name")):
                continue
            if m.group("whole") and _is_prose(m.group("list")):
                continue
            found.extend(_comma_areas(until_prose(PAREN_ASIDE.sub(" ", m.group("list")))))
    if _PAREN_OPEN in low and any(v in low for v in _HIRING_VERBS):
        for m in _HIRED_PAREN.finditer(line):
            if _PAREN_WHO_BLOCK.intersection(m.group("who").lower().split()):
                continue
            if REQUIREMENT_WORD.search(m.group("list")) or _is_prose(m.group("list")):
                continue
            for item in _ITEM_SEP.split(m.group("list")):
                item = _LEADING_JOIN.sub("", item.strip())
                found.extend(s for s in item_specs(item) if s[0].kind != "none")
    if _ENGINEERS in low and any(v in low for v in _HIRING_VERBS):
        found.extend(_hired_kinds(line))
    return tuple(found)


def _hired_kinds(line: str) -> list[Spec]:
    """The areas of the kinds of engineers a line hires, after a colon or in the parenthesis
    after a phrase of their variety; a list worded as prose or a requirement names none."""
    found: list[Spec] = []
    for m in _HIRED_KINDS.finditer(line):
        if _PAREN_WHO_BLOCK.intersection(m.group("who").lower().split()):
            continue
        if _is_denied(line, m.start()) or _is_others_hiring(line, m.start()):
            continue
        if (str(m.group("prep")).lower(), str(m.group("variety")).lower()) == _FROM_TEAMS:
            # "engineers from multiple teams (...)": people a post meets, not the kinds it hires
            continue
        listed = m.group("paren") or m.group("colon")
        if REQUIREMENT_WORD.search(listed) or _is_prose(listed):
            continue
        items = [_LEADING_JOIN.sub("", item.strip()) for item in _ITEM_SEP.split(listed)]
        items = [item for item in items if item]
        specs = [[s for s in item_specs(item) if s[0].kind != "none"] for item in items]
        if m.group("colon") is not None and (
            len(items) < _KINDS_AT_LEAST
            or any(len(item.split()) > _KIND_WORDS for item in items)
            or not all(specs[:-1])  # every area but a closing "etc." or "and more"
        ):
            continue
        found.extend(s for item_specs_ in specs for s in item_specs_)
    return found


def _is_denied(line: str, verb: int) -> bool:
    """Whether a negation comes before the hiring verb at `verb`, over its adverbs ("not
    looking for", "no longer hiring", "not currently seeking")."""
    window = line[max(0, verb - _ADVERB_REACH) : verb]
    adverbs = _ADVERBS_BEFORE.search(window)
    return negated_before(line, verb - (len(window) - adverbs.start()) if adverbs else verb)


def _is_others_hiring(line: str, verb: int) -> bool:
    """Whether the sentence before the hiring verb at `verb` makes the hiring someone else's."""
    start = max(0, verb - _SUBJECT_REACH)
    stops = list(_SENTENCE_STOP.finditer(line, start, verb))
    sentence = line[stops[-1].end() if stops else start : verb]
    if (stops or start == 0) and _OTHERS_SUBJECT.search(sentence):
        return True
    return _OTHERS_BEFORE.search(sentence) is not None


def _comma_areas(phrase: str | None) -> list[Spec]:
    """The areas of each comma item of a phrase."""
    found: list[Spec] = []
    for item in phrase.split(",") if phrase else ():
        item = _LEADING_JOIN.sub("", item.strip())
        found.extend(s for s in item_specs(item) if s[0].kind != "none")
    return found


def _is_poster(name: str | None) -> bool:
    """Whether the word before "is" names a poster: a capitalised name, not a pronoun; true when
    the subject was "we", "I" or "and are"."""
    if name is None:
        return True
    return name[:1].isupper() and name.lower().rstrip(".") not in _NOT_A_NAME


def _is_prose(listed: str) -> bool:
    """Whether a list reads as prose about the product, the team or a link, not areas."""
    if _LINK.search(listed):
        return True
    return any(w.lower() in _PROSE_WORDS for w in _WORD.findall(listed))
