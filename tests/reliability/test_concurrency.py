"""Two loads at once on one data dir, and an analyst's read-only query during a load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_helpers import (
    ROOT,
    reuse_prefect_state,
    run_cli,
    sample_records,
    subprocess_env,
    write_config,
    write_landing,
)

from jobtrends.config import Settings, load_settings
from pipeline.load import process_landing
from warehouse.db import connect, lock_path, session, table_checksums

pytestmark = pytest.mark.slow

N = 240
LOADER = """
import json, sys
from jobtrends.config import load_settings
from pipeline.load import process_landing
result = process_landing(load_settings(sys.argv[1]))
print(json.dumps({"files": result.files_loaded, "postings": result.postings_loaded, "failures": result.failures}))
"""


def _landing(data: Path) -> None:
    write_landing(
        data, "20260402T030000Z-0000000a", sample_records(N // 2, "20260402T030000Z-0000000a")
    )
    later = sample_records(N, "20260409T030000Z-0000000b")[N // 2 :]
    write_landing(data, "20260409T030000Z-0000000b", later)


def _loader(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", LOADER, str(config)],
        cwd=ROOT,
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _holder_is(settings: Settings, pid: int, timeout: float = 120.0) -> None:
    path = lock_path(settings.warehouse_path)
    deadline = time.monotonic() + timeout
    while not (path.exists() and path.read_text().strip() == str(pid)):
        assert time.monotonic() < deadline, "the first loader never took the writer lock"
        time.sleep(0.05)


@pytest.fixture
def reference(tmp_path: Path) -> dict[str, tuple[int, int]]:
    """Checksums of the same landing zone loaded once, alone."""
    settings = Settings(data_dir=tmp_path / "alone")
    _landing(settings.data_dir)
    assert process_landing(settings).postings_loaded == N
    with session(settings, read_only=True) as con:
        sums = table_checksums(con)
    sums.pop("landing_files")  # holds absolute paths, which differ between the two data dirs
    return sums


def test_two_loads_at_once_serialise_and_equal_one(
    tmp_path: Path, reference: dict[str, tuple[int, int]]
) -> None:
    data = tmp_path / "data"
    _landing(data)
    config = write_config(tmp_path / "waits.toml", data, process={"lock_timeout_s": 180.0})
    settings = load_settings(config)
    first = _loader(config)
    _holder_is(settings, first.pid)
    second = _loader(config)
    outputs = [child.communicate(timeout=300) for child in (first, second)]
    assert [child.returncode for child in (first, second)] == [0, 0], [
        err[-2000:] for _, err in outputs
    ]
    results = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    # the second waited for the first and found nothing left to load
    assert results == [
        {"files": 2, "postings": N, "failures": []},
        {"files": 0, "postings": 0, "failures": []},
    ]
    with session(settings, read_only=True) as con:
        sums = table_checksums(con)
        assert con.execute("select count(*) from landing_files").fetchone() == (2,)
    sums.pop("landing_files")
    assert sums == reference


def test_a_second_writer_stops_with_the_busy_sentence(tmp_path: Path) -> None:
    """While one process loads, a second `jobtrends query --write` ends in one sentence, exit 2."""
    data = tmp_path / "data"
    config = write_config(tmp_path / "short.toml", data, process={"lock_timeout_s": 0.5})
    holder = connect(load_settings(config))
    try:
        done = run_cli("query", "--config", str(config), "--write", "create table t (x int)")
    finally:
        holder.close()
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert f"is in use by another jobtrends process (pid {os.getpid()})" in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_reader_during_a_load_gets_the_busy_sentence_or_a_consistent_answer(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _landing(data)
    config = write_config(tmp_path / "reader.toml", data, process={"lock_timeout_s": 60.0})
    settings = load_settings(config)
    # an earlier, finished load: the reader has something to read
    shutil.copytree(data / "landing", tmp_path / "all")
    shutil.rmtree(data / "landing" / "greenhouse")
    write_landing(
        data, "20260402T030000Z-0000000a", sample_records(N // 2, "20260402T030000Z-0000000a")
    )
    assert process_landing(settings).postings_loaded == N // 2
    shutil.rmtree(data / "landing")
    shutil.copytree(tmp_path / "all", data / "landing")

    loader = _loader(config)
    _holder_is(settings, loader.pid)
    sql = "select count(*) as n, count(*) filter (where global_id not in (select global_id from openings)) as bare from postings"
    answers = []
    while loader.poll() is None and len(answers) < 3:
        answers.append(run_cli("query", "--config", str(config), "--format", "json", sql))
    out, err = loader.communicate(timeout=300)
    assert loader.returncode == 0, err[-2000:]
    after = run_cli("query", "--config", str(config), "--format", "json", sql)
    assert after.returncode == 0 and json.loads(after.stdout) == [{"n": N, "bare": 0}]
    assert answers
    for answer in answers:
        if answer.returncode == 2:
            lines = answer.stderr.strip().splitlines()
            assert len(lines) == 1 and "busy" in lines[0] and "Traceback" not in answer.stderr
        else:
            assert answer.returncode == 0, answer.stderr
            rows = json.loads(answer.stdout)
            assert rows[0]["bare"] == 0 and rows[0]["n"] in (N // 2, N)


def test_a_second_jobtrends_process_stops_with_the_busy_sentence(
    tmp_path: Path, prefect_state: Path
) -> None:
    """The full `jobtrends process` (Prefect flow) meets a held writer lock: one sentence, exit 2."""
    data = reuse_prefect_state(tmp_path / "data", prefect_state)
    _landing(data)
    config = write_config(tmp_path / "flow.toml", data, process={"lock_timeout_s": 0.5})
    holder = connect(load_settings(config))
    try:
        done = run_cli("process", "--config", str(config), timeout=400)
    finally:
        holder.close()
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr[-2000:]
    assert (
        f"in use by another jobtrends process (pid {os.getpid()})" in lines[0]
        and "Traceback" not in done.stderr
    )
    with session(load_settings(config), read_only=True) as con:
        assert con.execute("select count(*) from postings").fetchone() == (
            0,
        )  # nothing half-loaded


def test_two_demos_at_once_on_a_fresh_data_dir(tmp_path: Path) -> None:
    """Both used to fail through the shared `.corpus.tmp` (one with a traceback).

    The test holds the corpus lock while both start, so both reach it at once whatever the
    machine's speed; then one generates the corpus and the other waits for it and uses it. One
    demo completes; the other runs after it or says which run holds the data directory.
    """
    import fcntl

    from stop_helpers import Driven, jobtrends_env

    data = tmp_path / "data"
    data.mkdir()
    args = ["demo", "--postings", "1500", "--seed", "3"]
    with open(data / ".corpus.lock", "a+", encoding="utf-8") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        held.write(str(os.getpid()))
        held.flush()
        demos = [Driven(args, jobtrends_env(data)), Driven(args, jobtrends_env(data))]
        try:
            for demo in demos:
                demo.wait_for(rf"^generate: waiting for another demo \(pid {os.getpid()}\)")
        except BaseException:
            for demo in demos:
                demo.kill()
            raise
        held.seek(0)
        held.truncate()
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    try:
        codes = [demo.wait(timeout=1500)[0] for demo in demos]
    finally:
        for demo in demos:
            demo.kill()
    both = demos[0].output() + demos[1].output()
    assert 0 in codes, both[-6000:]
    assert "Traceback" not in both, both[-6000:]
    assert both.count("generate: writing") == 1
    for code, demo in zip(codes, demos, strict=True):
        if code != 0:  # whichever reached the run lock second, after waiting lock_timeout_s
            last = demo.output("stderr").strip().splitlines()[-1]
            assert code == 2 and last.startswith("error: another jobtrends run (pid "), last
    assert not (data / ".corpus.tmp").exists()
