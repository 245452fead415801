"""A header title's stated focus on AI makes it an AI engineer: "Software Engineer (with AI/ML)",
"Senior Full Stack Engineers / Focus on AI + Finance" (docs/roles.md, "Sixteenth round").

The header readers drop a parenthesis worded like a sentence ("(ML experience a plus)" is a
requirement) and split a field at a dash or slash; when what they dropped is the title's own
detail and names an AI qualifier, the title loses its family. This reader reads the header's
fields again and gives the title back its focus.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from pipeline.roles.dash_teams import ai_area_of
from pipeline.roles.hn_patterns import HEADER_SHAPED_PIPES
from pipeline.roles.titles import Opening, classify_title, parse_title

AI_FAMILY = "ai_engineer"

# A title has at most 60 characters: a longer run before the parenthesis is a sentence.
_TITLE_CHARS = 60
# A focus has at most 160 characters: a parenthesis of areas, never a paragraph.
_FOCUS_CHARS = 160
# A place or type after the parenthesis's dash ("– Remote", "- NYC or SF") has at most 40.
_TAIL_CHARS = 40
# A focus after a slash has at most 60: a few areas, never a sentence.
_SLASH_FOCUS_CHARS = 60
# A header field that is a title and its detail: "Software Engineer (with AI/ML)", also with a
# trailing place or type after a dash ("... (AI team) – Remote").
_PAREN_FIELD = re.compile(
    rf"^(?P<title>[^()|]{{3,{_TITLE_CHARS}}}?)\s*\((?P<focus>[^()|]{{3,{_FOCUS_CHARS}}})\)"
    rf"\s*(?:[-–—]\s*[^()|]{{0,{_TAIL_CHARS}}})?$"
)
# A title and a stated focus after a slash, dash or comma: "Engineers / Focus on AI + Finance".
_FOCUS_FIELD = re.compile(
    rf"^(?P<title>[^()|/]{{3,{_TITLE_CHARS}}}?)\s*(?:/|[-–—]|,)\s*"
    rf"(?P<focus>(?:with\s+(?:an?\s+)?)?focus(?:ed)?\s+on\s+[^()|]{{2,{_SLASH_FOCUS_CHARS}}})$",
    re.IGNORECASE,
)
# What a field needs for either pattern above: an opening bracket, or the word "focus" (the
# pattern's own piece, with its flag). Most fields hold neither and are not matched.
_FOCUS_WORD = re.compile("focus", re.IGNORECASE)
# The words that lead a focus into its areas: "with AI/ML", "focused on AI + Finance".
_FOCUS_LEAD = re.compile(
    r"^(?:with\s+(?:an?\s+)?focus(?:ed)?\s+on|focus(?:ed)?\s+on|with)\s+", re.IGNORECASE
)
# The team an area names ("AI team"): the area is its words before "team".
_TEAM_WORD = re.compile(r"\s+teams?\b", re.IGNORECASE)
# Words of a sentence or of the company, its product and its users, never of an area the title
# works on: "(we are an AI company)", "(our AI-powered CRM)", "(you will use LLMs every day)",
# "(with AI/ML customers)", "(in the AI space)".
_NOT_AREA = re.compile(
    r"\b(?:our|we|we're|you|your|use|uses|using|would|will|is|are|startup|company|space|"
    r"powered|customers?|users?|products?|apps?|clients?)\b",
    re.IGNORECASE,
)
# Wording of a requirement or a wish, not the job's focus: "(React + Node + AI experience)",
# "(ML a plus)", "(no AI experience needed)".
_REQUIREMENT = re.compile(
    r"\b(?:experience|exp|experienced|plus|preferred|prefer|required|requires?|require|bonus|"
    r"nice|knowledge|background|skills?|familiar\w*|must|ideally|years?|yrs|not|no|needed|"
    r"optional|helpful|interest\w*|passion\w*|curious|understanding|exposure)\b",
    re.IGNORECASE,
)
# Titles sit in the header's first fields (company, title, place, type ...): a later field is a
# tagline or the stack as often as a title.
_TITLE_FIELDS = 4
# The header's fields: between pipes, or double slashes that are no URL's ("https://"). The
# spaces around a separator are stripped from each field after the split, not matched by it: a
# pattern opening with a run of spaces retries that run at each of its spaces (quadratic on a
# header of 20,000 spaces).
_FIELD_SEP = re.compile(r"\||(?<!:)//")


def _words(text: str) -> tuple[str, ...]:
    """A title's words, lower case and singular, for matching an opening to its header field."""
    return tuple(w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z0-9+#]+", text.lower()))


def _ai_areas(focus: str) -> bool:
    """Whether a title's focus is a short list of areas, one of them an AI area ("with AI/ML",
    "Focus on AI + Finance", "AI team"), and no sentence about the company, its product or its
    users."""
    areas = _FOCUS_LEAD.sub("", unicodedata.normalize("NFKC", focus).strip())
    if _NOT_AREA.search(areas):
        return False
    return ai_area_of(_TEAM_WORD.sub("", areas)) is not None


def _focused_title(field: str) -> tuple[str, str] | None:
    """The title a header field names and the title with its AI focus, when the field is a title
    with a focus naming an AI qualifier that the title alone lacks."""
    if "(" not in field and _FOCUS_WORD.search(field) is None:
        return None
    match = _PAREN_FIELD.match(field) or _FOCUS_FIELD.match(field)
    if match is None:
        return None
    title, focus = match.group("title").strip(" ,;:"), match.group("focus").strip()
    if _REQUIREMENT.search(focus) or not _ai_areas(focus):
        return None
    parsed = parse_title(title)
    if parsed.kind != "role" or parsed.family == AI_FAMILY:
        return None
    # the title as written, its focus in the parenthesis the header gave it or after its slash
    focused = f"{title} ({focus})" if match.re is _PAREN_FIELD else match.group(0).strip()
    if classify_title(focused).role_family != AI_FAMILY:
        return None
    return title, focused


def _header_fields(text_plain: str) -> list[str]:
    """The fields of a post's header line, when its first line is shaped like a header."""
    first = text_plain.lstrip().split("\n", 1)[0]
    if first.count("|") < HEADER_SHAPED_PIPES:
        return []
    return [f.strip() for f in _FIELD_SEP.split(first) if f.strip()]


def _is_reading_of(opening: Opening, key: tuple[str, ...]) -> bool:
    """Whether an opening is the header readers' reading of a title: its words, or their start
    where the readers cut the field ("Senior iOS Engineer, UX" of "..., UX + Video")."""
    words = _words(opening.title)
    return bool(words) and key[: len(words)] == words


def with_header_focus(openings: Sequence[Opening], text_plain: str) -> tuple[Opening, ...]:
    """The openings with each header title that states an AI focus read with it, when the post
    names no AI engineer: the readers' reading of that title is replaced, or the title is added
    when they read no opening at all."""
    kept = list(openings)
    if any(o.role_family == AI_FAMILY for o in kept):
        # the post already names an AI engineer: its header's detail adds no family, only a
        # second wording of a title it names
        return tuple(kept)
    for field in _header_fields(text_plain)[:_TITLE_FIELDS]:
        found = _focused_title(field)
        if found is None:
            continue
        title, focused = found
        key = _words(title)
        same = [i for i, o in enumerate(kept) if _is_reading_of(o, key)]
        if len(same) < len(kept):
            # the post lists openings of its own (a body list under a summary header): the
            # header's focus may be the company's, and none of its openings is replaced
            continue
        # every opening is a reading of this title (or there is none): one job, with its focus
        kept = [classify_title(focused)]
    return tuple(kept)
