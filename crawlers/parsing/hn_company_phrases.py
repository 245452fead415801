"""A writer's introduction before a company's name in a header's first field ('I'm the cofounder
of Acme', 'Explore careers at Acme'): no part of the name."""

from __future__ import annotations

import re

# A writer introducing the company by their own role or an invitation: "I'm the cofounder of
# Acme", "Explore careers at Acme", "See open roles at Acme".
_INTRODUCED = re.compile(
    r"^\W*(?:(?:i'm|i’m|i\s+am|we're|we’re|we\s+are)\s+(?:the\s+|a\s+|one\s+of\s+the\s+)?"
    r"(?:co-?founders?|founders?|cto|ceo|coo|vp\s+\w+|head\s+of\s+\w+|\w+\s+manager|recruiter)"
    r"\s+(?:of|at)"
    r"|(?:explore|see|view|check\s+out|browse)\s+(?:our\s+|the\s+|all\s+)?(?:open\s+)?"
    r"(?:careers|jobs|roles|positions|openings)\s+at)"
    r"\s+(?P<name>\S.*)$",
    re.IGNORECASE,
)


def without_introduction(field: str) -> str:
    """The field after a writer's introduction ('I'm the cofounder of Acme' -> 'Acme')."""
    introduced = _INTRODUCED.match(field)
    return introduced.group("name") if introduced else field
