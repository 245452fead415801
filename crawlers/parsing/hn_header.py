"""The HN "Who is hiring?" header line: `Company | Role(s) | Location | REMOTE | Salary | ...`.

Posts of every era are read: the pipe convention of the later years, the dash-separated and
free-form headers of 2011-2015 ("Toronto - Senior Java Developer", "Rdio is hiring in San
Francisco:"), and a first line that names only the place with the company on the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crawlers.parsing.hn_company_phrases import (
    name_before_address,
    names_institution_of_place,
    without_introduction,
)
from crawlers.parsing.hn_contract_work import offers_contract_work
from crawlers.parsing.hn_header_kinds import (
    code_after_lead,
    name_before_startup_kind,
    town_after_country,
)
from crawlers.parsing.hn_header_lines import split_outside_brackets
from crawlers.parsing.hn_header_patterns import (
    _ACRONYM,
    _AMOUNT_END,
    _AMOUNT_START,
    _ANONYMOUS,
    _AREA_LIST_MIN,
    _ARTICLE_PLACE,
    _BASED,
    _BASED_IN,
    _BODY_EMPLOYMENT_CHARS,
    _BODY_LOCATION,
    _BODY_ONSITE,
    _BODY_ONSITE_NEEDS,
    _BODY_PEOPLE,
    _BODY_REMOTE,
    _BRACKETED,
    _DEPARTMENT,
    _DIGIT,
    _DOMAIN,
    _DOMAIN_AFFIX,
    _EMPLOYMENT,
    _EMPLOYMENT_CONTRACT,
    _EMPLOYMENT_LOWER,
    _EMPLOYMENT_NAMES,
    _EMPLOYMENT_NEGATED,
    _EMPLOYMENT_ORDER,
    _EMPLOYMENT_STARTS,
    _FIELD_CHARS,
    _FLAG_WORDS,
    _GREETING,
    _HYPHENS,
    _JOIN,
    _LABEL,
    _LABEL_WORD,
    _LABELLED_LOCATION,
    _LEGAL_FORM,
    _LINK,
    _LIST_JOINERS,
    _MARKDOWN_LINK,
    _MAX_DISTRICT_WORDS,
    _MAX_PLACE_WORDS,
    _NAME_JOINERS,
    _NAMED_SENTENCE,
    _NEGATION_NEEDS,
    _NO_REMOTE,
    _NO_REMOTE_NEEDS,
    _NOT_COMPANY_HOSTS,
    _NOT_COMPANY_LABELS,
    _ODD_CASE,
    _ONSITE,
    _ONSITE_NEEDS,
    _OTHER_LABEL,
    _OTHER_SEPARATORS,
    _PHRASE_END,
    _PIPE,
    _PLACE_LINE_CHARS,
    _PLACE_LINES,
    _PLACE_NOISE,
    _PLACE_PREP,
    _PLACE_SPLIT,
    _PLACE_TRAILING_NOISE,
    _PROSE_WORDS,
    _REMOTE,
    _REMOTE_NEEDS,
    _REMOTE_WORD,
    _ROLE,
    _ROLE_AT,
    _STATE_CODE,
    _TAGLINE,
    _TECH,
    _TOWN_AREA,
    _TRAILING_PLACE,
    _UPPER_REMOTE,
    _URL,
    _WORK_PERMIT,
)
from crawlers.parsing.hn_hours import types_of_weekly_hours
from crawlers.parsing.hn_place_surroundings import surroundings_step
from crawlers.parsing.hn_town_names import capitalised_town, joined_places
from crawlers.parsing.places import (
    city_population,
    is_area,
    is_country_code,
    is_place,
    is_small_city,
)
from crawlers.parsing.salary import parse_salary


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
    """The fields of a header line, split on `|` or else on spaced `-`, `–`, `—`, `/`, `•`, `//`,
    `;`, a colon or a sentence's full stop; separators inside brackets do not split."""
    line = line.strip()
    parts = split_outside_brackets(line, _PIPE if "|" in line else _OTHER_SEPARATORS)
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
    """Company, location, remote (True/False/None, never guessed), salary and employment types of
    a post's header line; `body` is the post's text (with or without the header line)."""
    line = whole = (line or "")[:2000].translate(_HYPHENS)
    body = body.translate(_HYPHENS)
    parts: list[str] = []
    if "\\n" in line:
        # Posts of 2011 carry a literal backslash-n where the writer broke the line.
        line, rest = line.split("\\n", 1)
        parts = [p.strip() for p in rest.split("\\n") if p.strip()]
    following_lines = (parts + _following_lines(whole, body))[:_PLACE_LINES]
    next_part = following_lines[0] if parts else ""
    facts = _parse_line(line)
    company, location, remote = facts.company, facts.location, facts.remote
    employment = facts.employment_type
    # The line after the header, read only when the header leaves company or place open.
    following = None
    if company is None and not facts.anonymous and facts.names_no_company:
        following = next_part or _following_line(whole, body)
        if following:
            # "San Francisco, CA" alone on the first line, "Mixpanel - ..." on the next.
            found = _company(split_header(_strip_markup(following))[:2], "|" in following)
            if found:
                company = str(found)
                location = locations_in(line, exclude=company)
    if location is None and len(facts.fields) <= 1:
        if following is None:
            following = next_part or _following_line(whole, body)
        if following:
            location = locations_in(following, exclude=company)
    if location is None:
        # "Transcriptic: Full-stack developer", then "Menlo Park, CA" on a line of its own.
        place_line = next((ln for ln in following_lines if _is_place_line(ln)), None)
        if place_line is not None:
            location = locations_in(place_line, exclude=company)
            if remote is None:
                remote = remote_from_header(place_line)
    if company is None and not facts.anonymous:
        # "Menlo Park, Ca - Full time - Frontend", then "Blackbird is a stealth, AI company".
        company = next(filter(None, map(_named_in_sentence, following_lines)), None)
    if company and facts.from_address and body:
        # "https://contextflow.com | Remote, Europe": the name as the post writes it, if it does.
        company = _spelled_in(body[:3000], _domain_label(company)) or company
    if body:
        # The body is read only for what the header leaves open (employment types add up).
        if company is None and not facts.anonymous:
            company = company_from_links(body)
        if location is None:
            location = location_in_body(body)
        if remote is None:
            # "Location: San Francisco and Remote": the body's line of places says it first.
            labelled = _BODY_LOCATION.search(body[:5000])
            remote = remote_from_header(labelled.group(1)) if labelled else None
        if remote is None:
            remote = remote_from_body(body)
        types = set((employment or "").split(", ")) | employment_types(body, body=True)
        employment = _join_types(types)
    if location is None and remote is not True:
        # "Percolate is hiring. We're an NYC-based startup", "a company based in Singapore"; where
        # a remote company is based is not where its people work.
        location = _based_place(" \n ".join([line, *following_lines]))
    # A copy of the salary: the cached one stays untouched.
    salary = dict(facts.salary) if facts.salary is not None else None
    return HNHeader(company, location, remote, salary, employment, facts.fields)


