"""robots.txt as RFC 9309 reads it: unreachable (5xx, timeout, network) disallows, 4xx allows.

Scrapy's RobotsTxtMiddleware allows every path of a host whose robots.txt it cannot read, and in
Scrapy 2.19 only the first of the requests that wait for a pending robots.txt gets the parser: it
awaits one shared Deferred through `asFuture`, which hands the parser to the first waiter and None
("allow all") to the others. This middleware replaces it: every request waits for its own copy of
the host's decision, and a robots.txt that cannot be read disallows the whole host for this run.
Decisions live in memory only, so the next run asks again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred
from twisted.internet.error import (
    ConnectError,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

logger = logging.getLogger(__name__)

# A status that says the server is overloaded: RFC 9309 names 5xx; 429 asks us to stay away too.
_UNREACHABLE_4XX = frozenset({429})


class RobotsTxtUnreachable(IgnoreRequest):
    """A request not sent because its host's robots.txt could not be read (RFC 9309: disallow)."""

    def __init__(self, reason: str, robots_url: str) -> None:
        super().__init__(f"{reason} ({robots_url})")
        self.reason = reason
        self.robots_url = robots_url


class RobotsTxtDisallowed(IgnoreRequest):
    """A request not sent because the host's robots.txt disallows its path."""


@dataclass(frozen=True)
class RobotsDecision:
    """What a host's robots.txt says: a parser, allow-all (`parser` None), or unreachable."""

    robots_url: str
    parser: RobotParser | None = None
    unreachable: str | None = None  # why the whole host is disallowed, e.g. "... unreachable: 503"


class Rfc9309RobotsTxtMiddleware:
    """Obeys robots.txt; a host whose robots.txt is unreachable is not crawled in this run."""

    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self._user_agent: str = (
            crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings["USER_AGENT"]
        )
        self._parser_class: type[RobotParser] = load_object(
            crawler.settings.get("ROBOTSTXT_PARSER")
        )
        self._timeout_s = crawler.settings.getfloat(
            "JOBTRENDS_ROBOTS_TIMEOUT_S", crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        )
        self._decisions: dict[str, RobotsDecision] = {}
        self._waiting: dict[str, list[Deferred[RobotsDecision]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Rfc9309RobotsTxtMiddleware:
        """The middleware of a crawl (NotConfigured unless ROBOTSTXT_OBEY)."""
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        """Let the request through only when its host's robots.txt was read and allows it."""
        if request.meta.get("dont_obey_robotstxt") or request.url.startswith(("data:", "file:")):
            return
        decision = await self.decision(request)
        stats = self.crawler.stats
        if decision.unreachable is not None:
            if stats is not None:
                stats.inc_value("robotstxt/unreachable_skipped")
            raise RobotsTxtUnreachable(decision.unreachable, decision.robots_url)
        if decision.parser is not None and not decision.parser.allowed(
            request.url, self._user_agent
        ):
            if stats is not None:
                stats.inc_value("robotstxt/forbidden")
            raise RobotsTxtDisallowed("Forbidden by robots.txt")

    async def decision(self, request: Request) -> RobotsDecision:
        """The robots decision for the request's host, fetching robots.txt once per run."""
        netloc = urlparse_cached(request).netloc
        known = self._decisions.get(netloc)
        if known is not None:
            return known
        waiting = self._waiting.get(netloc)
        if waiting is not None:
            # One Deferred per waiter: awaiting a Deferred consumes its result.
            mine: Deferred[RobotsDecision] = Deferred()
            waiting.append(mine)
            return await maybe_deferred_to_future(mine)
        self._waiting[netloc] = []
        parts = urlparse_cached(request)
        robots_url = f"{parts.scheme}://{netloc}/robots.txt"
        decision = RobotsDecision(robots_url, unreachable="robots.txt unreachable: fetch cancelled")
        try:
            decision = await self._fetch(robots_url)
        finally:
            # Whatever happened to the fetch, every waiting request gets an answer.
            self._decisions[netloc] = decision
            for waiter in self._waiting.pop(netloc):
                waiter.callback(decision)
        return decision

    async def _fetch(self, robots_url: str) -> RobotsDecision:
        stats = self.crawler.stats
        assert self.crawler.engine is not None and stats is not None
        robots_request = Request(
            robots_url,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True, "download_timeout": self._timeout_s},
            callback=NO_CALLBACK,
            dont_filter=True,
        )
        stats.inc_value("robotstxt/request_count")
        try:
            response = await self.crawler.engine.download_async(robots_request)
        except IgnoreRequest as exc:
            if "redirect" in str(exc).lower():
                # RFC 9309 2.3.1.2: after too many redirects it may be taken as unavailable.
                logger.warning(
                    "robots.txt %s redirects too often: allowed as unavailable", robots_url
                )
                return RobotsDecision(robots_url)
            return self._unreachable(robots_url, f"ignored ({exc})")
        except Exception as exc:  # noqa: BLE001 - every failure to read it means "unreachable"
            return self._unreachable(robots_url, _failure_reason(exc))
        return self._decide(robots_url, response)

    def _decide(self, robots_url: str, response: Response) -> RobotsDecision:
        stats = self.crawler.stats
        assert stats is not None
        status = response.status
        stats.inc_value("robotstxt/response_count")
        stats.inc_value(f"robotstxt/response_status_count/{status}")
        if 200 <= status < 300:
            return RobotsDecision(
                robots_url, parser=self._parser_class.from_crawler(self.crawler, response.body)
            )
        if status >= 500 or status in _UNREACHABLE_4XX:
            return self._unreachable(robots_url, str(status))
        # 4xx (and a redirect left unfollowed): "unavailable", so every path is allowed.
        logger.info("robots.txt %s answered %s: every path allowed (RFC 9309)", robots_url, status)
        return RobotsDecision(robots_url)

    def _unreachable(self, robots_url: str, why: str) -> RobotsDecision:
        reason = f"robots.txt unreachable: {why}"
        logger.warning(
            "%s (%s): no request to this host is sent in this run (RFC 9309)", reason, robots_url
        )
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("robotstxt/unreachable")
        return RobotsDecision(robots_url, unreachable=reason)


def _failure_reason(exc: BaseException) -> str:
    """A short name of a network failure: timeout, DNS, connection, or the exception's type."""
    if isinstance(exc, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return "timeout"
    if isinstance(exc, CannotResolveHostError | DNSLookupError):
        return "DNS lookup failed"
    if isinstance(
        exc,
        DownloadConnectionRefusedError
        | DownloadFailedError
        | ResponseDataLossError
        | ConnectError
        | ConnectionLost
        | ResponseFailed
        | ResponseNeverReceived,
    ):
        return "connection failed"
    return type(exc).__name__
