"""Openings an HN post names in hiring phrasings the list and sentence readers miss.

"We're hiring everyone from generalist engineers to frontend specialists to ML engineers",
"looking to fill positions from Front-End Engineering to Data Science": a range of openings, each
end and every step between them a role or an area. "Looking for a Lead Data Scientist in addition
to Android and Machine Learning engineers": the roles after "in addition to" in a hiring
sentence. "Product Engineer (we're also hiring Data Scientists)": a parenthesis that hires. The
sentence readers stop at "from", "to" and the parenthesis; this module reads them and adds the
families the other readers missed, with the other roles of their list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _until_prose as until_prose
from pipeline.roles.hiring_lists import is_resume, roles_listed
from pipeline.roles.hn_patterns import MAX_POST_CHARS, PAREN_ASIDE
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening

_OPENINGS_CUE = (
    r"\b(?:hiring|recruiting|looking\s+(?:for|to\s+(?:fill|hire))|seeking|searching\s+for|"
    r"roles|positions|openings|jobs|vacancies)\b"
)
# A cue for openings, a few words that say which ("everyone", "across the board", "a range of
# roles -"), then "from A to B (to C)". The words between are checked against `_RANGE_GAP_WORDS`:
# "hiring people who want to move from X to Y" or "solutions ranging from X to Y" is no range of
# openings. A sentence may end between them ("all kinds of roles. From backend engineers, to ...").
_RANGE = re.compile(
    # the look-ahead for the cue words' first letters spares trying each cue at every character
    r"(?=[hjloprsv])" + _OPENINGS_CUE + r"(?P<gap>[^!?;\n]{0,60}?)\bfrom\s+(?P<list>[^.!?;\n]+)",
    re.I,
)
_RANGE_GAP_WORDS = frozenset(
    "everyone everything anyone all kinds sorts types of different engineers engineering "
    "technical people folks talent developers roles positions openings jobs for across the "
    "board stack spectrum our a an range wide broad variety number few several multiple many "
    "open available throughout ranging ranges that which pretty much in areas disciplines "
    "levels way is are we have currently now also labs teams offices company org group functions "
    "departments".split()
)
_GAP_WORD = re.compile(r"[a-z]+")
# "to" joins the steps of a range; "all the way to" its last one.
_RANGE_STEP = re.compile(r"\s*,?\s*\b(?:all\s+the\s+way\s+)?to\s+", re.I)
# "In addition to Android, SRE, and Machine Learning engineers": the list is the roles named.
_IN_ADDITION = re.compile(
    r"\bin\s+addition\s+to\s+(?:(?:a|an|the|our|some|several)\s+)?(?P<list>[^.!?;\n()]+)",
    re.I,
)
# The sentence around "in addition to" hires: a verb or a noun for openings.
_HIRING_SENTENCE = re.compile(
    r"\b(?:hiring|hire|recruiting|looking\s+for|seeking|searching\s+for|need|roles?|"
    r"positions?|openings?)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<!\bSr)(?<!\bJr)[.!?]\s+")
# "(we're also hiring Data Scientists)", "(also looking for ML engineers)": a parenthesis that
# opens with the poster hiring. A bare "(hire a data scientist, ...)" is an instruction or an
# example, not an opening.
_HIRING_ASIDE = re.compile(
    r"\(\s*(?:(?:we|we're|we’re|we\s+are|we\s+also|we're\s+also|we’re\s+also|we\s+are\s+also|"
    r"also|now|and\s+we(?:'re|’re|\s+are)?(?:\s+also)?)\s+(?:hire|hiring|looking\s+for|seeking|"
    r"recruiting|searching\s+for)|(?:now\s+)?hiring)(?:\s*:)?\s+(?:for\s+)?"
    # the list starts at a word and is taken whole (possessive): a parenthesis left open in a
    # long line fails at once instead of trying every split of the spaces before it
    r"(?P<list>[^()\s][^()]*+)\)",
    re.I,
)
# "We have openings across the board, including Engineering, Data Science, ...", "hiring all
# sorts of roles - including engineering, ..., data science -", "a few other roles as well,
# including marketers, ... & data scientists": a list after a generic object of a hiring verb or
# a noun for openings. The cue is the last one before the anchor in its sentence.
_LIST_ANCHOR = re.compile(
    r"(?:^|[\s,–—-])(?:including|such\s+as|e\.g\.|incl\.)\s*:?\s*(?P<list>[^.!?;\n()]+)", re.I
)
_OPENINGS_CUE_RE = re.compile(_OPENINGS_CUE, re.I)
# How far before its anchor a cue is looked for: a generic object is a few words.
_MAX_GAP_CHARS = 90
_CLAUSE_END = re.compile(r"[.!?;:()]")
# Words between the cue and the anchor that make the list something else than openings: a
# purpose or a requirement ("engineers to work on projects including ...", "with skills in
# disciplines including ..."), or a noun the list then names ("teams including", "customers").
_GAP_BLOCK = re.compile(
    r"\b(?:to(?!\s+(?:hire|fill|add)\b)|with|who|that|which|whose|experience|skills?|projects?|"
    r"products?|customers?|clients?|companies|industries|technologies|tools|languages|stacks?|"
    r"partners|investors|work|working|build|building|problems|teams?|levels|backgrounds)\b",
    re.I,
)
# Words one of the forms needs (a range, "in addition to", a generic list, a parenthesis): a post
# with none of them is not read further.
_LIST_TRIGGERS = ("includ", "such as", "e.g.", "incl.")
_TRIGGERS = ("from ", "addition", "(", *_LIST_TRIGGERS)
_FAMILIES = COMPARED_ROLES


def hiring_phrase_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a range, an "in addition to" or a hiring parenthesis names
    that `found` lacks, with the other roles of their list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES):
        return []
    # a line holding none of the words names nothing (see _line_specs)
    lines = lines_holding(text, _TRIGGERS)
    if not lines or is_resume(text):
        return []
    return list_openings(map(_line_specs, lines), found)


@lru_cache(maxsize=65_536)
def _line_specs(line: str) -> tuple[Spec, ...]:
    """The roles and areas one line names in the forms of the module docstring."""
    low = line.lower()
    found: list[Spec] = []
    if "from " in low:
        for m in _RANGE.finditer(line):
            found.extend(_range(m.group("gap"), m.group("list")))
    if "addition" in low:
        for m in _IN_ADDITION.finditer(line):
            if _HIRING_SENTENCE.search(_sentence_at(line, m.start())):
                found.extend(roles_listed(m.group("list")))
    if any(word in low for word in _LIST_TRIGGERS):
        found.extend(_generic_lists(line))
    if "(" in low and ("hir" in low or "look" in low or "seek" in low or "recruit" in low):
        for m in _HIRING_ASIDE.finditer(line):
            found.extend(roles_listed(m.group("list")))
    return tuple(found)


def _generic_lists(line: str) -> list[Spec]:
    """Specs of the lists that follow a hiring cue and its generic object in one line."""
    found: list[Spec] = []
    for m in _LIST_ANCHOR.finditer(line):
        before = line[max(0, m.start() - _MAX_GAP_CHARS) : m.start()]
        ends = list(_CLAUSE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        cues = list(_OPENINGS_CUE_RE.finditer(before))
        if not cues or _GAP_BLOCK.search(before, cues[-1].end()):
            continue
        phrase = until_prose(m.group("list"))
        if phrase:
            found.extend(s for s in item_specs(phrase) if s[0].kind != "none")
    return found


def _range(gap: str, listed: str) -> list[Spec]:
    """Specs of the steps of "from A to B (to C)", when a cue's words lead to it and at least
    its first two steps each name a role or an area."""
    gap = gap.lower().strip()
    if gap.endswith("."):
        gap = gap[:-1]
    if "." in gap or any(w not in _RANGE_GAP_WORDS for w in _GAP_WORD.findall(gap)):
        return []
    steps: list[list[Spec]] = []
    for step in _RANGE_STEP.split(PAREN_ASIDE.sub(" ", listed)):
        phrase = until_prose(step)
        specs = [s for s in item_specs(phrase) if s[0].kind != "none"] if phrase else []
        if not specs:
            break
        steps.append(specs)
    if len(steps) < 2:
        return []
    return [s for specs in steps for s in specs]


def _sentence_at(line: str, at: int) -> str:
    """The sentence of `line` that holds position `at`."""
    starts = [m.end() for m in _SENTENCE_END.finditer(line, 0, at)]
    start = starts[-1] if starts else 0
    end = _SENTENCE_END.search(line, at)
    return line[start : end.start() if end else len(line)]