def remote_from_header(line: str) -> bool | None:
    """True when the header allows remote work, False when it says on-site or hybrid only
    (a few remote days are hybrid), else None."""
    low = line.lower()
    if _may_match(line, low, _NO_REMOTE_NEEDS) and _NO_REMOTE.search(line):
        return False
    if _may_match(line, low, _REMOTE_NEEDS) and _REMOTE.search(line):
        return True
    if _may_match(line, low, _ONSITE_NEEDS) and _ONSITE.search(line):
        return False
    return None


def _may_match(text: str, low: str, needles: tuple[str, ...]) -> bool:
    """False only when a case-blind pattern that needs one of `needles` cannot match `text`
    (`low` is its lower case)."""
    for needle in needles:
        if needle in low:
            return True
    return _ODD_CASE.search(text) is not None


def remote_from_body(text: str) -> bool | None:
    """Remote work a body offers ("open to remote", "REMOTE"), else False when it says onsite or
    local only, else None."""
    text = text[:20_000]
    lower = text.lower()
    found = False
    if "remote" in lower or "telecommut" in lower:
        # Look only around each mention: the patterns stay cheap on long posts.
        for match in _REMOTE_WORD.finditer(lower):
            window = lower[max(match.start() - 40, 0) : match.end() + 40]
            if _NO_REMOTE.search(window):
                return False
            if not found and _BODY_REMOTE.search(window):
                found = True
        if not found and "telecommut" in lower and _BODY_REMOTE.search(lower):
            found = True
        if not found and "REMOTE" in text and _UPPER_REMOTE.search(text):
            found = True
    if found:
        return True
    if _may_match(text, lower, _BODY_ONSITE_NEEDS) and _BODY_ONSITE.search(text):
        return False
    return None


