"""Hacker News "Who is hiring?" posts to openings: the header line, lists of openings in the
body, hiring sentences, and each listed opening's own section (docs/roles.md, "Hacker News posts").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from jobtrends.vocabulary import AI_ENGINEER, OTHER
from pipeline.roles.header_areas import header_areas
from pipeline.roles.hn_patterns import (
    _BULLET,
    _CAPITAL_AREAS,
    _CUE,
    _DESCRIPTION_CHARS,
    _EMPLOYER,
    _EMPLOYER_HEAD_CHARS,
    _FOOTER,
    _GENERIC_TITLES,
    _HEADER_SEP,
    _HEADER_SHAPED_CHARS,
    _HEADER_SHAPED_PIPES,
    _HEADER_WITHIN_LINES,
    _HIRING,
    _HIRING_FIELD,
    _HIRING_LOWER,
    _HIRING_PHRASE_WORDS,
    _HIRING_WORDS,
    _INNER_SEP,
    _ITEM_SEP,
    _LABEL,
    _LABELED_LIST_WORDS,
    _LEAD_IN_CHARS,
    _LEVEL_RANGE,
    _LIST_ITEM_WORDS,
    _LONG_LINE_CHARS,
    _MAX_POST,
    _NOT_OPENINGS_CUE,
    _NUMBERED,
    _OF_COMPLEMENT,
    _PAREN_LIST,
    _PAREN_LIST_WORDS,
    _PARENS,
    _PENDING_REACH,
    _PROSE_STOP,
    _PROSE_WORDS,
    _RESUME_HEAD_CHARS,
    _RULE_LINE,
    _SENTENCE_WORDS,
    _SLASH,
    _TITLE_END,
    _TITLE_LINE_CHARS,
    _TITLE_LINES_BELOW_HEADER,
    _TITLE_PAREN_WORDS,
    _TITLE_PART_CHARS,
    _TITLE_WORDS,
    _URL,
    _URL_NO_EMAIL,
    _folds_plainly,
    _hiring_quick,
    _is_lead_filler,
    _mask_parens,
    _roleish,
)
from pipeline.roles.resume_posts import looks_like_resume
from pipeline.roles.run_on_labels import before_next_label
from pipeline.roles.titles import Opening, TitleParse, parse_title, title_kind
from pipeline.roles.vocabulary import GENERIC_HEADS, PLURALS, ROLE_PHRASES, TECHNOLOGIES


@dataclass(slots=True)
class _Found:
    parse: TitleParse
    title: str
    normalized: str
    line: int = -1  # body line index, -1 for the header and prose
    category: bool = False
    area: bool = False  # a header field of engineering areas (header_areas)


# An opening as parsed, before it is placed in a post: (parse, title as written, normalised title).
_Spec = tuple[TitleParse, str, str]
# A team or focus written after a title ("AI Focus", "ML Platform") is a few words; a longer
# non-role piece after a comma is a sentence or a list of something else.
_MAX_QUALIFIER_WORDS = 3
# A title in a comma list of titles runs to about five words ("Senior Software Engineer - QA").
_MAX_LISTED_TITLE_WORDS = 6
# A parenthesis closed within a few words, without a pipe: a title's detail, never two fields.
_SHORT_PARENS = re.compile(r"\([^()|\n]{1,60}\)")


def _placed(specs: Iterable[_Spec], line: int = -1) -> list[_Found]:
    return [_Found(parsed, title, normalized, line) for parsed, title, normalized in specs]


def _strip_urls(text: str, replacement: str = " ") -> str:
    if "@" in text or "http" in text or "www." in text or "[" in text:
        return _urls_replaced(text, replacement)
    return text


@lru_cache(maxsize=16_384)
def _urls_replaced(text: str, replacement: str) -> str:
    """Cached: each reader of a line strips its links again."""
    return (_URL if "@" in text else _URL_NO_EMAIL).sub(replacement, text)


@lru_cache(maxsize=65_536)
def _split_top(text: str, pattern: re.Pattern[str]) -> tuple[tuple[str, str], ...]:
    """Split text on pattern outside parentheses: ((piece, separator before it), ...); cached, as
    a line's title part is split again after its list was read."""
    masked = _mask_parens(text)
    out: list[tuple[str, str]] = []
    pos, sep = 0, ""
    for m in pattern.finditer(masked):
        if m.start() == m.end():
            continue
        out.append((text[pos : m.start()], sep))
        sep, pos = m.group(0).strip().lower(), m.end()
    out.append((text[pos:], sep))
    return tuple((p.strip(), s) for p, s in out if p.strip())


