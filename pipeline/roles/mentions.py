"""Openings of the two families that a post only mentions: requirements, skill lists, its sector.

The readers of an HN post take a title or a bare discipline wherever it stands in a list or a
hiring phrase. Some of those places only mention the field: the skills a candidate should have
("The ideal candidate will also have some experience in:" above "- Data science"; "expertise in
the areas of ... data science"), a stack after a title ("Senior Developer: Python, Machine
Learning, Data Science"; "- Python, ML, Spark or Hadoop"), the company's sector in the header
("B2B SaaS / AI"). An opening of a compared family whose every place in the post is such a
mention is dropped; one place that may name the opening keeps it (docs/roles.md, "Never
openings"). So is a bare discipline that only qualifies a later role noun of another kind
("ML and CompBio scientists").
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hn_patterns import MAX_POST_CHARS, REQUIREMENT_HEADING
from pipeline.roles.titles import Opening
from pipeline.roles.vocabulary import TECHNOLOGIES

# Words of a hiring phrase or a list of openings: a mention they govern may be the opening.
_HIRING = re.compile(
    r"\b(?:as\s+well\s+as|join\s+us|hiring|looking\s+for|seeking|searching\s+for|recruiting|"
    r"need|want|open\s+(?:roles|positions)|roles?|positions?|openings?)\b",
    re.I,
)
# What a candidate should bring, before the mention in its sentence ("experience in", "expertise
# in the areas of", "knowledge of"): the mention is a skill.
_REQUIREMENT = re.compile(
    r"\b(?:experience|expertise|background|knowledge|familiarity|proficiency|skills?|"
    r"understanding)\s+(?:[\w-]+\s+){0,2}(?:in|with|of|about)\b",
    re.I,
)
# Expertise that the poster hires ("We're looking for expertise in Go, Python, data science"):
# the areas after it are openings (hired_areas.py), not what a candidate should bring.
_HIRED_EXPERTISE = re.compile(
    r"\b(?:we|i)(?:'re|’re|'m|’m|\s+are|\s+am)?\s+(?:[a-z]+ly\s+|always\s+|also\s+|now\s+)*"
    r"(?:looking\s+for|seeking|searching\s+for|hiring|recruiting)\s+$",
    re.I,
)
_MORE_INFO = re.compile(r"\b(?:info|details|more|see|apply|links?)\b", re.I)
_REQUIREMENT_LABEL = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:bonus|plus|nice\s+to\s+have|requirements?)\s*:", re.I
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪►>]+|\d{1,2}[.)])\s*")
# A title with a role noun names a role even in a list of skills; only bare disciplines ("Data
# science", "ML") are read as skills there.
_ROLE_NOUN = re.compile(
    r"\b(?:scientists?|engineers?|developers?|devs?|leads?|managers?|directors?|"
    r"head|interns?|researchers?|architects?|programmers?)\b",
    re.I,
)
# A bare discipline coordinated before a role noun that is no engineer shares that noun: "hiring
# ML and CompBio scientists", "deep learning and machine learning researchers", "an AI and
# technology expert" name scientists, researchers and experts, not ML engineers.
_SHARED_OTHER_HEAD = re.compile(
    r"\s*(?:and|&)\s+(?:[\w-]+\s+){0,2}(?:scientists?|researchers?|analysts?|specialists?|"
    r"experts?|statisticians?)\b",
    re.I,
)
# A label naming openings ("Open positions include: C++ engineer, ML ..."): its list is no stack.
_OPENINGS_LABEL = re.compile(r"\b(?:roles?|positions?|openings?|jobs?|hiring|vacanc\w+)\b", re.I)
_STACK_WORDS = TECHNOLOGIES | {
    "hadoop", "spark", "tensorflow", "pytorch", "pandas", "numpy", "scipy", "jupyter", "sklearn",
    "scikit-learn", "keras", "opencv", "sql", "nosql", "docker", "kubernetes", "aws", "gcp",
    "azure", "mongodb", "redis", "kafka", "cassandra", "elasticsearch", "linux", "matlab", "sas",
    "hive", "flask", "django", "nodejs", "node.js", "postgres", "mysql", "ts",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9+#.-]+")
# Market words that, joined to a discipline by " / " in the header, make it the sector ("B2B SaaS / AI").
_SECTOR_WORDS = frozenset(
    "saas b2b b2c fintech healthtech edtech proptech insurtech legaltech govtech climatetech "
    "deeptech marketplace e-commerce ecommerce".split()
)
# Where a piece of a line ends: field and clause marks, parentheses.
_PIECE_END = re.compile(r"[|;()\[\]]")
_ITEM_SPLIT = re.compile(r",|\s+or\s+|\s+and\s+")
# A stack lists at least two technologies; after a role or a bare label at least this share of
# its items are technologies ("Data Science: Jupyter, Sklearn, Pandas, NumPy").
_MIN_STACK_ITEMS = 2
_STACK_SHARE = 0.75
# A body sentence of this many words, without a hiring word or a colon before the mention, is
# description: no reader takes an opening from there, so a mention in it neither keeps nor
# drops one.
_PROSE_WORDS = 8
# The header's last characters before a discipline read for a sector word.
_SECTOR_REACH = 30
# The places of a title judged: a post that names its title more often than this is judged by its
# first ones, so that a title repeated along a long line costs a bounded number of readings.
_MAX_PLACES = 20
# The characters before a place read for its sentence: longer sentences are rare, and reading
# further back made each place cost the whole line.
_SENTENCE_REACH = 1_000


def without_mentions(text_plain: str, found: list[Opening]) -> list[Opening]:
    """found without the openings of the compared families that text_plain only mentions."""
    if not any(o.role_family in COMPARED_ROLES for o in found):
        return found
    return [
        o
        for o in found
        if o.role_family not in COMPARED_ROLES or not _only_mentioned(text_plain, o.title)
    ]


@lru_cache(maxsize=16_384)
def _only_mentioned(text: str, title: str) -> bool:
    """Every judged place of title in text is a mention, and at least one is no plain prose."""
    bare = _ROLE_NOUN.search(title) is None
    kinds = []
    text = text[:MAX_POST_CHARS]
    places = re.finditer(r"(?<!\w)" + re.escape(title.strip()) + r"(?!\w)", text, re.I)
    for _, m in zip(range(_MAX_PLACES), places, strict=False):
        kind = _mention_kind(text, m.start(), len(title.strip()), bare)
        if kind is None:
            return False
        kinds.append(kind)
    return any(kind != "prose" for kind in kinds)


def _mention_kind(text: str, at: int, size: int, bare: bool) -> str | None:
    """What the place at `at` is, when it only mentions the field; None when it may be the opening."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : len(text) if end < 0 else end]
    before = text[max(start, at - _SENTENCE_REACH) : at]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    sentence = before[cut + 1 :] if cut >= 0 else before
    if any(
        not _HIRING.search(sentence, m.start())
        and not _HIRED_EXPERTISE.search(sentence, 0, m.start())
        for m in _REQUIREMENT.finditer(sentence)
    ):
        return "requirement"
    if bare:
        if _SHARED_OTHER_HEAD.match(text, at + size):
            return "qualifier"
        if start > 0 and _BULLET.match(line) and _under_requirement_heading(text, start):
            return "requirement"
        if _REQUIREMENT_LABEL.match(line):
            return "requirement"
        # the header's own stack fields are the header reader's ("Computer Vision, C++, Python"
        # alone there is the post's only account of its opening)
        if start > 0 and _in_stack(line, at - start, size):
            return "stack"
        if start == 0 and before.rstrip().endswith("/"):
            field = before[-_SECTOR_REACH:].split("|")[-1].lower()
            if _SECTOR_WORDS.intersection(_WORD.findall(field)):
                return "sector"
    if (
        start > 0
        and len(line.split()) >= _PROSE_WORDS
        and not _BULLET.match(line)
        and ":" not in sentence
        and not _HIRING.search(sentence)
    ):
        return "prose"
    return None


