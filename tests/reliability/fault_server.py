"""A local HTTP server on 127.0.0.1 that misbehaves on command, path by path, and logs requests."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

HOST = "127.0.0.1"
USER_AGENT = "jobtrends-reliability/1.0 (+https://example.org/jobtrends-tests)"


def greenhouse_job(
    job_id: int, title: str, content: str = "<p>Python and SQL.</p>"
) -> dict[str, Any]:
    """A job in the Greenhouse job-board API shape (content=true: HTML entity-escaped once)."""
    escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return {
        "id": job_id,
        "title": title,
        "absolute_url": f"https://boards.example.org/jobs/{job_id}",
        "location": {"name": "Remote"},
        "updated_at": "2026-04-02T10:00:00-04:00",
        "first_published": "2026-04-01T10:00:00-04:00",
        "requisition_id": f"R{job_id}",
        "company_name": "Faultline",
        "metadata": None,
        "content": escaped,
    }


def greenhouse_board(*jobs: dict[str, Any]) -> bytes:
    """A Greenhouse board response body."""
    return json.dumps({"jobs": list(jobs), "meta": {"total": len(jobs)}}).encode("utf-8")


def lever_posting(posting_id: str, title: str) -> dict[str, Any]:
    """A posting in the Lever postings API shape (mode=json)."""
    return {
        "id": posting_id,
        "text": title,
        "hostedUrl": f"https://jobs.example.org/lever/{posting_id}",
        "createdAt": 1775037600000,
        "categories": {"location": "Berlin", "commitment": "Full-time", "team": "ML"},
        "workplaceType": "hybrid",
        "description": "<p>PyTorch and Kubernetes.</p>",
        "descriptionPlain": "PyTorch and Kubernetes.",
        "lists": [],
        "additional": "",
        "additionalPlain": "",
    }


@dataclass
class Logged:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    at: float


Handler = Callable[["FaultHandler", int], None]


@dataclass
class FaultServer:
    """A threaded server whose answers are set per path (without the query) in `routes`.

    Each route gets the handler and the number of earlier requests for that path, so a route can
    fail the first N times and then answer. `robots` is served at /robots.txt unless a route for
    /robots.txt is set (to make robots.txt itself misbehave).
    """

    routes: dict[str, Handler] = field(default_factory=dict)
    robots: str = "User-agent: *\nAllow: /\n"
    log: list[Logged] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        handler = type("_Bound", (FaultHandler,), {"owner": self})
        self._server = ThreadingHTTPServer((HOST, 0), handler)
        self._server.daemon_threads = True
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        """The address the listening socket is bound to."""
        host, port = self._server.socket.getsockname()[:2]
        return host, port

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:<port>"""
        return f"http://{HOST}:{self.address[1]}"

    def count(self, path: str) -> int:
        """How many requests reached `path` (query ignored)."""
        with self._lock:
            return sum(1 for entry in self.log if entry.path == path)

    def times(self, path: str) -> list[float]:
        """When each request for `path` arrived (monotonic seconds)."""
        with self._lock:
            return [entry.at for entry in self.log if entry.path == path]

    def _note(self, path: str, headers: dict[str, str]) -> int:
        with self._lock:
            earlier = sum(1 for entry in self.log if entry.path == path)
            self.log.append(Logged(path, headers, time.monotonic()))
            return earlier

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class FaultHandler(BaseHTTPRequestHandler):
    """Dispatches each GET to the owner's route for its path."""

    owner: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Quiet: the owner keeps its own log."""

    def do_GET(self) -> None:
        """Answer by route; unknown paths get a JSON 404."""
        parts = urlsplit(self.path)
        self.query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        earlier = self.owner._note(parts.path, {k.lower(): v for k, v in self.headers.items()})
        if parts.path == "/robots.txt" and parts.path not in self.owner.routes:
            self.send_body(self.owner.robots.encode(), "text/plain")
            return
        route = self.owner.routes.get(parts.path)
        if route is None:
            self.send_body(b'{"error": "not found"}', status=404)
            return
        try:
            route(self, earlier)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send_body(
        self,
        body: bytes,
        content_type: str = "application/json",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        """A complete response with Content-Length."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def reset(self) -> None:
        """Drop the connection with a TCP RST (SO_LINGER 0) before any response."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


# Route factories: each returns a handler(request, earlier_requests_for_this_path).


def ok(body: bytes, content_type: str = "application/json") -> Handler:
    """Always 200 with `body`."""
    return lambda h, n: h.send_body(body, content_type)


def fail_then_ok(statuses: list[int], body: bytes, retry_after: str | None = None) -> Handler:
    """Answer the given error statuses in turn (with Retry-After when given), then 200 with `body`."""

    def route(h: FaultHandler, n: int) -> None:
        if n < len(statuses):
            headers = {"Retry-After": retry_after} if retry_after is not None else {}
            h.send_body(b'{"error": "try later"}', status=statuses[n], headers=headers)
        else:
            h.send_body(body)

    return route


def always(status: int) -> Handler:
    """Always this error status."""
    return lambda h, n: h.send_body(b'{"error": "unavailable"}', status=status)


def reset() -> Handler:
    """Always reset the connection."""
    return lambda h, n: h.reset()


def slow(seconds: float, body: bytes) -> Handler:
    """Answer after `seconds` (or when the server is shut down)."""

    def route(h: FaultHandler, n: int) -> None:
        h.owner.release.wait(seconds)
        h.send_body(body)

    return route


def stall_until_released(body: bytes) -> Handler:
    """Hold the response until the test sets `owner.release`."""

    def route(h: FaultHandler, n: int) -> None:
        h.owner.release.wait(120)
        h.send_body(body)

    return route


def redirect_to(location: str) -> Handler:
    """Always 302 to `location`."""

    def route(h: FaultHandler, n: int) -> None:
        h.send_body(b"", status=302, headers={"Location": location})

    return route


def bad_gzip() -> Handler:
    """Claims gzip but sends bytes that do not decode."""
    body = b"\x1f\x8b\x08\x00" + b"this is not deflate data at all" * 8
    return lambda h, n: h.send_body(body, headers={"Content-Encoding": "gzip"})


def lever_endless(page_size: int = 100) -> Handler:
    """A Lever site whose every page is full of new postings: pagination never ends."""

    def route(h: FaultHandler, n: int) -> None:
        skip = int(h.query.get("skip", "0"))
        postings = [
            lever_posting(f"endless-{skip + i:06d}", "Data Scientist") for i in range(page_size)
        ]
        h.send_body(json.dumps(postings).encode())

    return route
