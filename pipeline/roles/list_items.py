"""Openings named in a list of titles: "ML Engineer, Data Scientist, Backend" (docs/roles.md)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from jobtrends.vocabulary import AI_ENGINEER, OTHER
from pipeline.roles.hn_patterns import (
    GENERIC_TITLES,
    INNER_SEP,
    ITEM_SEP,
    OF_COMPLEMENT,
    PAREN_LIST,
    PAREN_LIST_WORDS,
    SLASH,
)
from pipeline.roles.person_nouns import names_a_person
from pipeline.roles.titles import TitleParse, parse_title
from pipeline.roles.wording import (
    drop_prose_parens,
    has_ai_word,
    is_owner_experience,
    is_prose,
    is_prose_item,
    split_top,
)

# An opening as parsed, before it is placed in a post: (parse, title as written, normalised title).
Spec = tuple[TitleParse, str, str]
# A team or focus written after a title ("AI Focus", "ML Platform") is a few words; a longer
# non-role piece after a comma is a sentence or a list of something else.
MAX_QUALIFIER_WORDS = 3
# A title in a comma list of titles runs to about five words ("Senior Software Engineer - QA").
MAX_LISTED_TITLE_WORDS = 6
# Titles in one slash run that make it a list of openings rather than one title.
_RUN_TITLES = 2
# A rank and its department are two pieces of a list line.
_RANK_AND_DEPARTMENT = 2
# A title and its team named with a role noun: the line's two roles as written, one opening.
_TITLE_AND_TEAM = 2
# Operations of ML systems named as a list's area ("Full Stack, SRE, ML DevOps, PM"): an opening
# though neither a role nor a discipline as written.
# A requirement line ends in the certificate it asks for, in lower case ("Scrum Master
# certification", "Certified Scrum Master (CSM) or equivalent certification"); a team named so
# is capitalised ("Senior Product Manager - Talent & Certification").
_CERTIFICATION = re.compile(r"\bcertifi(?:cations?|ed|cates?)\W*$")
_AI_OPS = re.compile(r"(?:ml|ai|machine learning)[\s-]dev[\s-]?ops$", re.I)


# Ranks that head a department, written alone before it ("Director, Engineering").
_RANKS = frozenset({"director", "associate director", "vice president", "manager", "head"})


def _is_rank_of_department(expanded: list[tuple[str, str]], parses: list[TitleParse]) -> bool:
    """Whether two list pieces are a bare rank and, after a comma, the engineering department
    it heads ("Director, Engineering", "Manager, Mobile Engineering")."""
    return (
        len(expanded) == _RANK_AND_DEPARTMENT
        and expanded[1][1] == ","
        and parses[0].head_noun in _RANKS
        and parses[0].normalized.lower() == parses[0].head_noun
        and parses[1].head_noun == "engineering"
        and parses[1].family == "other"
    )


@lru_cache(maxsize=65_536)  # header fields and list lines recur across posts (reposts)
def item_specs(text: str) -> tuple[Spec, ...]:
    """Openings named in a list of titles ('ML Engineer, Data Scientist, Backend')."""
    if _CERTIFICATION.search(text):
        return ()
    if "(" in text:
        text = " ".join(drop_prose_parens(text).split())
    pieces: list[tuple[str, str]] = []
    merged: list[tuple[str, str]] = []
    for piece, sep in split_top(text, ITEM_SEP):
        if merged and sep in ("and", "&", "or") and OF_COMPLEMENT.search(merged[-1][0]):
            if not piece.lower().startswith(("a ", "an ")):
                merged[-1] = (f"{merged[-1][0]} {sep} {piece}", merged[-1][1])
            elif _names_opening(after_article := piece.split(None, 1)[1]):
                # "a Director of Technology and a data scientist": an article opens a new title
                merged.append((after_article, sep))
        else:
            merged.append((piece, sep))
    for piece, sep in merged:
        parts = split_top(piece, SLASH)
        kinds = [parse_title(p).kind for p, _ in parts] if len(parts) > 1 else []
        if kinds and all(k == "role" for k in kinds):
            pieces.append((parts[0][0], sep))
            pieces.extend((p, "/") for p, _ in parts[1:])
        elif (
            # "Back End/Full Stack Developers/Data Scientist": two or more titles run together,
            # each with the areas before it; one title with its areas ("Data Science/ML
            # Engineer") stays whole, and so does a run ending in a bare role noun that shares
            # them ("ML/AI Scientist/Engineer")
            kinds
            and "none" not in kinds
            and kinds.count("role") >= _RUN_TITLES
            and len(parts[-1][0].split()) > 1
        ):
            runs = _titles_of_run([p for p, _ in parts], kinds)
            pieces.append((runs[0], sep))
            pieces.extend((run, "/") for run in runs[1:])
        else:
            pieces.append((piece, sep))
    expanded: list[tuple[str, str]] = []
    for piece, sep in pieces:
        m = PAREN_LIST.match(piece) if "(" in piece else None
        if (
            m
            and parse_title(m.group(1)).kind == "role"
            and not is_prose(m.group(2), PAREN_LIST_WORDS)
        ):
            inner = [p for p, _ in split_top(m.group(2), INNER_SEP)]
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
            and has_ai_word(expanded[k][0])
        ):
            joined = f"{expanded[k][0]} {expanded[k + 1][1]} {expanded[k + 1][0]}"
            expanded[k : k + 2] = [(joined, expanded[k][1])]
            parses[k : k + 2] = [parse_title(joined)]
        k += 1
    for k in range(1, len(expanded)):
        if expanded[k][1] in (",", ";") and is_owner_experience(expanded[k][0]):
            # "Senior Engineer, Developer Experience": the team of the title before it, no
            # developer of its own; read as an area, it joins that title or goes
            parses[k] = replace(parses[k], kind="none")
    _teams_as_areas(expanded, parses)
    if _is_rank_of_department(expanded, parses):
        # "Director, Engineering", "VP, Platform Engineering": a rank and the department it
        # heads, one title (the department is no engineer of its own)
        title = f"{expanded[0][0]}, {expanded[1][0]}"
        expanded[:] = [(title, expanded[0][1])]
        parses[:] = [parse_title(title)]
    if sum(1 for q in parses if q.kind == "role") == 1:
        # one title followed by its team ("Research Scientist, Machine Learning"), not a list
        at = next(k for k, q in enumerate(parses) if q.kind == "role")
        end = at + 1
        while end < len(expanded) and parses[end].kind != "role" and expanded[end][1] in (",", ";"):
            end += 1
        # the team may be a short qualifier that is no discipline of its own ("Senior Software
        # Engineer, AI Focus, Data Management", "Fullstack Engineer, AI Implementation")
        # areas listed before the title make the pieces after it more areas of the list
        # ("Backend, Frontend, iOS, Managers, Product"), not the title's team
        if (
            end > at + 1
            and not any(q.kind == "discipline" for q in parses[:at])
            and all(
                q.kind == "discipline"
                or (q.kind == "none" and len(p.split()) <= MAX_QUALIFIER_WORDS and not is_prose(p))
                for q, (p, _) in zip(parses[at + 1 : end], expanded[at + 1 : end], strict=True)
            )
        ):
            title = ", ".join(p for p, _ in expanded[at:end])
            expanded[at:end] = [(title, expanded[at][1])]
            parses[at:end] = [parse_title(title)]
    found: list[Spec] = []
    for k, ((piece, _sep), parsed) in enumerate(zip(expanded, parses, strict=True)):
        if parsed.kind == "none" and _AI_OPS.match(piece):
            parsed = parse_title(f"{piece} engineer")
        if parsed.kind == "none" or is_prose_item(piece):
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
        article = normalized.split(" ", 1)
        if piece.lower().startswith(("a ", "an ")) and article[0] in ("A", "An"):
            normalized = article[1]  # "and a designer": the article is the sentence's
        found.append((parsed, piece, normalized))
    return tuple(found)


def _teams_as_areas(expanded: list[tuple[str, str]], parses: list[TitleParse]) -> None:
    """Join to a line's one technical title the team after its comma ("Engineer, Developer Tools")."""
    # only a line of just the title and its team (a place may follow), capitalised as a team's
    # name is: more roles or areas ("Developer Advocate, Software Engineering, DevOps, Sales")
    # or lower case ("hiring for front-end web, SRE, data engineering, design") make a list
    named = sum(1 for q in parses if q.kind != "none")
    if (
        len(expanded) < _TITLE_AND_TEAM
        or named != _TITLE_AND_TEAM
        or expanded[1][1] not in (",", ";")
    ):
        return
    piece = _bare_piece(expanded[1][0])
    if (
        _capitalised(piece)
        and parses[0].kind == "role"
        and parses[1].kind == "role"
        # a team of the compared families ("Software Engineer, AI Engineering") qualifies the
        # title, which its team alone does not tell (docs/roles.md, qualified engineers)
        and parses[1].family == OTHER
        # a department alone ("Manager, Engineering") is the department of a rank
        and len(piece.split()) > 1
        and not names_a_person(piece)
        # the first piece a title, not an area of a list ("Electrical Engineering, Mechanical
        # Engineering")
        and names_a_person(_bare_piece(expanded[0][0]))
        and _heads_a_team(expanded[0][0], parses[0])
    ):
        parses[1] = replace(parses[1], kind="none")


