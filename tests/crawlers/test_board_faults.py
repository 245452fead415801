"""Faults on the wire for the Remotive, Himalayas and Arbeitnow spiders, through the real engine:
429 with Retry-After, bursts of 5xx, truncated and wrong-shaped bodies, a gone feed, a page that is
gone or cut off mid-listing, endless and repeating pages; and Remotive's daily request budget."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow


def _remotive(job_id: int) -> dict[str, Any]:
    return {
        "id": job_id,
        "url": f"https://remotive.example/jobs/{job_id}",
        "title": "Data Scientist",
        "company_name": "Faulty",
        "job_type": "full_time",
        "publication_date": "2026-05-01T10:00:00",
        "candidate_required_location": "Worldwide",
        "salary": "$100k - $120k",
        "description": "<p>Python and SQL.</p>",
    }


def _himalayas(n: int) -> dict[str, Any]:
    return {
        "title": "Machine Learning Engineer",
        "companyName": "Faulty",
        "employmentType": "Full Time",
        "minSalary": None,
        "maxSalary": None,
        "currency": None,
        "salaryPeriod": "annual",
        "locationRestrictions": [],
        "description": "<p>PyTorch.</p>",
        "pubDate": 1777600000,
        "guid": f"https://himalayas.example/jobs/{n}",
    }


def _arbeitnow(n: int) -> dict[str, Any]:
    return {
        "slug": f"job-{n}",
        "company_name": "Faulty",
        "title": "AI Engineer",
        "description": "<p>LLMs.</p>",
        "remote": True,
        "url": f"https://arbeitnow.example/jobs/job-{n}",
        "tags": [],
        "job_types": [],
        "location": "Berlin",
        "created_at": 1777600000,
    }


def _page(source: str, number: int, last: int | None) -> dict[str, Any]:
    """Page `number` (1-based) of a two-job-a-page feed that ends at page `last` (None: never)."""
    more = last is None or number < last
    if source == "himalayas":
        jobs = [_himalayas(2 * number - 1), _himalayas(2 * number)]
        page: dict[str, Any] = {"totalCount": 4 if last else 10**6, "jobs": jobs}
        if more:
            page["nextCursor"] = f"c{number + 1}"
        return page
    jobs = [_arbeitnow(2 * number - 1), _arbeitnow(2 * number)]
    return {
        "data": jobs,
        "links": {"next": f"https://arbeitnow.example/?page={number + 1}" if more else None},
    }


class _Faulty(BaseHTTPRequestHandler):
    """Serves /<fault>/<the API path>; each fault misbehaves in its own way."""

    protocol_version = "HTTP/1.1"
    hits: dict[str, list[float]] = defaultdict(list)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _send(self, body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one branch per fault, on purpose
        parts = urlsplit(self.path)
        self.hits[self.path].append(time.monotonic())
        attempt = len(self.hits[self.path])
        if parts.path == "/robots.txt":
            self._send(b"not here", 404)
            return
        fault, _, api = parts.path.lstrip("/").partition("/")
        source = (
            "remotive"
            if api == "api/remote-jobs"
            else "himalayas"
            if api == "jobs/api"
            else "arbeitnow"
        )
        query = parse_qs(parts.query)
        number = (
            int(query.get("page", ["1"])[0])
            if source == "arbeitnow"
            else int(query.get("cursor", ["c1"])[0][1:])
        )
        if source == "remotive":
            body: dict[str, Any] = {"job-count": 2, "jobs": [_remotive(1), _remotive(2)]}
        else:
            body = _page(source, number, None if fault in ("endless", "budget") else 2)
        if fault == "ratelimited" and attempt == 1:
            self._send(b'{"error": "slow down"}', 429, {"Retry-After": "1"})
        elif fault == "burst" and attempt <= 2:
            self._send(b'{"error": "oops"}', 503 if attempt == 1 else 500)
        elif fault == "truncated" or (fault == "cuttrunc" and number == 2):
            self._send(json.dumps(body).encode()[:70])
        elif fault == "wrongshape":
            self._send(json.dumps({"positions": body}).encode())
        elif fault == "gone" or (fault == "cut" and number == 2):
            self._send(b'{"error": "not found"}', 404)
        elif fault == "repeating":
            self._send(json.dumps(_page(source, 1, None)).encode())
        else:
            self._send(json.dumps(body).encode())


@pytest.fixture
def faulty_server() -> Iterator[str]:
    _Faulty.hits = defaultdict(list)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Faulty)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


COMMON = ["ok", "ratelimited", "burst", "truncated", "wrongshape", "gone"]
PAGED = ["cut", "cuttrunc", "endless", "repeating", "budget"]
# (landed source ids, complete, in scope, error kinds with their fatality)
EXPECTED: dict[str, tuple[int, bool, bool, list[tuple[str, bool]]]] = {
    "ok": (4, True, True, []),
    "ratelimited": (4, True, True, []),
    "burst": (4, True, True, []),
    "truncated": (0, False, False, [("truncated_json", True)]),
    "wrongshape": (0, False, False, [("wrong_shape", True)]),
    "gone": (0, True, False, [("http_404", False)]),  # a gone feed: nothing to close, no failure
    "cut": (2, False, False, [("http_404", True)]),  # page 2 gone: page 1 kept, incomplete
    "cuttrunc": (2, False, False, [("truncated_json", True)]),
    "endless": (6, False, False, [("pagination_limit", True)]),  # JOBTRENDS_MAX_PAGES = 3
    "repeating": (2, True, True, []),  # page 2 equal to page 1: stop instead of looping
    "budget": (4, True, False, [("page_budget", False)]),  # max_pages = 2: planned, closes nothing
}


def test_every_fault_of_the_board_spiders_is_named(
    faulty_server, crawl, read_landed, tmp_path
) -> None:
    sources = []
    for source_type in ("remotive", "himalayas", "arbeitnow"):
        faults = COMMON + (PAGED if source_type != "remotive" else [])
        for fault in faults:
            entry: dict[str, Any] = {
                "type": source_type,
                "name": f"{source_type}-{fault}",
                "base_url": f"{faulty_server}/{fault}",
            }
            if fault == "budget":
                entry["max_pages"] = 2
            sources.append(entry)
    started = time.monotonic()
    manifests = {
        m["source"]: m
        for m in crawl(
            sources,
            politeness={"download_timeout_s": 5.0, "retry_times": 2},
            sets={"JOBTRENDS_RETRY_BACKOFF_S": 0.05, "JOBTRENDS_MAX_PAGES": 3},
        )
    }
    assert time.monotonic() - started < 180
    assert len(manifests) == len(sources) == 6 + 2 * 11
    for key, manifest in sorted(manifests.items()):
        source_type, _, fault = key.partition("-")
        landed_n, complete, in_scope, errors = EXPECTED[fault]
        if source_type == "remotive":
            landed_n = min(landed_n, 2)  # one response of two jobs
        records = read_landed(tmp_path / "data", manifest)
        assert len(records) == len({r["global_id"] for r in records}) == landed_n, key
        assert manifest["complete"] is complete, key
        assert manifest["scope"]["boards"] == ([source_type] if in_scope else []), key
        assert [(e["kind"], e["fatal"]) for e in manifest["errors"]] == errors, key
        assert all(e["url"].startswith(f"{faulty_server}/{fault}/") for e in manifest["errors"]), (
            key
        )
    for source_type in ("remotive", "himalayas", "arbeitnow"):
        path = {
            "remotive": "/ratelimited/api/remote-jobs",
            "himalayas": "/ratelimited/jobs/api?limit=20",
            "arbeitnow": "/ratelimited/api/job-board-api?page=1",
        }[source_type]
        waits = _Faulty.hits[path]
        assert len(waits) == 2 and waits[1] - waits[0] >= 0.9  # Retry-After: 1 was honoured
        pages = 1 if source_type == "remotive" else 2  # each page is refused once, then answered
        assert manifests[f"{source_type}-ratelimited"]["responses_by_status"]["429"] == pages
        burst = manifests[f"{source_type}-burst"]["responses_by_status"]
        assert burst["503"] == burst["500"] == pages
    # On into DuckDB: exactly the postings landed, each run's completeness, and nothing closed,
    # since no run that missed part of its feed has the feed in its scope.
    from jobtrends.config import Settings
    from pipeline.load import process_landing
    from warehouse.db import session

    settings = Settings(data_dir=tmp_path / "data")
    assert process_landing(settings).failures == []
    with session(settings, read_only=True) as con:
        loaded = dict(con.execute("select source, count(*) from postings group by all").fetchall())
        runs = dict(con.execute("select source, complete from crawl_runs").fetchall())
        closed = con.execute("select count(*) from postings where closed_at is not null").fetchone()
    assert loaded == {key: m["items_landed"] for key, m in manifests.items() if m["items_landed"]}
    assert runs == {key: m["complete"] for key, m in manifests.items()} and closed == (0,)
    cut = manifests["himalayas-cut"]["errors"][0]
    assert cut["url"].endswith("/cut/jobs/api?limit=20&cursor=c2")
    assert cut["message"] == "a later page of himalayas is gone: the feed was read incomplete"
    assert manifests["arbeitnow-cut"]["errors"][0]["url"].endswith("/cut/api/job-board-api?page=2")


def _remotive_server() -> tuple[ThreadingHTTPServer, list[str]]:
    seen: list[str] = []

    class Feed(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:
            seen.append(self.path)
            body = (
                b"User-agent: *\nAllow: /\n"
                if self.path == "/robots.txt"
                else json.dumps({"job-count": 1, "jobs": [_remotive(7)]}).encode()
            )
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def test_remotive_daily_budget_skips_the_run_that_would_pass_it(crawl, tmp_path) -> None:
    server, seen = _remotive_server()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    source = {"type": "remotive", "base_url": base, "max_requests_per_day": 3}
    try:
        first = crawl([source])[0]
        second = crawl([source])[0]
    finally:
        server.shutdown()
        server.server_close()
    # robots.txt and the feed: 2 requests; a second run would make 4 > 3 within 24 hours.
    assert first["requests"] == 2 and first["items_landed"] == 1 and first["complete"] is True
    assert seen == ["/robots.txt", "/api/remote-jobs"]
    started = datetime.fromisoformat(first["started_at"].replace("Z", "+00:00"))
    allowed = (started + timedelta(hours=24)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert second["errors"] == [
        {
            "url": None,
            "kind": "skipped",
            "message": f"skipped: rate limit (3 requests a day), next allowed at {allowed}",
            "fatal": False,
        }
    ]
    assert second["requests"] == 0 and second["items_seen"] == 0
    # Skipping is not a failure, and the run closes nothing.
    assert second["complete"] is True and second["scope"]["boards"] == []


def test_an_older_run_leaves_the_window(crawl, tmp_path) -> None:
    server, seen = _remotive_server()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    folder = tmp_path / "data" / "landing" / "remotive"
    folder.mkdir(parents=True)
    long_ago = datetime.now(UTC) - timedelta(hours=25)
    (folder / "20260101T000000Z-0000aaaa.manifest.json").write_text(
        json.dumps({"started_at": long_ago.strftime("%Y-%m-%dT%H:%M:%SZ"), "requests": 3})
    )
    try:
        manifest = crawl([{"type": "remotive", "base_url": base, "max_requests_per_day": 3}])[0]
    finally:
        server.shutdown()
        server.server_close()
    assert manifest["errors"] == [] and manifest["items_landed"] == 1
    assert seen == ["/robots.txt", "/api/remote-jobs"]
