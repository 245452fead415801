"""Workable accounts: `/api/v1/widget/accounts/<account>?details=true`, every job in one answer.

A job open in several places is listed once per place with the same `shortcode`: it is one
posting whose location names every place. `telecommuting` is the remote flag; dates are
date-only; pay appears only in the description text.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.ats import join_places, place, remote_from_places, sections_html
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import parse_text_salary
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

ACCOUNT_PATH = "/api/v1/widget/accounts/{board}?details=true"
PUBLIC_URL = "https://apply.workable.com/j/{shortcode}"


class WorkableSpider(JobSpider):
    """Every job of every configured Workable account."""

    name = "workable"
    source_type = "workable"
    live_base = "https://apply.workable.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per configured account."""
        for board in self.source.boards:
            yield self.request(
                self.base + ACCOUNT_PATH.format(board=quote(board, safe="")),
                self.parse_account,
                board=board,
                cb_kwargs={"board": board},
            )

    def parse_account(self, response: Response, board: str) -> Iterator[JobPosting]:
        """The account's jobs, one posting per shortcode; an account without jobs is fine."""
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.wrong_shape(response, 'a Workable account: {"jobs": [...]}')
            return
        by_code: dict[str, list[dict[str, Any]]] = {}
        for job in jobs:
            if isinstance(job, dict) and job.get("shortcode"):
                by_code.setdefault(str(job["shortcode"]), []).append(job)
        company = data.get("name") if isinstance(data.get("name"), str) else None
        for entries in by_code.values():
            yield self.posting(entries, board, company)
        self.add_scope(board)

    def posting(self, entries: list[dict[str, Any]], board: str, company: str | None) -> JobPosting:
        """A landing record of one Workable job from its entries (one per place it is open in)."""
        job = entries[0]
        description_html = sections_html(
            [
                (None, _text(job.get("description"))),
                ("Requirements", _text(job.get("requirements"))),
                ("Benefits", _text(job.get("benefits"))),
            ]
        )
        text = html_to_text(description_html)
        location = join_places(_places(entries))
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["shortcode"]),
            board=board,
            url=job.get("url")
            or job.get("shortlink")
            or PUBLIC_URL.format(shortcode=job["shortcode"]),
            company=company or board,
            title=job.get("title"),
            location=location,
            remote=_remote(job, location),
            salary=parse_text_salary(text),
            employment_type=_text(job.get("employment_type")),
            requisition_id=_text(job.get("code")),
            # published_on is the day the job went live; created_at is when it was drafted.
            posted_at=parse_timestamp(job.get("published_on"))
            or parse_timestamp(job.get("created_at")),
            description_html=description_html,
            description_text=text,
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _places(entries: list[dict[str, Any]]) -> list[str | None]:
    """Every place of the entries: their visible `locations`, else the hidden ones, else the
    entry's own city, state and country."""
    visible: list[str | None] = []
    hidden: list[str | None] = []
    own: list[str | None] = []
    for entry in entries:
        for spot in entry.get("locations") or []:
            if isinstance(spot, dict):
                name = place(spot.get("city"), spot.get("region"), spot.get("country"))
                (hidden if spot.get("hidden") is True else visible).append(name)
        own.append(place(entry.get("city"), entry.get("state"), entry.get("country")))
    return visible or hidden or own


def _remote(job: dict[str, Any], location: str | None) -> bool | None:
    if isinstance(job.get("telecommuting"), bool):
        return bool(job["telecommuting"])
    return remote_from_places(location)