def employment_types(text: str, body: bool = False) -> set[str]:
    """Every employment type a text states ("Full-time or contract", "interns welcome"), in the
    names Full-time, Part-time, Contract, Internship, Temporary; none for "no internships".
    In a body (`body`), "our contractors" or "freelancers" describe people, not the job."""
    found: set[str] = set()
    text = text[: _BODY_EMPLOYMENT_CHARS if body else 2_000].translate(_HYPHENS)
    low = text.lower()
    for match in _employment_matches(low):
        before = low[max(match.start() - 40, 0) : match.start()]
        if _may_match(before, before, _NEGATION_NEEDS) and _EMPLOYMENT_NEGATED.search(before):
            continue
        word = text[match.start(1) : match.end(1)]
        if word.lower() in ("ft", "perm", "temp") and not word.isupper() and word != "Perm":
            continue  # "ft" (feet), "temp" as a verb: only the upper-case abbreviations count
        if body and word.lower() in _BODY_PEOPLE:
            continue
        kind = _EMPLOYMENT_NAMES[_employment_key(word)]
        if body and kind == "Contract" and not offers_contract_work(text, *match.span(1)):
            continue  # "smart contracts", "a federal contractor": the business, not the hire
        if kind == "Contract" and _EMPLOYMENT_CONTRACT.search(before):
            kind = "Full-time"
        found.add(kind)
    if not found and not body:
        found = types_of_weekly_hours(text)  # "Engineer | Berlin | 12-18 hours/week"
    return found


@dataclass(frozen=True, slots=True)
class _LineFacts:
    """What a header line says by itself, before the line after it or the body is read."""

    company: str | None
    location: str | None
    remote: bool | None
    salary: dict[str, Any] | None
    employment_type: str | None
    fields: tuple[str, ...]
    anonymous: bool  # the line says the company is not named ("Stealth startup")
    from_address: bool  # the company is the domain of a web address in the line
    names_no_company: bool  # places, roles and flags only: the company may be on the next line


@lru_cache(maxsize=16_384)
def _parse_line(line: str) -> _LineFacts:
    """The header line's own fields."""
    # Companies repost the same header month after month: parsed once.
    # The fields that matter stand at the front; a long first line goes on as prose.
    fields = split_header(_strip_markup(line[:_FIELD_CHARS]))
    company = _company(fields, "|" in line)
    anonymous = company is _NO_NAME
    if anonymous:
        company = None
    salary = None
    for field in fields:
        # The first field stating a salary; a salary has digits.
        if salary is None and len(field) <= 80 and _DIGIT.search(field):
            salary = parse_salary(field)
    return _LineFacts(
        str(company) if company else None,
        locations_in(line, exclude=company),
        remote_from_header(line),
        salary,
        _join_types(employment_types(line)),
        tuple(fields),
        anonymous,
        isinstance(company, _Address),
        company is None and not anonymous and _names_no_company(fields),
    )


def company_from_links(text: str) -> str | None:
    """The company of a post that names none in its header, from its own web address or e-mail:
    the name as the text spells it ('thumbtack.com' -> 'Thumbtack'), else the domain itself."""
    head = text[:3000]
    for match in _LINK.finditer(head):
        host = match.group("host").lower().removeprefix("www.")
        labels = host.split(".")
        if len(labels) < 2 or any(host == s or host.endswith("." + s) for s in _NOT_COMPANY_HOSTS):
            continue
        domain = _registered_domain(labels)
        label = _domain_label(domain)
        if label in _NOT_COMPANY_LABELS or label.endswith("jobs"):
            continue  # craigslist.ca, lnkd.in, grnh.se, a job board
        return _spelled_in(head, label) or domain
    return None


def _named_in_sentence(line: str) -> str | None:
    """The company a line opens a sentence about: 'Nucleus is an early stage startup', 'Karat is
    on a mission', 'TellApart, Inc. is hiring'."""
    match = _NAMED_SENTENCE.match(_without_urls(line, ""))
    if match is None or ". " in match.group("name"):
        return None  # "Documents. They are ...": two sentences
    return _clean_company(match.group("name"))


def _registered_domain(labels: list[str]) -> str:
    """'jobs.acme.com' -> 'acme.com'; 'acme.co.uk' keeps its country's second level."""
    keep = 3 if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "ac", "net") else 2
    return ".".join(labels[-keep:])


