"""Openings a coordination leaves out: the second noun of a qualified pair, the second area of a head.

"Machine Learning Scientists and Engineers", "DL Scientists & Engineers": the title reader keeps
the first title of the pair and drops or leaves bare the second noun, though the leading AI
qualifier is shared by both (docs/roles.md, "a shared leading qualifier"); the second noun is an AI
engineer. "Director Data Engineering & Data Science": the head title is shared by both areas, and
the second area names a data-science lead. Both add only to a title the other readers already
found, and only the families `found` lacks.
"""

from __future__ import annotations

import re

from pipeline.roles.titles import Opening, classify_title

_AI = "ai_engineer"
_DS = "data_scientist"
# The AI qualifier of a found "<qualifier> scientists" title; "DL" is deep learning only here,
# before a role noun.
_QUALIFIED = re.compile(
    r"^(?P<qualifier>(?:ML|AI|DL|NLP|LLM|GenAI|machine\s+learning|deep\s+learning|"
    r"computer\s+vision)(?:\s+research)?)\s+(?:scientists?|researchers?)$",
    re.I,
)
_DL = re.compile(r"^DL\b")
# What follows the found title: the shared engineering noun ("& Engineers", "and engineers").
_SECOND_NOUN = r"\s*(?:&|and|/|\+)\s*(?P<noun>engineers?|developers?)\b"
# A head title over areas: "Director Data Engineering", "Head of Analytics", "VP Data Platform".
_HEAD = re.compile(
    r"^(?P<head>(?:(?:senior|sr\.?|associate)\s+)?(?:director|head|VP|vice\s+president|manager|"
    r"lead)(?:\s+of)?)\s+(?P<area>[A-Za-z][\w ]{2,40})$",
    re.I,
)
# The second area after the found head title ("& Data Science", "and Machine Learning").
_SECOND_AREA = (
    r"\s*(?:&|and|/|\+)\s*(?P<area>data\s+science|machine\s+learning|ML|AI|"
    r"artificial\s+intelligence)\b"
)


def shared_head_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the second noun or area of a coordination whose first title `found` holds."""
    have = {o.role_family for o in found}
    if _AI in have and _DS in have:
        return []
    extra: list[Opening] = []
    for opening in found:
        title = opening.title.strip()
        if _AI not in have and (m := _QUALIFIED.match(title)):
            extra += _second_noun(text_plain, title, m.group("qualifier"))
        elif (m := _HEAD.match(title)) and ("&" in text_plain or " and " in text_plain):
            extra += _second_area(text_plain, title, m.group("head"), have)
        have |= {o.role_family for o in extra}
    return extra


def _second_noun(text: str, title: str, qualifier: str) -> list[Opening]:
    """The AI engineer the qualifier of `title` makes of the noun coordinated after it."""
    m = re.search(re.escape(title) + _SECOND_NOUN, text, re.I)
    if m is None:
        return []
    parsed = classify_title(f"{_DL.sub('Deep Learning', qualifier)} {m.group('noun')}")
    if parsed.role_family != _AI:
        return []
    return [
        Opening(f"{qualifier} {m.group('noun')}", parsed.normalized_title, _AI, parsed.seniority)
    ]


def _second_area(text: str, title: str, head: str, have: set[str]) -> list[Opening]:
    """The opening the head of `title` makes of the area coordinated after it."""
    m = re.search(re.escape(title) + _SECOND_AREA, text, re.I)
    if m is None:
        return []
    head = head if head.lower().endswith(" of") else f"{head} of"
    parsed = classify_title(f"{head} {m.group('area')}")
    if parsed.role_family in have or parsed.role_family not in (_AI, _DS):
        return []
    return [
        Opening(
            f"{head} {m.group('area')}",
            parsed.normalized_title,
            parsed.role_family,
            parsed.seniority,
        )
    ]
