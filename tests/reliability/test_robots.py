"""robots.txt as RFC 9309 reads it, against a local server: 5xx, timeout and a refused connection
disallow the host, 4xx allows it, a rule is obeyed by every request that waited for it, and a
failure is not remembered by the next run."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from fault_server import (
    FaultServer,
    always,
    greenhouse_board,
    greenhouse_job,
    ok,
    slow,
    stall_until_released,
)
from reliability_helpers import landed, manifests_of, run_crawl, write_config

from jobtrends import __version__

pytestmark = pytest.mark.slow  # each case runs a crawl subprocess

GH = "/v1/boards/{}/jobs"
BOARDS = [f"b{i:02d}" for i in range(12)]


def _routes() -> dict[str, Any]:
    return {
        GH.format(board): ok(greenhouse_board(greenhouse_job(100 + i, "Data Scientist")))
        for i, board in enumerate(BOARDS)
    }


def _crawl(
    tmp_path: Path, base_url: str, *, politeness: dict[str, Any], sets: dict[str, Any]
) -> dict[str, Any]:
    data = tmp_path / "data"
    config = write_config(
        tmp_path / f"robots-{len(list(tmp_path.glob('robots-*.toml')))}.toml",
        data,
        [{"type": "greenhouse", "base_url": base_url, "boards": BOARDS}],
        politeness={"retry_times": 1, **politeness},
    )
    done = run_crawl(
        config, ["greenhouse"], sets={"JOBTRENDS_RETRY_BACKOFF_S": 0.05, **sets}, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return manifests_of(data)["greenhouse"]


def _board_requests(server: FaultServer) -> int:
    return sum(server.count(GH.format(board)) for board in BOARDS)


def _assert_host_skipped(manifest: dict[str, Any], reason: str) -> None:
    assert manifest["complete"] is False
    assert manifest["items_seen"] == 0 and manifest["scope"]["boards"] == []
    assert manifest["skipped_boards"] == dict.fromkeys(BOARDS, reason)
    assert sorted(e["kind"] for e in manifest["errors"]) == ["robots_unreachable"] * len(BOARDS)
    assert all(e["message"].startswith(reason + " (http://") for e in manifest["errors"])
    assert manifest["errors_by_kind"]["robots_unreachable"]["count"] == len(BOARDS)


def test_a_robots_txt_answering_503_disallows_the_host_and_the_next_run_asks_again(
    tmp_path: Path,
) -> None:
    routes = {**_routes(), "/robots.txt": always(503)}
    with FaultServer(routes=routes) as server:
        first = _crawl(tmp_path, server.base_url, politeness={}, sets={})
        assert server.count("/robots.txt") == 2  # the first try and one retry
        assert _board_requests(server) == 0
        _assert_host_skipped(first, "robots.txt unreachable: 503")

        # The server recovers: the next run reads robots.txt again and crawls every board.
        routes["/robots.txt"] = ok(b"User-agent: *\nAllow: /\n", "text/plain")
        second = _crawl(tmp_path, server.base_url, politeness={}, sets={})
        assert server.count("/robots.txt") == 3
        assert _board_requests(server) == len(BOARDS)
    assert second["errors"] == [] and second["complete"] is True
    assert second["skipped_boards"] == {} and sorted(second["scope"]["boards"]) == BOARDS
    assert len(landed(tmp_path / "data", second)) == len(BOARDS)


def test_a_robots_txt_that_never_answers_disallows_the_host(tmp_path: Path) -> None:
    routes = {**_routes(), "/robots.txt": stall_until_released(b"User-agent: *\nAllow: /\n")}
    with FaultServer(routes=routes) as server:
        # robots.txt never answers while the crawl runs, so the timeout's length decides nothing.
        manifest = _crawl(
            tmp_path,
            server.base_url,
            politeness={"retry_times": 0},
            sets={"JOBTRENDS_ROBOTS_TIMEOUT_S": 1.0},
        )
        assert server.count("/robots.txt") == 1
        assert _board_requests(server) == 0
    _assert_host_skipped(manifest, "robots.txt unreachable: timeout")


def test_a_host_that_refuses_connections_is_named_as_robots_unreachable(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    manifest = _crawl(tmp_path, f"http://127.0.0.1:{port}", politeness={"retry_times": 0}, sets={})
    _assert_host_skipped(manifest, "robots.txt unreachable: connection failed")


def test_a_robots_txt_answering_404_allows_every_path(tmp_path: Path) -> None:
    routes = {**_routes(), "/robots.txt": always(404)}
    with FaultServer(routes=routes) as server:
        manifest = _crawl(
            tmp_path, server.base_url, politeness={"contact": "crawler@example.org"}, sets={}
        )
        assert server.count("/robots.txt") == 1  # a 4xx is an answer: not retried
        assert _board_requests(server) == len(BOARDS)
        # Every request, robots.txt included, names the project and the operator's contact.
        agents = {entry.headers.get("user-agent") for entry in server.log}
    assert agents == {f"jobtrends/{__version__} (+mailto:crawler@example.org)"}
    assert manifest["complete"] is True and manifest["errors"] == []
    assert sorted(manifest["scope"]["boards"]) == BOARDS


def test_every_request_waiting_for_robots_txt_obeys_its_rules(tmp_path: Path) -> None:
    """Twelve boards wait for one robots.txt that answers late; the six it disallows are never
    fetched (Scrapy 2.19 let all but the first waiting request through)."""
    disallowed = BOARDS[1::2]
    robots = "User-agent: *\n" + "".join(f"Disallow: /v1/boards/{b}/\n" for b in disallowed)
    # The late answer lets every board's request reach the middleware first; the assertions
    # below hold however late or early it comes.
    routes = {**_routes(), "/robots.txt": slow(0.5, robots.encode())}
    with FaultServer(routes=routes) as server:
        manifest = _crawl(
            tmp_path,
            server.base_url,
            politeness={"concurrent_requests": 16, "download_timeout_s": 30.0},
            sets={},
        )
        fetched = sorted(b for b in BOARDS if server.count(GH.format(b)))
        assert server.count("/robots.txt") == 1
    allowed = sorted(set(BOARDS) - set(disallowed))
    assert fetched == allowed
    assert sorted(manifest["scope"]["boards"]) == allowed
    assert manifest["skipped_boards"] == dict.fromkeys(disallowed, "disallowed by robots.txt")
    assert sorted(e["kind"] for e in manifest["errors"]) == ["robots_disallowed"] * 6
