"""Openings a post lists one per line as a title, a colon and a description of the work.

"Machine Learning Infra Engineer: Own our GPU-backed serving stack ..." / "Systems Engineer: Build
our core runtime ...": posts list their openings as paragraphs that open with the title and a
colon, without a bullet and without a link on the line (the link, when there is one, is on the
line below). One such line is as often a label ("Engineer: send us your CV"), so the form counts
only as a list: at least two lines of the post have it, each with a role as its title.
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.hiring_lists import _is_resume as is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.list_items import Spec
from pipeline.roles.list_others import list_openings
from pipeline.roles.post_text import post_lines
from pipeline.roles.title_lines import _title_specs as title_specs
from pipeline.roles.titles import Opening

# "Data Scientist: will work alongside ...", "- AI Engineer: Applied AI plus ..." (an optional
# bullet before the title, an optional short detail after " | ": "Senior AI Engineer | $180k: Own
# ..."); the description opens with a word or an aside ("(React/Typescript)
# who would ..."), not a link or a number.
_DESCRIBED = re.compile(
    r"^\s*(?:[-*•·▪]\s*)?(?P<title>[A-Za-z][^:|.!?]{2,70}?)\s*(?:\|\s*[^:|\n]{1,30}?\s*)?"
    r":\s+(?P<desc>[A-Za-z(][^\n]{14,})$"
)
# Two lines of the form make a list; one is as often a label or a page.
_MIN_LINES = 2
_FAMILIES = COMPARED_ROLES


def described_title_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families listed as "Title: description" lines that `found` lacks,
    with the other titles of the list."""
    text = text_plain[:MAX_POST_CHARS]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or text.count(":") < _MIN_LINES:
        return []
    # only a line with a colon can match: the others skip the pattern
    lines = [line for line in post_lines(text)[1:] if ":" in line]
    titles = [m.group("title") for m in map(_DESCRIBED.match, lines) if m]
    if len(titles) < _MIN_LINES:
        return []
    named: list[tuple[Spec, ...]] = [s for s in map(title_specs, titles) if s]
    if len(named) < _MIN_LINES or is_resume(text):
        return []
    return list_openings([tuple(spec for specs in named for spec in specs)], found)
