"""Connections, migrations and the single-writer lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from jobtrends.config import Settings
from jobtrends.errors import UserError
from warehouse.db import close, connect, lock_path, session, table_checksums
from warehouse.migrate import latest_version, migrate

ROOT = Path(__file__).resolve().parents[2]

HOLD_WRITER = """
import sys, time
from jobtrends.config import Settings
from warehouse.db import connect
con = connect(Settings.model_validate({"data_dir": sys.argv[1]}))
con.execute("create table if not exists marker as select 42 as answer")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_migrations_are_recorded_and_safe_to_rerun(settings: Settings) -> None:
    with session(settings) as con:
        versions = [
            r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()
        ]
        assert versions == list(range(1, latest_version() + 1))
        before = table_checksums(con)
        assert migrate(con) == []
        assert table_checksums(con) == before
    with session(settings) as con:  # a second writer connect applies nothing new
        assert (
            con.execute("select count(*) from schema_migrations").fetchall()[0][0]
            == latest_version()
        )


def test_refuses_a_database_made_by_a_newer_version(settings: Settings) -> None:
    with session(settings) as con:
        con.execute("insert into schema_migrations values (999, 'future', current_timestamp)")
    with pytest.raises(UserError, match=r"made by a newer jobtrends \(schema 999"):
        connect(settings)
    # the failed attempt released the lock
    assert lock_path(settings.warehouse_path).read_text() == ""


def test_corrupt_warehouse_names_the_file_and_the_fix(settings: Settings) -> None:
    settings.warehouse_path.parent.mkdir(parents=True)
    settings.warehouse_path.write_bytes(b"not a database at all" * 200)
    for read_only in (False, True):
        with pytest.raises(UserError) as info:
            connect(settings, read_only=read_only)
        message = str(info.value)
        assert (
            str(settings.warehouse_path) in message
            and "rebuild it from the landing zone" in message
        )


def test_reader_of_missing_warehouse_is_told_to_process_first(settings: Settings) -> None:
    with pytest.raises(UserError, match="no warehouse at .* run `jobtrends process`"):
        connect(settings, read_only=True)


def test_second_writer_waits_then_fails_naming_the_pid(settings: Settings) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(settings.data_dir), "20"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(UserError) as info:
            connect(settings)
        waited = time.monotonic() - started
        assert waited >= settings.process.lock_timeout_s
        assert str(info.value).startswith(
            f"the warehouse at {settings.warehouse_path} is in use by another jobtrends process (pid {holder.pid})"
        )
        # a reader during the load gets the busy message, not a half-written answer
        with pytest.raises(
            UserError, match="busy being loaded by another process; try again shortly"
        ):
            connect(settings, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    # once the holder is gone (even killed) the lock is free and its data is there
    with session(settings, read_only=True) as con:
        assert con.execute("select answer from marker").fetchall() == [(42,)]


def test_writer_waits_for_a_short_holder(settings: Settings) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(settings.data_dir), "0.3"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    slow = settings.with_overrides(process={"lock_timeout_s": 15.0})
    con = connect(slow)
    try:
        assert con.execute("select answer from marker").fetchall() == [(42,)]
        assert lock_path(slow.warehouse_path).read_text() == str(os.getpid())
    finally:
        close(con)
        holder.wait()


def test_table_checksums_change_with_content(con: duckdb.DuckDBPyConnection) -> None:
    empty = table_checksums(con)
    assert empty["postings"] == (0, 0)
    con.execute("insert into skills values ('python', 'Python', 'language', 't')")
    one = table_checksums(con)
    assert one["skills"][0] == 1 and one["skills"] != empty["skills"]
    con.execute("update skills set name = 'python'")
    assert table_checksums(con)["skills"] != one["skills"]
    assert "schema_migrations" not in one and "process_runs" not in one


HOLD_READER = """
import sys, time
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("reading", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_writer_blocked_by_a_reader_is_told_a_reader_holds_it(settings: Settings) -> None:
    """Not "busy being loaded": nothing is loading, a reader keeps DuckDB's file lock."""
    with session(settings):
        pass
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLD_READER, str(settings.warehouse_path), "30"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        with pytest.raises(UserError) as info:
            connect(settings)
    finally:
        reader.kill()
        reader.wait()
    message = str(info.value)
    assert message.startswith(
        f"the warehouse at {settings.warehouse_path} is held open by a reader (pid {reader.pid}: "
    )
    assert "busy being loaded" not in message and "wait for it to finish" in message
    # the failed writer released jobtrends' own lock
    assert lock_path(settings.warehouse_path).read_text() == ""


def test_a_warehouse_damaged_inside_is_named_damaged(settings: Settings) -> None:
    """It opens (the header and catalogue are intact) and fails only when a data block is read."""
    from warehouse.db import damaged, is_damaged

    with session(settings) as con:
        con.execute(
            "create table filler as select range as n, repeat('x', 200) || range as s "
            "from range(200000)"
        )
    size = settings.warehouse_path.stat().st_size
    with open(settings.warehouse_path, "r+b") as handle:
        handle.seek(int(size * 0.4))
        handle.write(bytes(2 * 262144))  # two DuckDB blocks of zeros
    with pytest.raises(duckdb.Error) as raised:
        with session(settings, read_only=True) as con:
            con.execute("select sum(length(s)) from filler").fetchall()
    assert is_damaged(raised.value)
    assert "is damaged (cut short or corrupt); move it away" in str(
        damaged(settings.warehouse_path)
    )


def test_a_run_left_running_by_a_killed_process_is_marked_crashed(settings: Settings) -> None:
    """Every live process run holds the writer lock, so the next writer closes stale rows."""
    from warehouse.db import writer_active

    with session(settings) as con:
        con.execute(
            "insert into process_runs (process_run_id, started_at, state) "
            "values ('killed', current_timestamp, 'running')"
        )
        assert writer_active(settings)
    assert not writer_active(settings)
    with session(settings) as con:
        row = con.execute(
            "select state, finished_at is not null, failures, errors->>'$[0].error' "
            "from process_runs"
        ).fetchone()
    assert row == ("crashed", True, 1, "the process ended without recording its end (killed)")
