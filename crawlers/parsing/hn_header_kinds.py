"""Header fields that name a company beside the kind of company it is ('Quovo, FinTech start-up'),
places written country first ('Netherlands, Groenlo') and lists of codes after a remote word
('Remote from CA, OR, NY')."""

from __future__ import annotations

import re
from collections.abc import Callable

# "Ampion - Solar/Renewable Energy Startup", "Quovo, FinTech start-up": a name, then after a
# spaced dash or a comma the kind of startup it is.
_NAME_THEN_KIND = re.compile(r"^(?P<name>[^,–—-]+?)(?:\s+[-–—]+\s+|,\s+)(?P<kind>[^,]+)$")
_STARTUP = re.compile(r"(?i)\bstart-?up$")
# Words that describe the startup rather than name it: "Fast - Growing Construction Tech Startup".
_GROWTH_WORDS = frozenset("fast fast-growing growing rapidly quickly new young small hot".split())
# A country's name is longer than a code ("NL", "USA" stay codes and states).
_MIN_COUNTRY_CHARS = 4
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
    if anonymous.search(name) or all(w.lower() in _GROWTH_WORDS for w in name.split()):
        return None
    cleaned = clean(name)
    return cleaned if cleaned and not anonymous.search(cleaned) else None


def town_after_country(
    group: list[str], after_comma: bool, sep_after: str, is_country: Callable[[str], bool]
) -> bool:
    """Whether a town may follow the place group before it as written, country first: 'Germany,
    Lindau', 'Netherlands, Groenlo', where the field ends after the town."""
    return (
        after_comma
        and len(group) == 1
        and len(group[0]) >= _MIN_COUNTRY_CHARS
        and is_country(group[0])
        and sep_after.strip() in _FIELD_ENDS
    )


def code_after_lead(piece: str) -> str:
    """A piece of a list of places without a remote word and preposition before a code: 'Remote
    from CA' -> 'CA'; other pieces only stripped of spaces and full stops."""
    return _CODE_LEAD.sub("", piece).strip(" .")
