"""Himalayas' public feed `/jobs/api?limit=20`, newest first, paged by the `nextCursor` it returns.

Answers without a cursor (the API's older offset paging, and recorded responses) go on by
`offset` while `totalCount` says more jobs are listed than were read; a page that is gone then
leaves the feed incomplete. Jobs have no id: `guid` (the listing's URL) identifies them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import salary_record
from crawlers.spiders.paging import PagedFeedSpider
from jobtrends.text import html_to_text

PAGE_SIZE = 20  # the most the API gives per request
FIRST_PATH = f"/jobs/api?limit={PAGE_SIZE}"
WORLDWIDE = "Worldwide"
_PERIODS = {
    "hourly": "hour",
    "hour": "hour",
    "daily": "day",
    "day": "day",
    "weekly": "week",
    "week": "week",
    "monthly": "month",
    "month": "month",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "year": "year",
}


class HimalayasSpider(PagedFeedSpider):
    """Every job of the feed, page by page; remote by definition of the board."""

    name = "himalayas"
    source_type = "himalayas"
    live_base = "https://himalayas.app"
    feed = "himalayas"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first page."""
        yield self.first_page(
            self.base + FIRST_PATH, self.parse_page, {"page": 1, "read": 0, "previous": ()}
        )

    def parse_page(
        self, response: Response, page: int, read: int, previous: tuple[str, ...]
    ) -> Iterator[JobPosting | scrapy.Request]:
        """One page of jobs, then the next by cursor (or offset) until the feed ends."""
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, 'a Himalayas page: {"jobs": [...], "nextCursor": ...}')
            return
        guids = tuple(str(_job_id(job)) for job in jobs if isinstance(job, dict))
        # A page equal to the one before means the API ignores the paging: stop, not loop.
        if guids and guids == previous:
            self.add_scope(self.feed)
            return
        for job in jobs:
            if isinstance(job, dict) and _job_id(job):
                yield self.posting(job)
        read += len(jobs)
        follow = {"read": read, "previous": guids}
        cursor = data.get("nextCursor")
        total = data.get("totalCount")
        if jobs and isinstance(cursor, str | int) and not isinstance(cursor, bool) and cursor != "":
            url = f"{self.base}{FIRST_PATH}&cursor={quote(str(cursor), safe='')}"
        elif jobs and isinstance(total, int) and read < total:
            url = f"{self.base}{FIRST_PATH}&offset={read}"
        else:
            self.add_scope(self.feed)
            return
        request = self.next_page(
            response.url, url, self.parse_page, page=page + 1, cb_kwargs=follow
        )
        if request is not None:
            yield request

    def posting(self, job: dict[str, Any]) -> JobPosting:
        """A landing record of one Himalayas job."""
        description = job.get("description") if isinstance(job.get("description"), str) else None
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(_job_id(job)),
            board=self.feed,
            url=job.get("guid") or job.get("applicationLink"),
            company=job.get("companyName"),
            title=job.get("title"),
            location=_location(job.get("locationRestrictions")),
            remote=True,
            salary=_salary(job),
            employment_type=job.get("employmentType"),
            requisition_id=None,
            posted_at=parse_timestamp(job.get("pubDate")),
            description_html=description,
            description_text=html_to_text(description) or str(job.get("excerpt") or "").strip(),
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _job_id(job: dict[str, Any]) -> Any:
    """`guid`, the listing's URL; a job without one is known by its application link."""
    return job.get("guid") or job.get("applicationLink")


def _location(restrictions: Any) -> str:
    """The countries candidates must live in; none listed means anywhere ("Worldwide")."""
    names: list[str] = []
    for entry in restrictions if isinstance(restrictions, list) else []:
        name = entry.get("name") or entry.get("alpha2") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip() and name.strip() not in names:
            names.append(name.strip())
    return ", ".join(names) or WORLDWIDE


def _salary(job: dict[str, Any]) -> dict[str, Any] | None:
    low, high = job.get("minSalary"), job.get("maxSalary")
    if low is None and high is None:
        return None
    stated = str(job.get("salaryPeriod") or "").strip().lower()
    currency = job.get("currency") if isinstance(job.get("currency"), str) else None
    # The data dictionary calls both bounds annual when no period is given.
    period = _PERIODS.get(stated, "year" if not stated else None)
    raw = f"{low}-{high} {currency or ''} {stated}".replace("  ", " ").strip()
    return salary_record(low, high, currency, period, raw)
