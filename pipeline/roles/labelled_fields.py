"""Openings a header field lists after a label that says they are roles ("Roles - A / B / C").

Posts name their openings in one header field after a label ("Engineering Roles - Backend /
Frontend / AI / Full-stack / Eng Manager", "Open positions: ML, Data Science, Backend"). The
header reader splits such a field at its dashes and slashes and then reads a lone area ("AI")
beside the role fields as the company's sector; after the label every item is an opening.
"""

from __future__ import annotations

import re

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.list_items import Spec, item_specs
from pipeline.roles.list_others import list_openings
from pipeline.roles.titles import Opening
from pipeline.roles.wording import strip_urls

# A label of at most two words before the openings noun, then a dash or a colon and the list.
_LABELLED = re.compile(
    r"(?:^|\|)\s*(?:[A-Za-z&]+\s+){0,2}?(?:open\s+)?(?:roles|positions|openings)\s*"
    r"(?:[-–—:])\s*(?P<list>[^|]+)",
    re.I,
)
_ITEM_SEP = re.compile(r"(?:(?<!\s)|(?!\s))(?:\s+/\s+|\s*[,;]\s*|\s+(?:and|&)\s+)")
# Two items make a list ("Roles - Backend / AI"); one is as often a title and its team.
_MIN_ITEMS = 2
# Items of a list are titles or areas of a few words; a longer one is a sentence.
_MAX_ITEM_WORDS = 4
_FAMILIES = COMPARED_ROLES


def labelled_field_openings(text_plain: str, found: list[Opening]) -> list[Opening]:
    """Openings of the two families a labelled header field lists that `found` lacks, with the
    field's other items."""
    header = text_plain.partition("\n")[0]
    have = {o.role_family for o in found}
    if all(f in have for f in _FAMILIES) or not _may_be_labelled(header):
        return []
    return list_openings([_header_specs(strip_urls(header))], found)


def _may_be_labelled(header: str) -> bool:
    """Whether the header may hold a labelled field: an ASCII one needs the openings noun (a quick
    test; case-insensitive matching folds letters outside ASCII that lower() leaves alone)."""
    if header.isascii():
        low = header.lower()
        if "roles" not in low and "positions" not in low and "openings" not in low:
            return False
    return _LABELLED.search(header) is not None


def _header_specs(header: str) -> list[Spec]:
    """Specs of each labelled field whose items all read as roles or areas."""
    found: list[Spec] = []
    for m in _LABELLED.finditer(header):
        items = [i.strip(" .") for i in _ITEM_SEP.split(m.group("list").strip())]
        items = [i for i in items if i]
        if len(items) < _MIN_ITEMS or any(len(i.split()) > _MAX_ITEM_WORDS for i in items):
            continue
        specs = [[s for s in item_specs(i) if s[0].kind != "none"] for i in items]
        if all(specs):
            found.extend(s for group in specs for s in group)
    return found
