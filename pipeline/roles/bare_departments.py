"""A header's bare engineering department beside the engineers the post names gives way to them.

"Acme | Engineering (multiple roles) | Remote" over a list of "Frontend Engineer", "Backend
Technical Lead", ...: the department names where the listed openings are, no opening of its own.
Alone, or beside only other departments and ranks ("Engineering, Sales, Marketing", "Head of
Talent"), it stays the post's opening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.roles.titles import Opening, parse_title

# "Engineering", "HW & SW engineering", "Founding Engineering", "Engineering & Product",
# "Engineering/Product", "Engineering roles", "Engineering (see below)"
_DEPARTMENT = re.compile(
    r"^(?:(?:founding|software|hardware|sw|hw)\s*(?:&|and|\+|/)?\s*)*engineering"
    r"(?:\s*(?:&|and|\+|/|,)\s*(?:product|design))*"
    r"(?:\s+(?:roles?|positions?|team))?(?:\s*\((?P<aside>[^()]*)\))?$",
    re.I,
)
# Person nouns of the engineers a department stands over (an SRE is read as an engineer).
_ENGINEERS = frozenset({"engineer", "developer", "programmer", "hacker"})
# Engineers of the software kind a bare "Engineering" means (a "Data Engineer" or a "Sales
# Engineer" beside it on one line is another field's opening, the department one of its own).
_SOFTWARE_CODERS = frozenset({"developer", "programmer", "hacker"})
_SOFTWARE_WORDS = re.compile(
    r"\b(?:software|swe|front[\s-]?end|back[\s-]?end|full[\s-]?stack|web|mobile|ios|android"
    r"|platform|infrastructure|devops|site reliability)\b",
    re.I,
)


# A department written as a field or list item of its line, not a word of a sentence ("an
# outstanding engineering culture").
_FIELD_START = r"(?:^|[|,;:/•*(]|\s[-–—]|\band)\s*"
_FIELD_END = r"\s*(?:$|[|,;/)]|\s[-–—]|\s(?:and|&)\s)"


def _is_department(title: str) -> bool:
    """Whether a title is a bare engineering department, no bracket naming its areas or roles."""
    # "Software Engineering (Data Engineering, Machine Learning)" names the openings
    found = _DEPARTMENT.match(title.strip())
    if found is None:
        return False
    aside = found.group("aside")
    return not aside or parse_title(aside).kind == "none"


def _is_software_engineer(title: str) -> bool:
    """Whether a title is of a software engineer or developer ("Backend Engineer", "Developer")."""
    parsed = parse_title(title)
    if parsed.head_noun in _SOFTWARE_CODERS:
        return True
    return parsed.head_noun == "engineer" and (
        parsed.normalized.lower() == "engineer" or bool(_SOFTWARE_WORDS.search(parsed.normalized))
    )


def without_bare_departments(openings: Sequence[Opening], text: str) -> tuple[Opening, ...]:
    """The openings without a bare engineering department when the engineers it stands over are named."""
    departments = [k for k, o in enumerate(openings) if _is_department(o.title)]
    if not departments:
        return tuple(openings)
    lines = [line.casefold() for line in text.splitlines()]
    engineers = [
        o.title
        for k, o in enumerate(openings)
        if k not in departments and parse_title(o.title).head_noun in _ENGINEERS
    ]
    dropped = [
        k
        for k in departments
        if any(_stands_over(openings[k].title, title, lines) for title in engineers)
    ]
    return tuple(o for k, o in enumerate(openings) if k not in dropped)


def _stands_over(department: str, engineer: str, lines: Sequence[str]) -> bool:
    """Whether a department stands over an engineer: a software one, or one named on other lines."""
    # "Software Engineering, Data Engineer, Data Scientist" on one line: three openings
    if _is_software_engineer(engineer):
        return True
    theirs = engineer.casefold()
    field = re.compile(_FIELD_START + re.escape(department.casefold()) + _FIELD_END)
    return any(theirs in line and not field.search(line) for line in lines) or not any(
        theirs in line for line in lines
    )
