"""Labelled lists whose line runs on into the next label ("Position: ..., Data Scientist Stack: ...")."""

from __future__ import annotations

import re

from pipeline.roles.titles import parse_title

# The next label after a labelled list on one line ("Position: Full-Stack Engineer, Data
# Scientist Application & Data Stack: Javascript, ..."): a few capitalised words and a colon,
# the last of them a word of a post's fields ("Stack:", "Location:", "Overview:").
_NEXT_LABEL = re.compile(r":\s")
_MAX_LABEL_WORDS = 4
_FIELD_LABEL_WORDS = frozenset(
    "stack stacks tech technologies technology location locations team overview domain "
    "compensation salary company about description email contact apply benefits perks visa "
    "requirements skills website info details equity process interview tools languages office "
    "remote".split()
)
_LABEL_WORD = re.compile(r"^(?:[A-Z][\w-]*|&)$")


def before_next_label(rest: str) -> str:
    """A labelled list up to the next label on its line, when the line's breaks were lost: the
    last item is cut where a title ends and capitalised label words run to the colon."""
    colon = _NEXT_LABEL.search(rest)
    if colon is None:
        return rest
    head = rest[: colon.start()]
    cut = head.rfind(",")
    words = head[cut + 1 :].split()
    # the shortest title: a title's words rarely run on capitalised after its role noun
    for end in range(1, len(words)):
        label = words[end:]
        if (
            len(label) > _MAX_LABEL_WORDS
            or label[-1].lower() not in _FIELD_LABEL_WORDS
            or not all(_LABEL_WORD.match(w) for w in label)
        ):
            continue
        if parse_title(" ".join(words[:end])).kind == "role":
            return (head[: cut + 1] + " " + " ".join(words[:end])).strip()
    return rest
