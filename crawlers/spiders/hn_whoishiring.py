"""Hacker News "Ask HN: Who is hiring?" threads through the HN Algolia API: one item per post."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import month_from_title, month_start_iso, parse_timestamp
from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.salary import parse_salary
from crawlers.spiders.base import JobSpider
from crawlers.state import finished_threads
from pipeline.text import html_to_text

SEARCH_PATH = "/api/v1/search_by_date?query=hiring&tags=story,(author__whoishiring,author_whoishiring)&page={page}"
ITEM_PATH = "/api/v1/items/{thread_id}"
ITEM_URL = "https://news.ycombinator.com/item?id={id}"
MONTHLY_THREAD = re.compile(r"^\s*ask hn:\s*who\s+is\s+hiring\?\s*\(\s*[a-z]+\.?\s+\d{4}\s*\)\s*$", re.IGNORECASE)


def is_monthly_thread(title: str | None) -> bool:
    """True for "Ask HN: Who is hiring? (Month YYYY)" in any capitalisation, nothing else."""
    return bool(title) and MONTHLY_THREAD.match(title or "") is not None and month_from_title(title) is not None


class HNWhoIsHiringSpider(JobSpider):
    """Lists the monthly threads page by page, then lands each thread's direct children."""

    name = "hn_whoishiring"
    source_type = "hn_whoishiring"
    live_base = "https://hn.algolia.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first listing page; the rest follow one after another until they repeat."""
        self._requested: set[str] = set()
        self._last_page: tuple[str, ...] | None = None
        self._done = finished_threads(self.landing_dir / self.source_key) if self.latest else set()
        yield self._listing(0)

    def _listing(self, page: int) -> scrapy.Request:
        return self.request(self.base + SEARCH_PATH.format(page=page), self.parse_listing, cb_kwargs={"page": page}, priority=10)

    def parse_listing(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        """Queue the monthly threads of one listing page and the next page, if any."""
        listing = self.json_body(response)
        if listing is None:
            return
        hits = listing.get("hits") if isinstance(listing, dict) else None
        if not isinstance(hits, list):
            self.wrong_shape(response, "an Algolia search page with a hits list")
            return
        ids = tuple(str(hit.get("objectID")) for hit in hits if isinstance(hit, dict))
        # Past its last page the API serves the last page again: a repeat ends the listing.
        if not ids or ids == self._last_page:
            return
        self._last_page = ids
        # The listing is newest first: once a thread is older than --since, all later ones are.
        reached_since = False
        for hit in hits:
            if not isinstance(hit, dict) or not is_monthly_thread(hit.get("title")):
                continue
            month = month_from_title(hit.get("title"))
            thread_id = str(hit.get("objectID") or hit.get("story_id") or "")
            if not month or not thread_id.isdigit():
                continue
            if self.since and month < self.since:
                reached_since = True
            if (self.since and month < self.since) or (self.until and month > self.until):
                continue
            if thread_id in self._requested or thread_id in self._done:
                continue
            self._requested.add(thread_id)
            yield self.request(
                self.base + ITEM_PATH.format(thread_id=thread_id),
                self.parse_thread,
                board=None,
                cb_kwargs={"thread_id": int(thread_id), "month": month},
            )
        nb_pages = listing.get("nbPages")
        if reached_since or (isinstance(nb_pages, int) and page + 1 >= nb_pages):
            return
        if page + 1 >= self.max_pages:
            self.record_error(response.url, "pagination_limit", f"listing still going after {self.max_pages} pages")
            return
        yield self._listing(page + 1)

    def parse_thread(self, response: Response, thread_id: int, month: str) -> Iterator[JobPosting]:
        """One item per direct child of the story that is a live post with text."""
        story = self.json_body(response)
        if story is None:
            return
        children = story.get("children") if isinstance(story, dict) else None
        if not isinstance(children, list):
            self.wrong_shape(response, "an HN item with a children list")
            return
        month = month_from_title(story.get("title")) or month
        board = str(thread_id)
        for child in children:
            if not isinstance(child, dict) or child.get("deleted") or child.get("dead"):
                continue
            if not child.get("text") or child.get("id") is None:
                continue
            yield self.posting(child, thread_id=thread_id, month=month, board=board)
        self.add_scope(board)
        self.scope_months.add(month)
        self.thread_months[board] = month

    def posting(self, post: dict[str, Any], *, thread_id: int, month: str, board: str) -> JobPosting:
        """A landing record of one HN post: header fields parsed, the body cleaned."""
        html = str(post["text"])
        text = html_to_text(html)
        header = text.split("\n", 1)[0].strip()
        fields = parse_hn_header(header, body=text)
        salary = fields.salary or parse_salary(text, require_currency=True, require_range=True)
        posted_at = (
            parse_timestamp(post.get("created_at_i"))
            or parse_timestamp(post.get("created_at"))
            or month_start_iso(month)
        )
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(post["id"]),
            board=board,
            url=ITEM_URL.format(id=post["id"]),
            company=fields.company,
            title=header or None,
            location=fields.location,
            remote=fields.remote,
            salary=salary,
            employment_type=fields.employment_type,
            requisition_id=None,
            posted_at=posted_at,
            description_html=html,
            description_text=text,
            raw=post,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
            month=month,
            thread_id=thread_id,
        )
