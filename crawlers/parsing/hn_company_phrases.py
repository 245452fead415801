"""What stands around a company's name in a header's first field and is no part of it: a writer's
introduction ('I'm the cofounder of Acme'), a place after the name's web address."""

from __future__ import annotations

import re

from crawlers.parsing.hn_header_patterns import _URL
from crawlers.parsing.places import is_place

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

# A company's name has at most this many words ("Friends of the City Zoo").
_MAX_NAME_WORDS = 5
# Where the words after an address end: the next separator of the header.
_NEXT_SEPARATOR = re.compile(r"\s*[/|,;(–—]\s*|\s+-\s*|\s+(?:or|and)\s+")


def without_introduction(field: str) -> str:
    """The field after a writer's introduction ('I'm the cofounder of Acme' -> 'Acme')."""
    introduced = _INTRODUCED.match(field)
    return introduced.group("name") if introduced else field


def name_before_address(text: str) -> str:
    """The text before a web address that a place follows ('Acme (www.acme.test) Boston /
    Onsite' -> 'Acme'); else the text."""
    if "://" not in text and "www." not in text.lower():
        return text
    address = _URL.search(text)
    if address is None or address.start() == 0:
        return text
    name = text[: address.start()]
    if len(name.split()) > _MAX_NAME_WORDS:
        return text  # a sentence or a tagline before the address, not a name
    after = _NEXT_SEPARATOR.split(text[address.end() :].strip(), maxsplit=1)[0]
    return name if after and is_place(after) else text


# An institution named after its place: "Commerce Bank of Washington", "University of Utah",
# "Children's Hospital of Philadelphia"; the place after "of" is part of the name.
_INSTITUTION_OF = re.compile(
    r"\b(?:bank|university|college|institute|hospital|museum|school|academy|society|library|"
    r"department|city|state|commonwealth|county|government|council|authority|federal\s+reserve|"
    r"port|zoo|orchestra|conservatory|laboratory|laboratories)\s+of\s+\S",
    re.IGNORECASE,
)


def names_institution_of_place(name: str, place: str) -> bool:
    """True when `name` ends in '<institution> of <place>' ('Commerce Bank of Washington'), so the
    place is no place of work stuck to the name but the name's own."""
    match = _INSTITUTION_OF.search(name)
    return match is not None and name.endswith(place) and name[match.end() - 1 :] == place
