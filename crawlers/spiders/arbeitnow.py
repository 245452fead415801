"""Arbeitnow's public job board `/api/job-board-api?page=N`, page by page until `links.next` is null.

Many of its jobs come from ATS boards, whose descriptions arrive entity-escaped once more
(`&lt;p&gt;`); they are unescaped to the HTML as written. The board states no salary field, so pay
is read from the text as for the other prose-only sources (a range with a currency, else one
amount with its period: "€70,000 per year").
"""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import remote_from_header
from crawlers.parsing.salary import parse_text_salary
from crawlers.spiders.paging import PagedFeedSpider
from jobtrends.text import html_to_text

PAGE_PATH = "/api/job-board-api?page={page}"
_ESCAPED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s|&gt;|/)")
# A tag as written (kept by re.split through the group).
_REAL_TAG = re.compile(r"(</?[a-zA-Z][^<>]*>)")


class ArbeitnowSpider(PagedFeedSpider):
    """Every job of the board, page by page."""

    name = "arbeitnow"
    source_type = "arbeitnow"
    live_base = "https://www.arbeitnow.com"
    feed = "arbeitnow"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first page."""
        yield self.first_page(
            self.base + PAGE_PATH.format(page=1), self.parse_page, {"page": 1, "previous": ()}
        )

    def parse_page(
        self, response: Response, page: int, previous: tuple[str, ...]
    ) -> Iterator[JobPosting | scrapy.Request]:
        """One page of jobs, then the next while `links.next` names one."""
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("data") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, 'an Arbeitnow page: {"data": [...], "links": {...}}')
            return
        slugs = tuple(str(job.get("slug")) for job in jobs if isinstance(job, dict))
        # A page equal to the one before means the board ignores `page`: stop, not loop.
        if slugs and slugs == previous:
            self.add_scope(self.feed)
            return
        for job in jobs:
            if isinstance(job, dict) and job.get("slug"):
                yield self.posting(job)
        links = data.get("links")
        more = links.get("next") if isinstance(links, dict) else None
        if not jobs or not more:
            self.add_scope(self.feed)
            return
        # Follow by page number on our own base, never the absolute `next` URL: a replay must
        # not be sent to the live host.
        request = self.next_page(
            response.url,
            self.base + PAGE_PATH.format(page=page + 1),
            self.parse_page,
            page=page + 1,
            cb_kwargs={"previous": slugs},
        )
        if request is not None:
            yield request

    def posting(self, job: dict[str, Any]) -> JobPosting:
        """A landing record of one Arbeitnow job."""
        description = _unescaped(job.get("description"))
        text = html_to_text(description)
        location = job.get("location") if isinstance(job.get("location"), str) else None
        remote = job.get("remote")
        if not isinstance(remote, bool):
            remote = remote_from_header(location) if location else None
        job_types = [t for t in job.get("job_types") or [] if isinstance(t, str) and t.strip()]
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["slug"]),
            board=self.feed,
            url=job.get("url"),
            company=job.get("company_name"),
            title=job.get("title"),
            location=location,
            remote=remote,
            salary=parse_text_salary(text),
            employment_type=", ".join(job_types) or None,
            requisition_id=None,
            posted_at=parse_timestamp(job.get("created_at")),
            description_html=description,
            description_text=text,
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _unescaped(description: Any) -> str | None:
    """The description's HTML as written: one layer of entity escaping undone where it was added.

    The board appends its own unescaped footer (`<p>Find Jobs in Germany on Arbeitnow`) to an
    escaped ATS description, so escaping is undone in the text between real tags, never across
    them: the escaped part becomes HTML, the real tags stay as they are.
    """
    if not isinstance(description, str):
        return None
    if not _ESCAPED_TAG.search(description):
        return description
    return "".join(
        part if part.startswith("<") or not _ESCAPED_TAG.search(part) else html.unescape(part)
        for part in _REAL_TAG.split(description)
    )
