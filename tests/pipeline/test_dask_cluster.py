"""`jobtrends process` on a real Dask cluster: a scheduler and two workers as separate processes
on 127.0.0.1, reached through `[process] dask_address`, load what a sequential run loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from jobtrends.config import Settings  # noqa: E402
from warehouse.db import session, table_checksums  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
RUN1 = "20260101T000000Z-00000001"
RUN2 = "20260201T000000Z-00000002"
TITLES = ["Machine Learning Engineer", "Senior Data Scientist", "Backend Engineer", "AI Engineer"]
BATCH_SIZE = 3  # several batches per landing file, so both workers get transforms
# Ceilings, not waits: each poll returns as soon as its condition holds. Starting a worker imports
# distributed (and, on the first task, prefect and spaCy); a loaded 2-core machine needs minutes.
START_CEILING_S = 240
PROCESS_CEILING_S = 600
STOP_CEILING_S = 60
# A worker stopping gracefully flushes its Prefect client's events to the run's API server, which
# is gone by then; its retries can take a minute. The cluster is only torn down here, so after
# this grace the processes are killed.
STOP_GRACE_S = 10


def _records(n: int, run_id: str, offset: int = 0) -> list[dict[str, Any]]:
    out = []
    for i in range(offset, offset + n):
        title = TITLES[i % len(TITLES)]
        text = f"{title} at Acme. We use Python, SQL and Docker; Kubernetes is a plus. Role {i}."
        out.append(
            lf.record("greenhouse", str(i), title, text, f"2025-{1 + i % 12:02d}", run_id=run_id)
        )
    return out


def _landing(settings: Settings) -> None:
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, _records(13, RUN1), boards=["acme"])
    lf.write_run(
        settings.landing_dir, "greenhouse", RUN2, _records(6, RUN2, offset=10), boards=["acme"]
    )


def _checksums(settings: Settings) -> dict[str, Any]:
    """Table checksums, with landing_files compared by content (its paths differ per data dir)."""
    with session(settings, read_only=True) as con:
        sums: dict[str, Any] = table_checksums(con)
        sums["landing_files"] = con.execute(
            "select sha256, source, run_id, n_records from landing_files order by sha256"
        ).fetchall()
    return sums


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment without jobtrends' or Prefect's variables, plus the project on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOBTRENDS_", "PREFECT_"))}
    env["PYTHONPATH"] = os.pathsep.join(p for p in [str(ROOT), env.get("PYTHONPATH", "")] if p)
    env.update(extra)
    return env


def _poll(condition: Any, ceiling_s: float, what: str) -> None:
    """Return once `condition()` is true; fail naming `what` after `ceiling_s`."""
    deadline = time.monotonic() + ceiling_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {ceiling_s:.0f} s")
        time.sleep(0.2)


def _processes_using(prefect_home: Path) -> list[int]:
    """Pids of the processes running with `prefect_home` as their PREFECT_HOME (Linux /proc)."""
    wanted = f"PREFECT_HOME={prefect_home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone, or not ours to read
            continue
        if wanted in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes; yields the scheduler's address."""
    from distributed import Client

    cluster_dir = tmp_path / "cluster"
    cluster_dir.mkdir()
    scheduler_file = cluster_dir / "scheduler.json"
    procs: list[subprocess.Popen[bytes]] = []
    logs = []

    def start(name: str, args: list[str], env: dict[str, str]) -> None:
        log = (cluster_dir / f"{name}.log").open("wb")
        logs.append(log)
        procs.append(
            subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cluster_dir)
        )

    # Workers know only the installed package (on PYTHONPATH here); tasks bring them the records,
    # and they persist results under the data dir's cache, which is the same path on one host.
    # Their own Prefect state stays in this test's folder.
    worker_env = _clean_env(
        PREFECT_HOME=str(cluster_dir / "worker-prefect"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="CRITICAL",
        DASK_DISTRIBUTED__WORKER__DAEMON="false",
    )
    try:
        start(
            "scheduler",
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            _clean_env(),
        )
        _poll(scheduler_file.exists, START_CEILING_S, "the scheduler writing its address")
        for i in range(2):
            start(
                f"worker-{i}",
                [
                    sys.executable,
                    "-m",
                    "distributed.cli.dask_worker",
                    "--host",
                    "127.0.0.1",
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "1",
                    "--no-dashboard",
                    "--no-nanny",
                    "--scheduler-file",
                    str(scheduler_file),
                ],
                worker_env,
            )
        address = json.loads(scheduler_file.read_text())["address"]
        with Client(address, timeout=START_CEILING_S) as client:
            client.wait_for_workers(2, timeout=START_CEILING_S)
            assert len(client.scheduler_info()["workers"]) == 2
        yield address
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        grace_ends = time.monotonic() + STOP_GRACE_S
        for proc in procs:
            try:
                proc.wait(timeout=max(0.1, grace_ends - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=STOP_CEILING_S)
        for log in logs:
            log.close()
        assert [p.pid for p in procs if p.poll() is None] == []


def test_jobtrends_process_on_a_scheduler_and_two_worker_processes_equals_the_sequential_run(
    tmp_path: Path, dask_cluster: str, prefect_state: Path
) -> None:
    import shutil

    from distributed import Client

    from pipeline.load import process_landing

    data = tmp_path / "dask-data"
    shutil.copytree(prefect_state, data / "prefect")  # a data dir that has run jobtrends before
    config = tmp_path / "jobtrends.toml"
    config.write_text(
        f'data_dir = "{data}"\n\n'
        "[process]\n"
        f"batch_size = {BATCH_SIZE}\n"
        'task_runner = "dask"\n'
        f'dask_address = "{dask_cluster}"\n'
    )
    dask_settings = Settings.model_validate(
        {"data_dir": str(data), "process": {"batch_size": BATCH_SIZE}}
    )
    plain_settings = Settings.model_validate(
        {"data_dir": str(tmp_path / "plain-data"), "process": {"batch_size": BATCH_SIZE}}
    )
    _landing(dask_settings)
    _landing(plain_settings)

    done = subprocess.run(
        [sys.executable, "-c", "from jobtrends.cli import main; main()", "process"]
        + ["--config", str(config)],
        capture_output=True,
        text=True,
        env=_clean_env(),
        cwd=tmp_path,
        timeout=PROCESS_CEILING_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The workers reported to the run's own API: none started a Prefect server of its own (one
    # would outlive its worker), so nothing using the run's Prefect home is left once it exits.
    assert _processes_using(data / "prefect") == []

    # The transforms ran on the cluster: its two worker processes moved tasks through their states.
    with Client(dask_cluster, timeout=START_CEILING_S) as client:
        executed = client.run(lambda dask_worker: dask_worker.state.transition_counter)
    assert len(executed) == 2
    assert sum(executed.values()) > 0

    process_landing(plain_settings)
    dask_sums = _checksums(dask_settings)
    assert dask_sums == _checksums(plain_settings)
    with session(dask_settings, read_only=True) as con:
        # 19 records, of which the second run repeats ids 10-12: 16 postings
        assert con.execute("select count(*) from postings").fetchone() == (16,)
        assert con.execute("select count(*) from posting_skills").fetchall()[0][0] > 0
