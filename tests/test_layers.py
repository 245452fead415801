"""The import graph follows the data flow: no package imports one further down it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# jobtrends modules every stage may use; they import no stage package themselves.
BASE_MODULES = ["config", "errors", "landing", "locks", "progress", "sql", "surrogates", "text"]
STAGES = ("crawlers", "pipeline", "warehouse", "reports")


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _top(name: str) -> str:
    return name.split(".", 1)[0]


def test_crawlers_import_no_later_stage() -> None:
    for path in sorted((ROOT / "crawlers").rglob("*.py")):
        later = {n for n in imported(path) if _top(n) in ("pipeline", "warehouse", "reports")}
        assert not later, f"{path.relative_to(ROOT)} imports {sorted(later)}"


@pytest.mark.parametrize("module", BASE_MODULES)
def test_base_modules_import_no_stage(module: str) -> None:
    path = ROOT / "jobtrends" / f"{module}.py"
    stages = {n for n in imported(path) if _top(n) in STAGES}
    assert not stages, f"jobtrends/{module}.py imports {sorted(stages)}"
    others = {n for n in imported(path) if _top(n) == "jobtrends"}
    assert {n.split(".", 1)[1] for n in others} <= set(BASE_MODULES)


def test_the_landing_view_of_pipeline_needs_no_warehouse() -> None:
    names = imported(ROOT / "pipeline" / "landing.py")
    assert not {n for n in names if n.startswith(("pipeline.load", "warehouse", "duckdb"))}
