"""Greenhouse job boards: `/v1/boards/<token>/jobs?content=true`, one request per board."""

from __future__ import annotations

import html
from typing import Any

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import remote_from_header
from crawlers.parsing.salary import parse_salary
from crawlers.spiders.base import BoardSpider
from jobtrends.text import html_to_text

BOARD_PATH = "/v1/boards/{board}/jobs?content=true"


class GreenhouseSpider(BoardSpider):
    """Every job of every configured board token."""

    name = "greenhouse"
    source_type = "greenhouse"
    live_base = "https://boards-api.greenhouse.io"

    board_path = BOARD_PATH
    board_shape = 'a Greenhouse board: {"jobs": [...]}'

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
