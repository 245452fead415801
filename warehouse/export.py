"""Export the warehouse's views and tables as Parquet, partitioned by month where they have one."""

from __future__ import annotations

from pathlib import Path

from jobtrends.config import Settings
from jobtrends.errors import UserError
from warehouse.db import session

FORMATS = ("parquet",)
# Datasets with a monthly DATE column (month, or period of monthly views) are written as
# <name>/<column>=YYYY-MM-DD/*.parquet (Hive partitioning).
_MONTH_COLUMNS = ("month", "period")
_SKIP_TABLES = {"schema_migrations"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_warehouse(settings: Settings, out: Path, fmt: str = "parquet") -> list[Path]:
    """Write every view and base table to `out/<name>` (a folder when partitioned, else a file)."""
    if fmt not in FORMATS:
        raise UserError(f"export format {fmt!r} is not supported; use parquet")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"cannot create the export folder {out} ({exc.strerror}); choose a writable --out"
        ) from None
    written: list[Path] = []
    with session(settings, read_only=True) as con:
        datasets = con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by table_name"
        ).fetchall()
        for (name,) in datasets:
            if name in _SKIP_TABLES:
                continue
            types = dict(
                con.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_schema = 'main' and table_name = ?",
                    [name],
                ).fetchall()
            )
            month = next((c for c in _MONTH_COLUMNS if types.get(c) == "DATE"), None)
            if month is not None:
                target = out / name
                # Identifiers come from the catalogue; COPY takes its path only as a literal.
                con.execute(
                    f"copy (select * from {_quote(name)}) to '{_literal(target)}' "  # noqa: S608
                    f"(format parquet, partition_by ({_quote(month)}), overwrite_or_ignore true)"
                )
            else:
                target = out / f"{name}.parquet"
                con.execute(
                    f"copy (select * from {_quote(name)}) to '{_literal(target)}' (format parquet)"  # noqa: S608 - COPY takes no parameters; name and path are quoted
                )
            written.append(target)
    return written


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")
