"""Data-science openings an HN post names by their discipline.

"We are looking for people to fill two roles, a data science role and a research engineer role",
"If interested in data science openings please email me", "View all Data Science roles: <link>",
"Multiple engineering and data science roles": "data science" before an openings noun names the
poster's openings of the discipline (ROLES.md: "Data Science" used as the role itself). Someone
else's roles ("we help companies fill data science roles", "a job board for data science
positions"), the post's own titled job described again ("This clinical data science role will
..." under an analyst's title) and one job of two titles ("data engineer / data science
position") are not read, nor is a sentence stating a requirement. The sentence must speak of the
poster's own openings ("we have", "we're hiring", "open", "available", "interested in",
"multiple", "view all", "apply", or the roles labelling a link: "Data Science roles: <link>"),
and must not deny them ("no data science roles at the moment", "our data science roles are
filled") or give them to others: graduates, alumni and past hires who moved into such roles, a
site that lists or lets one browse them, clients' and customers' roles, roles posted elsewhere.
A hire named between the cue and the roles ("hiring a data engineer who will own pipelines for
our data science roles") has them as its subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.area_runs import ONE_HIRE
from pipeline.roles.hiring_lists import is_resume
from pipeline.roles.hn_patterns import MAX_POST_CHARS
from pipeline.roles.post_text import lines_holding
from pipeline.roles.titles import Opening, classify_title

_FAMILY = "data_scientist"
# "a data science role", "data science openings", "Data Science roles:" name the openings by
# their discipline.
_DISCIPLINE_OPENINGS = re.compile(
    r"\bdata\s+science\s+(?:roles?|openings?|positions?|vacanc(?:y|ies))\b", re.I
)
# "This clinical data science role will ..." describes the post's own titled job (an analyst's),
# which the title readers have read.
_THIS_ROLE = re.compile(r"\b(?:this|the)\s+(?:[\w-]+\s+)?$", re.I)
# "a data engineer / data science position" is one job of the other title.
_JOINED_BEFORE = re.compile(r"/\s*$")
# Who fills such roles for others is no opening of the poster's ("we help companies fill data
# science roles", "a job board for data science positions"); read in the words just before the
# roles, about the clause that says whose they are.
_FOR_OTHERS_REACH = 60
_FOR_OTHERS = re.compile(
    r"\b(?:help(?:s|ing)?\s+(?:\w+\s+){0,2}fill|boards?|platform|marketplace|candidates\s+for)\b",
    re.I,
)
# A sentence that states a requirement names skills, not openings ("Ideal candidates are familiar
# with ... and data science roles"); it is read back to its start, however long.
_REQUIREMENT = re.compile(
    r"\b(?:familiar|experience[ds]?|knowledge|background|skills?|proficien\w*)\b", re.I
)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
# Words of the sentence that make the roles the poster's own openings.
_OWN_OPENINGS = re.compile(
    r"\b(?:we\s+have|hiring|looking\s+for|seeking|recruiting|open|available|interested\s+in|"
    r"multiple|fill|view\s+all|apply)(?![\w-])",
    re.I,
)
# The roles labelling a link ("Engineering and data science roles: <link>").
_LINK_LABEL = re.compile(r"\s*:\s*(?:https?://|www\.)", re.I)
# Words of the sentence that deny the openings or give them to others ("no data science roles
# at the moment", "are filled", "our alumni now work in data science roles", "browse thousands
# of data science roles", "posted separately by our parent company", "across our customers").
_NOT_OURS = re.compile(
    r"\b(?:no|not|filled|closed|graduates?|alumni|moved|browse|lists|posted\s+separately|"
    r"clients?|customers?)\b|n['’]t\b",
    re.I,
)
_LINE_WORDS = ("data science",)


def discipline_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """A data-science opening a post names by its discipline, when `found` has none."""
    text = text_plain[:MAX_POST_CHARS]
    if any(o.role_family == _FAMILY for o in found) or "data science" not in text.lower():
        return []
    for line in lines_holding(text, _LINE_WORDS):
        if _names_openings(line):
            return [] if is_resume(text) else [classify_title("Data Science")]
    return []


@lru_cache(maxsize=65_536)
def _names_openings(line: str) -> bool:
    """Whether a line names the poster's data-science openings by their discipline."""
    for m in _DISCIPLINE_OPENINGS.finditer(line):
        stops = [stop.end() for stop in _SENTENCE_STOP.finditer(line, 0, m.start())]
        start = stops[-1] if stops else 0
        stop = _SENTENCE_STOP.search(line, m.end())
        end = stop.start() if stop else len(line)
        if _REQUIREMENT.search(line, start, m.start()) or _NOT_OURS.search(line, start, end):
            continue
        if not _poster_opens(line, start, end, m):
            continue
        before = line[max(0, m.start() - _FOR_OTHERS_REACH) : m.start()]
        if not (
            _FOR_OTHERS.search(before) or _THIS_ROLE.search(before) or _JOINED_BEFORE.search(before)
        ):
            return True
    return False


def _poster_opens(line: str, start: int, end: int, roles: re.Match[str]) -> bool:
    """Whether the sentence line[start:end] gives the roles as the poster's own openings."""
    if _LINK_LABEL.match(line, roles.end()):
        return True
    cues = list(_OWN_OPENINGS.finditer(line, start, roles.start()))
    if cues:
        # a hire named after the nearest cue has the roles as its subject
        return not ONE_HIRE.search(line, cues[-1].end(), roles.start())
    return _OWN_OPENINGS.search(line, roles.end(), end) is not None
