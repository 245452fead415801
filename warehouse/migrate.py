"""Schema migrations (schema/NNN_<what>.sql, in order, recorded) and the analyst views (models/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from jobtrends.errors import UserError

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
MODELS_DIR = Path(__file__).resolve().parent / "models"
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

# Views that read other views come after them.
VIEW_ORDER = (
    "v_postings",
    "v_monthly_role_counts",
    "v_skill_share_monthly",
    "v_skill_share_yearly",
    "v_role_divergence",
    "v_distinctive_skills",
    "v_skill_trends",
)


@dataclass(frozen=True)
class Migration:
    """One schema file: its version number, name and SQL."""

    version: int
    name: str
    path: Path

    @property
    def sql(self) -> str:
        """The migration's SQL text."""
        return self.path.read_text(encoding="utf-8")


def migrations() -> list[Migration]:
    """Every schema file, in version order."""
    found = []
    for path in SCHEMA_DIR.glob("*.sql"):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    return sorted(found, key=lambda m: m.version)


def latest_version() -> int:
    """The schema version this code writes."""
    known = migrations()
    return known[-1].version if known else 0


def view_files() -> list[Path]:
    """The view definitions, in dependency order (unknown extra views last, by name)."""
    paths = {p.stem: p for p in MODELS_DIR.glob("v_*.sql")}
    ordered = [paths.pop(name) for name in VIEW_ORDER if name in paths]
    return ordered + [paths[name] for name in sorted(paths)]


def applied_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Versions recorded in schema_migrations (empty for a new database)."""
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_migrations'"
    ).fetchall()[0]
    if not exists or exists[0] == 0:
        return []
    return [
        int(r[0])
        for r in con.execute("select version from schema_migrations order by version").fetchall()
    ]


def migrate(con: duckdb.DuckDBPyConnection, where: Path | str = "the warehouse") -> list[int]:
    """Apply pending migrations in order, then (re)create the views; return the versions applied."""
    con.execute(
        "create table if not exists schema_migrations ("
        "version integer primary key, name varchar not null, applied_at timestamptz not null)"
    )
    done = set(applied_versions(con))
    newest = latest_version()
    if done and max(done) > newest:
        raise UserError(
            f"{where} was made by a newer jobtrends (schema {max(done)}, this one knows {newest}); "
            "upgrade jobtrends or point `warehouse` in the config at another file"
        )
    applied = []
    for migration in migrations():
        if migration.version in done:
            continue
        con.execute("begin transaction")
        try:
            con.execute(migration.sql)
            con.execute(
                "insert into schema_migrations values (?, ?, current_timestamp)",
                [migration.version, migration.name],
            )
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        applied.append(migration.version)
    create_views(con)
    if applied:
        # A warehouse older than the aggregate tables gets them filled from what it holds.
        from warehouse.aggregates import refresh_if_stale

        refresh_if_stale(con)
    return applied


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every analyst view from models/v_*.sql."""
    for path in view_files():
        sql = path.read_text(encoding="utf-8").strip().rstrip(";")
        con.execute(f'create or replace view "{path.stem}" as\n{sql}')
