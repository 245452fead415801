"""A local server that answers the spiders' requests from a recorded or generated corpus."""

from __future__ import annotations

import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from jobtrends.errors import UserError

HOST = "127.0.0.1"  # never another interface: the corpus is for this machine only
_SEARCH_PAGE = re.compile(r"page-(\d+)\.json$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
_ROUTES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^/api/v1/search_by_date/?$"), "hn_search"),
    (re.compile(r"^/api/v1/items/(?P<name>\d+)/?$"), "hn_item"),
    (re.compile(r"^/v1/boards/(?P<name>[^/]+)/jobs/?$"), "greenhouse"),
    (re.compile(r"^/v0/postings/(?P<name>[^/]+)/?$"), "lever"),
    (re.compile(r"^/posting-api/job-board/(?P<name>[^/]+)/?$"), "ashby"),
    (re.compile(r"^/api/?$"), "remoteok"),
    (re.compile(r"^/api/remote-jobs/?$"), "remotive"),
    (re.compile(r"^/jobs/api/?$"), "himalayas"),
    (re.compile(r"^/api/job-board-api/?$"), "arbeitnow"),
    (re.compile(r"^/jsonld/sitemap\.xml$"), "jsonld_sitemap"),
    (re.compile(r"^/jsonld/(?P<name>[^/]+)\.html$"), "jsonld_page"),
    (re.compile(r"^/v1/companies/(?P<name>[^/]+)/postings/?$"), "smartrecruiters_page"),
    (
        re.compile(r"^/v1/companies/(?P<name>[^/]+)/postings/(?P<item>[^/]+)/?$"),
        "smartrecruiters_detail",
    ),
    (re.compile(r"^/api/v1/widget/accounts/(?P<name>[^/]+)/?$"), "workable"),
    (re.compile(r"^/recruitee/(?P<name>[^/]+)/api/offers/?$"), "recruitee"),
    (re.compile(r"^/personio/(?P<name>[^/]+)/xml/?$"), "personio"),
    (re.compile(r"^/robots\.txt$"), "robots"),
)


class ReplayServer:
    """A running replay server: `.base_url`, `.stop()`, usable as a context manager."""

    def __init__(self, corpus: Path, port: int = 0) -> None:
        corpus = Path(corpus).resolve()
        if not corpus.is_dir():
            raise UserError(
                f"the corpus directory {corpus} does not exist; pass a folder in the replay layout (see the README)"
            )
        handler = type("_BoundHandler", (_ReplayHandler,), {"corpus": corpus})
        try:
            self._server = ThreadingHTTPServer((HOST, port), handler)
        except OSError as exc:
            raise UserError(
                f"port {port} on {HOST} cannot be used ({exc.strerror}); pick another with --port"
            ) from None
        self._server.daemon_threads = True
        self.corpus = corpus
        self.port = int(self._server.server_address[1])
        self.base_url = f"http://{HOST}:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="replay-server", daemon=True
        )

    def start(self) -> ReplayServer:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()

    def __enter__(self) -> ReplayServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_replay_server(corpus: Path, port: int = 0) -> ReplayServer:
    """Start serving `corpus` on 127.0.0.1 (port 0: a free one) in a background thread."""
    return ReplayServer(corpus, port).start()


def serve_forever(corpus: Path, port: int = 8765) -> None:
    """Serve `corpus` in the foreground until interrupted (`jobtrends replay-server`)."""
    server = ReplayServer(corpus, port)
    print(f"serving {server.corpus} at {server.base_url} (Ctrl-C stops)", flush=True)
    try:
        server._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._server.server_close()


