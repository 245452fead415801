"""What every job-source spider shares: its source config, error records and JSON handling."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

import orjson
import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.logformatter import LogFormatter
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.reactor import is_asyncio_reactor_installed
from twisted.internet.error import (
    ConnectError,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawlers.items import JobPosting
from crawlers.parsing.dates import now_iso
from crawlers.robots import RobotsTxtDisallowed, RobotsTxtUnreachable
from jobtrends.config import Settings, Source
from jobtrends.landing import RunError

# Posts are parsed in worker processes when a page holds at least this many (an HN thread holds
# hundreds), in chunks of this many; below it, starting the workers costs more than it saves.
POOL_MIN_POSTS = 200
POOL_CHUNK = 100


def default_parse_workers() -> int:
    """Worker processes for parsing: one per core up to 4, none on a single core."""
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 else 0


class LandingLogFormatter(LogFormatter):
    """Scrapy's log messages, without the per-item "Scraped from" line unless LOG_LEVEL is DEBUG.

    Scrapy builds that DEBUG record for every item whatever the level (the handler drops it
    later), which costs a crawl of tens of thousands of posts as much as gzip does.
    """

    def scraped(self, item: Any, response: Any, spider: scrapy.Spider) -> Any:
        """The default message at LOG_LEVEL DEBUG; None (nothing logged) above it."""
        level = spider.crawler.settings.get("LOG_LEVEL", "DEBUG") if spider.crawler else "DEBUG"
        if isinstance(level, str):
            level = logging.getLevelName(level.upper())
        if isinstance(level, int) and level > logging.DEBUG:
            return None
        return super().scraped(item, response, spider)


class JobSpider(scrapy.Spider):
    """A spider of one configured source; records each failure with its URL and kind."""

    source_type: ClassVar[str] = ""
    live_base: ClassVar[str] = ""
    custom_settings = {  # noqa: RUF012 - Scrapy reads it as a class attribute
        "LOG_FORMATTER": "crawlers.spiders.base.LandingLogFormatter"
    }

    def __init__(
        self,
        *,
        source: Source,
        app_settings: Settings,
        run_id: str,
        since: str | None = None,
        until: str | None = None,
        latest: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=self.name, **kwargs)
        self.source = source
        self.source_key = source.key
        self.run_id = run_id
        self.landing_dir = Path(app_settings.landing_dir).resolve()
        self.base = (source.base_url or self.live_base).rstrip("/")
        self.since = since or source.since
        self.until = until or source.until
        self.latest = latest or source.latest
        self.fetched_at = now_iso()
        self.errors: list[RunError] = []
        self.scope_boards: list[str] = []
        self.scope_months: set[str] = set()
        self.thread_months: dict[str, str] = {}
        # Boards (or URLs without a board) not fetched in this run, with the reason.
        self.skipped_boards: dict[str, str] = {}
        # Extra manifest keys that components of the run fill in (validation, JSON-LD counts).
        self.manifest_notes: dict[str, Any] = {"skipped_boards": self.skipped_boards}
        self.options = {"since": self.since, "until": self.until, "latest": self.latest}
        self.max_pages = 1000
        self.parse_workers = 0
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> JobSpider:
        """Create the spider and read the page limit from the crawler's settings."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_pages = crawler.settings.getint("JOBTRENDS_MAX_PAGES", 1000)
        spider.parse_workers = crawler.settings.getint(
            "JOBTRENDS_PARSE_WORKERS", default_parse_workers()
        )
        return spider

    def parse_pool(self) -> Executor | None:
        """Worker processes for CPU-heavy parsing, started on first use; None: parse inline."""
        if self._pool is None:
            if self.parse_workers < 1 or not is_asyncio_reactor_installed():
                return None
            # spawn: a forked copy of a process running a reactor and threads is not safe.
            self._pool = ProcessPoolExecutor(
                self.parse_workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._pool

    def closed(self, reason: str) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def request(
        self,
        url: str,
        callback: Any,
        *,
        board: str | None = None,
        cb_kwargs: dict[str, Any] | None = None,
        priority: int = 0,
        errback: Any = None,
    ) -> scrapy.Request:
        """A GET whose failures, after Scrapy's retries, land in this run's errors.

        `errback` replaces on_failure for requests whose failure needs more than a record (it
        should call on_failure itself).
        """
        return scrapy.Request(
            url,
            callback=callback,
            errback=errback or self.on_failure,
            cb_kwargs=cb_kwargs or {},
            meta={"board": board},
            priority=priority,
            # Every URL is asked for once by construction; letting the duplicate filter drop a
            # redirect back to it would end a redirect loop silently instead of as a named error.
            dont_filter=True,
        )

    def record_error(self, url: str | None, kind: str, message: str, *, fatal: bool = True) -> None:
        """Note a failure of this run; a fatal one makes the run incomplete."""
        self.errors.append({"url": url, "kind": kind, "message": message[:500], "fatal": fatal})
        self.logger.warning("%s %s: %s", kind, url, message[:200])

    def on_failure(self, failure: Failure) -> None:
        """Errback: classify a request that failed for good (after its retries)."""
        request = failure.request  # type: ignore[attr-defined]
        board = request.meta.get("board")
        if failure.check(HttpError):
            status = failure.value.response.status
            if status == 404 and board is not None:
                self.record_error(request.url, "http_404", f"board gone: {board}", fatal=False)
                self.board_gone(board)
                return
            self.record_error(request.url, f"http_{status}", f"HTTP {status} after retries")
        elif failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
            self.record_error(request.url, "timeout", "no complete response within the timeout")
        elif failure.check(CannotResolveHostError, DNSLookupError):
            self.record_error(request.url, "dns", failure.getErrorMessage())
        elif failure.check(
            DownloadFailedError,
            DownloadConnectionRefusedError,
            ResponseDataLossError,
            ConnectError,
            ConnectionLost,
            ResponseFailed,
            ResponseNeverReceived,
        ):
            self.record_error(
                request.url, "connection", failure.getErrorMessage() or "connection lost"
            )
        elif failure.check(RobotsTxtUnreachable):
            self.record_error(request.url, "robots_unreachable", failure.getErrorMessage())
            self.skipped_boards[board or request.url] = failure.value.reason
        elif failure.check(RobotsTxtDisallowed):
            self.record_error(request.url, "robots_disallowed", failure.getErrorMessage())
            self.skipped_boards[board or request.url] = "disallowed by robots.txt"
        elif failure.check(IgnoreRequest):
            message = failure.getErrorMessage() or "request ignored"
            if "redirect" in message.lower():
                # Name the URL the spider asked for, not wherever the loop happened to stop.
                first = (request.meta.get("redirect_urls") or [request.url])[0]
                self.record_error(first, "redirect_loop", f"{message} (ended at {request.url})")
            else:
                self.record_error(request.url, "ignored", message)
        else:
            self.record_error(
                request.url, "error", f"{failure.type.__name__}: {failure.getErrorMessage()}"
            )

    def board_gone(self, board: str) -> None:
        """A board answered 404: nothing of it is listed in the run's scope."""

    def json_body(self, response: Response) -> Any | None:
        """The response's JSON, or None after recording why it is not JSON."""
        body = response.body
        head = body[:512].lstrip()
        if head[:1] == b"<":
            self.record_error(
                response.url, "html_instead_of_json", "an HTML page came back instead of JSON"
            )
            return None
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass  # NaN, a lone surrogate escape, a huge integer: json takes them, or says why
        try:
            return json.loads(body)
        except UnicodeDecodeError as exc:
            self.record_error(response.url, "invalid_utf8", str(exc))
        except ValueError as exc:
            kind = "truncated_json" if _looks_truncated(body) else "malformed_json"
            self.record_error(response.url, kind, str(exc))
        return None

    def wrong_shape(self, response: Response, expected: str) -> None:
        """Record a JSON answer that is not the shape this source serves."""
        self.record_error(response.url, "wrong_shape", f"expected {expected}")

    def add_scope(self, board: str) -> None:
        """A board (or HN thread) read completely in this run."""
        if board not in self.scope_boards:
            self.scope_boards.append(board)


def _looks_truncated(body: bytes) -> bool:
    tail = body.rstrip()[-1:]
    return bool(body.strip()) and tail not in (b"}", b"]")


class BoardSpider(JobSpider):
    """An ATS whose board answers in one response of the shape {"jobs": [...]}."""

    board_path: ClassVar[str] = ""  # e.g. "/v1/boards/{board}/jobs?content=true"
    board_shape: ClassVar[str] = ""  # how the expected answer reads in a wrong-shape error

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per configured board."""
        for board in self.source.boards:
            yield self.request(
                self.base + self.board_path.format(board=board),
                self.parse_board,
                board=board,
                cb_kwargs={"board": board},
            )

    def parse_board(self, response: Response, board: str) -> Iterator[JobPosting]:
        """The board's jobs as postings; an empty board is fine."""
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, self.board_shape)
            return
        for job in jobs:
            if isinstance(job, dict) and job.get("id") is not None:
                yield self.posting(job, board)
        self.add_scope(board)

    def posting(self, job: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one job of the board."""
        raise NotImplementedError
