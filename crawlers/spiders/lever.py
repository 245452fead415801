"""Lever sites: `/v0/postings/<site>?mode=json&skip=N&limit=100`, paging until a short page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import remote_from_header
from crawlers.parsing.salary import salary_record
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

PAGE_PATH = "/v0/postings/{board}?mode=json&skip={skip}&limit={limit}"
PAGE_SIZE = 100
EU_BASE = "https://api.eu.lever.co"
_INTERVALS = {
    "per-year-salary": "year",
    "per-month-salary": "month",
    "per-week-salary": "week",
    "per-day-wage": "day",
    "per-hour-wage": "hour",
}
_WORKPLACE = {"remote": True, "on-site": False, "onsite": False, "hybrid": False}


class LeverSpider(JobSpider):
    """Every posting of every configured Lever site, page by page."""

    name = "lever"
    source_type = "lever"
    live_base = "https://api.lever.co"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first page of each site (the EU host when configured)."""
        if self.source.eu and not self.source.base_url:
            self.base = EU_BASE
        for board in self.source.boards:
            yield self._page(board, 0, ())

    def _page(self, board: str, skip: int, previous: tuple[str, ...]) -> scrapy.Request:
        url = self.base + PAGE_PATH.format(board=board, skip=skip, limit=PAGE_SIZE)
        return self.request(
            url,
            self.parse_page,
            board=board,
            cb_kwargs={"board": board, "skip": skip, "previous": previous},
        )

    def parse_page(
        self, response: Response, board: str, skip: int, previous: tuple[str, ...]
    ) -> Iterator[JobPosting | scrapy.Request]:
        """One page of postings, then the next page while pages are full and new."""
        postings = self.json_body(response)
        if postings is None:
            return
        if not isinstance(postings, list):
            self.wrong_shape(response, "a Lever postings list")
            return
        ids = tuple(str(p.get("id")) for p in postings if isinstance(p, dict))
        # A page equal to the one before means the site ignores skip: stop instead of looping.
        if ids and ids == previous:
            self.add_scope(board)
            return
        for posting in postings:
            if isinstance(posting, dict) and posting.get("id") is not None:
                yield self.posting(posting, board)
        if len(postings) < PAGE_SIZE:
            self.add_scope(board)
        elif skip // PAGE_SIZE + 1 >= self.max_pages:
            self.record_error(
                response.url,
                "pagination_limit",
                f"{board} still paging after {self.max_pages} pages",
            )
        else:
            yield self._page(board, skip + PAGE_SIZE, ids)

    def posting(self, posting: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one Lever posting."""
        categories: dict[str, Any] = (
            posting["categories"] if isinstance(posting.get("categories"), dict) else {}
        )
        location = categories.get("location") or None
        workplace = str(posting.get("workplaceType") or "").lower()
        remote = _WORKPLACE.get(workplace)
        if remote is None and location:
            remote = remote_from_header(location)
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(posting["id"]),
            board=board,
            url=posting.get("hostedUrl"),
            company=board,
            title=posting.get("text"),
            location=location,
            remote=remote,
            salary=_salary(posting.get("salaryRange")),
            employment_type=categories.get("commitment"),
            requisition_id=None,
            posted_at=parse_timestamp(posting.get("createdAt")),
            description_html=_html(posting),
            description_text=_text(posting),
            raw=posting,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _lists(posting: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry for entry in posting.get("lists") or [] if isinstance(entry, dict)]


def _text(posting: dict[str, Any]) -> str:
    """descriptionPlain, then each list (heading and items), then additionalPlain."""
    parts = [str(posting.get("descriptionPlain") or html_to_text(posting.get("description")))]
    for entry in _lists(posting):
        items = html_to_text(f"<ul>{entry.get('content') or ''}</ul>")
        parts.append(f"{entry.get('text') or ''}\n{items}".strip())
    parts.append(str(posting.get("additionalPlain") or html_to_text(posting.get("additional"))))
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _html(posting: dict[str, Any]) -> str | None:
    parts = [str(posting.get("description") or "")]
    for entry in _lists(posting):
        parts.append(f"<h3>{entry.get('text') or ''}</h3><ul>{entry.get('content') or ''}</ul>")
    parts.append(str(posting.get("additional") or ""))
    joined = "".join(parts)
    return joined or None


def _salary(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    period = _INTERVALS.get(str(value.get("interval") or "").lower())
    raw = f"{value.get('min')}-{value.get('max')} {value.get('currency') or ''} {value.get('interval') or ''}".strip()
    return salary_record(value.get("min"), value.get("max"), value.get("currency"), period, raw)
