"""Remotive's public feed `/api/remote-jobs`: every listed remote job in one response.

Remotive's terms ask for a few requests a day at most (the spider enforces a daily budget from
the landing zone's manifests, see crawlers/ratelimit.py), publish jobs to the API 24 hours after
the site, and ask users to credit Remotive with a link: each posting keeps its Remotive `url`, and
reports built on its data carry the credit line.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import parse_salary, salary_record
from crawlers.ratelimit import within_daily_limit
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

FEED_PATH = "/api/remote-jobs"
# Remotive asks for at most four requests a day; a run sends the feed request and robots.txt.
LIVE_MAX_REQUESTS_PER_DAY = 4
# Amounts of a year start here: a bare "120000-150000" in the salary field is a yearly range.
YEARLY_FROM = 10_000
_BARE_RANGE = re.compile(r"(\d[\d,.]*)\s*(?:-|–|—|to)\s*(\d[\d,.]*)")


class RemotiveSpider(JobSpider):
    """Every job of the feed; remote by definition of the board."""

    name = "remotive"
    source_type = "remotive"
    live_base = "https://remotive.com"
    live_max_requests_per_day: ClassVar[int] = LIVE_MAX_REQUESTS_PER_DAY

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The one feed request, when the daily budget allows it."""
        if within_daily_limit(self, planned=1, live_default=self.live_max_requests_per_day):
            yield self.request(self.base + FEED_PATH, self.parse_feed, board="remotive")

    def parse_feed(self, response: Response) -> Iterator[JobPosting]:
        """Jobs of the feed; a feed holding fewer jobs than its `job-count` is incomplete."""
        feed = self.json_body(response)
        if feed is None:
            return
        jobs = feed.get("jobs") if isinstance(feed, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, 'a Remotive feed: {"jobs": [...]}')
            return
        for job in jobs:
            if isinstance(job, dict) and job.get("id") is not None:
                yield self.posting(job)
        count = feed.get("job-count")
        if isinstance(count, int) and not isinstance(count, bool) and count > len(jobs):
            self.record_error(
                response.url,
                "incomplete_feed",
                f"job-count says {count} jobs, the feed holds {len(jobs)}",
            )
            return
        self.add_scope("remotive")

    def posting(self, job: dict[str, Any]) -> JobPosting:
        """A landing record of one Remotive job."""
        description = job.get("description") if isinstance(job.get("description"), str) else None
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["id"]),
            board="remotive",
            url=job.get("url"),
            company=job.get("company_name"),
            title=job.get("title"),
            location=_text(job.get("candidate_required_location")),
            remote=True,
            salary=_salary(job.get("salary")),
            employment_type=_text(job.get("job_type")),
            requisition_id=None,
            posted_at=parse_timestamp(job.get("publication_date")),
            description_html=description,
            description_text=html_to_text(description),
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _salary(value: Any) -> dict[str, Any] | None:
    """The free-text salary ("$150k - $230k", "$90 - $150 /hour") read by the shared parser.

    The field holds nothing but the pay, so an amount without a currency ("80k-100k") counts, and
    `raw` keeps the whole field.
    """
    text = _text(value)
    if not text:
        return None
    record = parse_salary(text)
    if record is None and (bare := _BARE_RANGE.fullmatch(text)):
        # No currency and no "k": the shared parser leaves plain numbers alone in free text,
        # but this field holds nothing else. Without a stated period only a yearly size counts.
        record = salary_record(bare.group(1), bare.group(2), None, None, text)
        if record is not None and record["max"] >= YEARLY_FROM:
            record = salary_record(bare.group(1), bare.group(2), None, "year", text)
        else:
            record = None
    return {**record, "raw": text} if record else None
