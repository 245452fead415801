"""SQL kept in .sql files beside the code that runs it: `<package>/queries/<group>/<name>.sql`."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def query(package: str, group: str, name: str) -> str:
    """The text of `<package>/queries/<group>/<name>.sql` (read once per process)."""
    path = resources.files(package).joinpath("queries", group, f"{name}.sql")
    return path.read_text(encoding="utf-8")
