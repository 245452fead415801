"""Two openings split from one written title, put back together as the post writes it.

The readers split a title at a joiner or a comma that does not separate two roles: "Python +
TypeScript Engineers" into "Python" and "TypeScript Engineers", "Cloud & DevOps Engineer" into
"Cloud" and "DevOps Engineer", "Data Science Manager - Analytics" into the manager and its team.
When the two stand side by side in the post, joined so, and only one of them names a role, the
post names one opening. The joined title must give the post the families its parts gave it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from pipeline.roles.post_text import lowered
from pipeline.roles.titles import Opening, classify_title
from pipeline.roles.vocabulary import TECHNOLOGIES

# Pairs of titles repeat across monthly reposts.
_CACHED = 8_192
# Occurrences of a title walked one by one; beyond them one compiled pattern of the pair is
# quicker than the walk ("Python" a thousand times in a text), below it the compiling is slower.
_WALKED_OCCURRENCES = 16
_WORD = re.compile(r"[a-z0-9+#]+")
# Role nouns: a part holding one names a role; the other part is its qualifier or its team.
_ROLE_NOUNS = frozenset(
    """engineer engineers developer developers dev devs scientist scientists designer designers
    manager managers analyst analysts researcher researchers programmer programmers architect
    architects hacker hackers administrator administrators admin tester testers consultant
    consultants specialist specialists lead leads director directors head vp cto intern interns
    expert experts sre sres swe swes sdet sdets executive executives representative
    representatives advisor advisors editor editors staff officer officers recruiter recruiters
    writer writers associate associates coordinator coordinators owner owners partner partners
    assistant assistants marketer marketers generalist generalists designer""".split()
)
# A qualifier joined before the role it qualifies: "Python + TypeScript Engineers".
_QUALIFIER_JOINT = re.compile(r"[ \t]*(?:\+|&|/)[ \t]*|[ \t]+and[ \t]+", re.I)
# A team written after its title and a dash: "Data Science Manager - Analytics"; after a comma
# it is as often the next item of a list ("Data Engineer, DevOps", "web devs, qa").
_TEAM_JOINT = re.compile(r"[ \t]+[-–—][ \t]+")
# After a team comes the end of its title; a list goes on with another item.
_TITLE_ENDS = re.compile(r"\s*(?:$|\n|[|(\[:;]|[-–—]\s|https?:)")


def _names_role(title: str) -> bool:
    """Whether a title holds a role noun."""
    return any(w in _ROLE_NOUNS for w in _WORD.findall(title.lower()))


def _is_stack(title: str) -> bool:
    """Whether a title names only languages or frameworks ("Python", "React", "C++")."""
    words = _WORD.findall(title.lower())
    return bool(words) and all(w in TECHNOLOGIES for w in words)


def _families(openings: Sequence[Opening]) -> frozenset[str]:
    """The families openings give a post (`other` gives none)."""
    return frozenset(o.role_family for o in openings) - {"other"}


@lru_cache(maxsize=_CACHED)
def _together(first_low: str, second_low: str, qualifier: bool) -> re.Pattern[str]:
    """The two titles in lower case side by side with their joint; a team ends its title."""
    joint = _QUALIFIER_JOINT if qualifier else _TEAM_JOINT
    ends = "" if qualifier else f"(?={_TITLE_ENDS.pattern})"
    return re.compile(f"{re.escape(first_low)}(?:{joint.pattern}){re.escape(second_low)}{ends}")


def _written_together(first: str, second: str, text: str, low: str, qualifier: bool) -> str | None:
    """The two titles as the text (and `low`, the text in lower case) writes them side by side
    with the joint, or None."""
    first_low, second_low = first.lower(), second.lower()
    if second_low not in low:
        return None
    if low.count(first_low) > _WALKED_OCCURRENCES:
        found = _together(first_low, second_low, qualifier).search(low)
        return text[found.start() : found.end()] if found else None
    joint = _QUALIFIER_JOINT if qualifier else _TEAM_JOINT
    at = low.find(first_low)
    while at >= 0:
        between = joint.match(low, at + len(first_low))
        if between and low.startswith(second_low, between.end()):
            end = between.end() + len(second_low)
            if qualifier or _TITLE_ENDS.match(low, end):
                return text[at:end]
        at = low.find(first_low, at + 1)
    return None


def _joined(first: Opening, second: Opening, text: str, low: str) -> Opening | None:
    """The one opening two neighbouring openings make when the post writes them as one title."""
    first_role, second_role = _names_role(first.title), _names_role(second.title)
    if first_role == second_role:
        return None  # two roles are two openings; two areas are a list
    if second_role and not _is_stack(first.title):
        return None  # an area before a shared noun is an opening of its own ("Frontend and")
    written = _written_together(first.title, second.title, text, low, qualifier=second_role)
    if written is None:
        return None
    whole = classify_title(written)
    if _families([whole]) != _families([first, second]):
        return None
    return replace(
        first,
        title=whole.title,
        normalized_title=whole.normalized_title,
        role_family=whole.role_family,
        seniority=whole.seniority,
    )


def joined_splits(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings with each pair split from one written title joined again."""
    out: list[Opening] = []
    written = {o.title.lower() for o in openings}
    low = lowered(text)
    i = 0
    while i < len(openings):
        if i + 1 < len(openings):
            whole = _joined(openings[i], openings[i + 1], text, low)
            if whole is not None:
                if whole.title.lower() not in written:  # another reader took it whole
                    out.append(whole)
                i += 2
                continue
        out.append(openings[i])
        i += 1
    return out


# A run mark between titles on one line, a star or bullet with spaces around it: "Backend
# Engineer * Data Scientist", "Frontend Engineer • Engineering • Full-time" (a job board's
# title, team and type).
# Families an item without a role noun still names ("Data Science", "ML Research Engineering").
_FAMILIES = frozenset({"ai_engineer", "data_scientist"})
# Items of a run: two at least (a lone title with a star after it is one footnoted title).
_RUN_ITEMS = 2
_RUN_MARK = re.compile(r"\s+[*•]\s+|\s+[*•]\s*$")


def run_splits(openings: Sequence[Opening]) -> list[Opening]:
    """Openings with a title that runs several items together at star or bullet marks read as
    one opening per item naming a role or an area of the AI or data science families; items
    naming none (a team, "Full-time") go, and a title with no such item stays as it is."""
    out: list[Opening] = []
    for opening in openings:
        pieces = (
            [p.strip() for p in _RUN_MARK.split(opening.title) if p.strip()]
            if "*" in opening.title or "•" in opening.title
            else []
        )
        if len(pieces) < _RUN_ITEMS:
            out.append(opening)
            continue
        roles = [
            r
            for p, r in ((p, classify_title(p)) for p in pieces)
            if _names_role(p) or r.role_family in _FAMILIES
        ]
        out.extend([replace(r, section=opening.section) for r in roles] or [opening])
    return out
