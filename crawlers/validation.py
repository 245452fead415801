"""Schema drift: count the postings of a run that lack a required field, and fail the run past a
threshold, so a source that changed its API cannot land empty titles or dates unnoticed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrapy.crawler import Crawler

from crawlers.items import JobPosting
from crawlers.spiders.base import JobSpider

# Every source names a title, a date and a text for each posting.
COMMON_REQUIRED: tuple[str, ...] = ("title", "posted_at", "description_text")
# The ATS and JSON-LD sources also always name the employer and the posting's page; an HN post
# names its company only in a free-text header, so a missing one there is not drift.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "hn_whoishiring": COMMON_REQUIRED,
    "greenhouse": (*COMMON_REQUIRED, "company", "url"),
    "lever": (*COMMON_REQUIRED, "company", "url"),
    "ashby": (*COMMON_REQUIRED, "company", "url"),
    "remoteok": (*COMMON_REQUIRED, "company", "url"),
    "jsonld": (*COMMON_REQUIRED, "company"),  # the page itself stands in for a missing url
    "remotive": (*COMMON_REQUIRED, "company", "url"),
    "himalayas": (*COMMON_REQUIRED, "company", "url"),
    "arbeitnow": (*COMMON_REQUIRED, "company", "url"),
}
# A few sparse postings happen on every source; more than this share of a run missing one field
# means the source's shape changed, and the run must not close anything on that data.
MISSING_FIELD_MAX_SHARE = 0.05


def missing_required(posting: JobPosting, required: tuple[str, ...]) -> list[str]:
    """The required fields the posting lacks (empty text counts as missing)."""
    missing = []
    for name in required:
        value = posting.get(name)
        if name == "posted_at" and value == posting.get("fetched_at"):
            # build_posting puts the crawl time where the source gave no date.
            value = None
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(name)
    return missing


class ValidationPipeline:
    """Counts missing required fields per run (each posting once) and lands every posting all
    the same; at close, notes the counts in the manifest and fails the run past the threshold."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self.required: tuple[str, ...] = COMMON_REQUIRED
        self.seen: set[str] = set()
        self.missing: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidationPipeline:
        """The pipeline of one crawl."""
        return cls(crawler)

    def open_spider(self, spider: JobSpider | None = None) -> None:
        """Pick the required fields of the spider's source type."""
        spider = self._spider(spider)
        self.required = REQUIRED_FIELDS.get(spider.source_type, COMMON_REQUIRED)

    def process_item(self, item: JobPosting, spider: JobSpider | None = None) -> JobPosting:
        """Count the posting's missing fields (once per global_id); pass it on unchanged."""
        global_id = str(item["global_id"])
        if global_id in self.seen:
            return item
        self.seen.add(global_id)
        self.missing.update(missing_required(item, self.required))
        return item

    def close_spider(self, spider: JobSpider | None = None) -> None:
        """Note missing_fields in the manifest; a field missing too often makes the run incomplete."""
        spider = self._spider(spider)
        spider.manifest_notes["missing_fields"] = dict(sorted(self.missing.items()))
        postings = len(self.seen)
        for name, count in sorted(self.missing.items()):
            share = count / postings
            if share > MISSING_FIELD_MAX_SHARE:
                spider.record_error(
                    None,
                    "missing_fields",
                    f"{name} is missing in {count} of {postings} postings ({share:.1%}, more than "
                    f"the {MISSING_FIELD_MAX_SHARE:.0%} allowed): the source may have changed "
                    "its shape; the postings are landed, but this run closes nothing",
                )

    def _spider(self, spider: Any) -> JobSpider:
        spider = spider or (self.crawler.spider if self.crawler is not None else None)
        assert isinstance(spider, JobSpider)
        return spider
