"""The import graph follows the data flow: no package imports one further down it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# jobtrends modules every stage may use; they import no stage package themselves.
BASE_MODULES = [
    "config",
    "errors",
    "landing",
    "locks",
    "progress",
    "run_errors",
    "sql",
    "surrogates",
    "text",
    "vocabulary",
]
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
    assert {n.split(".", 1)[1] for n in others if "." in n} <= set(BASE_MODULES)


def test_the_landing_view_of_pipeline_needs_no_warehouse() -> None:
    names = imported(ROOT / "pipeline" / "landing.py")
    assert not {n for n in names if n.startswith(("pipeline.load", "warehouse", "duckdb"))}


def test_vocabulary_imports_nothing_of_the_project() -> None:
    assert imported(ROOT / "jobtrends" / "vocabulary.py") <= {"__future__", "types", "typing"}


@pytest.mark.parametrize(
    ("package", "upstream"),
    [("reports", ("pipeline", "crawlers")), ("warehouse", ("pipeline", "crawlers", "reports"))],
)
def test_package_imports_nothing_upstream(package: str, upstream: tuple[str, ...]) -> None:
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported(path)
        if any(name == up or name.startswith(f"{up}.") for up in upstream)
    }
    assert not offending


def _module_graph() -> dict[str, set[str]]:
    """Each project module and the project modules it names in an import, lazy ones included."""
    modules = {}
    for top in ("jobtrends", *STAGES):
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    edges.add(sub if sub in modules else node.module)
        graph[name] = {e for e in edges if e in modules and e != name}
    return graph


def test_no_import_circle_between_modules() -> None:
    graph = _module_graph()
    assert len(graph) > 60
    # Tarjan's strongly connected components: any component of two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not circles


# Modules stay small enough to read whole; modules that only hold vocabulary data are exempt.
MAX_MODULE_LINES = 900
VOCABULARY_DATA_MODULES = frozenset({"jobtrends/generate/vocab.py"})


def test_no_module_is_over_the_line_limit() -> None:
    too_long = {}
    for package in ("crawlers", "pipeline", "warehouse", "reports", "jobtrends"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES and name not in VOCABULARY_DATA_MODULES:
                too_long[name] = lines
    assert not too_long, f"over {MAX_MODULE_LINES} lines: {too_long}"


def test_the_exempt_modules_hold_only_data() -> None:
    for name in VOCABULARY_DATA_MODULES:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        kinds = {type(node).__name__ for node in tree.body}
        assert kinds <= {"Expr", "ImportFrom", "Import", "Assign", "AnnAssign"}, (name, kinds)


LANDING_FILE_NAMES = (".jsonl.gz", ".manifest.json", ".seen.txt.gz")


def test_the_landing_file_names_are_spelled_in_one_module() -> None:
    spelled = {
        path.relative_to(ROOT).as_posix()
        for package in ("crawlers", "pipeline", "warehouse", "reports", "jobtrends")
        for path in (ROOT / package).rglob("*.py")
        if any(suffix in path.read_text(encoding="utf-8") for suffix in LANDING_FILE_NAMES)
    }
    assert spelled == {"jobtrends/landing.py"}
