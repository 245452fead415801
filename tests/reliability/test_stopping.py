"""SIGINT, SIGTERM and SIGKILL at every stage: a quick stop, one line, no child left behind.

Each case drives a real `jobtrends` command in its own process group, waits for the stage it
wants from the command's output, sends the signal to the pid or to the whole group (as Ctrl-C,
`timeout`, `kill -- -PGID` and systemd do), and checks the exit status (130 or 143), the one
line saying what was kept, the time from the signal to the exit, and that every process the
command had started is gone.
"""

from __future__ import annotations

import json
import shutil
import signal
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from fault_server import FaultServer, greenhouse_board, greenhouse_job, ok, stall_until_released
from reliability_helpers import (
    PYTHON,
    ROOT,
    reuse_prefect_state,
    sample_records,
    write_config,
    write_landing,
)
from stop_helpers import (
    EXIT,
    ORPHAN_CEILING_S,
    STOP_CEILING_S,
    WORD,
    Driven,
    alive,
    jobtrends_env,
    stop,
    wait_gone,
)

from jobtrends.config import Settings, load_settings
from jobtrends.demo import demo_data_dir
from warehouse.db import session

pytestmark = pytest.mark.slow

POSTINGS = 600
SEED = 5
# Big enough that generating it takes seconds, so the signal lands while it is written.
GENERATE_POSTINGS = 6000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated demo corpus, copied into each demo's data directory."""
    from jobtrends.generate import generate_corpus

    out = tmp_path_factory.mktemp("corpus") / "corpus"
    generate_corpus(out, postings=POSTINGS, seed=SEED)
    return out


# A demo stopped after its crawl needs a crawl that ends, not every source the generated corpus
# holds: three sources are one round of the crawl's parallel spiders (the full corpus takes five).
SOURCES_BEFORE_LATER_STAGES = ("hn-algolia", "greenhouse", "remotive")


