"""Reading the report queries from the warehouse: the SQL files, rows as dicts, what exists."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb

from jobtrends.vocabulary import TOOL_CATEGORIES

Row = dict[str, Any]


@cache
def sql(name: str) -> str:
    """The text of reports/queries/report/<name>.sql."""
    path = resources.files("reports").joinpath("queries", "report", f"{name}.sql")
    return path.read_text(encoding="utf-8")


def query_rows(
    con: duckdb.DuckDBPyConnection,
    name: str,
    params: list[Any] | dict[str, Any] | None = None,
) -> list[Row]:
    """The rows of reports/queries/report/<name>.sql run with `params`, each as a dict."""
    cursor = con.execute(sql(name), params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def define_posting_employer(con: duckdb.DuckDBPyConnection) -> None:
    """Make the connection's posting_employer macro, the one employer key of the employer check."""
    con.execute(sql("posting_employer"))


def is_tool(category: str) -> bool:
    """Whether a skill category names tools and technologies (not concepts, domains or methods)."""
    return category in TOOL_CATEGORIES