def _words(text: str) -> list[str]:
    return text.lower().replace("’", "'").split()


# Prose words that, right before an engineering noun, name the title's field: "Application
# Engineer", "Build Engineer" ("application" is otherwise a job seeker's or an applicant's word).
_TITLE_FIELD_WORDS = frozenset({"application", "applications", "build"})
_ENGINEERING_NOUN = re.compile(r"^(?:engineers?|developers?|architects?|programmers?)\b")
# A capitalised field word may name its title's field two words before the engineering noun.
_FIELD_WORD_REACH = 2


_WORD_PUNCT = ",.!?:;()"


@lru_cache(maxsize=65_536)
def _is_prose(text: str, limit: int = _TITLE_WORDS) -> bool:
    """More words than a title holds, or a word of prose (cached: a line's parts are asked often)."""
    if " to " in text:
        text = _LEVEL_RANGE.sub(r"\1-", text)
    words = _words(text)
    if len(words) > limit:
        return True
    if _PROSE_WORDS.isdisjoint(map(str.strip, words, repeat(_WORD_PUNCT))):
        return False  # no prose word at all: the word-by-word test below cannot succeed
    return any(
        w.strip(",.!?:;()") in _PROSE_WORDS
        and raw.strip(",.!?:;()") not in _CAPITAL_AREAS
        and not (w in _TITLE_FIELD_WORDS and _names_field(words, k, raw))
        for k, (w, raw) in enumerate(zip(words, text.split(), strict=False))
    )


def _names_field(words: list[str], at: int, raw: str) -> bool:
    """Whether a field word opens a title: an engineering noun next ("Application Engineer"), or
    capitalised with one more field word between ("Application Security Engineer")."""
    after = words[at + 1 : at + 1 + _FIELD_WORD_REACH]
    if after and _ENGINEERING_NOUN.match(after[0]):
        return True
    return (
        raw[:1].isupper()
        and len(after) == _FIELD_WORD_REACH
        and _ENGINEERING_NOUN.match(after[1]) is not None
        and after[0].strip(_WORD_PUNCT) not in _PROSE_WORDS
    )


_AI_WORD = re.compile(
    r"\b(?:AI|ML|NLP|LLMs?|GenAI|CV|machine\s+learning|deep\s+learning|computer\s+vision)\b",
    re.I,
)


def _has_ai_word(text: str) -> bool:
    return _AI_WORD.search(text) is not None


def _is_prose_item(piece: str) -> bool:
    """A list piece too long for a title, or worded as a sentence.

    A short parenthesis is the title's detail and counts neither towards its length nor as
    wording: "Founding Full Stack Developer (AI x Search x Graphs)" is one title.
    """
    return _is_prose(_SHORT_PARENS.sub(" ", piece), _LIST_ITEM_WORDS)


def _drop_prose_parens(text: str) -> str:
    """Parentheses worded as a sentence dropped: "Software Engineer (ML experience a plus)"
    states a requirement, "(must be a golfer)" a wish; neither is part of the title."""
    return _PARENS.sub(lambda m: " " if _is_prose(m.group(1)) else m.group(0), text)


