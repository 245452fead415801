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


def _is_department(title: str) -> bool:
    """Whether a title is a bare engineering department; a bracket naming areas or roles makes
    it an opening ("Software Engineering (Data Engineering, Machine Learning)")."""
    found = _DEPARTMENT.match(title.strip())
    if found is None:
        return False
    aside = found.group("aside")
    return not aside or parse_title(aside).kind == "none"


def without_bare_departments(openings: Sequence[Opening]) -> tuple[Opening, ...]:
    """The openings without a bare engineering department when another names an engineer."""
    departments = {id(o) for o in openings if _is_department(o.title)}
    if not departments or not any(
        parse_title(o.title).head_noun in _ENGINEERS for o in openings if id(o) not in departments
    ):
        return tuple(openings)
    return tuple(o for o in openings if id(o) not in departments)