def source_config(corpus: Path, base_url: str | None = None) -> list[dict[str, Any]]:
    """The sources a corpus holds, as [[sources]] entries (pointed at `base_url` when given)."""
    corpus = Path(corpus)
    entries: list[dict[str, Any]] = []

    def add(entry: dict[str, Any]) -> None:
        if base_url is not None:
            entry["base_url"] = base_url
        entries.append(entry)

    if (corpus / "hn-algolia" / "search_by_date").is_dir():
        add({"type": "hn_whoishiring"})
    for source_type in ("greenhouse", "lever", "ashby"):
        boards = sorted(path.stem for path in (corpus / source_type).glob("*.json"))
        if boards:
            add({"type": source_type, "boards": boards})
    if (corpus / "remoteok" / "api.json").is_file():
        add({"type": "remoteok"})
    if (corpus / "remotive" / "remote-jobs.json").is_file():
        # Remotive's daily request limit protects the live API; a replay is not held to it.
        add({"type": "remotive", "max_requests_per_day": 0})
    if (corpus / "himalayas" / "offset-0.json").is_file():
        add({"type": "himalayas"})
    if (corpus / "arbeitnow" / "page-1.json").is_file():
        add({"type": "arbeitnow"})
    pages = sorted(path.name for path in (corpus / "jsonld").glob("*.html"))
    if pages:
        prefix = base_url.rstrip("/") if base_url else ""
        add({"type": "jsonld", "urls": [f"{prefix}/jsonld/{name}" for name in pages]})
    companies = sorted(
        path.parent.name for path in (corpus / "smartrecruiters").glob("*/postings-offset-0.json")
    )
    if companies:
        add({"type": "smartrecruiters", "boards": companies})
    for source_type, suffix in (("workable", "json"), ("recruitee", "json"), ("personio", "xml")):
        boards = sorted(path.stem for path in (corpus / source_type).glob(f"*.{suffix}"))
        if boards:
            add({"type": source_type, "boards": boards})
    return entries