@lru_cache(maxsize=65_536)  # header fields and list lines recur across posts (reposts)
def _item_specs(text: str) -> tuple[_Spec, ...]:
    """Openings named in a list of titles ('ML Engineer, Data Scientist, Backend')."""
    if "(" in text:
        text = " ".join(_drop_prose_parens(text).split())
    pieces: list[tuple[str, str]] = []
    merged: list[tuple[str, str]] = []
    for piece, sep in _split_top(text, _ITEM_SEP):
        if merged and sep in ("and", "&", "or") and _OF_COMPLEMENT.search(merged[-1][0]):
            merged[-1] = (f"{merged[-1][0]} {sep} {piece}", merged[-1][1])
        else:
            merged.append((piece, sep))
    for piece, sep in merged:
        parts = _split_top(piece, _SLASH)
        if len(parts) > 1 and all(parse_title(p).kind == "role" for p, _ in parts):
            pieces.append((parts[0][0], sep))
            pieces.extend((p, "/") for p, _ in parts[1:])
        else:
            pieces.append((piece, sep))
    expanded: list[tuple[str, str]] = []
    for piece, sep in pieces:
        m = _PAREN_LIST.match(piece) if "(" in piece else None
        if (
            m
            and parse_title(m.group(1)).kind == "role"
            and not _is_prose(m.group(2), _PAREN_LIST_WORDS)
        ):
            inner = [p for p, _ in _split_top(m.group(2), _INNER_SEP)]
            if inner and all(parse_title(p).kind == "discipline" for p in inner):
                expanded.extend(
                    (f"{m.group(1)} ({p})", sep if k == 0 else ",") for k, p in enumerate(inner)
                )
                continue
        expanded.append((piece, sep))
    parses = [parse_title(p) for p, _ in expanded]
    k = 0
    while k + 1 < len(expanded):
        # an AI qualifier coordinated before a role modifies it: "AI Simulation and Control
        # Engineer", "CV & Robotics SWE" are one title each
        if (
            parses[k].kind == "none"
            and expanded[k + 1][1] in ("and", "&", "/", "+")
            and parses[k + 1].kind == "role"
            and _has_ai_word(expanded[k][0])
        ):
            joined = f"{expanded[k][0]} {expanded[k + 1][1]} {expanded[k + 1][0]}"
            expanded[k : k + 2] = [(joined, expanded[k][1])]
            parses[k : k + 2] = [parse_title(joined)]
        k += 1
    if sum(1 for q in parses if q.kind == "role") == 1:
        # one title followed by its team ("Research Scientist, Machine Learning"), not a list
        at = next(k for k, q in enumerate(parses) if q.kind == "role")
        end = at + 1
        while end < len(expanded) and parses[end].kind != "role" and expanded[end][1] in (",", ";"):
            end += 1
        # the team may be a short qualifier that is no discipline of its own ("Senior Software
        # Engineer, AI Focus, Data Management", "Fullstack Engineer, AI Implementation")
        if end > at + 1 and all(
            q.kind == "discipline"
            or (q.kind == "none" and len(p.split()) <= _MAX_QUALIFIER_WORDS and not _is_prose(p))
            for q, (p, _) in zip(parses[at + 1 : end], expanded[at + 1 : end], strict=True)
        ):
            title = ", ".join(p for p, _ in expanded[at:end])
            expanded[at:end] = [(title, expanded[at][1])]
            parses[at:end] = [parse_title(title)]
    found: list[_Spec] = []
    for k, ((piece, _sep), parsed) in enumerate(zip(expanded, parses, strict=True)):
        if parsed.kind == "none" or _is_prose_item(piece):
            continue
        normalized = parsed.normalized
        if parsed.kind == "discipline":
            nxt = next((q for q in parses[k + 1 :] if q.kind == "role"), None)
            joined_by = expanded[k + 1][1] if k + 1 < len(expanded) else ""
            if nxt is not None and nxt.head_noun in ("engineer", "developer", "programmer"):
                combined = parse_title(f"{piece} {nxt.head_noun}")
                if joined_by in ("and", "&", "/", "or", "+") and parses[k + 1].kind == "role":
                    parsed = combined
                normalized = combined.normalized
            elif parsed.family == AI_ENGINEER:
                normalized = parse_title(f"{piece} engineer").normalized
        found.append((parsed, piece, normalized))
    return tuple(found)


def _header_line(lines: list[tuple[int, str]]) -> int:
    for k, (_, line) in enumerate(lines[:_HEADER_WITHIN_LINES]):
        if line.strip():
            if (
                "|" not in line
                and len(line) < _LEAD_IN_CHARS
                and k + 1 < len(lines)
                and "|" in lines[k + 1][1]
            ):
                continue
            return k
    return 0


def _header_openings(header: str) -> list[_Found]:
    found: list[_Found] = []
    for parsed, title, normalized, category, area in _header_specs(header):
        found.append(_Found(parsed, title, normalized, category=category, area=area))
    return found


@lru_cache(maxsize=16_384)
def _header_specs(header: str) -> tuple[tuple[TitleParse, str, str, bool, bool], ...]:
    text = _strip_urls(header, " | ")
    # a short parenthesis is part of its field: "Early Engineer (Full-Stack / AI)" is one field
    text = _SHORT_PARENS.sub(lambda m: m.group(0).replace(" ", "\x00"), text)
    if text.count("|") >= _HEADER_SHAPED_PIPES:
        # in a pipe header a dash inside a field joins a title and its team: "Senior Software
        # Engineer — AI-Driven Payment Systems" is one field
        text = "|".join(map(_pipe_field, text.split("|")))
    fields = [f.replace("\x00", " ").strip(" ,;:") for f in _HEADER_SEP.split(text)]
    fields = [f for f in fields if f]
    # a header that opens with the company's address has no company field after it
    url_named = _LEADING_URL.match(header) is not None
    field_items: list[tuple[int, tuple[_Spec, ...], bool]] = []
    prose: list[_Spec] = []
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
        if labeled or not _is_stack_field(fields[index], has_role_field)
    ]
    found: list[tuple[TitleParse, str, str, bool, bool]] = []
    for _index, items, labeled in field_items:
        has_roles = any(parsed.kind == "role" for parsed, _, _ in items)
        if has_roles or labeled or len(items) >= 2 or not has_role_field:
            category = all(
                parsed.kind == "discipline" or normalized.lower() in _GENERIC_TITLES
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
            for area in header_areas(_strip_urls(header, " | "))
        )
    return tuple(found)