def _domain_label(domain: str) -> str:
    """The name part of a domain: 'jobs.acme.co.uk' -> 'acme'."""
    return _registered_domain(domain.lower().split(".")).split(".")[0]


def _spelled_in(text: str, label: str) -> str | None:
    """How the text writes a domain's name: 'dollarshaveclub' -> 'Dollar Shave Club', the address
    'www.GameChanger.io' -> 'GameChanger', 'goclio' -> 'Clio', 'zenboxapp' -> 'Zenbox', or a line
    opening with 'contextflow' -> 'contextflow'."""
    words = re.findall(r"[\w&'’.-]+", text)
    for size in (1, 2, 3, 4):
        for start in range(len(words) - size + 1):
            phrase = words[start : start + size]
            if re.sub(r"['’]", "", "".join(phrase).lower().strip(".")) != label:
                continue
            name = " ".join(phrase).strip(".")
            if name[:1].isupper() or any(ch.isupper() for ch in name[1:]):
                return name
    escaped = re.escape(label)
    written = re.search(rf"(?i)(?<![\w-]){escaped}(?=\.[a-z]{{2,}}\b)", text)
    if written and not written.group(0).islower():
        return written.group(0)
    short = _DOMAIN_AFFIX.fullmatch(label)
    if short:
        core = short.group("core") or short.group("core2")
        spelled = re.search(rf"(?i)(?<![\w.-]){re.escape(core)}(?![\w.-])", text)
        if spelled and spelled.group(0)[:1].isupper():
            return spelled.group(0)
    opening = re.search(rf"(?im)^\W*({escaped})(?![\w.-])", text)
    return opening.group(1) if opening else None


class _NoName(str):
    """The header says the company is not named ("Stealth startup", "Undisclosed company")."""


class _Address(str):
    """A company known only from a web address in the header ('https://contextflow.com')."""


_NO_NAME = _NoName("")


def _company(fields: list[str], pipe_header: bool) -> str | None:
    """The company of a header's fields: the first field that names one, cleaned."""
    fallback = None
    for index, field in enumerate(fields[:4]):
        if _LABELLED_LOCATION.match(field) or _OTHER_LABEL.match(field) or _LABEL_WORD.match(field):
            continue
        field = _LABEL.sub("", field)
        if index == 0 and _ANONYMOUS.search(_unbracketed(field, "").strip(" []()")):
            # "Quovo, FinTech start-up" names Quovo; "Stealth startup" names none
            return name_before_startup_kind(field, _ANONYMOUS, _clean_company) or _NO_NAME
        bare = field.strip("()[]<> ")
        domain = _DOMAIN.match(bare)
        if domain:
            address = bool(re.match(r"(?i)https?://|www\.", bare))
            if index == 0 and not address and "/" not in bare:
                return domain.group(1)  # "Resin.io | ...": the name is a domain, as written
            host = domain.group(1).lower()
            fallback = fallback or (_Address(host) if address else host)
            continue
        if index == 0 and pipe_header and len(fields) > 2 and _lone_town(field):
            return field.strip()  # "Kami | Auckland, New Zealand | ...": a town's name as a name
        if _town_with_area(field, first=index == 0):
            continue
        name = _clean_company(field)
        if name is not None:
            return name
    return fallback


def _lone_town(field: str) -> bool:
    """One word naming only a town of under 300,000 people: in front of a pipe header, a name."""
    word = field.strip()
    return (
        " " not in word
        and word[:1].isupper()
        and 0 < city_population(word) < 300_000
        and not is_area(word)
    )


