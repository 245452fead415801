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