_DASH = re.compile(r"\s[-–—]{1,2}\s|[–—]")
_LEADING_URL = re.compile(r"\s*(?:https?://|www\.)\S+\s*\|")


def _title_dash_team(field: str) -> str:
    """'Title — Team' inside a pipe field as one field 'Title, Team' (spaces kept from splitting)."""
    parts = _DASH.split(field)
    if len(parts) != 2:
        return field
    title, team = parts[0].strip(), parts[1].strip()
    if (
        not title
        or not team
        or len(team.split()) > _MAX_QUALIFIER_WORDS
        or _is_prose(team)
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
    if len(parts) < 2 or any(len(p.split()) > _MAX_LISTED_TITLE_WORDS for p in parts):
        return field
    kinds = [parse_title(p.replace("\x00", " ")).kind for p in parts]
    if "none" in kinds or "role" not in kinds:
        return field
    # a role may run to a listed title's length ("Full Stack Python Hacker / Data Scientist /
    # Machine Learning"); an area stays short
    if any(
        len(p.split()) > _MAX_QUALIFIER_WORDS and kind != "role"
        for p, kind in zip(parts, kinds, strict=True)
    ):
        return field
    return ",\x00".join(p.strip().replace(" ", "\x00") for p in parts)


def _is_dash_team(title: str, team: str) -> bool:
    """A few words after "Title - " that name its team or areas, not a role or a description."""
    return (
        bool(title.strip())
        and 0 < len(team.split()) <= _MAX_QUALIFIER_WORDS
        and not _is_prose(team)
        and parse_title(title).kind == "role"
        and parse_title(team).kind != "role"
    )


_FIELD_NONE, _FIELD_LABELED, _FIELD_PROSE, _FIELD_ITEMS = range(4)


@lru_cache(maxsize=65_536)  # fields recur across posts far more than whole headers do
def _header_field(field: str) -> tuple[int, tuple[_Spec, ...]]:
    label = _LABEL.match(field) if ":" in field else None
    if label is not None:
        return _FIELD_LABELED, _item_specs(before_next_label(label.group("rest")))
    # a short parenthesis holds the title's place or team: "Founding AI Engineer at Acme
    # (Amsterdam, The Netherlands)" is a title, not a sentence
    bare = _SHORT_PARENS.sub(" ", field)
    if (_is_prose(bare) and not _is_title_list(field)) or _HIRING_FIELD.match(field):
        if ";" in field and not _HIRING_FIELD.match(field):
            # "Senior Software Engineer; Senior Software Engineer in Machine Learning": a title each
            pieces = [_header_field(piece) for piece in field.split(";") if piece.strip()]
            return _FIELD_PROSE, tuple(spec for _kind, items in pieces for spec in items)
        return _FIELD_PROSE, _prose_specs(field) or _title_before_prose(field)
    if not _roleish(field):
        return _FIELD_NONE, ()
    return _FIELD_ITEMS, _item_specs(field)


# Two languages or frameworks in a header field that names no role make it the tech stack: one
# alone is as often the opening's speciality ("Backend (Go), ML").
_STACK_TECHNOLOGIES = 2


@lru_cache(maxsize=16_384)
def _is_stack_field(field: str, other_field_has_role: bool) -> bool:
    """A header field listing the stack ("Clojure, Elixir, ML, Swift"), not areas of openings.

    Languages beside areas are the stack when another field names the openings, or when the field
    also names things that are no area ("Python, Machine Learning, Optimisation, AWS"); alone
    ("Computer Vision, C++, Python") they are the best account of the opening the post gives.
    """
    pieces = [p for piece, _ in _split_top(field, _ITEM_SEP) for p, _ in _split_top(piece, _SLASH)]
    words = [_PARENS.sub(" ", p).strip(" .").lower() for p in pieces]
    if len({w for w in words if w in TECHNOLOGIES}) < _STACK_TECHNOLOGIES:
        return False
    parses = [parse_title(p) for p in pieces]
    if any(q.kind == "role" for q in parses):
        return False
    return other_field_has_role or any(q.kind == "none" for q in parses)


def _title_before_prose(field: str, limit: int = _MAX_LISTED_TITLE_WORDS) -> tuple[_Spec, ...]:
    """A title that opens a header field or list item worded as a phrase ("Data Scientists/
    Engineers across the stack"): the words up to the first one that continues the phrase."""
    kept: list[str] = []
    for word in (words := field.replace("’", "'").split()):
        if (low := word.lower().strip(",.")) in _PROSE_STOP or low in _PROSE_WORDS:
            break
        kept.append(word)
    title = " ".join(kept).strip(" ,.:;-")
    if not title or sum(1 for w in kept if any(c.isalnum() for c in w)) > limit:
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
            if area and title_kind(area) == "discipline" and not _is_prose(area):
                title = f"{title}, {area}"
                break
    specs = _item_specs(title)
    return specs if specs and all(spec[0].kind == "role" for spec in specs) else ()


def _is_title_list(field: str) -> bool:
    """A long field that is a comma list of short titles ("MLOps Engineer, ML Engineer- NLP, ...")."""
    items = [i for i in field.split(",") if i.strip()]
    return len(items) >= 2 and all(
        len(i.split()) <= _MAX_LISTED_TITLE_WORDS and not _is_prose(i) for i in items
    )


@lru_cache(maxsize=16_384)
def _prose_specs(sentence: str) -> tuple[_Spec, ...]:
    """Openings named after a hiring verb ('We're hiring frontend and backend engineers')."""
    if _folds_plainly(sentence) and not any(word in sentence.lower() for word in _HIRING_WORDS):
        return ()  # _HIRING needs one of these words
    found: list[_Spec] = []
    text = _strip_urls(sentence)
    hiring = _HIRING_LOWER.finditer(text.lower()) if text.isascii() else _HIRING.finditer(text)
    for m in hiring:
        words = text[m.start("rest") : m.end("rest")].replace("’", "'").split()
        while words and _is_lead_filler(words[0], words[1] if len(words) > 1 else ""):
            words.pop(0)
        kept: list[str] = []
        team = ""
        for at, w in enumerate(words):
            if w.lower().strip(",") in _PROSE_STOP:
                team = _team_after(words[at:])
                break
            kept.append(w)
        phrase = " ".join(kept).strip(" ,")
        if team and kept and ROLE_PHRASES.get((PLURALS.get(kept[-1].lower(), kept[-1].lower()),)):
            # "full-stack engineers for our ML platform team": the team qualifies the role
            phrase = f"{phrase} ({team})"
        # a long phrase is prose unless it is a list of titles ("... a designer, two backend
        # engineers, an ML engineer, ..."): one sentence naming five roles names five openings
        if not kept or (len(kept) > _HIRING_PHRASE_WORDS and phrase.count(",") < 2):
            continue
        generic = bool(kept) and kept[-1].lower().strip(",") in GENERIC_HEADS
        items = _item_specs(phrase)
        if not any(parsed.kind == "role" for parsed, _, _ in items) and not generic:
            continue
        # "we're hiring engineers to ...": a bare plural names people, not an opening's title
        found.extend(item for item in items if not _bare_plural(item))
    return tuple(found)


# "engineers for our ML and web platform teams": the team's name is a few words long; a longer
# stretch before "team" is a clause ("for our customers, who run their own security team").
_TEAM_NAME_WORDS = 5
_TEAM_AFTER = re.compile(
    r"^(?:for|on|in|within|to\s+join)\s+(?:(?:our|the|its|their)\s+)?"
    rf"(?P<name>(?:[\w/&+.-]+\s+){{1,{_TEAM_NAME_WORDS}}}?)"
    r"(?:team|teams|group|groups|org|organization)\b",
    re.I,
)


def _team_after(words: list[str]) -> str:
    """The team named right after a role phrase ("for our ML platform team"), or ""."""
    m = _TEAM_AFTER.match(" ".join(words[: _TEAM_NAME_WORDS + 4]))
    return f"{m.group('name').strip()} team" if m else ""


def _bare_plural(spec: _Spec) -> bool:
    """One plural role noun of no family ("engineers", "developers", "designers")."""
    parsed, title, _ = spec
    word = title.strip(" ,.").lower()
    return " " not in word and word.endswith("s") and parsed.family == OTHER


_TEAM_AFTER_DASH = re.compile(r"\s[-–—]\s(?P<team>[^:|()\-–—]+?)\s*(?=$|[:|(]|\s[-–—]\s)")


def _title_part(body: str) -> str:
    part = _strip_urls(body)
    end = _TITLE_END.search(part)
    if end is not None:
        team = _TEAM_AFTER_DASH.match(part, end.start())
        head = part[: end.start()]
        part = head
        if team is not None and _is_dash_team(head, team.group("team")):
            # "Staff Software Engineer - Infrastructure, Machine Learning ($250k): link"
            part = f"{head}, {team.group('team').strip()}"
    if "(" in part:
        part = _PARENS.sub(
            lambda m: m.group(0) if len(m.group(1).split()) <= _TITLE_PAREN_WORDS else " ", part
        )
    return part.strip(" .,:;-–—*")


def openings_of_post(text_plain: str) -> list[Opening]:
    """Openings a Hacker News post advertises, from its header line and any list in its body."""
    if not isinstance(text_plain, str) or not text_plain.strip():
        return []
    return list(_post_openings(text_plain))


# What a body line contributes (see _line_step).
_SKIP, _LONG, _LISTED, _CUE_ON, _PENDING, _LISTED_ROLES, _TITLE_ROLES, _TEXT = range(8)


@lru_cache(maxsize=8_192)
def _post_openings(text_plain: str) -> tuple[Opening, ...]:
    # Companies repost the same text month after month: whole posts are cached too.
    text = text_plain[:_MAX_POST]
    offsets: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        offsets.append((pos, line))
        pos += len(line) + 1
    head_at = _header_line(offsets)
    header = offsets[head_at][1]
    seeker = looks_like_resume(text[:_RESUME_HEAD_CHARS])
    if seeker and not _EMPLOYER.search(text, 0, _EMPLOYER_HEAD_CHARS):
        return ()
    header_found = _header_openings(header)
    header_has_roles = any(f.parse.kind == "role" for f in header_found)

    listed: list[_Found] = []
    prose: list[_Found] = []
    title_lines: list[_Found] = []
    pending: list[_Found] = []  # bare disciplines on list-like lines, kept beside other openings
    described: set[int] = set()
    described_pending: set[int] = set()  # "Data Science: pandas, numpy, ..." names a stack
    cue_active = False
    last_opening_line = -1
    pending_description = -1
    for k in range(head_at + 1, len(offsets)):
        line = offsets[k][1].strip()
        if not line:
            continue
        action, specs, flag = _line_step(line, cue_active)
        if action == _SKIP:
            continue
        if action == _LONG:
            prose.extend(_placed(specs))
            cue_active = False
        elif action == _LISTED:
            listed.extend(_placed(specs, k))
        elif action == _CUE_ON:
            cue_active = True
        elif action == _PENDING:
            pending.extend(_placed(specs, k))
            if flag:
                described_pending.add(k)
        elif action == _LISTED_ROLES or action == _TITLE_ROLES:
            (listed if action == _LISTED_ROLES else title_lines).extend(_placed(specs, k))
            if flag:
                described.add(k)
            if pending_description >= 0:
                described.add(pending_description)
                pending_description = -1
            last_opening_line = k
        else:
            if last_opening_line >= 0 and k > last_opening_line:
                pending_description = last_opening_line
            if flag:
                cue_active = False
            prose.extend(_placed(specs))

    title_line_set = {f.line for f in title_lines}
    accept_title_lines = (
        len(title_line_set) >= 2
        or any(offsets[f.line][1].rstrip().endswith(":") for f in title_lines)
        or (
            not header_has_roles
            and any(f.line <= head_at + _TITLE_LINES_BELOW_HEADER for f in title_lines)
        )
    )
    if not accept_title_lines and title_lines and pending:
        # a title line beside bare disciplines on lines of their own is a list without a cue
        # ("Software Engineer: link" / "Machine Learning: link"; "Data Science (Python)" / "SRE")
        pending_lines = {f.line for f in pending} - described_pending
        accept_title_lines = any(_near_lines(line) & pending_lines for line in title_line_set)
    body = listed + (title_lines if accept_title_lines else [])
    near = {f.line for f in body}
    body.extend(f for f in pending if _near_lines(f.line) & near)
    body.sort(key=lambda f: f.line)
    header_kept = [f for f in header_found if not (body and f.category)]
    if prose or body:
        # a header area gives way to the role the body names: "Acme | Full-stack" above "We're
        # looking for an experienced Full-stack engineer"
        header_kept = [f for f in header_kept if not f.area]
    openings: list[Opening] = []
    seen: set[tuple[str, str, str]] = set()
    sections = _sections(body, described, offsets, text_plain)
    for found, section in (
        [(f, None) for f in header_kept]
        + list(zip(body, sections, strict=True))
        + [(f, None) for f in prose]
    ):
        # the normalised title drops the level: "Senior Software Engineer" and "Staff Software
        # Engineer" are two openings, a title the header and the list both name one
        key = (found.normalized.lower(), found.parse.family, found.parse.seniority)
        if key in seen or not found.normalized:
            continue
        seen.add(key)
        openings.append(
            Opening(
                title=found.title,
                normalized_title=found.normalized,
                role_family=found.parse.family,
                seniority=found.parse.seniority,
                section=section,
            )
        )
    return tuple(openings)


@lru_cache(maxsize=65_536)
def _line_step(line: str, cue_active: bool) -> tuple[int, tuple[_Spec, ...], bool]:
    """(action, openings, flag) of one stripped body line; the flag is "described" for role
    lines and "ends the cue" for plain text. Lines repeat across posts, so this is cached."""
    if _RULE_LINE.match(line):
        return _SKIP, (), False
    if len(line) > _LONG_LINE_CHARS:
        head = line[:_LONG_LINE_CHARS]
        titled = _long_item_title(head)
        if titled:
            # "1) Senior ML Engineer | £80k+ (link). You'd be turning ...": an item whose
            # description runs on in the same paragraph
            return _LISTED_ROLES if _BULLET.match(head) else _TITLE_ROLES, titled, True
        return _LONG, _prose_specs(head) if _hiring_quick(head) else (), False
    label = _LABEL.match(line) if ":" in line else None
    if label is not None and label.group("rest").strip():
        rest = _HEADER_SEP.sub(", ", _strip_urls(before_next_label(label.group("rest"))))
        items = () if _is_prose(rest, _LABELED_LIST_WORDS) else _item_specs(rest)
        if items:
            return _LISTED, items, False
    if line.count("|") >= _HEADER_SHAPED_PIPES and len(line) < _HEADER_SHAPED_CHARS:
        items = tuple(spec[:3] for spec in _header_specs(line) if spec[0].kind == "role")
        if items:
            return _LISTED, items, False
    bullet = _BULLET.match(line)
    content = bullet.group("body") if bullet else line
    if (
        bullet is None
        and line.endswith(":")
        and _CUE.search(line)
        and not _NOT_OPENINGS_CUE.search(line)
    ):
        return _CUE_ON, (), False
    part = (
        _title_part(content)
        if bullet is not None or cue_active or len(line) < _TITLE_LINE_CHARS
        else ""
    )
    if part and "(" in part and _is_prose(part):
        # "Machine Learning Engineer ($100-140k plus stock options)": the aside goes
        part = " ".join(_drop_prose_parens(part).split())
    numbered = bullet is not None and _NUMBERED.match(line) is not None
    if part and (cue_active or numbered) and _is_prose(part):
        # "1. Applied AI engineers with ML or data science backgrounds" under a cue
        # an activity there is what the hire will do ("Learn ML engineering from ..."), no title
        before = tuple(
            spec
            for spec in _title_before_prose(part, _TITLE_WORDS)
            if spec[0].head_noun != "engineering"
        )
        # the sentence test last: most such items name no title, and it is the dearer test
        if before and not _is_sentence_start(part):
            return _LISTED_ROLES, before, True
    if part and _is_prose(part) and " -- " in part:
        # "Machine Learning Engineers -- You understand the math": a description after a double
        # dash; a short team there stays ("Senior SW Engineer -- robotics and computer vision")
        part = part.split(" -- ")[0].strip()
    if (
        part
        and (bullet is not None or cue_active)
        and (not _roleish(part) or _is_prose(part) or _is_bare_role(part))
    ):
        labeled = _labeled_items(content)
        if labeled:
            # "* The Rainman: Data Scientist", "In engineering: software engineer, ML engineer":
            # a nickname, team or area, then the titles
            return _LISTED_ROLES, labeled, False
    if part and not _roleish(part):
        if bullet is None and len(_DASH.findall(line)) >= _HEADER_SHAPED_PIPES:
            # "Acme - Founding Engineer (AI x Search) - Remote - $80k": a header in the body
            shaped = tuple(spec[:3] for spec in _header_specs(line) if spec[0].kind == "role")
            if shaped and len(line) < _HEADER_SHAPED_CHARS:
                return _TITLE_ROLES, shaped, False
    items = ()
    if part and len(part) < _TITLE_PART_CHARS and _roleish(part) and not _is_prose(part):
        items = _item_specs(part)
        if not cue_active and items:
            pieces = _split_top(part, _ITEM_SEP)
            if bullet is None:
                first = _item_specs(part.split(",")[0])
                if not first or first[0][0].kind == "none":
                    items = ()
            elif pieces and _is_sentence_start(pieces[0][0]):
                # a requirement sentence listing skills, not titles
                # ("A solid grasp of LangChain, pgvector, and prompt engineering")
                items = ()
            if items and len(pieces) > len(items):
                # beside words that are no titles ("Prompt engineering and evals") an activity
                # ("prompt engineering", "ML engineering") is a skill, not an opening
                items = tuple(spec for spec in items if spec[0].head_noun != "engineering")
    roles = tuple(spec for spec in items if spec[0].kind == "role" or cue_active)
    described = len(_strip_urls(content).strip()) > len(part) + _DESCRIPTION_CHARS
    if items and not roles:
        return _PENDING, items, described
    if roles:
        return (
            (_LISTED_ROLES if bullet is not None or cue_active else _TITLE_ROLES),
            roles,
            described,
        )
    if not _strip_urls(line).strip():
        return _SKIP, (), False
    ends_cue = bullet is None and cue_active and not line.endswith(":")
    return _TEXT, _prose_specs(line) if _hiring_quick(line) else (), ends_cue


# "The Atlas: Backend Engineer", "In engineering: ...": the label before the titles is a name,
# a team or an area of a few words.
_ITEM_LABEL = re.compile(r"^(?P<label>[^:]{1,40}):\s+(?P<rest>\S.*)$")
_ITEM_LABEL_WORDS = 4


def _labeled_items(content: str) -> tuple[_Spec, ...]:
    """The roles listed after a short label in a list item ("The Atlas: Backend Engineer"), and
    the areas after a bare role noun ("Engineers: Backend, Frontend, Data/ML")."""
    m = _ITEM_LABEL.match(_strip_urls(content).strip()) if ":" in content else None
    if m is None or len(m.group("label").split()) > _ITEM_LABEL_WORDS:
        return ()
    rest = m.group("rest").strip(" .")
    if _is_prose(_SHORT_PARENS.sub(" ", rest), _LABELED_LIST_WORDS):
        return ()
    specs = _item_specs(rest)
    if _is_bare_role(m.group("label")):
        return tuple(spec for spec in specs if spec[0].kind in ("role", "discipline"))
    return tuple(spec for spec in specs if spec[0].kind == "role")


def _is_bare_role(text: str) -> bool:
    """A role noun alone ("Engineers", "Software Engineers"): a label for the areas after it."""
    parsed = parse_title(text)
    return parsed.kind == "role" and parsed.family == OTHER and len(text.split()) <= 2


def _long_item_title(head: str) -> tuple[_Spec, ...]:
    """The roles of a title that opens a paragraph and ends at " - ", " | " or ": "."""
    bullet = _BULLET.match(head)
    content = _strip_urls(bullet.group("body") if bullet else head)
    end = _TITLE_END.search(content)
    if end is None or end.start() == 0 or content[end.start()] not in " :":
        return ()
    part = _title_part(content[: end.start()])
    if not part or len(part) >= _TITLE_PART_CHARS or not _roleish(part) or _is_prose(part):
        return ()
    return tuple(spec for spec in _item_specs(part) if spec[0].kind == "role")


def _is_sentence_start(piece: str) -> bool:
    """A first list piece that opens a sentence ("A solid grasp of X") rather than naming a title."""
    # the word test first: it is much cheaper than reading the piece as a title
    if not any(w.strip(",.!?:;()") in _SENTENCE_WORDS for w in _words(piece)):
        return False
    return title_kind(piece) == "none"


def _near_lines(line: int) -> set[int]:
    """The body lines close enough to line for a bare discipline there to join a listed opening."""
    return {line + d for d in range(-_PENDING_REACH, _PENDING_REACH + 1) if d}


def _sections(
    body: list[_Found], described: set[int], offsets: list[tuple[int, str]], text: str
) -> list[tuple[int, int] | None]:
    """Each body opening's own stretch of text, when the openings have descriptions of their own."""
    lines = sorted({f.line for f in body})
    if len(lines) < 2 or not described.intersection(lines):
        return [None] * len(body)
    span: dict[int, tuple[int, int]] = {}
    for n, line in enumerate(lines):
        start = offsets[line][0]
        if n + 1 < len(lines):
            stop = offsets[lines[n + 1]][0]
        else:
            stop = len(text)
            for k in range(line + 1, len(offsets)):
                if _FOOTER.match(offsets[k][1]):
                    stop = offsets[k][0]
                    break
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        span[line] = (start, stop)
    return [span[f.line] for f in body]
