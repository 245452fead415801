"""The skills taxonomy: canonical tools and skills, their aliases, and the ambiguity rule of each."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from jobtrends.errors import UserError
from jobtrends.vocabulary import CATEGORIES

TAXONOMY_FILE = "taxonomy.jsonl"

RULES: frozenset[str] = frozenset(
    {"list", "ctx", "react", "excel", "spoken", "profile", "workplace", "item", "currency"}
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


@dataclass(frozen=True)
class Skill:
    """One canonical tool or skill."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TaxonomyEntry:
    """A skill with how it is matched: lower-cased aliases, case-sensitive forms and their rule."""

    skill: Skill
    cased: tuple[str, ...]
    rule: str | None


def _text() -> str:
    return resources.files("pipeline.skills").joinpath(TAXONOMY_FILE).read_text(encoding="utf-8")


def _parse(text: str) -> list[TaxonomyEntry]:
    entries: list[TaxonomyEntry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            skill = Skill(
                id=row["id"],
                name=row["name"],
                category=row["category"],
                aliases=tuple(row.get("aliases", ())),
            )
            entry = TaxonomyEntry(
                skill=skill, cased=tuple(row.get("cased", ())), rule=row.get("rule")
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(
                f"line {number} of the skills taxonomy is not a valid entry ({exc}); fix it in pipeline/skills/{TAXONOMY_FILE}"
            ) from None
        if (
            not _ID.match(skill.id)
            or skill.category not in CATEGORIES
            or (entry.rule and entry.rule not in RULES)
        ):
            raise UserError(
                f"line {number} of the skills taxonomy has a bad id, category or rule; fix it in pipeline/skills/{TAXONOMY_FILE}"
            )
        entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def load_entries() -> tuple[TaxonomyEntry, ...]:
    """Every taxonomy entry with its matching information, read once from the shipped data file."""
    return tuple(_parse(_text()))


def load_taxonomy() -> list[Skill]:
    """The canonical skills of the shipped taxonomy."""
    return [entry.skill for entry in load_entries()]


@lru_cache(maxsize=1)
def skills_by_id() -> dict[str, Skill]:
    """Canonical skills keyed by id."""
    return {skill.id: skill for skill in load_taxonomy()}


def alias_variants(alias: str) -> list[str]:
    """Spellings an alias also stands for: 'amazon web services' -> 'amazon-web-services'."""
    variants = [alias]
    if " " in alias and "-" not in alias:
        variants.append(alias.replace(" ", "-"))
    return variants


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Every lower-cased name, alias and case-sensitive form, mapped to its skill id."""
    index: dict[str, str] = {}
    for entry in load_entries():
        forms = [entry.skill.name.lower(), *entry.skill.aliases, *(c.lower() for c in entry.cased)]
        for form in forms:
            for variant in alias_variants(form):
                index.setdefault(variant, entry.skill.id)
    return index


_EDGE_PUNCT = " \t\n.,;:!?()[]{}\"'*•-–—"


def canonical_id(text: str) -> str | None:
    """The skill id a written form stands for, or None when the taxonomy does not know it."""
    key = " ".join(text.lower().split()).strip(_EDGE_PUNCT)
    index = alias_index()
    if key in index:
        return index[key]
    squeezed = re.sub(r"\s*([./#+-])\s*", r"\1", key)
    return index.get(squeezed)


TAXONOMY_VERSION: str = "tax-" + hashlib.sha256(_text().encode("utf-8")).hexdigest()[:12]
