"""Accepted values of the warehouse's categorical columns, shared by every package.

The role classifier produces these values, the loader stores them, the statistics, the report and
the demo read them back. Pure constants: this module imports nothing of the project, so any
package may import it. SQL cannot import it; tests/test_vocabulary.py checks the SQL literals
against it.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

AI_ENGINEER: Final = "ai_engineer"
DATA_SCIENTIST: Final = "data_scientist"
OTHER: Final = "other"

# openings.role_family; docs/roles.md defines each family.
ROLE_FAMILIES: Final = (AI_ENGINEER, DATA_SCIENTIST, OTHER)
# The two families the project compares, in the order reports list them: a posting's
# role_families, the aggregates, the divergence statistics and the report read only these.
COMPARED_ROLES: Final = (AI_ENGINEER, DATA_SCIENTIST)
ROLE_LABELS: Final = MappingProxyType(
    {AI_ENGINEER: "AI engineer", DATA_SCIENTIST: "Data scientist"}
)

# openings.seniority, from the most junior to the most senior.
SENIORITIES: Final = (
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
)
# The seniority of a title that names no level.
DEFAULT_SENIORITY: Final = "mid"

# divergence_bootstrap.period_type and the period_type column of the analyst views.
PERIOD_TYPES: Final = ("month", "quarter", "year")

# skills.category: every taxonomy entry has one of these.
CATEGORIES: tuple[str, ...] = (
    "language",
    "ml_framework",
    "llm_tooling",
    "data_library",
    "database",
    "big_data",
    "cloud",
    "devops_mlops",
    "bi_viz",
    "stats_package",
    "stats_method",
    "ml_method",
    "web_framework",
    "general_software",
    "concept",
    "methodology",
    "domain",
    "spoken_language",
)
# Knowledge that is not a named tool or technology (areas and practices of work, statistical
# methods, industries, spoken languages): kept as skills, but left out where only tools and
# technologies count.
NON_TECH_CATEGORIES: frozenset[str] = frozenset(
    {"concept", "methodology", "stats_method", "domain", "spoken_language"}
)
# Named tools and technologies (machine-learning methods count: NLP, computer vision and deep
# learning are asked for as technologies).
TOOL_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - NON_TECH_CATEGORIES
