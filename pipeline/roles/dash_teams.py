"""Header titles whose dashed team or areas hold an AI area ("Software Engineer - ML Tooling").

"Acme | Senior Software Engineer - Data / Machine Learning / Statistics | Remote", "Software
Engineer - Confidential Computing and AI", "Research Engineers/Scientists - Planning, Control,
Sensor Fusion, AI, Image Processing": the words after the title's dash name its team or areas,
and an AI area among them qualifies the opening as the title classifier reads it (docs/roles.md,
"ai_engineer": an AI qualifier in any segment). The header reader cuts a team of more than a few
words, or one whose title the body repeats bare, and so loses the family. Here a header piece
that is an engineering title, followed after a dash by a short list of areas one of which is an
AI area on its own, names the AI engineer. A stack after the dash ("Full-Stack Engineer —
TypeScript / Postgres / React / AI") and a product described there ("Founding Engineer — AI
Product Intelligence Platform") name no team, nor do facts about the company ("Software
Engineer - Series B, 40 people, AI").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import REQUIREMENT_WORD
from pipeline.roles.list_items import item_specs
from pipeline.roles.titles import Opening, classify_title, parse_title
from pipeline.roles.vocabulary import TECHNOLOGIES
from pipeline.roles.wording import is_prose

_AI = "ai_engineer"
# The header's fields, then each field's pieces at a spaced dash ("Title - Team - 4 day week").
_FIELD_SEP = re.compile(r"\|")
_DASH = re.compile(r"\s[-–—]{1,2}\s|[–—]")
# The areas of a team, at slashes, commas, "&", "+", "and", "or".
ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:/|,|;|\+|&|\band\b|\bor\b)\s*", re.I)
# An area that is AI by itself ("AI", "Machine Learning", "ML Tooling", "LLM Infra").
_AI_AREA = re.compile(
    r"^(?:applied\s+|generative\s+|agentic\s+|conversational\s+)?"
    r"(?:AI|A\.I\.|ML|LLMs?|GenAI|NLP|computer\s+vision|deep\s+learning|machine[- ]learning|MLOps)"
    r"(?:[- ](?:native|first|powered|driven|agents?|infra(?:structure)?|platform|systems?|"
    r"tooling|tools|research|products?))?$",
    re.I,
)
# Each area of the team has at most this many words: more is a description of the product
# ("AI Product Intelligence Platform"), not an area.
_AREA_WORDS = 3
# A title before the dash has at most this many words: more is a sentence that ends in one.
_TITLE_WORDS = 6
# Facts about the company after the dash ("Software Engineer - Series B, 40 people, AI"): a
# number, a funding stage, a headcount or a way of working, not an area of the team. Only an item
# the list reader does not read as an area is looked at ("Data Platform", "Growth").
_COMPANY_FACT = re.compile(
    r"(?<!\w)\d|\b(?:series\s+[a-h]|(?:pre-?)?seed|yc|funded|bootstrapped|profitable|people|"
    r"employees|staff|remote|on-?site|hybrid|full[- ]time|part[- ]time|contract)\b",
    re.I,
)
_WORD = re.compile(r"[\w.+#-]+")
_TECHNOLOGIES = frozenset(t.lower() for t in TECHNOLOGIES)


def dash_team_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """The AI engineer a header title's dashed team names, when `found` has none."""
    if any(o.role_family == _AI for o in found):
        return []
    header = text_plain.split("\n", 1)[0]
    extra = _header_openings(header)
    if not extra or is_resume(text_plain):
        return []
    return list(extra[:1])


@lru_cache(maxsize=16_384)
def _header_openings(header: str) -> tuple[Opening, ...]:
    """The AI engineers the header's pieces name as a title and, after its dash, its areas."""
    if not _DASH.search(header):
        return ()
    found: list[Opening] = []
    for field in _FIELD_SEP.split(header):
        pieces = [p.strip() for p in _DASH.split(field)]
        for title, team in zip(pieces, pieces[1:], strict=False):
            area = ai_area_of(team)
            if area is None or not _is_title(title):
                continue
            parsed = classify_title(f"{title}, {area}")
            if parsed.role_family == _AI:
                found.append(
                    Opening(
                        title=f"{title} - {team}",
                        normalized_title=parsed.normalized_title,
                        role_family=_AI,
                        seniority=parsed.seniority,
                    )
                )
    return tuple(found)


def ai_area_of(team: str) -> str | None:
    """The AI area of a short list of areas without a stack, a requirement or a fact about the
    company; None otherwise."""
    if not team or "(" in team or ")" in team or REQUIREMENT_WORD.search(team):
        return None
    items = [item.strip(" .") for item in ITEM_SEP.split(team) if item.strip(" .")]
    if not items or any(len(item.split()) > _AREA_WORDS for item in items):
        return None
    if any(w.lower() in _TECHNOLOGIES for item in items for w in _WORD.findall(item)):
        return None
    if any(_COMPANY_FACT.search(item) and not item_specs(item) for item in items):
        return None
    return next((item for item in items if _AI_AREA.match(item)), None)


def _is_title(piece: str) -> bool:
    """An engineering title of a few words that reads as no AI engineer on its own."""
    if not piece or "(" in piece or ")" in piece or len(piece.split()) > _TITLE_WORDS:
        return False
    if is_prose(piece):
        return False
    parsed = parse_title(piece)
    return parsed.kind == "role" and parsed.family != _AI


def without_cut_readings(openings: tuple[Opening, ...], text_plain: str) -> tuple[Opening, ...]:
    """The openings without the header readers' cut reading of a title whose dashed team names
    the AI engineer: "Senior Software Engineer" beside "Senior Software Engineer - Data /
    Machine Learning / Statistics", both of one header field, are one job."""
    ai_titles = {o.title for o in openings if o.role_family == _AI}
    if not ai_titles:
        return openings  # no AI engineer to be a dashed reading: the header is not read
    header = text_plain.split("\n", 1)[0]
    dashed = ai_titles.intersection(o.title for o in _header_openings(header))
    if not dashed:
        return openings
    cut = {title.split(" - ", 1)[0] for title in dashed}
    dropped: set[str] = set()
    kept: list[Opening] = []
    for opening in openings:
        if opening.role_family != _AI and opening.title in cut and opening.title not in dropped:
            dropped.add(opening.title)  # one reading of the field; a second is a body's own
            continue
        kept.append(opening)
    return tuple(kept)
