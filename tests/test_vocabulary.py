"""The accepted values of the warehouse's categorical columns, and the SQL that spells them."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import get_args

from jobtrends.vocabulary import (
    COMPARED_ROLES,
    DEFAULT_SENIORITY,
    PERIOD_TYPES,
    ROLE_FAMILIES,
    ROLE_LABELS,
    SENIORITIES,
)
from reports.period import PeriodKind

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("jobtrends", "crawlers", "pipeline", "warehouse", "reports")

# A list of roles the SQL filters or enumerates:
# "role_family in ('a', 'b')", "unnest(['a', 'b']) as role".
_ROLE_LIST = re.compile(
    r"\brole(?:_family)?\s+in\s+\(([^)]*)\)|unnest\(\[([^\]]*)\]\)\s+as\s+role\b", re.I
)
# One role the SQL compares with or names: "role_family = 'a'", "'a' as role".
_ROLE_VALUE = re.compile(r"\brole(?:_family)?\s*=\s*'([^']*)'|'([^']*)'\s+as\s+role\b", re.I)
_SENIORITY_DEFAULT = re.compile(r"coalesce\(\s*(?:\w+\.)?seniority\s*,\s*'([^']*)'\s*\)", re.I)
_QUOTED = re.compile(r"'([^']*)'")


def test_accepted_values() -> None:
    assert ROLE_FAMILIES == ("ai_engineer", "data_scientist", "other")
    assert COMPARED_ROLES == ROLE_FAMILIES[:2]
    assert dict(ROLE_LABELS) == {"ai_engineer": "AI engineer", "data_scientist": "Data scientist"}
    assert SENIORITIES == (
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
    assert DEFAULT_SENIORITY in SENIORITIES
    assert PERIOD_TYPES == ("month", "quarter", "year")


def test_period_kind_is_the_period_types() -> None:
    assert get_args(PeriodKind) == PERIOD_TYPES


def _sql_texts() -> list[tuple[str, str]]:
    """Every .sql file of the packages, and every string constant of their Python modules."""
    texts: list[tuple[str, str]] = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.sql")):
            texts.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            texts.extend(
                (str(path.relative_to(ROOT)), node.value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            )
    return texts


def test_sql_role_literals_are_the_compared_roles() -> None:
    lists, values = 0, 0
    for where, text in _sql_texts():
        for match in _ROLE_LIST.finditer(text):
            quoted = tuple(_QUOTED.findall(match.group(1) or match.group(2)))
            if quoted:
                assert quoted == COMPARED_ROLES, (where, match.group(0))
                lists += 1
        for match in _ROLE_VALUE.finditer(text):
            assert (match.group(1) or match.group(2)) in COMPARED_ROLES, (where, match.group(0))
            values += 1
    # the SQL spells the roles in several places; finding none would mean the patterns broke
    assert lists >= 4 and values >= 8


def test_sql_default_seniority() -> None:
    found = [
        (where, m.group(1))
        for where, text in _sql_texts()
        for m in _SENIORITY_DEFAULT.finditer(text)
    ]
    assert found
    assert all(value == DEFAULT_SENIORITY for _, value in found), found
