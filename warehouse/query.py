"""Run an analyst's SQL against the warehouse and format the answer as a table, CSV or JSON.

Crawled text reaches these cells unchanged, so the output is made safe where it lands: CSV cells
that a spreadsheet would run as a formula are prefixed with a single quote (OWASP's advice on
CSV injection; `raw=True` turns it off), and the table shows control characters (ESC, NUL,
bidi overrides such as U+202E) as visible escapes instead of sending them to the terminal.
"""

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
# OWASP (CSV Injection): a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Shown as escapes in the table: format characters that reorder or hide text on a terminal.
_INVISIBLE = {
    "\u061c",  # Arabic letter mark
    "\u200b",  # zero width space
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u202a",  # left-to-right embedding
    "\u202b",  # right-to-left embedding
    "\u202c",  # pop directional formatting
    "\u202d",  # left-to-right override
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2067",  # right-to-left isolate
    "\u2068",  # first strong isolate
    "\u2069",  # pop directional isolate
    "\ufeff",  # zero width no-break space (BOM)
}


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


def visible(text: str) -> str:
    """`text` with control and bidi/invisible format characters as escapes (\\x1b, \\u202e)."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n":
            out.append(" ")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif char in _INVISIBLE:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def neutralise(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @ tab or CR gets
    a leading single quote (numbers are left alone: -3 is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: Any) -> str:
    text = visible("" if value is None else str(_plain(value)))
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def format_rows(
    columns: list[str], rows: list[tuple[Any, ...]], fmt: str, raw: bool = False
) -> str:
    """Rows as an aligned text table, CSV (RFC 4180) or a JSON array of objects.

    Unless `raw`, CSV cells that would start a formula are neutralised (see `neutralise`).
    """
    if fmt == "json":
        return json.dumps(
            [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=1,
        )
    if fmt == "csv":
        import csv
        import io

        safe = (lambda v: v) if raw else neutralise
        # csv quotes a cell holding a character of the line terminator: with "\r\n" a lone CR
        # in a cell is quoted too (with "\n" it was not, and readers split the row there).
        # Each row is written alone and joined with "\n", as before.
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        lines = []
        for row in [columns, *rows]:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(["" if v is None else safe(_plain(v)) for v in row])
            lines.append(buffer.getvalue()[: -len("\r\n")])
        return "\n".join(lines)
    cells = [[_cell(v) for v in row] for row in rows]
    columns = [visible(c) for c in columns]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def run_query(
    settings: Settings, sql: str, fmt: str = "table", write: bool = False, raw: bool = False
) -> str:
    """Run `sql` against the warehouse (read-only unless `write`) and return the formatted answer.

    `raw` writes CSV cells exactly as stored, formulas included.
    """
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
    return format_rows(columns, rows, fmt, raw=raw)