@lru_cache(maxsize=65_536)
def _clean_company(field: str) -> str | None:
    """A field reduced to a company's name, or None when it is a place, role, flag or sentence."""
    text = without_introduction(field.strip())
    joined = _JOIN.match(text)
    if joined:
        text = joined.group("name") or joined.group("we") or text
    at = _ROLE_AT.match(_unbracketed(text, ""))
    if at and _is_role(at.group("role")) and not _is_role(at.group("name")):
        text = at.group("name")
    acronym = _ACRONYM.search(text)
    text = _without_urls(name_before_address(text), " ")
    text = _unbracketed(text, " ")
    text = _PHRASE_END.sub("", text)
    if _is_place_field(text):
        return None
    pieces = [p for p in _TAGLINE.split(text.strip(" -–—:,;.*#=~\"'")) if p.strip()]
    # "Software Developer - Dependable Systems Lab": a role or place before the name is skipped.
    while len(pieces) > 1 and _names_other_thing(pieces[0]):
        pieces = pieces[1:]
    if not pieces or _names_other_thing(pieces[0]):
        return None
    name = pieces[0]
    for piece in pieces[1:]:
        if _LEGAL_FORM.match(piece.strip()):
            name = f"{name}, {piece.strip()}"
        else:
            break
    name = re.sub(r"\s+", " ", name).strip(" -–—:,;*#=~\"'!")
    trailing = _TRAILING_PLACE.match(name)
    place = trailing.group("place") if trailing else ""
    if trailing and is_place(place) and not is_area(place):
        name = name if names_institution_of_place(name, place) else trailing.group("name")
    name = (
        name if place and names_institution_of_place(name, place) else _strip_trailing_place(name)
    )
    department = _DEPARTMENT.search(name)
    if department and _name_like(name[: department.start()]):
        name = name[: department.start()]
    if not _name_like(name):
        return None
    if acronym and not is_place(acronym.group(1)) and not is_area(acronym.group(1)):
        name = f"{name} ({acronym.group(1)})"  # "Cloud Data Engine (CDE)": the short name stays
    return name


@lru_cache(maxsize=65_536)
def _names_other_thing(piece: str) -> bool:
    """A piece of a field that is a role, place, area of work or flag rather than a name."""
    folded = [w.lower().strip(".,:;!?'\"()") for w in re.split(r"[\s/]+", piece) if w]
    return (
        _is_role(piece)
        or _is_place_field(piece)
        or is_area(piece)
        or _only_flags(piece)
        or all(w in _TECH or w.endswith(".js") for w in folded)
    )


def _strip_trailing_place(name: str) -> str:
    """'HelloFresh San Francisco Bay Area' -> 'HelloFresh': a place of two or more words after it."""
    if is_place(name):
        return name
    words = name.split()
    for cut in range(1, len(words) - 1):
        tail = " ".join(words[cut:])
        if (
            len(words) - cut >= 2
            and is_place(tail)
            and (city_population(tail) or not is_area(tail))
        ):
            return " ".join(words[:cut])
    return name


def _name_like(name: str) -> bool:
    words = name.split()
    if not words or not any(ch.isalnum() for ch in name):
        return False
    # Up to six words, eight for a name in title case ("Swiss Institute of Tropical & Public Health").
    titled = all(w[:1].isupper() or not w[:1].isalpha() or w in _NAME_JOINERS for w in words)
    if len(words) > (8 if titled else 6):
        return False
    folded = [w.lower().replace("’", "'").strip(".,:;!?'\"()") for w in words]
    # An upper-case short word is an initialism ("Saga Healthcare IT"), not the pronoun.
    if any(
        f in _PROSE_WORDS and not (w.isupper() and len(w) <= 3)
        for w, f in zip(words, folded, strict=True)
    ):
        return False
    if _GREETING.match(name):
        return False
    if name.islower() and (len(words) >= 3 or folded[0] in ("the", "our", "this", "my")):
        return False  # "database work with sql server", "the company": a phrase of a sentence
    if _is_place_field(name) or _is_role(name) or _only_flags(name):
        return False
    if all(w in _TECH or w.endswith(".js") for w in folded):
        return False
    return not _EMPLOYMENT.fullmatch(name.strip()) and parse_salary(name) is None


def _is_role(text: str) -> bool:
    """A role: a role noun anywhere ("Senior ML Engineer", "Developers wanted")."""
    return bool(_ROLE.search(text))


@lru_cache(maxsize=65_536)
def _is_place_field(text: str) -> bool:
    """A field of places and work-place flags only: 'Remote or SF', 'ONSITE Austin', 'Bay
    Area/SLC, Ut', 'Redwood Shores, CA'."""
    pieces = [p for p in _PLACE_SPLIT.split(_unbracketed(text, " "))[::2] if p.strip(" .")]
    if not pieces:
        return False
    places = 0
    for index, piece in enumerate(pieces):
        if _place_of(piece, strict=True) is not None or joined_places(piece, is_place):
            places += 1
        elif index > 0 and re.fullmatch(r"\s*[A-Za-z]{2}\.?\s*", piece) and is_area(piece):
            places += 1  # "Redwood Shores, CA": an unknown town with its state
        elif not (_only_flags(piece) or _PLACE_NOISE.fullmatch(piece.strip() + " ")):
            return False
    return places > 0


