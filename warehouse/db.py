"""The one place that opens DuckDB connections to the warehouse, with the single-writer lock."""

from __future__ import annotations

import contextlib
import re
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import duckdb

from jobtrends import locks
from jobtrends.config import Settings
from jobtrends.errors import UserError

_POLL_S = 0.1
# DuckDB checkpoints when its write-ahead log passes 16 MB by default, i.e. after every loaded batch,
# and each checkpoint rewrites the indexes of the whole table: loading 1M postings took 119 CPU s
# against 72 with this threshold, and peak memory stays bounded because unflushed data is at most
# this much.
WRITER_CHECKPOINT_THRESHOLD = "512MB"
_DUCKDB_LOCK_TEXT = "Could not set lock"
_DUCKDB_CONFIG_TEXT = "different configuration"
_DUCKDB_HOLDER = re.compile(r"\(PID (\d+)\)")
# DuckDB's words for a database file that ends early or does not add up.
DAMAGED_TEXTS = (
    "could not read enough bytes",
    "corrupt",
    "checksum",
    "not a valid duckdb database",
)


def lock_path(warehouse: Path) -> Path:
    """The lock file guarding writers of `warehouse`: `<warehouse>.lock`."""
    return warehouse.with_name(warehouse.name + ".lock")


def _take_writer_lock(warehouse: Path, timeout_s: float) -> IO[str]:
    return locks.acquire(
        lock_path(warehouse),
        timeout_s,
        lambda pid: (
            f"the warehouse at {warehouse} is in use by another jobtrends process (pid {pid}); "
            "wait for it to finish or stop it, then try again"
        ),
    )


class DamagedWarehouse(UserError):
    """A warehouse file that is not a DuckDB database, or one cut short or corrupt inside."""


def _corrupt(warehouse: Path) -> UserError:
    return DamagedWarehouse(
        f"the warehouse file {warehouse} is not a readable DuckDB database; move it away and run "
        "`jobtrends process` to rebuild it from the landing zone"
    )


def is_damaged(exc: BaseException) -> bool:
    """True when a DuckDB error says the database file is cut short or corrupt."""
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and any(marker in text for marker in DAMAGED_TEXTS)


def damaged(warehouse: Path) -> UserError:
    """The sentence for a warehouse file that opened but cannot be read to its end."""
    return DamagedWarehouse(
        f"the warehouse file {warehouse} is damaged (cut short or corrupt); move it away and run "
        "`jobtrends process` to rebuild it from the landing zone"
    )


def _busy(warehouse: Path, read_only: bool, text: str) -> UserError:
    if read_only:
        return UserError(
            f"the warehouse at {warehouse} is busy being loaded by another process; try again shortly"
        )
    # A writer holds jobtrends' writer lock, so whoever holds DuckDB's lock is a reader (or a
    # program other than jobtrends).
    match = _DUCKDB_HOLDER.search(text)
    holder = f"pid {match.group(1)}{_process_name(int(match.group(1)))}" if match else "pid unknown"
    return UserError(
        f"the warehouse at {warehouse} is held open by a reader ({holder}), such as a `jobtrends query`; "
        "wait for it to finish or close it, then try again"
    )


def _process_name(pid: int) -> str:
    try:
        import psutil

        return ": " + " ".join(psutil.Process(pid).cmdline())[:80]
    except Exception:  # noqa: BLE001 - the name is a courtesy; the pid says enough
        return ""


