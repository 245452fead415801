"""A header title's stated focus on AI makes it an AI engineer: "Software Engineer (with AI/ML)",
"Senior Full Stack Engineers / Focus on AI + Finance" (docs/roles.md, "Sixteenth round").

The header readers drop a parenthesis worded like a sentence ("(ML experience a plus)" is a
requirement) and split a field at a dash or slash; when what they dropped is the title's own
detail and names an AI qualifier, the title loses its family. This reader reads the header's
fields again and gives the title back its focus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.roles.hn_patterns import HEADER_SHAPED_PIPES
from pipeline.roles.titles import Opening, classify_title, parse_title

AI_FAMILY = "ai_engineer"

# A header field that is a title and its detail: "Software Engineer (with AI/ML)", also with a
# trailing place or type after a dash ("... (Founding Team Track – Healthcare AI) – Remote").
_PAREN_FIELD = re.compile(
    r"^(?P<title>[^()|]{3,60}?)\s*\((?P<focus>[^()|]{3,160})\)\s*(?:[-–—]\s*[^()|]{0,40})?$"
)
# A title and a stated focus after a slash, dash or comma: "Engineers / Focus on AI + Finance".
_FOCUS_FIELD = re.compile(
    r"^(?P<title>[^()|/]{3,60}?)\s*(?:/|[-–—]|,)\s*"
    r"(?P<focus>(?:with\s+(?:an?\s+)?)?focus(?:ed)?\s+on\s+[^()|]{2,60})$",
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
# The header's fields: between pipes, or double slashes.
_FIELD_SEP = re.compile(r"\s*(?:\||//)\s*")


def _words(text: str) -> tuple[str, ...]:
    """A title's words, lower case and singular, for matching an opening to its header field."""
    return tuple(w[:-1] if w.endswith("s") else w for w in re.findall(r"[a-z0-9+#]+", text.lower()))


def _focused_title(field: str) -> tuple[str, str] | None:
    """The title a header field names and the title with its AI focus, when the field is a title
    with a focus naming an AI qualifier that the title alone lacks."""
    match = _PAREN_FIELD.match(field) or _FOCUS_FIELD.match(field)
    if match is None:
        return None
    title, focus = match.group("title").strip(" ,;:"), match.group("focus").strip()
    if _REQUIREMENT.search(focus):
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
    if first.count("|") < HEADER_SHAPED_PIPES and first.count("//") < HEADER_SHAPED_PIPES:
        return []
    return [f.strip() for f in _FIELD_SEP.split(first) if f.strip()]


def with_header_focus(openings: Sequence[Opening], text_plain: str) -> tuple[Opening, ...]:
    """The openings with each header title that states an AI focus read with it, when the post
    names no AI engineer: the opening the readers gave for that title is replaced, or added when
    they gave none for it."""
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
        same = [i for i, o in enumerate(kept) if _words(o.title)[: len(key)] == key]
        opening = classify_title(focused)
        if same:
            kept[same[0]] = opening
            kept = [o for i, o in enumerate(kept) if i not in same[1:]]
        else:
            kept.append(opening)
    return tuple(kept)
