"""A bracket after a place that says where the place lies: 'Manchester (closer to Warrington)',
'Burlingame, CA (between San Francisco and Palo Alto)', 'Los Angeles, CA (Venice/Marina area)'."""

from __future__ import annotations

import re

# How a writer places a town against a better-known one: the bracket opens with a relation word.
_RELATION = re.compile(
    r"^(?:just\s+|right\s+|a\s+few\s+miles\s+)?(?:near|nearby|close\s+to|closer\s+to|next\s+to|"
    r"between|outside(?:\s+of)?|(?:north|south|east|west)(?:east|west)?\s+of)\s+\S",
    re.IGNORECASE,
)
# ...or closes with the area it belongs to: "(Minneapolis area)", "(D.C. metro area)".
_AREA_END = re.compile(r"\b(?:metro\s+)?area$", re.IGNORECASE)
# A bracket of surroundings is short; a longer one is a sentence ("(we have people in ...)").
_MAX_SURROUNDINGS_WORDS = 8


def surroundings_end(pieces: list[str], index: int) -> int | None:
    """Given the pieces of a place split (text, separator, text, ...) and the index of a text piece
    that follows an opening bracket, the index of the last text piece of a bracket saying where
    the place before it lies; None when the bracket is no such thing."""
    if index < 1 or pieces[index - 1].strip() != "(":
        return None
    opens_with_relation = bool(_RELATION.match(pieces[index].strip()))
    words = 0
    for end in range(index, len(pieces), 2):
        words += len(pieces[end].split())
        if words > _MAX_SURROUNDINGS_WORDS:
            return None
        closing = pieces[end + 1] if end + 1 < len(pieces) else ""
        if "(" in closing:
            return None
        if ")" in closing:
            last = pieces[end].strip()
            return end if opens_with_relation or _AREA_END.search(last) else None
    return None


def surroundings_step(pieces: list[str], index: int) -> tuple[str, int, str] | None:
    """For a bracket of surroundings opening at text piece `index`: the text to add to the place
    before it (' (closer to Warrington)'), the last piece index it takes and the separator after
    it; None for any other piece."""
    end = surroundings_end(pieces, index)
    if end is None:
        return None
    text = f" ({''.join(pieces[index : end + 1]).strip()})"
    separator = pieces[end + 1] if end + 1 < len(pieces) else "|"
    if end + 3 < len(pieces) and not pieces[end + 2].strip():
        return text, end + 2, pieces[end + 3]  # "(...), UK": the place goes on after the bracket
    return text, end, separator
