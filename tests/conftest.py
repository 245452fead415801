"""Fixtures shared by every test package."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared reference material beside the checkout; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(
            "../shared is absent: the recorded corpus and labelled sets are not available here"
        )
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The project's own recorded responses, written in each API's documented shape."""
    return FIXTURES


@pytest.fixture(scope="session")
def replay_server(fixtures_dir: Path):
    """A replay server (127.0.0.1, free port) over the project's small test corpus."""
    from jobtrends.replay import start_replay_server

    with start_replay_server(fixtures_dir / "corpus") as server:
        yield server


# Start Prefect's API server on a data dir, as any jobtrends command does, and stop it cleanly.
_FIRST_PREFECT_START = """
import sys
from pathlib import Path
from jobtrends.config import Settings
from pipeline.flows.env import configure_prefect
configure_prefect(Settings(data_dir=Path(sys.argv[1])))
from prefect.client.orchestration import get_client
with get_client(sync_client=True) as client:
    client.api_healthcheck()
from prefect.server.api.server import SubprocessASGIServer
for server in list(SubprocessASGIServer._instances.values()):
    server.stop()
"""


@pytest.fixture(scope="session")
def prefect_state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Prefect's state folder of a data dir that has run a command before, to copy into others.

    A command on a new data dir first creates Prefect's database; tests whose subject is not the
    first run start from a data dir used before, as on a machine that has run jobtrends already.
    """
    data_dir = tmp_path_factory.mktemp("used") / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOBTRENDS_", "PREFECT_"))}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PREFECT_START, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    state = data_dir / "prefect"
    # one self-contained database file: what the server left in its write-ahead log goes in
    with contextlib.closing(sqlite3.connect(state / "prefect.db")) as db:
        db.execute("pragma wal_checkpoint(truncate)")
    return state


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop Prefect's temporary API servers while pytest's output streams are still open.

    Prefect stops them at interpreter exit, when its log line about it meets a closed stream and
    prints a "Logging error" traceback under the test summary.
    """
    import sys

    server_module = sys.modules.get("prefect.server.api.server")
    if server_module is None:
        return
    for server in list(server_module.SubprocessASGIServer._instances.values()):
        server.stop()