class _ReplayHandler(BaseHTTPRequestHandler):
    """Answers exactly the paths and query strings the spiders request."""

    corpus: Path
    protocol_version = "HTTP/1.1"
    server_version = "jobtrends-replay/1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Quiet: a crawl makes thousands of requests."""

    def do_HEAD(self) -> None:
        """Like GET without a body."""
        self._route(head=True)

    def do_GET(self) -> None:
        """Route a request to its corpus file."""
        self._route(head=False)

    def _route(self, *, head: bool) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        for pattern, kind in _ROUTES:
            match = pattern.match(parts.path)
            if match is None:
                continue
            name = match.groupdict().get("name")
            item = match.groupdict().get("item")
            if any(part is not None and not _NAME.match(part) for part in (name, item)):
                break
            if item is not None:  # a detail: the posting id within the company's folder
                name = f"{name}/postings/{item}"
            getattr(self, f"_{kind}")(name, query, head)
            return
        self._not_found(head)

    def _robots(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_bytes(b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8", head)

    def _hn_search(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        folder = self.corpus / "hn-algolia" / "search_by_date"
        pages = sorted(
            int(m.group(1))
            for p in folder.glob("page-*.json")
            if (m := _SEARCH_PAGE.search(p.name))
        )
        if not pages:
            self._not_found(head)
            return
        page = _int(query.get("page", ["0"])[0], 0)
        # Like Algolia, a page past the last one answers with the last page again.
        chosen = page if page in pages else pages[-1] if page > pages[-1] else pages[0]
        self._send_file(folder / f"page-{chosen}.json", head)

    def _hn_item(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "hn-algolia" / "items" / f"{name}.json", head)

    def _greenhouse(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "greenhouse" / f"{name}.json", head)

    def _ashby(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "ashby" / f"{name}.json", head)

    def _remoteok(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "remoteok" / "api.json", head)

    def _remotive(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "remotive" / "remote-jobs.json", head)

    def _himalayas(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        """`offset=N` (or none: 0) is `offset-N.json`; `cursor=C` the page after the one whose
        `nextCursor` is C, found by its offset (the offset of that page plus its jobs)."""
        folder = self.corpus / "himalayas"
        if "cursor" in query:
            offset = _himalayas_cursors(folder).get(query["cursor"][0])
        else:
            offset = _int(query.get("offset", ["0"])[0], -1)
        if offset is None or offset < 0:
            self._not_found(head)
            return
        self._send_file(folder / f"offset-{offset}.json", head)

    def _arbeitnow(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        page = _int(query.get("page", ["1"])[0], 0)
        if page < 1:
            self._not_found(head)
            return
        self._send_file(self.corpus / "arbeitnow" / f"page-{page}.json", head)

    def _jsonld_page(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "jsonld" / f"{name}.html", head, "text/html; charset=utf-8")

    def _lever(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        path = self.corpus / "lever" / f"{name}.json"
        if not path.is_file():
            self._not_found(head)
            return
        if "skip" not in query and "limit" not in query:
            self._send_file(path, head)
            return
        postings = json.loads(path.read_bytes())
        skip = max(_int(query.get("skip", ["0"])[0], 0), 0)
        limit = max(_int(query.get("limit", ["100"])[0], 100), 0)
        page = postings[skip : skip + limit] if isinstance(postings, list) else postings
        self._send_bytes(json.dumps(page).encode("utf-8"), "application/json", head)

    def _smartrecruiters_page(
        self, name: str | None, query: dict[str, list[str]], head: bool
    ) -> None:
        offset = max(_int(query.get("offset", ["0"])[0], 0), 0)
        self._send_file(
            self.corpus / "smartrecruiters" / str(name) / f"postings-offset-{offset}.json", head
        )

    def _smartrecruiters_detail(
        self, name: str | None, query: dict[str, list[str]], head: bool
    ) -> None:
        self._send_file(self.corpus / "smartrecruiters" / f"{name}.json", head)

    def _workable(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "workable" / f"{name}.json", head)

    def _recruitee(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "recruitee" / f"{name}.json", head)

    def _personio(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        self._send_file(self.corpus / "personio" / f"{name}.xml", head, "text/xml; charset=utf-8")

    def _jsonld_sitemap(self, name: str | None, query: dict[str, list[str]], head: bool) -> None:
        host = self.headers.get("Host") or f"{HOST}:{self.server.server_address[1]!s}"  # type: ignore[index]
        pages = sorted((self.corpus / "jsonld").glob("*.html"))
        urls = "".join(
            f"<url><loc>{escape(f'http://{host}/jsonld/{p.name}')}</loc></url>" for p in pages
        )
        body = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
        self._send_bytes(body.encode("utf-8"), "application/xml", head)

    def _not_found(self, head: bool) -> None:
        body = json.dumps({"status": 404, "error": "Not found"}).encode("utf-8")
        self._send_bytes(body, "application/json", head, status=HTTPStatus.NOT_FOUND)

    def _send_bytes(
        self, body: bytes, content_type: str, head: bool, status: int = HTTPStatus.OK
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _send_file(self, path: Path, head: bool, content_type: str = "application/json") -> None:
        try:
            handle = path.open("rb")
        except OSError:
            self._not_found(head)
            return
        with handle:
            size = path.stat().st_size
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if not head:
                self.connection.sendfile(handle)


_OFFSET_PAGE = re.compile(r"offset-(\d+)\.json$")
_CURSORS: dict[Path, tuple[tuple[tuple[str, int, int], ...], dict[str, int]]] = {}
_CURSORS_LOCK = threading.Lock()


def _himalayas_cursors(folder: Path) -> dict[str, int]:
    """nextCursor -> the offset of the page it leads to, for the Himalayas pages of a corpus.

    Read once per folder state (names, sizes, times), so a corpus changed on disk is read again.
    """
    pages = sorted(
        (p, int(m.group(1)))
        for p in folder.glob("offset-*.json")
        if (m := _OFFSET_PAGE.search(p.name))
    )
    stamp = tuple((p.name, (st := p.stat()).st_size, st.st_mtime_ns) for p, _ in pages)
    with _CURSORS_LOCK:
        cached = _CURSORS.get(folder)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    index: dict[str, int] = {}
    for path, offset in pages:
        try:
            page = json.loads(path.read_bytes())
        except (OSError, ValueError):
            continue
        cursor = page.get("nextCursor") if isinstance(page, dict) else None
        jobs = page.get("jobs") if isinstance(page, dict) else None
        if (
            isinstance(cursor, str | int)
            and not isinstance(cursor, bool)
            and isinstance(jobs, list)
        ):
            index[str(cursor)] = offset + len(jobs)
    with _CURSORS_LOCK:
        _CURSORS[folder] = (stamp, index)
    return index


def _int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default