@lru_cache(maxsize=65_536)
def _only_flags(text: str) -> bool:
    """A field of remote/onsite/employment words only: 'REMOTE', 'Full-time, Onsite'."""
    rest = _EMPLOYMENT.sub(" ", _REMOTE.sub(" ", _ONSITE.sub(" ", text)))
    return not _FLAG_WORDS.sub(" ", rest).strip()


def _names_no_company(fields: list[str]) -> bool:
    """A first line of places, roles and flags only: its company may be on the next line."""
    return (
        bool(fields)
        and len(fields) <= 3
        and all(
            _is_place_field(f)
            or _is_role(f)
            or _only_flags(f)
            or _LABELLED_LOCATION.match(f)
            or _LABEL_WORD.match(f)
            for f in fields
        )
    )


def locations_in(text: str, exclude: str | None = None) -> str | None:
    """The places a header names, as written, several joined with '; '
    ('NY, NY / Los Angeles, CA' -> 'NY, NY; Los Angeles, CA'); None when it names none."""
    text = _WORK_PERMIT.sub(" | ", _without_urls(text[:300], " | "))
    pieces = _PLACE_SPLIT.split(text)
    area_list = _area_list(pieces)
    groups: list[list[str]] = []
    previous_sep = "|"
    last_was_place = False
    skip_to = -1
    for index in range(0, len(pieces), 2):
        if index <= skip_to:
            continue
        piece = pieces[index]
        sep_after = pieces[index + 1] if index + 1 < len(pieces) else "|"
        step = surroundings_step(pieces, index) if last_was_place and groups else None
        if step is not None:
            # "Manchester (closer to Warrington)": where the place lies, kept with it as written
            groups[-1][-1] += step[0]
            skip_to, previous_sep = step[1], step[2]
            continue
        place = _place_of(piece)
        if place is None and exclude and piece.strip().startswith(exclude + " "):
            rest = piece.strip()[len(exclude) :].strip()
            if rest[:1].isupper():
                place = _place_of(rest, strict=True)  # "Catch.com San Francisco": its place
        if place is None and index in area_list:
            place = code_after_lead(piece)  # "(VA, PA, FL, TX)": states or countries listed alone
        if place and exclude and place.lower() == exclude.lower():
            place = None
        continues = (
            last_was_place
            and groups
            and previous_sep.strip() in (",", "(", "")
            and index not in area_list
        )
        after_comma = previous_sep.strip() == ","
        if continues and (is_area(piece.strip(" .")) or (after_comma and is_country_code(piece))):
            place = piece.strip(" .")  # "Boston, MA", "Almere, The Netherlands", "Prague, CZ"
        country_first = (
            continues
            and town_after_country(groups[-1], after_comma, sep_after, piece)
            and (is_small_city(place) if place else _town_like(piece, exclude))
        )
        if country_first:
            place = place or piece.strip(" .")  # "Netherlands, Groenlo": a town after its country
        if (
            place is None
            and index + 2 < len(pieces)
            and sep_after.strip() in (",", "(")
            and (
                is_area(pieces[index + 2].strip(" .)"))
                or (sep_after.strip() == "," and is_place(pieces[index + 2].strip(" .)")))
            )
            and _town_like(piece, exclude)
        ):
            # "Almere, The Netherlands", "Soho, NYC": a town or a part of town the gazetteer lacks
            place = _PLACE_NOISE.sub("", piece.strip()).strip()
        if (
            place is None
            and last_was_place
            and previous_sep.strip().lower() in _LIST_JOINERS
            and (is_area(piece.strip(" .")) or is_country_code(piece))
        ):
            place = piece.strip(" .")  # "REMOTE US & CA", "NY/NJ", "US & CAN": a state or country
        if (
            place is None
            and last_was_place
            and previous_sep.strip() == "("
            and sep_after.strip() == ")"
            and _district(piece, exclude)
        ):
            groups[-1][-1] += f" ({piece.strip()})"  # "Seattle, WA (South Lake Union)": as written
            previous_sep = sep_after
            continue
        if place:
            # "Boston, MA"; "Soho, NYC": a small town before a city is a part of it.
            if continues and (
                is_area(place)
                or country_first
                or (after_comma and is_country_code(place))
                or (len(groups[-1]) == 1 and is_small_city(groups[-1][0]))
            ):
                groups[-1].append(place)
            else:
                groups.append([place])
        last_was_place = bool(place)
        previous_sep = sep_after
    if len(groups) > 1:
        # "Hook & Loop - NYC": a lone small town beside other places is another word.
        groups = [g for g in groups if len(g) > 1 or not is_small_city(g[0])] or groups
    seen: list[str] = []
    for group in groups:
        joined = ", ".join(group)
        if joined.lower() not in (s.lower() for s in seen):
            seen.append(joined)
    return "; ".join(seen) if seen else None


