"""Openings of body lists whose bullets are marks the line reader does not know ("● ", "➤ ").

Posts paste lists from word processors and web pages with bullets such as "●", "■", "◆", "➤",
"✓" or "→". The line reader knows the usual marks ("-", "*", "•", "▪", "►"); a line opening with
another mark reads as prose, so a list of openings under a cue ("We're hiring across
disciplines: ● Backend Servers: ... ● Data Science: ...") is lost. This module reads the post
again with those marks written as "- " and adds the families the first reading missed.
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.list_others import new_others, read_in_turn
from pipeline.roles.titles import Opening

# Marks that open a list line in pasted lists; the line reader's own marks are not here.
_UNKNOWN_BULLET = re.compile(r"^([ \t]*)[●○◆◇■□✓✔★☆➢➤➔→⁃◉▸▹◾◽❖✦✧][ \t]*(?=\S)", re.M)
_ANY_MARK = re.compile("[●○◆◇■□✓✔★☆➢➤➔→⁃◉▸▹◾◽❖✦✧]")
_FAMILIES = COMPARED_ROLES


def bullet_mark_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families in lists with unknown bullet marks that `found` lacks, with
    the other openings those lists name."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    # every mark is outside ASCII: an ASCII post (most) is told at once, without the search
    if all(f in have for f in _FAMILIES) or text.isascii() or _ANY_MARK.search(text) is None:
        return []
    rewritten = _UNKNOWN_BULLET.sub(r"\1- ", text)
    if rewritten == text:
        return []
    # the readers of the first pass, on the rewritten text
    from pipeline.roles.hiring_lists import listed_openings
    from pipeline.roles.hn_posts import openings_of_post
    from pipeline.roles.opening_lines import line_openings

    again = openings_of_post(rewritten)
    compared, others = read_in_turn(rewritten, again, (listed_openings, line_openings))
    again += compared
    seen = {(o.normalized_title.lower(), o.role_family) for o in found}
    extra: list[Opening] = []
    for opening in again:
        key = (opening.normalized_title.lower(), opening.role_family)
        if opening.role_family not in _FAMILIES or opening.role_family in have or key in seen:
            continue
        seen.add(key)
        extra.append(opening)
    # the lists the marks hid name their other openings too
    return extra + new_others([*again, *others], [*found, *extra]) if extra else []
