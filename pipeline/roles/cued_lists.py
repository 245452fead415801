"""A comma list of titles on the line after a sentence that announces openings.

"We're currently developing a bunch of exciting new products and have opened quite a few
engineering roles up:" / "Machine Learning Engineer, Frontend Engineer, Senior Backend Software
Engineer, Senior Desktop App Engineer": the line reader takes a line of more words than a title
holds for prose, also under a cue; here a line after a cue line whose every comma item is a short
title names each as an opening (docs/roles.md, "A comma list under a cue line").
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import (
    AI_OR_DS_WORD,
    CUE,
    MAX_POST_CHARS,
    NOT_OPENINGS_CUE,
    without_asides,
)
from pipeline.roles.list_items import item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import post_lines
from pipeline.roles.titles import Opening

_FAMILIES = COMPARED_ROLES
# Fewer items than this are a title line the line reader reads.
_MIN_ITEMS = 2
# An item longer than this is a clause, not a title.
_MAX_ITEM_WORDS = 6
# Asides go, nested ones too ("Machine Learning Software Engineer (strong fundamentals (not a
# pure data scientist))"), and so does a sentence after the list ("... Engineer. CV roles in Paris").
_SENTENCE_END = re.compile(r"(?<!\bSr)(?<!\bJr)\.\s+\S.*$")
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))\s*,\s*(?:(?:and|or|&)\s+)?", re.I)


def cued_list_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """AI and data-science openings of comma lists of titles under a cue line, of the families
    `found` lacks, with the other titles of their lists."""
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or ":" not in text_plain:
        return []
    text = text_plain[:MAX_POST_CHARS]
    lines = [line.strip() for line in post_lines(text)[1:] if line.strip()]
    lists = []
    for cue, line in zip(lines, lines[1:], strict=False):
        if "," not in line or not cue.endswith(":") or not AI_OR_DS_WORD.search(line):
            continue
        if CUE.search(cue) is None or NOT_OPENINGS_CUE.search(cue) is not None:
            continue
        line = without_asides(line)
        line = _SENTENCE_END.sub("", line)
        items = [i.strip(" .") for i in _ITEM_SEP.split(line) if i.strip(" .")]
        if len(items) < _MIN_ITEMS or any(len(i.split()) > _MAX_ITEM_WORDS for i in items):
            continue
        specs = [item_specs(item) for item in items]
        if all(len(s) == 1 and s[0][0].kind == "role" for s in specs):
            lists.append(tuple(s[0] for s in specs))
    if not lists or is_resume(text):
        return []
    return list_openings(lists, found)
