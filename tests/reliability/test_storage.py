"""A data directory that cannot be written, a disk that fills up, a warehouse file cut short.

Each ends in one sentence naming the place and the fix, with exit status 2 and no traceback.
The read-only and full-disk cases use real file systems (a read-only bind mount, a small tmpfs)
and skip when this machine does not let the test mount them (not root, or no mount rights).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from reliability_helpers import (
    reuse_prefect_state,
    run_cli,
    sample_records,
    write_config,
    write_landing,
)
from stop_helpers import Driven, jobtrends_env

from jobtrends.config import load_settings
from jobtrends.errors import describe

RUN_ID = "20260402T030000Z-0000beef"
# Before, a read-only data directory made `process` retry Prefect's server for 189 s; one
# sentence comes before any server starts, so this is a generous ceiling for a loaded machine.
REFUSAL_CEILING_S = 30.0


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def mounts() -> Iterator[list[Path]]:
    """Mount points made by a test, unmounted at its end; skips when mounting is not allowed."""
    made: list[Path] = []
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only or tiny file system needs root")
    yield made
    for point in reversed(made):
        subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True, timeout=30)


def _try_mount(mounts: list[Path], point: Path, *args: str) -> None:
    point.mkdir(parents=True, exist_ok=True)
    try:
        _mount(*args, str(point))
    except (subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"cannot mount here: {exc}")
    mounts.append(point)


def _one_sentence(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr[-3000:]
    assert lines and lines[-1].startswith("error: "), done.stderr[-3000:]
    assert [line for line in lines if line.startswith("error")] == lines[-1:]
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    for needle in needles:
        assert needle in lines[-1], lines[-1]
    return lines[-1]


def test_a_read_only_data_dir_used_before_is_one_sentence(
    tmp_path: Path, mounts: list[Path], prefect_state: Path
) -> None:
    """`prefect/` and the warehouse exist; `process` and `report` used to hang 189 s."""
    used = reuse_prefect_state(tmp_path / "used", prefect_state)
    write_landing(used, RUN_ID, sample_records(20, RUN_ID))
    first = run_cli(
        "process", "--config", str(write_config(tmp_path / "rw.toml", used)), timeout=600
    )
    assert first.returncode == 0, first.stderr[-3000:]
    assert (used / "prefect").is_dir() and (used / "warehouse.duckdb").is_file()
    read_only = tmp_path / "ro"
    _try_mount(mounts, read_only, "--bind", str(used))
    _mount("-o", "remount,bind,ro", str(read_only))
    config = write_config(tmp_path / "ro.toml", read_only)
    for command in ("process", "report"):
        started = time.monotonic()
        done = run_cli(command, "--config", str(config), timeout=300)
        seconds = time.monotonic() - started
        _one_sentence(done, f"cannot write {read_only}", "Read-only file system", "writable")
        assert seconds <= REFUSAL_CEILING_S
        assert len((done.stderr + done.stdout).splitlines()) == 1


def test_a_disk_that_fills_during_process_is_one_sentence(
    tmp_path: Path, mounts: list[Path], prefect_state: Path
) -> None:
    """The disk fills while batches load: the sentence names the full disk and where."""
    disk = tmp_path / "disk"
    _try_mount(mounts, disk, "-t", "tmpfs", "-o", "size=64m", "tmpfs")
    data = reuse_prefect_state(disk / "data", prefect_state)
    write_landing(data, RUN_ID, sample_records(1000, RUN_ID))
    config = write_config(tmp_path / "c.toml", data, process={"batch_size": 20})
    driven = Driven(["process", "--config", str(config)], jobtrends_env(data))
    try:
        driven.wait_for(r"^process: 0/")
        filler = disk / "filler"
        with open(filler, "wb") as handle:  # another program takes the rest of the disk
            try:
                while True:
                    handle.write(bytes(1 << 16))
                    handle.flush()
            except OSError:
                pass
        code, _ = driven.wait(timeout=600)
    finally:
        driven.kill()
    stderr = driven.output("stderr").splitlines()
    assert code == 2, driven.output()[-3000:]
    assert stderr[-1].startswith(f"error: cannot write {disk}") and "the disk is full" in stderr[-1]
    assert "Traceback" not in driven.output() and "Error" not in "\n".join(stderr[:-1])
    # a little room again: the next run names the full disk at once, not a rollback error
    os.truncate(filler, filler.stat().st_size - 2 * 1024 * 1024)
    again = run_cli("process", "--config", str(config), timeout=300)
    _one_sentence(again, f"the disk holding {data} is nearly full", "a run needs at least")
    # with room, the next run loads everything; the warehouse survived the full disk
    filler.unlink()
    done = run_cli("process", "--config", str(config), timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    count = run_cli(
        "query", "--config", str(config), "--format", "csv", "select count(*) from postings"
    )
    assert count.stdout.strip().splitlines()[-1] == "1000"


def test_a_rollback_error_does_not_hide_the_full_disk() -> None:
    """A commit that failed for space makes the rollback after it fail; the cause is named."""
    try:
        try:
            raise duckdb.IOException(
                'IO Error: Could not write file "w.duckdb.wal": No space left on device'
            )
        except duckdb.Error:
            rollback = duckdb.TransactionException(
                "TransactionContext Error: cannot rollback - no transaction is active"
            )
            raise rollback  # noqa: B904 - the implicit context is what describe() must read
    except duckdb.Error as exc:
        said = describe(exc)
    assert (
        said.startswith("IOException: IO Error: Could not write file") and "No space left" in said
    )


def test_a_warehouse_cut_short_is_one_sentence(tmp_path: Path) -> None:
    """Wherever the file ends, `status` and `query --write` say it is damaged; no raw IOException."""
    from pipeline.load import process_landing

    data = tmp_path / "data"
    write_landing(data, RUN_ID, sample_records(400, RUN_ID))
    config = write_config(tmp_path / "c.toml", data)
    process_landing(load_settings(config))
    warehouse = data / "warehouse.duckdb"
    whole = warehouse.read_bytes()
    (data / "warehouse.duckdb.wal").unlink(missing_ok=True)
    said: set[str] = set()
    everything = "select count(*), sum(length(description_text)) from postings"
    for share in (0.9, 0.6, 0.45, 0.3):
        warehouse.write_bytes(whole[: int(len(whole) * share)])
        for args in (["status"], ["query", everything], ["query", "--write", "select 1"]):
            done = run_cli(*args, "--config", str(config))
            if done.returncode == 0:  # what this command reads lies before the cut
                continue
            line = _one_sentence(done, str(warehouse))
            assert "move it away" in line and "rebuild it from the landing zone" in line
            said.add(line.split(" is ", 1)[1].split(";")[0])
    # it opens, then reading the missing blocks fails (a raw IOException, exit 1, before)
    assert "damaged (cut short or corrupt)" in said
    assert said <= {"damaged (cut short or corrupt)", "not a readable DuckDB database"}
