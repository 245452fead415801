"""Greenhouse job boards: `/v1/boards/<token>/jobs?content=true`, one request per board."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import remote_from_header
from crawlers.parsing.salary import parse_salary
from crawlers.spiders.base import JobSpider
from pipeline.text import html_to_text

BOARD_PATH = "/v1/boards/{board}/jobs?content=true"


class GreenhouseSpider(JobSpider):
    """Every job of every configured board token."""

    name = "greenhouse"
    source_type = "greenhouse"
    live_base = "https://boards-api.greenhouse.io"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per board token."""
        for board in self.source.boards:
            yield self.request(
                self.base + BOARD_PATH.format(board=board),
                self.parse_board,
                board=board,
                cb_kwargs={"board": board},
            )

    def parse_board(self, response: Response, board: str) -> Iterator[JobPosting]:
        """The board's jobs as postings; an empty board is fine."""
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, 'a Greenhouse board: {"jobs": [...]}')
            return
        for job in jobs:
            if isinstance(job, dict) and job.get("id") is not None:
                yield self.posting(job, board)
        self.add_scope(board)

    def posting(self, job: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one Greenhouse job."""
        # `content` is HTML escaped once more (&lt;p&gt;): unescape to get the HTML as written.
        description_html = (
            html.unescape(job["content"]) if isinstance(job.get("content"), str) else None
        )
        text = html_to_text(description_html)
        location = _location(job)
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["id"]),
            board=board,
            url=job.get("absolute_url"),
            company=job.get("company_name") or board,
            title=job.get("title"),
            location=location,
            remote=remote_from_header(location) if location else None,
            salary=parse_salary(text, require_currency=True, require_range=True),
            employment_type=_metadata(job, "employment type", "time type", "employment"),
            requisition_id=job.get("requisition_id"),
            # first_published is the posting date; updated_at moves on every edit.
            posted_at=parse_timestamp(job.get("first_published"))
            or parse_timestamp(job.get("updated_at")),
            description_html=description_html,
            description_text=text,
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _location(job: dict[str, Any]) -> str | None:
    location = job.get("location")
    if isinstance(location, dict):
        return location.get("name") or None
    return location if isinstance(location, str) and location else None


def _metadata(job: dict[str, Any], *names: str) -> str | None:
    for entry in job.get("metadata") or []:
        if isinstance(entry, dict) and str(entry.get("name", "")).strip().lower() in names:
            value = entry.get("value")
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            return str(value) if value else None
    return None
