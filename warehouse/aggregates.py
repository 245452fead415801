"""The aggregate tables the analyst views read: refreshed set-based, stamped with what they came from."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import duckdb

REFRESH_DIR = Path(__file__).resolve().parent / "refresh"
_STEP = re.compile(r"^\d{2}_([a-z0-9_]+)\.sql$")


@cache
def _sql(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def refresh_steps() -> list[tuple[str, Path]]:
    """(table, SQL file) of every aggregate, in refresh order (later ones read earlier ones)."""
    steps = []
    for path in sorted(REFRESH_DIR.glob("*.sql")):
        match = _STEP.match(path.name)
        if match:
            steps.append((match.group(1), path))
    return steps


def fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """Row counts and hash sums of the postings, openings and posting_skills columns aggregated."""
    row = con.execute(_sql(REFRESH_DIR / "fingerprint.sql")).fetchall()[0]
    return ":".join(str(value) for value in row)


def is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the aggregates were computed from the tables as they are now."""
    stamped = con.execute("select fingerprint from aggregate_state").fetchall()
    return len(stamped) == 1 and stamped[0][0] == fingerprint(con)


def refresh(con: duckdb.DuckDBPyConnection, *, transaction: bool = True) -> dict[str, int]:
    """Empty and refill every aggregate table; return the rows written per table.

    With `transaction=False` the caller's open transaction holds the refresh, so readers see the
    aggregates change together with the tables they come from.
    """
    if transaction:
        con.execute("begin transaction")
    try:
        rows: dict[str, int] = {}
        for table, path in refresh_steps():
            # Table names come from the files of this package, not from input.
            con.execute(f'delete from "{table}"')  # noqa: S608
            written = con.execute(_sql(path)).fetchall()
            rows[table] = int(written[0][0]) if written else 0
        con.execute("delete from aggregate_state")
        con.execute("insert into aggregate_state values (?, current_timestamp)", [fingerprint(con)])
        if transaction:
            con.execute("commit")
    except BaseException:
        if transaction:
            con.execute("rollback")
        raise
    return rows


def refresh_if_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """Refresh the aggregates when the tables they read changed since; return whether it did."""
    if is_fresh(con):
        return False
    refresh(con)
    return True