def _town_with_area(text: str, first: bool) -> bool:
    """A field of a town the gazetteer lacks and its state or country: 'Hunstville, AL' after the
    role. As the first field ('Flatiron Health, New York' is a company and its city) only when
    flags or a bracketed place follow: 'Houten (The Netherlands), ONSITE', 'Redwood Shores, CA
    (SF Bay Area)'."""
    match = _TOWN_AREA.match(text)
    if match is None:
        return False
    area = (match.group("area") or match.group("inner")).strip(" .")
    if not (is_area(area) and _town_like(match.group("town"), None)):
        return False
    after = match.end("area") if match.group("area") else match.end("inner") + 1
    rest = text[after:].strip(" ,")
    head = rest.split(",", 1)[0]
    return not first or rest.startswith("(") or bool(head.strip() and _only_flags(head))


def _based_place(text: str) -> str | None:
    """The place a sentence says the company is based in: 'an NYC-based startup', 'based in
    small and sunny Singapore', 'a Toronto based company'."""
    for match in _BASED_IN.finditer(text):
        place = match.group("before") or match.group("after")
        found = locations_in(place)
        if found:
            return found
    return None


def _area_list(pieces: list[str]) -> set[int]:
    """The indices (into _PLACE_SPLIT's pieces) of runs of states or countries separated by commas
    alone ('VA, PA, FL, TX'), at least _AREA_LIST_MIN long, not after or opening with a town
    ('Boston, MA, US', 'Washington, DC, USA')."""
    found: set[int] = set()
    run: list[int] = []
    for index in range(0, len(pieces) + 1, 2):
        piece = code_after_lead(pieces[index]) if index < len(pieces) else ""
        joined_by_comma = not run or pieces[index - 1].strip() == ","
        if piece and is_area(piece) and joined_by_comma:
            run.append(index)
            continue
        town_before = bool(run) and run[0] >= 2 and pieces[run[0] - 1].strip() == ","
        first = (_place_of(pieces[run[0]], strict=True) or "") if run else ""
        # "Washington, DC, USA", "New York, NY, US": a town with its state code opens the run.
        first_is_town = city_population(first) > 0 or (
            len(run) > 1 and len(first) > 3 and _STATE_CODE.fullmatch(pieces[run[1]].strip(" ."))
        )
        if len(run) >= _AREA_LIST_MIN and not town_before and not first_is_town:
            found.update(run)
        run = [index] if piece and is_area(piece) else []
    return found


def _district(piece: str, exclude: str | None) -> bool:
    """A part of town or another name of the place before it, in brackets: 'South Lake Union',
    'Marina del Rey', 'SOMA'; not a flag, role, address or the company ('HQ', 'Food52')."""
    text = piece.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_DISTRICT_WORDS
        and text[:1].isupper()
        and all(w[:1].isupper() or (w.isalpha() and len(w) <= 3) for w in words)
        and not any(ch.isdigit() or ch in ".@:&" for ch in text)
        and not (exclude and text.lower() == exclude.lower())
        and not _PLACE_NOISE.match(text + " ")
        and not _REMOTE_WORD.search(text.lower())  # "Bay Area (Open to Remote)"
        and not _names_other_thing(text)
    )


def _town_like(piece: str, exclude: str | None) -> bool:
    """One to three capitalised words that are no role, flag, technology or the company."""
    text = _PLACE_NOISE.sub("", piece.strip()).strip()
    words = text.split()
    return (
        0 < len(words) <= 3
        and capitalised_town(words)
        and len(text) > 3  # "IE", "NL": country codes, not towns
        and not any(ch.isdigit() for ch in text)
        and not (exclude and text.lower() == exclude.lower())
        and not _names_other_thing(text)
        and _name_like(text)
    )


