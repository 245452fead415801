"""A source's daily request budget, kept from the manifests of its earlier runs in the landing zone.

Some public APIs ask for a few requests a day at most (Remotive). The budget counts every request
a run sent, robots.txt and retries included, as the manifest records them, over the 24 hours
before the run starts. A run that would go past it is not started: its manifest says when the
next one may start. Runs that left no manifest (killed mid-crawl) are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from crawlers.parsing.dates import utc_iso
from jobtrends.landing import Manifest, manifests

if TYPE_CHECKING:
    from crawlers.spiders.base import JobSpider

WINDOW = timedelta(hours=24)


def daily_limit(configured: int | None, live_default: int | None, live: bool) -> int | None:
    """The requests a day a run must stay within, or None for no limit.

    The configured value wins (0 turns the limit off); without one, the spider's own limit
    applies to live sites only (a source whose every URL is on this machine is a replay or a test
    server), so replays of recorded answers are never held back.
    """
    if configured is not None:
        return configured or None
    return live_default if live else None


def _started(manifest: Manifest) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(manifest.get("started_at", "")).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def next_allowed(
    earlier: Iterable[Manifest], limit: int, planned: int, now: datetime
) -> datetime | None:
    """None when a run of `planned` requests fits the budget now, else when it first will."""
    window = sorted(
        (started, int(manifest.get("requests") or 0))
        for manifest in earlier
        if (started := _started(manifest)) is not None and started > now - WINDOW
    )
    used = sum(requests for _, requests in window)
    if used + planned <= limit:
        return None
    for started, requests in window:  # the oldest runs leave the window first
        used -= requests
        if used + planned <= limit:
            return started + WINDOW
    return now + WINDOW  # planned alone exceeds the limit; the caller says so


def within_daily_limit(spider: JobSpider, planned: int, live_default: int | None) -> bool:
    """True when the spider may send `planned` requests (plus robots.txt) now; else note the skip.

    The skip is not a failure of the run: nothing was asked of the source, and the manifest names
    the time the next run is allowed.
    """
    source = spider.source
    limit = daily_limit(source.max_requests_per_day, live_default, live=not source.is_local)
    if limit is None:
        return True
    settings = spider.crawler.settings if getattr(spider, "crawler", None) else None
    if settings is None or settings.getbool("ROBOTSTXT_OBEY"):
        planned += 1  # robots.txt is fetched from the same host before the first request
    if planned > limit:
        spider.record_error(
            None,
            "rate_limit",
            f"max_requests_per_day {limit} of {spider.source_key} is below the {planned} requests "
            "one run needs; raise it in the config file",
        )
        return False
    now = datetime.now(UTC)
    earlier = [manifest for _path, manifest in manifests(spider.landing_dir, spider.source_key)]
    allowed = next_allowed(earlier, limit, planned, now)
    if allowed is None:
        return True
    spider.record_error(
        None,
        "skipped",
        f"skipped: rate limit ({limit} requests a day), next allowed at {utc_iso(allowed)}",
        fatal=False,
    )
    return False
