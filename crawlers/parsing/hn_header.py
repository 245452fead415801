"""The HN "Who is hiring?" header line: `Company | Role(s) | Location | REMOTE | Salary | ...`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from crawlers.parsing.salary import parse_salary

_PIPE = re.compile(r"\s*\|+\s*")
_OTHER_SEPARATORS = re.compile(r"\s+[-–—/•·]\s+|\s*[–—•·]\s*|\s+-{2,}\s+")
_AMOUNT_END = re.compile(r"(?:\d|\d\s?[kKmM])\s*$")
_AMOUNT_START = re.compile(r"^\s*(?:[$€£¥₹]|\d)")
_REMOTE = re.compile(r"\bremote(?:ly)?\b", re.IGNORECASE)
_NO_REMOTE = re.compile(
    r"\b(?:no|not|non)[- ]remote\b|\bremote\s*(?::|-)?\s*(?:no|not (?:possible|available|an option))\b",
    re.IGNORECASE,
)
_ONSITE = re.compile(
    r"\b(?:on-?\s?site|in[- ]office|in[- ]person|hybrid|office[- ]based|local only)\b",
    re.IGNORECASE,
)
_REMOTE_WORD = re.compile("remote")
_UPPER_REMOTE = re.compile(r"\bREMOTE\b")
_BODY_REMOTE = re.compile(
    r"(?:\bfully|100%|\bcompletely|\bfull[- ]time)\s+remote\b"
    r"|\bremote[- ](?:first|friendly|ok|only|possible|allowed|welcome)\b|\bwork remotely\b"
)
_BODY_ONSITE = re.compile(r"\bON-?SITE\b|\bONSITE ONLY\b|\bNO REMOTE\b")
_EMPLOYMENT = re.compile(
    r"\b(full[- ]?time|part[- ]?time|contract(?:or|[- ]to[- ]hire)?|freelance|internships?|interns?"
    r"|permanent|temporary|fte)\b",
    re.IGNORECASE,
)
_NOT_LOCATION = re.compile(
    r"https?://|www\.|@|\bvisa\b|\bh-?1b\b|\bsponsor|\bequity\b|\bsalary\b|\bbenefits\b"
    r"|\b(?:engineers?|developers?|devs?|scientists?|designers?|managers?|analysts?|architects?"
    r"|leads?|directors?|head of|programmers?|sres?|devops|researchers?|recruiters?|cto|ceo|vp"
    r"|founders?|hackers?|specialists?|consultants?|marketers?|sales|writers?|product|positions"
    r"|roles|hiring|various|multiple|engineering|administrators?|technicians?|ml|ai|data"
    r"|front[- ]?end|back[- ]?end|full[- ]?stack|software|qa|testers?|support|operations"
    r"|ios|android|python|java|golang|rust|ruby|rails|react|node|php|javascript|typescript"
    r"|c\+\+|scala|elixir|kotlin|swift|intern(?:ship)?s?|staff|senior|junior|principal)\b",
    re.IGNORECASE,
)
_REMOTE_WORDS = re.compile(
    r"\b(?:remote(?:ly)?|on-?\s?site|hybrid|in[- ]office|ok|only|friendly|fully|first|possible"
    r"|optional|allowed|welcome|and|or|also|partial|partially|preferred)\b|100%|[()\[\],.:;!+/&-]",
    re.IGNORECASE,
)
_EMPLOYMENT_NAMES = {
    "full": "Full-time",
    "part": "Part-time",
    "contract": "Contract",
    "freelance": "Contract",
    "intern": "Internship",
    "permanent": "Full-time",
    "temporary": "Temporary",
    "fte": "Full-time",
}


@dataclass(frozen=True, slots=True)
class HNHeader:
    """What an HN post's first line says about the company, place, remote work and pay."""

    company: str | None
    location: str | None
    remote: bool | None
    salary: dict[str, Any] | None
    employment_type: str | None
    fields: tuple[str, ...]