# Titles whose holders work in an engineering team: a designer, a recruiter or an account
# executive beside a department ("Designer, Data Engineering") is one of two openings.
_TEAM_HEADS = frozenset(
    {"engineer", "developer", "programmer", "scientist", "data scientist", "researcher"}
    | {"architect", "administrator", "analyst", "manager", "lead", "tech lead", "technical lead"}
    | {"director", "head"}
)
# Managers and leads of the business side: "Customer Success Manager, Platform Engineering".
_BUSINESS_WORDS = re.compile(
    r"\b(?:customer|success|sales|accounts?|marketing|support|office|community|partners?"
    r"|partnerships|people|talent|recruit\w*|business|hr)\b",
    re.I,
)


# Small words a team's capitalised name keeps in lower case ("Tools and Infrastructure", "Data
# Engineering team").
_NAME_LINKS = frozenset({"and", "of", "for", "the", "team"})
# Where a list piece's name ends: an arrow, a spaced dash or a link ("Developer Tools -> <link>").
_NAME_END = re.compile(r"\s(?:->|=>|[-–—]+)\s|https?://")


def _capitalised(piece: str) -> bool:
    """Whether each word of a piece but its links starts upper case, as a team's name does."""
    # "Developer tooling", "Penetration testers performing" are a sentence's words
    name = _NAME_END.split(piece, 1)[0]
    return all(w[:1].isupper() or w in _NAME_LINKS for w in name.split() if w[:1].isalpha())


