"""The header line of an HN post and the openings its fields name ("Acme | ML Engineer | Remote")."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.header_areas import header_areas
from pipeline.roles.hiring_sentences import prose_specs
from pipeline.roles.hn_patterns import (
    COUNTED_AREA,
    GENERIC_TITLES,
    HEADER_SEP,
    HEADER_SHAPED_PIPES,
    HEADER_WITHIN_LINES,
    HIRING_FIELD,
    ITEM_SEP,
    LABEL,
    LEAD_IN_CHARS,
    OPENINGS_PAREN,
    PARENS,
    PROSE_STOP,
    PROSE_WORDS,
    SLASH,
    closed_sub,
    roleish,
)
from pipeline.roles.list_items import MAX_LISTED_TITLE_WORDS, MAX_QUALIFIER_WORDS, Spec, item_specs
from pipeline.roles.run_on_labels import before_next_label
from pipeline.roles.titles import TitleParse, parse_title, title_kind
from pipeline.roles.vocabulary import TECHNOLOGIES
from pipeline.roles.wording import SHORT_PARENS, is_prose, split_top, strip_urls


def header_at(lines: list[tuple[int, str]]) -> int:
    """The index of the header among the post's (offset, line) pairs: the first non-blank line,
    or the one after a short lead-in above a pipe line."""
    for k, (_, line) in enumerate(lines[:HEADER_WITHIN_LINES]):
        if line.strip():
            if (
                "|" not in line
                and len(line) < LEAD_IN_CHARS
                and k + 1 < len(lines)
                and "|" in lines[k + 1][1]
            ):
                continue
            return k
    return 0


@lru_cache(maxsize=16_384)
def header_specs(header: str) -> tuple[tuple[TitleParse, str, str, bool, bool], ...]:
    """The openings a header line names: (parse, title, normalised title, a category of
    openings rather than a title, a field of engineering areas)."""
    text = strip_urls(header, " | ")
    if " // " in text:
        # "Acme // Vienna // Cloud MLOps / DevOps Engineer // Full-Time": fields between double
        # slashes, as between pipes
        text = text.replace(" // ", " | ")
    # a short parenthesis is part of its field: "Early Engineer (Full-Stack / AI)" is one field
    text = SHORT_PARENS.sub(lambda m: m.group(0).replace(" ", "\x00"), text)
    if text.count("|") >= HEADER_SHAPED_PIPES:
        # in a pipe header a dash inside a field joins a title and its team: "Senior Software
        # Engineer — AI-Driven Payment Systems" is one field
        text = "|".join(map(_pipe_field, text.split("|")))
    fields = [f.replace("\x00", " ").strip(" ,;:") for f in HEADER_SEP.split(text)]
    fields = [f for f in fields if f]
    # a header that opens with the company's address has no company field after it
    url_named = _LEADING_URL.match(header) is not None
    field_items: list[tuple[int, tuple[Spec, ...], bool]] = []
    prose: list[Spec] = []
    for index, field in enumerate(fields):
        kind, items = _header_field(field)
        if kind == _FIELD_LABELED:
            field_items.append((index, items, True))
            continue
        if kind == _FIELD_PROSE:
            prose.extend(items)
            continue
        if kind == _FIELD_NONE:
            continue
        if (
            index == 0
            and len(fields) > 1
            and not url_named
            and not all(parsed.kind == "role" for parsed, _, _ in items)
        ):
            continue
        if items:
            field_items.append((index, items, False))
    has_role_field = any(
        any(parsed.kind == "role" for parsed, _, _ in items) for _, items, _ in field_items
    )
    field_items = [
        (index, items, labeled)
        for index, items, labeled in field_items
        if labeled or not is_stack_field(fields[index], has_role_field)
    ]
    found: list[tuple[TitleParse, str, str, bool, bool]] = []
    for _index, items, labeled in field_items:
        has_roles = any(parsed.kind == "role" for parsed, _, _ in items)
        if has_roles or labeled or len(items) >= 2 or not has_role_field:
            category = all(
                parsed.kind == "discipline" or normalized.lower() in GENERIC_TITLES
                for parsed, _, normalized in items
            )
            found.extend(
                (parsed, title, normalized, category, False) for parsed, title, normalized in items
            )
    found.extend((parsed, title, normalized, False, False) for parsed, title, normalized in prose)
    if not found:
        # a field of engineering areas is the opening when the header names no other
        # ("Acme | Remote | DevOps | Mobile"); beside a title it is that title's team
        found.extend(
            (parse_title(area), area, parse_title(area).normalized, True, True)
            for area in header_areas(strip_urls(header, " | "))
        )
    return tuple(found)


DASH = re.compile(r"\s[-–—]{1,2}\s|[–—]")
_LEADING_URL = re.compile(r"\s*(?:https?://|www\.)\S+\s*\|")


def _title_dash_team(field: str) -> str:
    """'Title — Team' inside a pipe field as one field 'Title, Team' (spaces kept from splitting)."""
    parts = DASH.split(field)
    if len(parts) != 2:
        return field
    title, team = parts[0].strip(), parts[1].strip()
    if (
        not title
        or not team
        or len(team.split()) > MAX_QUALIFIER_WORDS
        or is_prose(team)
        or parse_title(title.replace("\x00", " ")).kind != "role"
        or parse_title(team.replace("\x00", " ")).kind == "role"
    ):
        return field
    return f"{title},\x00{team.replace(' ', chr(0))}"


_SPACED_SLASH = re.compile(r"\s/\s")


_CACHED_FIELD_CHARS = 200


def _pipe_field(field: str) -> str:
    """A pipe header's field with its title's dashed team and its slash list joined."""
    if len(field) > _CACHED_FIELD_CHARS:  # a one-paragraph post's last field never recurs
        return _slash_list(_title_dash_team(field))
    return _short_field(field)


@lru_cache(maxsize=65_536)
def _short_field(field: str) -> str:
    """_pipe_field of a field that recurs across posts ("Remote", "Full-time", a title)."""
    return _slash_list(_title_dash_team(field))


def _slash_list(field: str) -> str:
    """A pipe field of roles and short areas joined by " / " as one list ("Software Eng / Design
    / ML"): split into fields, a lone "ML" beside a role field would read as the sector."""
    parts = _SPACED_SLASH.split(field)
    if len(parts) < 2 or any(len(p.split()) > MAX_LISTED_TITLE_WORDS for p in parts):
        return field
    kinds = [parse_title(p.replace("\x00", " ")).kind for p in parts]
    if "none" in kinds or "role" not in kinds:
        return field
    # a role may run to a listed title's length ("Full Stack Python Hacker / Data Scientist /
    # Machine Learning"); an area stays short
    if any(
        len(p.split()) > MAX_QUALIFIER_WORDS and kind != "role"
        for p, kind in zip(parts, kinds, strict=True)
    ):
        return field
    return ",\x00".join(p.strip().replace(" ", "\x00") for p in parts)


def is_dash_team(title: str, team: str) -> bool:
    """A few words after "Title - " that name its team or areas, not a role or a description."""
    return (
        bool(title.strip())
        and 0 < len(team.split()) <= MAX_QUALIFIER_WORDS
        and not is_prose(team)
        and parse_title(title).kind == "role"
        and parse_title(team).kind != "role"
    )


_FIELD_NONE, _FIELD_LABELED, _FIELD_PROSE, _FIELD_ITEMS = range(4)
# A field naming the people a product is for or the team already there, not openings: "Built
# for data scientists, ML engineers, analysts", the count of a team: "Team: 4 ML engineers, 3 DS".
_NOT_OPENINGS_FIELD = re.compile(
    r"^(?:(?:[\w-]+\s+){0,3}?(?:built|made|designed|used|trusted|loved)\s+(?:for|by)\b"
    r"|(?:our\s+)?team(?:\s+size)?\s*:\s*\d)",
    re.I,
)


@lru_cache(maxsize=65_536)  # fields recur across posts far more than whole headers do
def _header_field(field: str) -> tuple[int, tuple[Spec, ...]]:
    label = LABEL.match(field) if ":" in field else None
    if label is not None:
        return _FIELD_LABELED, item_specs(before_next_label(label.group("rest")))
    if _NOT_OPENINGS_FIELD.match(field):
        return _FIELD_NONE, ()
    counted = OPENINGS_PAREN.match(field) if "(" in field else None
    if counted is not None:
        return _FIELD_LABELED, _counted_openings(counted.group("rest"))
    area = COUNTED_AREA.match(field) if " " in field else None
    if area is not None:
        return _FIELD_LABELED, _counted_openings(area.group("area"))
    # a short parenthesis holds the title's place or team: "Founding AI Engineer at Acme
    # (Amsterdam, The Netherlands)" is a title, not a sentence
    bare = SHORT_PARENS.sub(" ", field)
    if (is_prose(bare) and not _is_title_list(field)) or HIRING_FIELD.match(field):
        if ";" in field and not HIRING_FIELD.match(field):
            # "Senior Software Engineer; Senior Software Engineer in Machine Learning": a title each
            pieces = [_header_field(piece) for piece in field.split(";") if piece.strip()]
            return _FIELD_PROSE, tuple(spec for _kind, items in pieces for spec in items)
        return _FIELD_PROSE, prose_specs(field) or title_before_prose(field)
    if not roleish(field):
        return _FIELD_NONE, ()
    return _FIELD_ITEMS, item_specs(field)


# Two languages or frameworks in a header field that names no role make it the tech stack: one
# alone is as often the opening's speciality ("Backend (Go), ML").
_STACK_TECHNOLOGIES = 2


@lru_cache(maxsize=16_384)
def _counted_openings(items: str) -> tuple[Spec, ...]:
    """The openings a count names ("Multiple positions (Backend Engineer, Data Scientist)",
    "Several ML roles"); a stack there ("multiple roles (Go, K8s, React)") names none."""
    specs = [s for s in item_specs(items) if s[0].kind in ("role", "discipline")]
    technologies = [s for s in specs if s[1].strip(" .").lower() in TECHNOLOGIES]
    if is_stack_field(items, False) or len(technologies) * 2 >= len(specs):
        return ()
    return tuple(s for s in specs if s not in technologies)


def is_stack_field(field: str, other_field_has_role: bool) -> bool:
    """A header field listing the stack ("Clojure, Elixir, ML, Swift"), not areas of openings.

    Languages beside areas are the stack when another field names the openings, or when the field
    also names things that are no area ("Python, Machine Learning, Optimisation, AWS"); alone
    ("Computer Vision, C++, Python") they are the best account of the opening the post gives.
    """
    pieces = [p for piece, _ in split_top(field, ITEM_SEP) for p, _ in split_top(piece, SLASH)]
    words = [closed_sub(PARENS, " ", p).strip(" .").lower() for p in pieces]
    if len({w for w in words if w in TECHNOLOGIES}) < _STACK_TECHNOLOGIES:
        return False
    parses = [parse_title(p) for p in pieces]
    if any(q.kind == "role" for q in parses):
        return False
    return other_field_has_role or any(q.kind == "none" for q in parses)


def title_before_prose(field: str, limit: int = MAX_LISTED_TITLE_WORDS) -> tuple[Spec, ...]:
    """A title that opens a header field or list item worded as a phrase ("Data Scientists/
    Engineers across the stack"): the words up to the first one that continues the phrase."""
    kept: list[str] = []
    for word in (words := field.replace("’", "'").split()):
        if (low := word.lower().strip(",.")) in PROSE_STOP or low in PROSE_WORDS:
            break
        kept.append(word)
    title = " ".join(kept).strip(" ,.:;-")
    # words of marks alone ("-", "&") are not counted: only a longer run needs the count
    if not title or len(kept) > limit and sum(1 for w in kept if any(map(str.isalnum, w))) > limit:
        return ()
    rest = words[len(kept) :]
    if len(rest) > 1 and rest[0].lower() in ("in", "for", "on"):
        # "Senior Software Engineer in Machine Learning (...)": the area after the title
        words = []
        for word in rest[1:4]:
            if word.startswith(("(", "[")):
                break
            words.append(word)
        for size in range(len(words), 0, -1):
            area = " ".join(words[:size]).strip(" ,.:;")
            if area and title_kind(area) == "discipline" and not is_prose(area):
                title = f"{title}, {area}"
                break
    specs = item_specs(title)
    return specs if specs and all(spec[0].kind == "role" for spec in specs) else ()


def _is_title_list(field: str) -> bool:
    """A long field that is a comma list of short titles ("MLOps Engineer, ML Engineer- NLP, ...").

    A list that opens with a title and is mostly titles may hold a piece of other words: a
    tail ("Backend Engineers, ML Engineers, etc and more"), an area in words ("General Software
    (Unix Expertise)") or a title with its levels ("Full-Stack engineers all experience levels").
    """
    items = [i for i in field.split(",") if i.strip()]
    if len(items) < 2:
        return False
    if all(len(i.split()) <= MAX_LISTED_TITLE_WORDS and not is_prose(i) for i in items):
        return True
    worded = [i for i in items if is_prose(i)]
    roles = [i for i in items if i not in worded and parse_title(i).kind == "role"]
    return (
        len(worded) <= _WORDED_LIST_PIECES
        and len(roles) >= _LIST_ROLES
        and 2 * len(roles) >= len(items)
        and all(len(i.split()) <= MAX_LISTED_TITLE_WORDS for i in items)
        and (parse_title(items[0]).kind == "role" or bool(title_before_prose(items[0])))
    )


# A title list holds at most one piece of other words, beside at least two titles: more such
# pieces make it a sentence that names roles ("built for data scientists, analysts and ...").
_WORDED_LIST_PIECES = 1
_LIST_ROLES = 2
