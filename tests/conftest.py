"""Fixtures shared by every test package."""

from __future__ import annotations

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