@pytest.fixture(scope="module")
def short_crawl_corpus(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated corpus with three of its sources, for the stages after the crawl."""
    out = tmp_path_factory.mktemp("short-crawl") / "corpus"
    out.mkdir()
    shutil.copy2(corpus / "generated.json", out / "generated.json")
    for name in SOURCES_BEFORE_LATER_STAGES:
        shutil.copytree(corpus / name, out / name)
    return out


def _demo(tmp_path: Path, corpus: Path | None, prefect_state: Path) -> tuple[Driven, Path]:
    data = reuse_prefect_state(tmp_path / "data", prefect_state)
    if corpus is not None:
        shutil.copytree(corpus, data / "corpus")
    postings = POSTINGS if corpus is not None else GENERATE_POSTINGS
    args = ["demo", "--postings", str(postings), "--seed", str(SEED)]
    demo_dir = demo_data_dir(Settings(data_dir=data), None, postings, SEED)
    return Driven(args, jobtrends_env(data)), demo_dir


def _manifests(landing: Path) -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(landing.glob("*/*.manifest.json"))
    ]


def _aborted(manifest: dict[str, Any]) -> bool:
    return any(error.get("kind") == "aborted" for error in manifest.get("errors", []))


# (stage, the output line that shows the stage has begun, signal, sent to the whole group?)
DEMO_CASES = [
    ("generate", r"^generate: writing", signal.SIGINT, True),
    ("crawl", r"^crawl: starting", signal.SIGTERM, False),
    # the last source done, however many the generated corpus holds
    ("after crawl", r"^crawl: (\d+)/\1 sources", signal.SIGINT, False),
    ("process", r"^process: 0/", signal.SIGTERM, True),
    ("report", r"^report: building", signal.SIGINT, True),
]


@pytest.mark.parametrize(
    ("stage", "shows", "signum", "to_group"), DEMO_CASES, ids=[c[0] for c in DEMO_CASES]
)
def test_a_signal_stops_the_demo_at_each_stage(
    tmp_path: Path,
    corpus: Path,
    short_crawl_corpus: Path,
    prefect_state: Path,
    stage: str,
    shows: str,
    signum: int,
    to_group: bool,
) -> None:
    replayed = {"generate": None, "crawl": corpus}.get(stage, short_crawl_corpus)
    driven, demo_dir = _demo(tmp_path, replayed, prefect_state)
    try:
        driven.wait_for(shows)
        if stage == "crawl":
            # the spiders are running: they must be told to stop, not left to finish
            driven.wait_until(lambda: driven.has_child("crawlers.run"), "a spider process")
        stopped = stop(driven, signum, to_group)
    finally:
        driven.kill()
    assert stopped.code == EXIT[signum], driven.output()[-3000:]
    assert stopped.seconds <= STOP_CEILING_S, stopped
    assert stopped.leftovers == [], stopped
    assert stopped.line.startswith(WORD[signum])
    if stage == "after crawl":
        # the interrupt used to be swallowed here: the demo ran on and exited 0
        assert stopped.stage in ("crawl", "jobtrends", "process"), stopped.line
        assert not list(demo_dir.glob("reports/*/report.html"))
    else:
        assert stopped.stage == stage, stopped.line
    if stage == "crawl":
        manifests = _manifests(demo_dir / "landing")
        # every run that ended has its manifest, complete or saying it was aborted
        assert all(m["complete"] or _aborted(m) for m in manifests), manifests
        landed = sorted(p for p in (demo_dir / "landing").glob("*/*.jsonl.gz"))
        assert len(landed) == len(manifests)
    if stage == "process":
        with session(Settings(data_dir=demo_dir), read_only=True) as con:
            states = con.execute("select state from process_runs").fetchall()
        assert states == [("failed",)]  # recorded as ended, never left 'running'


def _stalled_crawl(server: FaultServer, tmp_path: Path, prefect_state: Path) -> Path:
    """A config crawling two Greenhouse boards, the second of which never answers."""
    sources = [{"type": "greenhouse", "base_url": server.base_url, "boards": ["first", "late"]}]
    return write_config(
        tmp_path / "crawl.toml",
        reuse_prefect_state(tmp_path / "data", prefect_state),
        sources,
        # Scrapy's own graceful stop would wait this long for the stalled response
        politeness={"download_timeout_s": 60.0},
    )


FIRST = greenhouse_board(
    *(
        greenhouse_job(100 + i, title)
        for i, title in enumerate(["Machine Learning Engineer", "Data Scientist", "AI Engineer"])
    )
)
LATE = greenhouse_board(greenhouse_job(200, "Data Scientist II"))
ROUTES = {"/v1/boards/first/jobs": ok(FIRST), "/v1/boards/late/jobs": stall_until_released(LATE)}


def _wait_for_the_stall(driven: Driven, server: FaultServer) -> None:
    driven.wait_until(
        lambda: (
            server.count("/v1/boards/late/jobs") == 1 and server.count("/v1/boards/first/jobs") == 1
        ),
        "the stalled request",
    )


@pytest.mark.parametrize(
    ("command", "signum", "to_group"),
    [("crawl", signal.SIGTERM, True), ("run", signal.SIGINT, False)],
)
def test_a_signal_stops_a_crawl_waiting_on_a_stalled_response(
    tmp_path: Path, prefect_state: Path, command: str, signum: int, to_group: bool
) -> None:
    """The spider is told to stop and closes its run as aborted, keeping the postings it had."""
    with FaultServer(routes=dict(ROUTES)) as server:
        config = _stalled_crawl(server, tmp_path, prefect_state)
        driven = Driven([command, "--config", str(config)], jobtrends_env(tmp_path / "data"))
        try:
            _wait_for_the_stall(driven, server)
            stopped = stop(driven, signum, to_group)
        finally:
            driven.kill()
    assert stopped.code == EXIT[signum], driven.output()[-3000:]
    assert stopped.seconds <= STOP_CEILING_S, stopped
    assert stopped.leftovers == [], stopped
    assert stopped.stage == "crawl", stopped.line
    assert "1 running spider(s) stopped (their manifests say aborted)" in stopped.line
    (manifest,) = _manifests(tmp_path / "data" / "landing")
    assert _aborted(manifest) and not manifest["complete"]
    assert manifest["items_landed"] == 3  # the first board's postings are kept
    assert manifest["scope"]["boards"] == ["first"]  # the stalled board closes nothing


def test_sigkill_leaves_no_child_running(tmp_path: Path, prefect_state: Path) -> None:
    """The spider and Prefect's server notice their parent is gone and stop themselves."""
    with FaultServer(routes=dict(ROUTES)) as server:
        config = _stalled_crawl(server, tmp_path, prefect_state)
        driven = Driven(["crawl", "--config", str(config)], jobtrends_env(tmp_path / "data"))
        try:
            _wait_for_the_stall(driven, server)
            children = driven.descendants()
            names = [" ".join(c.cmdline()) for c in children]
            assert any("crawlers.run" in n for n in names) and any("uvicorn" in n for n in names)
            driven.send(signal.SIGKILL, to_group=False)
            _, ended = driven.wait(timeout=60)
            leftovers = wait_gone(children, ORPHAN_CEILING_S)
            gone_after = time.monotonic() - ended
        finally:
            driven.kill()
    print(f"measured: children gone {gone_after:.2f} s after the SIGKILL of their parent")
    assert leftovers == [], names
    assert gone_after <= ORPHAN_CEILING_S
    # the orphaned spider stopped as on SIGTERM: its run is closed as aborted
    (manifest,) = _manifests(tmp_path / "data" / "landing")
    assert _aborted(manifest) and manifest["items_landed"] == 3


@pytest.fixture
def landing(tmp_path: Path, prefect_state: Path) -> Path:
    """A config whose landing zone holds 1,000 postings in 50 batches of 20."""
    data = reuse_prefect_state(tmp_path / "data", prefect_state)
    write_landing(
        data, "20260402T030000Z-0000beef", sample_records(1000, "20260402T030000Z-0000beef")
    )
    return write_config(tmp_path / "c.toml", data, process={"batch_size": 20})


def test_a_signal_stops_process(landing: Path) -> None:
    settings = load_settings(landing)
    driven = Driven(["process", "--config", str(landing)], jobtrends_env(settings.data_dir))
    try:
        driven.wait_for(r"^process: 0/")
        stopped = stop(driven, signal.SIGINT, to_group=True)
    finally:
        driven.kill()
    assert (stopped.code, stopped.stage, stopped.leftovers) == (130, "process", [])
    assert stopped.seconds <= STOP_CEILING_S, stopped
    with session(settings, read_only=True) as con:
        assert con.execute("select state from process_runs").fetchall() == [("failed",)]


def test_a_signal_stops_report(landing: Path) -> None:
    from pipeline.load import process_landing

    settings = load_settings(landing)
    process_landing(settings)
    driven = Driven(["report", "--config", str(landing)], jobtrends_env(settings.data_dir))
    try:
        driven.wait_for(r"^report: building")
        stopped = stop(driven, signal.SIGTERM, to_group=False)
    finally:
        driven.kill()
    assert (stopped.code, stopped.stage, stopped.leftovers) == (143, "report", [])
    assert stopped.seconds <= STOP_CEILING_S, stopped
    assert not list(settings.reports_dir.glob("*/report.html"))


def test_a_killed_process_run_is_marked_crashed(landing: Path) -> None:
    """`status` shows the run killed mid-load as crashed, and the next run records it so."""
    settings = load_settings(landing)
    env = jobtrends_env(settings.data_dir, PREFECT_API_URL="http://127.0.0.1:9/api")
    driven = Driven(["process", "--config", str(landing)], jobtrends_env(settings.data_dir))
    try:
        driven.wait_for(r"^process: 0/")
        children = driven.descendants()
        driven.send(signal.SIGKILL, to_group=False)
        driven.wait(timeout=60)
        assert wait_gone(children, ORPHAN_CEILING_S) == []
    finally:
        driven.kill()
    status = Driven(["status", "--config", str(landing)], env)
    assert status.wait(timeout=120)[0] == 0, status.output()
    process_runs = status.output("stdout").split("last process runs:")[1].strip().splitlines()
    assert process_runs[1].split()[1] == "crashed", status.output()
    again = Driven(["process", "--config", str(landing)], jobtrends_env(settings.data_dir))
    assert again.wait(timeout=600)[0] == 0, again.output()[-3000:]
    with session(settings, read_only=True) as con:
        states = con.execute("select state from process_runs order by started_at").fetchall()
    assert states == [("crashed",), ("completed",)]


SLEEPER = "import time\ntime.sleep(600)\n"
PARENT = textwrap.dedent(
    """
    import sys, time
    from jobtrends import children
    child = children.spawn(children.module_command("sleeper", []), name="sleeper")
    print(child.pid, flush=True)
    time.sleep(600)
    """
)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_child_outlives_no_parent(tmp_path: Path, signum: int) -> None:
    """Whatever ends the parent, its child (own session, so no group signal) ends within seconds."""
    import os
    import subprocess

    import psutil

    (tmp_path / "sleeper.py").write_text(SLEEPER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{tmp_path}"}
    parent = subprocess.Popen(
        [PYTHON, "-c", PARENT], env=env, stdout=subprocess.PIPE, text=True, cwd=tmp_path
    )
    try:
        assert parent.stdout is not None
        child = psutil.Process(int(parent.stdout.readline()))
        assert os.getsid(child.pid) == child.pid != os.getsid(parent.pid)
        parent.send_signal(signum)
        parent.wait(timeout=30)
        ended = time.monotonic()
        assert wait_gone([child], ORPHAN_CEILING_S) == []
        assert time.monotonic() - ended <= ORPHAN_CEILING_S
    finally:
        parent.kill()
        for process in psutil.Process().children(recursive=True):
            if alive(process) and "sleeper" in " ".join(process.cmdline()):
                process.kill()


def test_the_stop_line_names_the_stage_and_what_was_kept() -> None:
    from jobtrends import children, stopping

    stopping._state.stage_at_signal = "crawl"
    report = children.StopReport(stopped=["spider greenhouse", "prefect-server"], killed=[])
    assert stopping.message(signal.SIGTERM, report) == (
        "terminated during crawl: postings landed so far are kept, "
        "1 running spider(s) stopped (their manifests say aborted)"
    )
    stopping._state.stage_at_signal = "process"
    assert stopping.message(signal.SIGINT) == (
        "interrupted during process: landing files loaded so far are kept and the open one was rolled back"
    )
    stopping._state.stage_at_signal = ""
    assert stopping.message(signal.SIGINT) == (
        "interrupted: no crawl, process or report stage was running; nothing is left half-written"
    )
    assert sys.modules["jobtrends.stopping"].STOP_DEADLINE_S + stopping.HARD_EXIT_WAIT_S < 5


HANDED_OVER = textwrap.dedent(
    """
    import os, signal, time
    from jobtrends import stopping
    stopping.install()
    received = []
    signal.signal(signal.SIGTERM, lambda signum, frame: received.append(signum))
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(stopping.STOP_DEADLINE_S + 1.5)
    print(received, stopping.requested(), flush=True)
    """
)


def test_a_signal_handed_to_another_handler_is_left_to_it() -> None:
    """`jobtrends serve` gives SIGTERM to Prefect's runner, whose flow runs signal their group."""
    import subprocess

    done = subprocess.run(
        [PYTHON, "-c", HANDED_OVER], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout.strip()) == (0, "[15] None"), done.stderr


def test_prefects_flow_engine_bridge_counts_as_ours() -> None:
    """While a flow runs, Prefect holds SIGTERM and passes it back to ours after unwinding; the
    stop must begin at the signal all the same (spiders told at once, the deadline armed)."""
    from prefect.utilities.engine import (
        _prefect_sigterm_handler,  # the handler capture_sigterm installs
    )

    from jobtrends import stopping

    assert stopping._ours(_prefect_sigterm_handler)
    assert stopping._ours(stopping._handler)
    assert not stopping._ours(signal.default_int_handler) and not stopping._ours(signal.SIG_DFL)
