"""The item pipeline that lands a run: new or changed postings, then the seen list and manifest."""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.python.failure import Failure

from crawlers.items import JobPosting
from crawlers.parsing.dates import now_iso
from crawlers.spiders.base import JobSpider
from crawlers.state import previous_hashes
from jobtrends.landing import LANDING_VERSION, Manifest, RunWriter
from jobtrends.run_errors import errors_by_kind


class LandingPipeline:
    """Lands new or changed postings of a run; counts duplicates and unchanged ones."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started_at = now_iso()
        self.previous: dict[str, str] = {}
        self.seen: dict[str, tuple[str, str | None]] = {}
        self.duplicates = 0
        self._writer: RunWriter | None = None
        self._closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LandingPipeline:
        """Connect to the spider's close (to write the manifest last) and to callback errors."""
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.spider_error, signal=signals.spider_error)
        return pipeline

    def open_spider(self, spider: JobSpider | None = None) -> None:
        """Start the run's landing file and read what earlier runs landed."""
        spider = spider or self.crawler.spider  # type: ignore[assignment]
        assert isinstance(spider, JobSpider)
        self.previous = previous_hashes(spider.landing_dir, spider.source_key)
        self._writer = RunWriter(spider.landing_dir, spider.source_key, spider.run_id)

    def process_item(self, item: JobPosting, spider: JobSpider | None = None) -> JobPosting:
        """Land the posting unless it was already seen in this run or landed unchanged before."""
        global_id = item["global_id"]
        if global_id in self.seen:
            self.duplicates += 1
            return item
        self.seen[global_id] = (item["month"], item.get("board"))
        if self.previous.get(global_id) == item["content_hash"]:
            return item
        assert self._writer is not None
        self._writer.write(item)
        return item

    def spider_error(self, failure: Failure, response: Any, spider: JobSpider) -> None:
        """A callback that raised: the page's postings may be missing, so the run is incomplete."""
        spider.record_error(
            getattr(response, "url", None), "spider_error", failure.getErrorMessage()
        )

    def spider_closed(self, spider: JobSpider, reason: str) -> None:
        """Finish the landing file, write the seen list, then the manifest, each atomically."""
        if self._closed or self._writer is None:
            return
        self._closed = True
        self._writer.finish(self.seen, self._manifest(spider, reason, self._writer.written))

    def _manifest(self, spider: JobSpider, reason: str, landed: int) -> Manifest:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        prefix = "downloader/response_status_count/"
        by_status = {
            key[len(prefix) :]: value
            for key, value in sorted(stats.items())
            if key.startswith(prefix)
        }
        if reason != "finished":
            spider.record_error(None, "aborted", f"the crawl stopped early ({reason})")
        errors = list(spider.errors)
        months = Counter(month for month, _ in self.seen.values())
        boards = Counter(board for _, board in self.seen.values() if board is not None)
        manifest: Manifest = {
            "landing_version": LANDING_VERSION,
            "source": spider.source_key,
            "source_type": spider.source_type,
            "run_id": spider.run_id,
            "started_at": self.started_at,
            "finished_at": now_iso(),
            "complete": not any(error.get("fatal", True) for error in errors),
            "finish_reason": reason,
            "requests": int(stats.get("downloader/request_count", 0)),
            "responses_by_status": by_status,
            "items_seen": len(self.seen),
            "items_landed": landed,
            "items_unchanged": len(self.seen) - landed,
            "duplicates_in_run": self.duplicates,
            "scope": {"boards": sorted(spider.scope_boards), "months": sorted(spider.scope_months)},
            "seen_by_month": dict(sorted(months.items())),
            "seen_by_board": dict(sorted(boards.items())),
            "thread_months": dict(spider.thread_months),
            "options": spider.options,
            "errors": errors,
            "errors_by_kind": errors_by_kind(errors),
        }
        # what components of the run noted (skipped boards, missing fields, invalid blocks), each
        # under its Manifest key
        for key, value in spider.manifest_notes.items():
            manifest[key] = value  # type: ignore[literal-required]
        return manifest