def _heads_a_team(title: str, parsed: TitleParse) -> bool:
    """Whether a title is of an engineering team's people: its engineers, scientists and leads."""
    return parsed.head_noun in _TEAM_HEADS and not _BUSINESS_WORDS.search(title)


# A bracket closed inside a piece ("Embedded Firmware (Linux) Engineer") and what follows a
# sentence's stop ("Frontend Engineer. Full-time") say nothing of the noun the piece ends in.
_CLOSED_BRACKET = re.compile(r"\([^()]*\)")
_STOP = re.compile(r"\.\s")


def _bare_piece(piece: str) -> str:
    """A list piece without its closed brackets and anything after a full stop."""
    return " ".join(_CLOSED_BRACKET.sub(" ", _STOP.split(piece, 1)[0]).split())


def _names_opening(title: str) -> bool:
    """Whether a title after "and a/an" names an opening of its own: more than a bare head
    ("and an advisor", "and an engineer" end an "of" title's sentence, not name a role) and no
    generic title."""
    return len(title.split()) > 1 and parse_title(title).normalized.lower() not in GENERIC_TITLES


def _titles_of_run(parts: list[str], kinds: list[str]) -> list[str]:
    """The titles of a slash run, each with the areas written before it ("Back End/Full Stack
    Developers"); areas after the last title join it."""
    runs: list[str] = []
    areas: list[str] = []
    for part, kind in zip(parts, kinds, strict=True):
        areas.append(part)
        if kind == "role":
            runs.append("/".join(areas))
            areas = []
    if areas:
        runs[-1] = "/".join([runs[-1], *areas])
    return runs
