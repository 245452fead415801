"""Integration: a real Prefect server, `jobtrends serve` with the deployments, a run triggered with
run_deployment against the replay server of a small generated corpus; then the warehouse rows and
the report files. Everything started here is stopped here."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from jobtrends.config import Settings
from jobtrends.generate import generate_corpus
from jobtrends.replay import source_config, start_replay_server
from pipeline.flows.common import settings_toml
from warehouse.db import session

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
POSTINGS = 400
SEED = 5
TRIGGER = """
import sys
from prefect.deployments import run_deployment
run = run_deployment("jobtrends/on-demand", timeout=float(sys.argv[1]))
print(run.state.type.value)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_healthy(api_url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the Prefect server exited with status {process.returncode}")
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"no Prefect server at {api_url} after {timeout_s} s")


@pytest.fixture
def prefect_server(tmp_path: Path, prefect_state: Path) -> Iterator[dict[str, str]]:
    """A Prefect server subprocess on a free port, its state in tmp_path; yields the client env."""
    import shutil

    port = _free_port()
    # the database of a Prefect home used before (created and migrated), as a running site has
    shutil.copytree(prefect_state, tmp_path / "prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "JOBTRENDS_"))}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    log = open(tmp_path / "server.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    api_url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(api_url, server, 240)
        yield {**env, "PREFECT_API_URL": api_url}
    finally:
        _stop(server)
        log.close()


def test_served_deployment_runs_the_whole_pipeline(
    prefect_server: dict[str, str], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, postings=POSTINGS, seed=SEED)
    truth = json.loads((corpus / "generated.json").read_text(encoding="utf-8"))
    with start_replay_server(corpus) as replay:
        settings = Settings.model_validate(
            {
                "data_dir": str(tmp_path / "data"),
                "sources": source_config(corpus, replay.base_url),
                "politeness": {
                    "download_delay_s": 0,
                    "autothrottle": False,
                    "concurrent_requests_per_domain": 16,
                },
                "report": {"bootstrap_samples": 20},
            }
        )
        config = tmp_path / "jobtrends.toml"
        config.write_text(settings_toml(settings), encoding="utf-8")
        serve_log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115 - closed below
        serve = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from jobtrends.cli import main; main()",
                "serve",
                "--config",
                str(config),
            ],
            env=prefect_server,
            cwd=ROOT,
            stdout=serve_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 240
            while True:
                response = httpx.post(
                    f"{prefect_server['PREFECT_API_URL']}/deployments/filter", json={}, timeout=5
                )
                names = {d["name"] for d in response.json()}
                if {"scheduled", "on-demand"} <= names:
                    break
                assert serve.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "the deployments were not registered"
                time.sleep(1)
            deployments = response.json()
            crons = sorted(
                s["schedule"]["cron"] for d in deployments for s in d.get("schedules", [])
            )
            assert crons == sorted(
                [settings.schedules.crawl, settings.schedules.process, settings.schedules.report]
            )

            triggered = subprocess.run(
                [sys.executable, "-c", TRIGGER, "900"],
                env=prefect_server,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=960,
                check=False,
            )
            assert triggered.returncode == 0, triggered.stderr[-3000:]
            assert triggered.stdout.strip().splitlines()[-1] == "COMPLETED", (
                tmp_path / "serve.log"
            ).read_text()[-3000:]
        finally:
            _stop(serve)
            serve_log.close()

    with session(settings, read_only=True) as con:
        seen = dict(
            con.execute(
                "select source, sum(postings_seen)::int from source_months group by source"
            ).fetchall()
        )
        runs = con.execute("select state, failures from process_runs").fetchall()
        crawls = con.execute("select source, complete from crawl_runs order by source").fetchall()
    assert seen == {
        s: sum(v["seen"] for v in months.values()) for s, months in truth["sources"].items()
    }
    assert runs == [("completed", 0)]
    assert sorted(s for s, _ in crawls) == sorted(truth["sources"]) and all(c for _, c in crawls)
    reports = sorted(p.parent.name for p in settings.reports_dir.glob("*/report.html"))
    # the month's report and, beside it, the history report of the whole series
    assert len(reports) == 2 and reports[1] == "history", reports
    assert all((settings.reports_dir / r / "report.pdf").is_file() for r in reports)
    assert (settings.reports_dir / "index.html").is_file()
