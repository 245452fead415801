"""Scrapy settings of a crawl, built from the typed jobtrends Settings (politeness, per source)."""

from __future__ import annotations

from typing import Any

from jobtrends.config import Settings, Source

BOT_NAME = "jobtrends"

# Retried: server errors, rate limits and the timeouts/resets Scrapy's RetryMiddleware knows.
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 520, 522, 524, 408]

# robots.txt decides a whole host for the run (unreachable: nothing of it is fetched), so a slow
# answer gets at least this long, however short the page timeout is set.
ROBOTS_MIN_TIMEOUT_S = 10.0


def scrapy_settings(
    settings: Settings, source: Source, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The Scrapy settings for one source's spider: politeness from config, our pipeline."""
    polite = settings.politeness
    delay = (
        source.download_delay_s if source.download_delay_s is not None else polite.download_delay_s
    )
    per_domain = (
        source.concurrent_requests_per_domain
        if source.concurrent_requests_per_domain is not None
        else polite.concurrent_requests_per_domain
    )
    values: dict[str, Any] = {
        "BOT_NAME": BOT_NAME,
        "USER_AGENT": polite.user_agent_header,
        "ROBOTSTXT_OBEY": polite.robots_obey,
        "CONCURRENT_REQUESTS": polite.concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_domain,
        "DOWNLOAD_DELAY": delay,
        "RANDOMIZE_DOWNLOAD_DELAY": delay > 0,
        "AUTOTHROTTLE_ENABLED": polite.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.5),
        "AUTOTHROTTLE_MAX_DELAY": polite.autothrottle_max_delay_s,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": polite.autothrottle_target_concurrency,
        "DOWNLOAD_TIMEOUT": polite.download_timeout_s,
        "JOBTRENDS_ROBOTS_TIMEOUT_S": max(polite.download_timeout_s, ROBOTS_MIN_TIMEOUT_S),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": polite.retry_times,
        "RETRY_HTTP_CODES": RETRY_HTTP_CODES,
        # Backoff base (doubling per attempt) and the longest Retry-After we are willing to wait.
        "JOBTRENDS_RETRY_BACKOFF_S": 1.0,
        "JOBTRENDS_RETRY_AFTER_MAX_S": polite.autothrottle_max_delay_s,
        "JOBTRENDS_MAX_PAGES": 1000,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            # RFC 9309 robots.txt (an unreachable one disallows the host), in the stock one's place.
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawlers.robots.Rfc9309RobotsTxtMiddleware": 100,
            "crawlers.middlewares.BackoffRetryMiddleware": 550,
        },
        # Validation counts missing fields before the landing writer (it lands every posting).
        "ITEM_PIPELINES": {
            "crawlers.validation.ValidationPipeline": 300,
            "crawlers.pipelines.LandingPipeline": 800,
        },
        "HTTPCACHE_ENABLED": polite.http_cache,
        "HTTPCACHE_DIR": str((settings.data_dir / "httpcache").resolve()),
        "HTTPCACHE_IGNORE_HTTP_CODES": [*RETRY_HTTP_CODES, 404],
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # no listening port of our own beside the crawl
        "LOG_LEVEL": "INFO",
        "LOGSTATS_INTERVAL": 30.0,
        # Board responses can be large (a busy HN thread is several MB); warn, never cut them.
        "DOWNLOAD_WARNSIZE": 64 * 1024 * 1024,
        "DOWNLOAD_MAXSIZE": 512 * 1024 * 1024,
    }
    values.update(overrides or {})
    return values
