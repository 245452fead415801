"""RemoteOK's public feed `/api`: element 0 is a legal notice, the rest are jobs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import salary_record
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text


class RemoteOKSpider(JobSpider):
    """Every job of the feed; each keeps its RemoteOK `url`, as their terms ask (a link back)."""

    name = "remoteok"
    source_type = "remoteok"
    live_base = "https://remoteok.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The one feed request."""
        yield self.request(self.base + "/api", self.parse_feed, board="remoteok")

    def parse_feed(self, response: Response) -> Iterator[JobPosting]:
        """Jobs of the feed, skipping the legal notice and anything without an id."""
        feed = self.json_body(response)
        if feed is None:
            return
        if not isinstance(feed, list):
            self.wrong_shape(response, "a RemoteOK list of jobs")
            return
        for job in feed:
            if isinstance(job, dict) and job.get("id") is not None and "legal" not in job:
                yield self.posting(job)
        self.add_scope("remoteok")

    def posting(self, job: dict[str, Any]) -> JobPosting:
        """A landing record of one RemoteOK job (remote by definition of the board)."""
        description = job.get("description") if isinstance(job.get("description"), str) else None
        low, high = job.get("salary_min"), job.get("salary_max")
        salary = (
            salary_record(low or None, high or None, "USD", "year", f"{low}-{high} USD")
            if (low or high)
            else None
        )
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["id"]),
            board="remoteok",
            url=job.get("url") or job.get("apply_url"),
            company=job.get("company"),
            title=job.get("position"),
            location=job.get("location") or None,
            remote=True,
            salary=salary,
            employment_type=None,
            requisition_id=None,
            posted_at=parse_timestamp(job.get("epoch")) or parse_timestamp(job.get("date")),
            description_html=description,
            description_text=html_to_text(description),
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )
