"""AI engineer openings a coordination leaves out: the second noun of a qualified pair.

"Machine Learning Scientists and Engineers", "DL Scientists & Engineers": the title reader keeps
the first title of the pair and drops or leaves bare the second noun, though the leading AI
qualifier is shared by both (docs/roles.md, "a shared leading qualifier"); the second noun is an AI
engineer. This adds only to a scientist or researcher title the other readers already found, and
only when `found` has no AI engineer.
"""

from __future__ import annotations

import re

from pipeline.roles.titles import Opening, classify_title

_AI = "ai_engineer"
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


def shared_qualifier_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """AI engineer openings of the noun coordinated after a qualified title `found` holds."""
    if any(o.role_family == _AI for o in found):
        return []
    for opening in found:
        title = opening.title.strip()
        if (m := _QUALIFIED.match(title)) and (
            extra := _second_noun(text_plain, title, m.group("qualifier"))
        ):
            return extra
    return []


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
