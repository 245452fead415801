"""Skills: the versioned taxonomy, the spaCy matcher and ambiguity rules, and the extractor."""

from __future__ import annotations

from jobtrends.vocabulary import CATEGORIES, NON_TECH_CATEGORIES, TOOL_CATEGORIES
from pipeline.skills.extractor import EXTRACTOR_VERSION, SkillExtractor, SkillMention
from pipeline.skills.taxonomy import (
    TAXONOMY_VERSION,
    Skill,
    canonical_id,
    load_taxonomy,
    skills_by_id,
)

__all__ = [
    "CATEGORIES",
    "EXTRACTOR_VERSION",
    "NON_TECH_CATEGORIES",
    "TAXONOMY_VERSION",
    "TOOL_CATEGORIES",
    "Skill",
    "SkillExtractor",
    "SkillMention",
    "canonical_id",
    "load_taxonomy",
    "skills_by_id",
]