def _open_duckdb(warehouse: Path, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    while True:
        try:
            return duckdb.connect(str(warehouse), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            text = str(exc)
            locked = _DUCKDB_LOCK_TEXT in text or _DUCKDB_CONFIG_TEXT in text
            if not locked:
                if "no space left" in text.lower():
                    raise
                raise _corrupt(warehouse) from None
            if time.monotonic() >= deadline:
                raise _busy(warehouse, read_only, text) from None
            time.sleep(_POLL_S)
        except duckdb.Error:
            raise _corrupt(warehouse) from None


def connect(settings: Settings, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse: writers take the exclusive lock and migrate; readers open read-only."""
    warehouse = settings.warehouse_path
    if read_only:
        if not warehouse.exists():
            raise UserError(
                f"there is no warehouse at {warehouse} yet; run `jobtrends process` (or `jobtrends demo`) first"
            )
        # A reader never waits long: a load in progress holds DuckDB's own file lock.
        return _open_duckdb(
            warehouse, True, time.monotonic() + min(2.0, settings.process.lock_timeout_s)
        )
    try:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"cannot create the folder {warehouse.parent} for the warehouse ({exc.strerror}); "
            "choose a writable data_dir in the config"
        ) from None
    timeout_s = settings.process.lock_timeout_s
    handle = _take_writer_lock(warehouse, timeout_s)
    try:
        # Another process may still hold DuckDB's file lock read-only; wait for it as for a writer.
        con = _open_duckdb(warehouse, False, time.monotonic() + timeout_s)
        con.execute(f"SET checkpoint_threshold = '{WRITER_CHECKPOINT_THRESHOLD}'")
        # By default DuckDB's buffer pool may take 80% of RAM and keeps growing with the warehouse.
        con.execute(f"SET memory_limit = '{settings.process.writer_memory_mb}MB'")
        from warehouse.migrate import migrate

        migrate(con, warehouse)
        mark_crashed_runs(con)
    except BaseException:
        locks.release(handle)
        raise
    weakref.finalize(con, locks.release, handle)
    _LOCKS[id(con)] = handle
    return con


_LOCKS: dict[int, IO[str]] = {}
_MARK_CRASHED_SQL = Path(__file__).resolve().parent / "queries" / "mark_crashed_runs.sql"


def mark_crashed_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Mark process runs left 'running' by a killed process as 'crashed'; return how many.

    Call it only while holding the writer lock: every process run holds it while it lives.
    """
    rows = con.execute(_MARK_CRASHED_SQL.read_text(encoding="utf-8")).fetchall()
    return int(rows[0][0]) if rows else 0


def writer_active(settings: Settings) -> bool:
    """True when some process holds the warehouse's writer lock right now."""
    return locks.is_held(lock_path(settings.warehouse_path))


def close(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection and release the writer lock it holds, if any."""
    con.close()
    handle = _LOCKS.pop(id(con), None)
    if handle is not None:
        locks.release(handle)


@contextlib.contextmanager
def session(settings: Settings, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for a `with` block, closed (and the lock released) at its end.

    A writer block that ends normally refreshes the aggregate tables if what they read changed.
    """
    con = connect(settings, read_only=read_only)
    try:
        yield con
    except BaseException:
        close(con)
        raise
    try:
        if not read_only:
            # A writer that changed postings, openings or skills leaves the aggregates matching them.
            from warehouse.aggregates import refresh_if_stale

            refresh_if_stale(con)
    finally:
        close(con)


def table_checksums(
    con: duckdb.DuckDBPyConnection, tables: list[str] | None = None
) -> dict[str, tuple[int, int]]:
    """(row count, order-independent hash sum) per base table, to prove two warehouses identical.

    Bookkeeping columns that record *when* something was processed (loaded_at, refreshed_at, process_run_id) are
    left out, as are the bookkeeping tables themselves, so two loads of the same data compare equal.
    """
    skip_tables = {"schema_migrations", "process_runs"}
    skip_columns = {
        "loaded_at",
        "process_run_id",
        "first_loaded_at",
        "last_loaded_at",
        "refreshed_at",
    }
    rows = con.execute(
        "select table_name from information_schema.tables "
        "where table_type = 'BASE TABLE' and table_schema = 'main' order by table_name"
    ).fetchall()
    names = [r[0] for r in rows if r[0] not in skip_tables]
    if tables is not None:
        names = [n for n in names if n in tables]
    sums: dict[str, tuple[int, int]] = {}
    for name in names:
        columns = [
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'main' and table_name = ? order by ordinal_position",
                [name],
            ).fetchall()
            if r[0] not in skip_columns
        ]
        quoted = ", ".join(f'"{c}"' for c in columns)
        # Identifiers come from the catalogue, not from input; hash() of a struct covers every column.
        count, total = con.execute(
            f'select count(*), coalesce(sum(hash(struct_pack({quoted}))), 0)::hugeint from "{name}"'  # noqa: S608
        ).fetchall()[0]
        sums[name] = (int(count), int(total))
    return sums
