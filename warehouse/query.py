"""Run an analyst's SQL against the warehouse and format the answer as a table, CSV or JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

from jobtrends.config import Settings
from jobtrends.errors import UserError
from warehouse.db import damaged, is_damaged, session

FORMATS = ("table", "csv", "json")
_MAX_CELL = 60


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> str:
    text = "" if value is None else str(_plain(value))
    text = text.replace("\n", " ")
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def format_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    """Rows as an aligned text table, CSV (RFC 4180) or a JSON array of objects."""
    if fmt == "json":
        return json.dumps(
            [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=1,
        )
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else _plain(v) for v in row])
        return out.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def run_query(settings: Settings, sql: str, fmt: str = "table", write: bool = False) -> str:
    """Run `sql` against the warehouse (read-only unless `write`) and return the formatted answer."""
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt!r} is not known; use one of {', '.join(FORMATS)}")
    with session(settings, read_only=not write) as con:
        try:
            result = con.execute(sql)
            if result.description is None:
                return "ok"
            columns = [d[0] for d in result.description]
            rows = result.fetchall()
        except duckdb.Error as exc:
            if is_damaged(exc):
                raise damaged(settings.warehouse_path) from None
            first = str(exc).splitlines()[0]
            hint = (
                " (the warehouse is opened read-only; pass --write to change it)"
                if "read-only" in first
                else ""
            )
            raise UserError(f"the query failed: {first}{hint}; fix the SQL and try again") from None
    return format_rows(columns, rows, fmt)
