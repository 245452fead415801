"""Scrapy's RetryMiddleware with a pause before each retry: Retry-After when given, else backoff."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep


class BackoffRetryMiddleware(RetryMiddleware):
    """Retries like RetryMiddleware, but waits Retry-After (capped) or an exponential backoff."""

    backoff_s: float = 1.0
    retry_after_max_s: float = 30.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        """Read the backoff base and the Retry-After cap from the crawler's settings."""
        middleware = super().from_crawler(crawler)
        middleware.backoff_s = crawler.settings.getfloat("JOBTRENDS_RETRY_BACKOFF_S", 1.0)
        middleware.retry_after_max_s = crawler.settings.getfloat(
            "JOBTRENDS_RETRY_AFTER_MAX_S", 30.0
        )
        return middleware

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        """Retry a retryable status after the pause the server asked for (or a backoff)."""
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await sleep(self._pause(request, response.headers.get(b"Retry-After")))
        return result

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        """Retry a timeout or a reset connection after a backoff."""
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await sleep(self._pause(request, None))
        return result

    def _pause(self, request: Request, retry_after: bytes | None) -> float:
        asked = _retry_after_seconds(retry_after)
        if asked is not None:
            return min(asked, self.retry_after_max_s)
        attempt = int(request.meta.get("retry_times", 0))
        return min(self.backoff_s * 2 ** max(attempt - 1, 0), self.retry_after_max_s)


def _retry_after_seconds(value: bytes | None) -> float | None:
    """Seconds of a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((moment - datetime.now(UTC)).total_seconds(), 0.0)
