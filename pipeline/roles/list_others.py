"""The openings of a list a late reader reads: the two families it adds, and the list's others.

The late readers add only the families the first readers missed. A list they take such an
opening from names its other roles and areas as openings too ("software development, data
science, design or product management" is four openings, docs/roles.md), so those are added of
their own family; without them the post would count as hiring that family alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from jobtrends.vocabulary import COMPARED_ROLES
from pipeline.roles.family_cues import families_named
from pipeline.roles.list_items import Spec
from pipeline.roles.titles import Opening

_FAMILIES = COMPARED_ROLES
# A reader of a post's text that adds openings to those found so far.
Reader = Callable[[str, list[Opening]], list[Opening]]


def list_openings(
    lists: Iterable[Sequence[Spec]], found: Sequence[Opening], named_only: bool = False
) -> list[Opening]:
    """Openings of the families `found` lacks, each list's items, and that list's other items.

    Each of `lists` is the specs one list names (items the reader's own test read as roles or
    areas). An item of the two families counts when `found` lacks its family; the other items of
    a list count only when the list gave such an opening, and when no opening of `found` or of an
    earlier list has their normalised title. `named_only` skips items with no normalised title.
    """
    have = {o.role_family for o in found}
    # built on first need: most lists give no opening of a missing family
    seen: set[tuple[str, str]] | None = None
    titles: set[str] | None = None
    extra: list[Opening] = []
    for specs in lists:
        compared: list[Opening] = []
        for parsed, title, normalized in specs:
            if parsed.family not in _FAMILIES or parsed.family in have:
                continue
            if seen is None:
                seen = {(o.normalized_title.lower(), o.role_family) for o in found}
            key = (normalized.lower(), parsed.family)
            if key in seen:
                continue
            if named_only and not normalized:
                continue
            seen.add(key)
            compared.append(_opening(parsed.family, parsed.seniority, title, normalized))
        if not compared:
            continue
        extra += compared
        if titles is None:
            titles = {o.normalized_title.lower() for o in found}
        titles |= {o.normalized_title.lower() for o in compared}
        for parsed, title, normalized in specs:
            if parsed.family in _FAMILIES or not normalized or normalized.lower() in titles:
                continue
            titles.add(normalized.lower())
            extra.append(_opening(parsed.family, parsed.seniority, title, normalized))
    return extra


def _opening(family: str, seniority: str, title: str, normalized: str) -> Opening:
    return Opening(
        title=title, normalized_title=normalized, role_family=family, seniority=seniority
    )


def new_others(candidates: Iterable[Opening], found: Sequence[Opening]) -> list[Opening]:
    """The openings outside the two families among candidates whose normalised title is new."""
    titles = {o.normalized_title.lower() for o in found}
    extra: list[Opening] = []
    for opening in candidates:
        title = opening.normalized_title.lower()
        if opening.role_family in _FAMILIES or not title or title in titles:
            continue
        titles.add(title)
        extra.append(opening)
    return extra


def read_in_turn(
    text_plain: str, found: Sequence[Opening], readers: Iterable[Reader]
) -> tuple[list[Opening], list[Opening]]:
    """(openings of the two families, others) the readers add to `found`, one after the other.

    Each reader sees `found` and the two families' openings of the readers before it, never their
    other openings: a reader that reads the titles of `found` (a qualifier shared with a title
    before it) finds what it found before the lists gave their other items. Readers are run only
    while a family the post has words for is missing (`family_cues`).
    """
    compared: list[Opening] = []
    others: list[Opening] = []
    # once the openings hold every family the post has words for, no reader adds anything
    missing = set(families_named(text_plain)).difference(o.role_family for o in found)
    for reader in readers:
        if not missing:
            break
        for opening in reader(text_plain, [*found, *compared]):
            if opening.role_family in _FAMILIES:
                compared.append(opening)
                missing.discard(opening.role_family)
            else:
                others.append(opening)
    return compared, others


def run_openings(runs: Iterable[Sequence[Opening]], found: Sequence[Opening]) -> list[Opening]:
    """Openings of the families `found` lacks in runs of titles, and the others of those runs."""
    have = {o.role_family for o in found}
    extra: list[Opening] = []
    others: list[Opening] = []
    for run in runs:
        compared = [o for o in run if o.role_family in _FAMILIES and o.role_family not in have]
        if not compared:
            continue
        for opening in compared:
            if opening.role_family not in have:
                extra.append(opening)
                have.add(opening.role_family)
        others.extend(o for o in run if o.role_family not in _FAMILIES)
    if not extra:
        return []
    return extra + new_others(others, [*found, *extra])