def location_in_body(text: str) -> str | None:
    """The places of a 'Location: ...' line of a post's body."""
    match = _BODY_LOCATION.search(text[:5000])
    return locations_in(match.group(1)) if match else None


@lru_cache(maxsize=65_536)
def _place_of(piece: str, strict: bool = False) -> str | None:
    """The place a piece of a header names ('On-Site in Karlsruhe' -> 'Karlsruhe'), else None;
    not strict, also the place at the end of a phrase ('Acme of Seattle' -> 'Seattle')."""
    text = piece.strip(" \t*#=~\"'`")
    if not text or len(text) > 120:
        return None
    text = _LABELLED_LOCATION.sub("", text)
    article = _ARTICLE_PLACE.search(text)
    for _ in range(4):
        stripped = _PLACE_TRAILING_NOISE.sub("", _PLACE_NOISE.sub("", text)).strip(" -:,")
        if stripped == text:
            break
        text = stripped
    if article and text == article.group("name"):
        text = article.group(0)  # "The Netherlands", "The Hague": the article is the name's
    based = _BASED.match(text)
    if based:
        text = based.group("place")
    if strict:
        return text if text and is_place(text) else None
    if not text or len(text.split()) > _MAX_PLACE_WORDS:
        tail = _PLACE_PREP.sub("", text)
        return (
            tail
            if tail != text and len(tail.split()) <= _MAX_PLACE_WORDS and is_place(tail)
            else None
        )
    if is_place(text):
        return text
    if "-" in text and all(is_place(part) for part in text.split("-")):
        return text  # "Dallas-Fort Worth", "Raleigh-Durham": a metro area of two towns
    tail = _PLACE_PREP.sub("", text)
    if tail != text and is_place(tail):
        return tail
    return None


def _unbracketed(text: str, replacement: str) -> str:
    """The text with its bracketed parts replaced (_BRACKETED), looked for only when it has one."""
    if "(" in text or "[" in text or "{" in text:
        return _BRACKETED.sub(replacement, text)
    return text


def _without_urls(text: str, replacement: str) -> str:
    """The text with its web and mail addresses replaced (_URL), looked for only when it may
    hold one ('://', '@' or 'www.', in any case)."""
    if "://" in text or "@" in text or ("." in text and "www." in text.lower()):
        return _URL.sub(replacement, text)
    return text


def _strip_markup(line: str) -> str:
    if "](" in line:
        line = _MARKDOWN_LINK.sub(r"\g<text>", line)  # "[Acme](https://acme.test) | ...": "Acme"
    return line.strip().strip("#*=~`>_ ").strip()


def _following_line(line: str, body: str) -> str:
    """The first non-empty line after the header in the post's text ('' when there is none)."""
    return next(iter(_following_lines(line, body)), "")


def _following_lines(line: str, body: str) -> list[str]:
    """The first few non-empty lines after the header in the post's text, each cut short."""
    if not body:
        return []
    lines = [ln.strip() for ln in body[:3000].split("\n")]
    if lines and lines[0] == line.strip():
        lines = lines[1:]
    return [ln[:300] for ln in lines if ln][:_PLACE_LINES]


def _is_place_line(line: str) -> bool:
    """A short line after the header that opens with places only: 'Menlo Park, CA', 'London •
    Onsite • Full Time', 'San Francisco, CA. Remotes welcome.'."""
    if len(line) > _PLACE_LINE_CHARS:
        return False
    fields = split_header(_strip_markup(line))
    return bool(fields) and _is_place_field(fields[0])


def _employment_matches(low: str) -> Iterator[re.Match[str]]:
    """The matches of _EMPLOYMENT_LOWER.finditer(low), tried only where a match can begin."""
    starts = []
    for word in _EMPLOYMENT_STARTS:
        at = low.find(word)
        while at != -1:
            starts.append(at)
            at = low.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end:  # finditer's matches do not overlap
            match = _EMPLOYMENT_LOWER.match(low, at)
            if match is not None:
                yield match
                end = match.end()


def _join_types(types: set[str]) -> str | None:
    ordered = [t for t in _EMPLOYMENT_ORDER if t in types]
    return ", ".join(ordered) if ordered else None


def _employment_key(word: str) -> str:
    word = word.lower()
    if word.startswith("co"):
        return "contract" if word.startswith("con") else "co"
    for key in _EMPLOYMENT_NAMES:
        if word.startswith(key):
            return key
    return "full"
