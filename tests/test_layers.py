"""Imports follow the data flow (docs/architecture.md): no package reaches back up the chain."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imported(path: Path) -> set[str]:
    """The top-level modules a file imports, lazy imports inside functions included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


PROJECT = ("jobtrends", "crawlers", "pipeline", "warehouse", "reports")
BASE = ("jobtrends.config", "jobtrends.errors", "jobtrends.vocabulary")


def test_vocabulary_imports_nothing_of_the_project() -> None:
    imported = _imported(ROOT / "jobtrends" / "vocabulary.py")
    assert imported <= {"__future__", "types", "typing"}


@pytest.mark.parametrize("module", BASE)
def test_base_layer_imports_only_the_base_layer(module: str) -> None:
    path = ROOT.joinpath(*module.split(".")).with_suffix(".py")
    project = {name for name in _imported(path) if name.split(".")[0] in PROJECT}
    assert project <= set(BASE)


@pytest.mark.parametrize(
    ("package", "upstream"),
    [("reports", ("pipeline", "crawlers")), ("warehouse", ("pipeline.flows", "crawlers"))],
)
def test_package_imports_nothing_upstream(package: str, upstream: tuple[str, ...]) -> None:
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in _imported(path)
        if any(name == up or name.startswith(f"{up}.") for up in upstream)
    }
    assert not offending
