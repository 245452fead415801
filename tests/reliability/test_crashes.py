"""SIGKILL mid-crawl and mid-load: nothing half-written is read, and a re-run converges.

The warehouse's own crash tests kill a writer holding the lock; this module follows one landing
zone end to end: a crawl killed while a response is stalled, the re-crawl, then loads killed at
four points (manifests, between two batches of a file, inside the finalize transaction, in the
statistics), each resumed by the next run, until the warehouse equals (table checksums) a load
that was never interrupted.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fault_server import FaultServer, greenhouse_board, greenhouse_job, ok, stall_until_released
from reliability_helpers import (
    ROOT,
    crawl_command,
    manifests_of,
    run_crawl,
    subprocess_env,
    write_config,
)

from jobtrends.config import Settings, load_settings
from pipeline.landing import list_landing_files, list_manifests
from warehouse.db import session, table_checksums

pytestmark = pytest.mark.slow

# A child that loads the landing zone and SIGKILLs itself once `name` has been called `after` times.
KILLER = """
import importlib, os, signal, sys
from jobtrends.config import load_settings
config, module_name, name, after, when = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
module = importlib.import_module(module_name)
original = getattr(module, name)
calls = [0]
def wrapped(*args, **kwargs):
    calls[0] += 1
    if when == "before" and calls[0] >= after:
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    if when == "after" and calls[0] >= after:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(module, name, wrapped)
from pipeline.load import process_landing
process_landing(load_settings(config))
"""

# (module, function, calls, before/after): where each successive load is killed
KILL_POINTS = [
    ("pipeline.load", "load_manifest", 1, "after"),  # one manifest recorded, no posting yet
    ("pipeline.load", "load_batch", 2, "after"),  # mid-file: inside the file's open transaction
    ("pipeline.load", "_refresh_skills", 1, "after"),  # inside finalize's open transaction
    ("warehouse.stats", "refresh", 1, "before"),  # finalize committed, statistics not yet
]


def _checksums(con: Any) -> dict[str, Any]:
    """Table checksums, with landing_files compared without its path (the two data dirs differ)."""
    sums: dict[str, Any] = table_checksums(con)
    sums["landing_files"] = sorted(
        con.execute("select sha256, source, run_id, n_records from landing_files").fetchall()
    )
    return sums


def _wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting for the crawl"
        time.sleep(0.05)


def test_killed_crawl_and_killed_loads_converge(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = greenhouse_board(
        *(
            greenhouse_job(100 + i, t)
            for i, t in enumerate(
                [
                    "Machine Learning Engineer",
                    "Data Scientist",
                    "Senior Data Scientist",
                    "AI Engineer",
                    "Backend Engineer",
                ]
            )
        )
    )
    late = greenhouse_board(
        greenhouse_job(200, "Applied Scientist, LLMs"), greenhouse_job(201, "Data Scientist II")
    )
    routes = {"/v1/boards/first/jobs": ok(good), "/v1/boards/late/jobs": stall_until_released(late)}
    with FaultServer(routes=routes) as server:
        sources = [{"type": "greenhouse", "base_url": server.base_url, "boards": ["first", "late"]}]
        config = write_config(
            tmp_path / "crawl.toml",
            data,
            sources,
            politeness={"download_timeout_s": 60.0},
            process={"batch_size": 2},
        )
        # 1. Kill the crawl while `late` is stalled and `first` is already parsed.
        child = subprocess.Popen(
            crawl_command(config, ["greenhouse"]),
            cwd=ROOT,
            env=subprocess_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for(
                lambda: (
                    server.count("/v1/boards/late/jobs") == 1
                    and server.count("/v1/boards/first/jobs") == 1
                )
            )
            time.sleep(1.0)
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
        folder = data / "landing" / "greenhouse"
        leftovers = sorted(p.name for p in folder.iterdir())
        assert leftovers and all(
            name.startswith(".") and name.endswith(".tmp") for name in leftovers
        )
        settings = load_settings(config)
        assert list_landing_files(settings) == [] and list_manifests(settings) == []

        # 2. The re-crawl, with the stalled board answering at once.
        server.routes["/v1/boards/late/jobs"] = ok(late)
        done = run_crawl(config, ["greenhouse"])
        assert done.returncode == 0, done.stderr[-3000:]
    manifest = manifests_of(data)["greenhouse"]
    assert manifest["complete"] is True and manifest["items_landed"] == 7
    assert [f.run_id for f in list_landing_files(settings)] == [manifest["run_id"]]

    # The reference: the completed landing files alone, loaded without interruption.
    reference = Settings(data_dir=tmp_path / "reference", process=settings.process)
    shutil.copytree(
        data / "landing", reference.data_dir / "landing", ignore=shutil.ignore_patterns(".*")
    )
    from pipeline.load import process_landing

    assert process_landing(reference).postings_loaded == 7
    with session(reference, read_only=True) as con:
        expected = _checksums(con)
    assert expected["postings"][0] == 7 and expected["crawl_runs"][0] == 1

    # 3. Loads killed at four points in turn, each resuming what the one before left.
    for module, name, after, when in KILL_POINTS:
        killed = subprocess.run(
            [sys.executable, "-c", KILLER, str(config), module, name, str(after), when],
            cwd=ROOT,
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert killed.returncode == -signal.SIGKILL, (
            f"{name} was never reached: {killed.stderr[-2000:]}"
        )
        with session(settings, read_only=True) as con:  # still a readable database after the kill
            partial = _checksums(con)
        assert partial["postings"][0] <= 7
    result = process_landing(settings)
    assert result.failures == []
    with session(settings, read_only=True) as con:
        assert _checksums(con) == expected
        assert con.execute(
            "select count(*), count(distinct global_id) from postings"
        ).fetchone() == (7, 7)
        states = [
            r[0]
            for r in con.execute("select state from process_runs order by started_at").fetchall()
        ]
    assert states[-1] == "completed" and states.count("completed") == 1
