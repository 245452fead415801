"""Faults on the wire: each crawl ends by itself, names every failure, keeps the good postings."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.slow


def _job(job_id: int, title: str) -> dict:
    return {
        "id": job_id,
        "title": title,
        "content": "&lt;p&gt;Python and SQL.&lt;/p&gt;",
        "first_published": "2026-05-01T10:00:00Z",
        "updated_at": "2026-05-02T10:00:00Z",
        "location": {"name": "Remote"},
        "absolute_url": f"https://example.org/jobs/{job_id}",
        "company_name": "Faulty",
    }


def _lever(posting_id: str) -> dict:
    return {
        "id": posting_id,
        "text": "Data Scientist",
        "createdAt": 1767225600000,
        "categories": {"location": "Oslo"},
        "descriptionPlain": "Forecasting.",
        "lists": [],
        "additionalPlain": "",
        "hostedUrl": f"https://example.org/{posting_id}",
    }


class _Faulty(BaseHTTPRequestHandler):
    """Misbehaves on command, by path; remembers when each path was asked for."""

    protocol_version = "HTTP/1.1"
    hits: dict[str, list[float]] = defaultdict(list)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def _json(
        self, payload: object, status: int = 200, headers: dict[str, str] | None = None
    ) -> None:
        self._send(json.dumps(payload).encode(), status, "application/json", headers)

    def _send(
        self, body: bytes, status: int, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one branch per fault, on purpose
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        self.hits[path].append(time.monotonic())
        attempt = len(self.hits[path])
        board = path.split("/")[3] if path.startswith(("/v1/boards/", "/v0/postings/")) else ""
        if path == "/robots.txt":
            self._send(b"not here", 404, "text/plain")
        elif board == "ok":
            self._json({"jobs": [_job(1, "Data Scientist"), _job(2, "Machine Learning Engineer")]})
        elif board == "dupe":
            self._json({"jobs": [_job(1, "Data Scientist")]})
        elif board == "ratelimited":
            if attempt == 1:
                self._json({"error": "slow down"}, 429, {"Retry-After": "1"})
            else:
                self._json({"jobs": [_job(3, "Backend Engineer")]})
        elif board == "burst":
            if attempt <= 2:
                self._json({"error": "oops"}, 503 if attempt == 1 else 500)
            else:
                self._json({"jobs": [_job(4, "AI Engineer")]})
        elif board == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif board == "slow":
            time.sleep(2.5)
            self._json({"jobs": [_job(5, "Too Late")]})
        elif board == "truncated":
            self._send(
                json.dumps({"jobs": [_job(6, "Cut")]}).encode()[:60], 200, "application/json"
            )
        elif board == "html":
            self._send(
                b"<!doctype html><html><body><h1>Service unavailable</h1></body></html>",
                200,
                "text/html",
            )
        elif board == "badutf8":
            self._send(b'{"jobs": [{"id": 7, "title": "\xff\xfe"}]}', 200, "application/json")
        elif board == "empty":
            self._json({"jobs": [], "meta": {"total": 0}})
        elif board == "wrongshape":
            self._json({"positions": [_job(8, "Elsewhere")]})
        elif board == "repeating":
            self._json([_lever(f"r{n}") for n in range(100)])
        elif board == "endless":
            skip = int(query.get("skip", ["0"])[0])
            self._json([_lever(f"e{skip + n}") for n in range(100)])
        elif path == "/api/v1/search_by_date":
            # No nbPages here: only the repeated page can end the listing.
            self._json(
                {
                    "hits": [{"objectID": "900", "title": "Ask HN: Who is hiring? (May 2026)"}],
                    "page": 0,
                }
            )
        elif path == "/api/v1/items/900":
            self._json(
                {
                    "id": 900,
                    "title": "Ask HN: Who is hiring? (May 2026)",
                    "children": [
                        {
                            "id": 901,
                            "type": "comment",
                            "author": "a",
                            "text": "Acme | Data Scientist | Oslo",
                            "created_at_i": 1777700000,
                            "children": [],
                        }
                    ],
                }
            )
        else:
            self._json({"error": "no such board"}, 404)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the reset board breaks its own connection on purpose


@pytest.fixture
def faulty_server() -> Iterator[str]:
    _Faulty.hits = defaultdict(list)
    server = _QuietServer(("127.0.0.1", 0), _Faulty)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


BOARDS = [
    "ok",
    "dupe",
    "ratelimited",
    "burst",
    "reset",
    "slow",
    "truncated",
    "html",
    "badutf8",
    "empty",
    "wrongshape",
    "gone",
]


def test_every_fault_is_named_and_good_postings_kept(
    faulty_server, crawl, read_landed, tmp_path
) -> None:
    sources = [
        {"type": "greenhouse", "base_url": faulty_server, "boards": BOARDS},
        {"type": "lever", "base_url": faulty_server, "boards": ["repeating", "endless"]},
        {"type": "hn_whoishiring", "base_url": faulty_server},
    ]
    started = time.monotonic()
    manifests = {
        m["source"]: m
        for m in crawl(
            sources,
            politeness={"download_timeout_s": 1.0, "retry_times": 2},
            sets={"JOBTRENDS_RETRY_BACKOFF_S": 0.05, "JOBTRENDS_MAX_PAGES": 3},
        )
    }
    assert time.monotonic() - started < 90

    greenhouse = manifests["greenhouse"]
    kinds = {e["url"].split("/")[5]: e["kind"] for e in greenhouse["errors"]}
    assert kinds == {
        "reset": "connection",
        "slow": "timeout",
        "truncated": "truncated_json",
        "html": "html_instead_of_json",
        "badutf8": "invalid_utf8",
        "wrongshape": "wrong_shape",
        "gone": "http_404",
    }
    assert [e["fatal"] for e in greenhouse["errors"] if e["kind"] == "http_404"] == [False]
    assert greenhouse["complete"] is False
    records = read_landed(tmp_path / "data", greenhouse)
    assert sorted(r["source_id"] for r in records) == ["1", "2", "3", "4"]  # ok, ratelimited, burst
    assert greenhouse["duplicates_in_run"] == 1 and greenhouse["items_seen"] == 4
    assert greenhouse["scope"]["boards"] == ["burst", "dupe", "empty", "ok", "ratelimited"]
    assert (
        greenhouse["responses_by_status"]["429"] == 1
        and greenhouse["responses_by_status"]["404"] >= 2
    )
    assert (
        greenhouse["responses_by_status"]["503"] == 1
        and greenhouse["responses_by_status"]["500"] == 1
    )
    waits = _Faulty.hits["/v1/boards/ratelimited/jobs"]
    assert len(waits) == 2 and waits[1] - waits[0] >= 0.9  # Retry-After: 1 was honoured
    assert len(_Faulty.hits["/v1/boards/slow/jobs"]) == 3  # first try and two retries

    lever = manifests["lever"]
    assert [(e["kind"], "endless" in e["url"]) for e in lever["errors"]] == [
        ("pagination_limit", True)
    ]
    lever_ids = [r["source_id"] for r in read_landed(tmp_path / "data", lever)]
    assert (
        len(lever_ids) == len(set(lever_ids)) == 400
    )  # 100 repeating (page 2 equal: stop) + 3 x 100 endless
    assert lever["scope"]["boards"] == ["repeating"] and lever["complete"] is False

    hn = manifests["hn_whoishiring"]
    assert hn["complete"] is True and hn["items_seen"] == 1
    assert len(_Faulty.hits["/api/v1/search_by_date"]) == 2  # the repeated page ended the listing