def split_header(line: str) -> list[str]:
    """The fields of a header line, split on `|` or else on spaced `-`, `–`, `—`, `/`, `•`."""
    line = line.strip()
    parts = _PIPE.split(line) if "|" in line else _OTHER_SEPARATORS.split(line)
    fields: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        # "€70.000 – €90.000" was split by its own dash: join the two amounts again.
        if (
            fields
            and _AMOUNT_END.search(fields[-1])
            and _AMOUNT_START.match(part)
            and "|" not in line
        ):
            fields[-1] = f"{fields[-1]} – {part}"
        else:
            fields.append(part)
    return fields


def parse_hn_header(line: str, body: str = "") -> HNHeader:
    """Company, location, remote (True/False/None, never guessed), salary of a header line."""
    header = _parse_line((line or "")[:2000])
    if header.remote is None and body:
        header = replace(header, remote=remote_from_body(body))
    if header.salary is not None:
        header = replace(header, salary=dict(header.salary))  # the cached one stays untouched
    return header


@lru_cache(maxsize=16_384)
def _parse_line(line: str) -> HNHeader:
    # Companies repost the same header month after month: parsed once.
    fields = split_header(line)
    company = _company(fields[0]) if len(fields) >= 2 else None
    rest = fields[1:] if company is not None else fields
    salary = None
    location = None
    employment = None
    for field in rest:
        field_salary, field_employment, is_location = _field_facts(field)
        if salary is None and field_salary is not None:
            salary = field_salary
            continue
        if employment is None and field_employment is not None:
            employment = field_employment
        if location is None and len(fields) > 1 and is_location:
            location = field
    return HNHeader(company, location, remote_from_header(line), salary, employment, tuple(fields))


@lru_cache(maxsize=65_536)
def _field_facts(field: str) -> tuple[dict[str, Any] | None, str | None, bool]:
    """(salary, employment type, is a location) of one header field; fields repeat a lot."""
    salary = parse_salary(field) if len(field) <= 80 else None
    match = _EMPLOYMENT.search(field)
    employment = _EMPLOYMENT_NAMES[_employment_key(match.group(1))] if match is not None else None
    return salary, employment, _is_location(field)


def remote_from_header(line: str) -> bool | None:
    """True when the header allows remote work, False when it says on-site only, else None."""
    if "remote" in line.lower():  # both remote patterns need the word ("REMOTE", "Remote")
        if _NO_REMOTE.search(line):
            return False
        if _REMOTE.search(line):
            return True
    if _ONSITE.search(line):
        return False
    return None


def remote_from_body(text: str) -> bool | None:
    """The HN convention's REMOTE/ONSITE keywords and plain statements in the body, else None."""
    text = text[:20_000]
    if ("ONSITE" in text or "ON-SITE" in text or "NO REMOTE" in text) and _BODY_ONSITE.search(text):
        return False
    lower = text.lower()
    if "remote" not in lower:
        return None
    # Look only around each "remote": the patterns stay cheap on long posts.
    found = False
    for match in _REMOTE_WORD.finditer(lower):
        window = lower[max(match.start() - 20, 0) : match.end() + 25]
        if _NO_REMOTE.search(window):
            return False
        if not found and _BODY_REMOTE.search(window):
            found = True
    if found or ("REMOTE" in text and _UPPER_REMOTE.search(text)):
        return True
    return None


def _employment_key(word: str) -> str:
    word = word.lower()
    for key in _EMPLOYMENT_NAMES:
        if word.startswith(key):
            return key
    return "full"


def _company(field: str) -> str | None:
    name = re.sub(r"\s*\((?:https?://|www\.)[^)]*\)\s*", " ", field).strip(" :,-")
    if not name or len(name) > 100 or _REMOTE.fullmatch(name):
        return None
    return name


def _is_location(field: str) -> bool:
    if len(field) > 80 or _NOT_LOCATION.search(field) or _EMPLOYMENT.search(field):
        return False
    # A bare REMOTE/ONSITE flag is not a place; "Remote (US)" or "NYC or remote" is.
    leftover = _REMOTE_WORDS.sub(" ", field).strip()
    return bool(leftover) and any(ch.isalpha() for ch in leftover)