def _under_requirement_heading(text: str, line_start: int) -> bool:
    """The nearest line above that is no bullet is a requirements heading ending in ":"."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end].strip()
        if above and not _BULLET.match(above):
            return (
                above.endswith(":")
                and REQUIREMENT_HEADING.search(above) is not None
                and not _MORE_INFO.search(above)
                and not _HIRING.search(above)
            )
        end = start - 1
    return False


def _in_stack(line: str, at: int, size: int) -> bool:
    """The place is an item of a list of technologies, or the label of one."""
    ends = [m.end() for m in _PIECE_END.finditer(line, 0, at)]
    first = ends[-1] if ends else 0
    stop = _PIECE_END.search(line, at + size)
    piece = line[first : stop.start() if stop else len(line)]
    where = at - first
    colon = piece.find(":")
    if 0 <= colon < where:
        # "Senior Developer: Python, Machine Learning, Data Science"
        label = piece[:colon]
        if _OPENINGS_LABEL.search(label):
            return False
        techs = _technologies(piece[colon + 1 :])[0]
        return techs >= _MIN_STACK_ITEMS or (techs >= 1 and _ROLE_NOUN.search(label) is not None)
    if colon >= where + size:
        # "Data Science: Jupyter, Sklearn, Pandas, NumPy, SciPy"
        techs, items = _technologies(piece[colon + 1 :])
        return items >= _MIN_STACK_ITEMS and techs >= items * _STACK_SHARE
    if _HIRING.search(line, 0, at):
        return False
    return _technologies(piece)[0] >= _MIN_STACK_ITEMS


def _technologies(items_text: str) -> tuple[int, int]:
    """(technologies, items) of a comma list."""
    items = [i for i in _ITEM_SPLIT.split(items_text) if i.strip()]
    techs = 0
    for item in items:
        words = _WORD.findall(item.lower())
        if words and words[0].strip(".") in _STACK_WORDS:
            techs += 1
    return techs, len(items)
