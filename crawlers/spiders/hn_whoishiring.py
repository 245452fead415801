"""Hacker News "Ask HN: Who is hiring?" threads through the HN Algolia API: one item per post."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting
from crawlers.parsing.dates import month_from_title
from crawlers.parsing.hn_post import hn_posting, hn_records, with_post
from crawlers.spiders.base import POOL_CHUNK, POOL_MIN_POSTS, JobSpider
from crawlers.state import finished_threads

SEARCH_PATH = "/api/v1/search_by_date?query=hiring&tags=story,(author__whoishiring,author_whoishiring)&page={page}"
ITEM_PATH = "/api/v1/items/{thread_id}"
MONTHLY_THREAD = re.compile(
    r"^\s*ask hn:\s*who\s+is\s+hiring\?\s*\(\s*[a-z]+\.?\s+\d{4}\s*\)\s*$", re.IGNORECASE
)


def is_monthly_thread(title: str | None) -> bool:
    """True for "Ask HN: Who is hiring? (Month YYYY)" in any capitalisation, nothing else."""
    return (
        bool(title)
        and MONTHLY_THREAD.match(title or "") is not None
        and month_from_title(title) is not None
    )


class HNWhoIsHiringSpider(JobSpider):
    """Lists the monthly threads page by page, then lands each thread's direct children."""

    name = "hn_whoishiring"
    source_type = "hn_whoishiring"
    live_base = "https://hn.algolia.com"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first listing page; the rest follow one after another until they repeat."""
        self._requested: set[str] = set()
        self._last_page: tuple[str, ...] | None = None
        self._done = finished_threads(self.landing_dir, self.source_key) if self.latest else set()
        yield self._listing(0)

    def _listing(self, page: int) -> scrapy.Request:
        return self.request(
            self.base + SEARCH_PATH.format(page=page),
            self.parse_listing,
            cb_kwargs={"page": page},
            priority=10,
        )

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
                self.land_thread,
                board=None,
                cb_kwargs={"thread_id": int(thread_id), "month": month},
            )
        nb_pages = listing.get("nbPages")
        if reached_since or (isinstance(nb_pages, int) and page + 1 >= nb_pages):
            return
        if page + 1 >= self.max_pages:
            self.record_error(
                response.url,
                "pagination_limit",
                f"listing still going after {self.max_pages} pages",
            )
            return
        yield self._listing(page + 1)

    def parse_thread(self, response: Response, thread_id: int, month: str) -> Iterator[JobPosting]:
        """One item per direct child of the story that is a live post with text."""
        thread = self._thread_posts(response, month)
        if thread is None:
            return
        posts, month = thread
        board = str(thread_id)
        for post in posts:
            yield self.posting(post, thread_id=thread_id, month=month, board=board)
        self._thread_done(board, month)

    async def land_thread(
        self, response: Response, thread_id: int, month: str
    ) -> AsyncIterator[JobPosting]:
        """parse_thread, with a big thread's posts parsed by the worker processes, in order."""
        thread = self._thread_posts(response, month)
        if thread is None:
            return
        posts, month = thread
        board = str(thread_id)
        pool = self.parse_pool() if len(posts) >= POOL_MIN_POSTS else None
        if pool is None:
            for post in posts:
                yield self.posting(post, thread_id=thread_id, month=month, board=board)
        else:
            context = self._context(thread_id=thread_id, month=month, board=board)
            loop = asyncio.get_running_loop()
            starts = range(0, len(posts), POOL_CHUNK)
            chunks = [
                loop.run_in_executor(pool, hn_records, posts[at : at + POOL_CHUNK], context)
                for at in starts
            ]
            for at, chunk in zip(starts, chunks, strict=True):
                for post, record in zip(posts[at : at + POOL_CHUNK], await chunk, strict=True):
                    yield JobPosting(with_post(record, post))
        self._thread_done(board, month)

    def _thread_posts(
        self, response: Response, month: str
    ) -> tuple[list[dict[str, Any]], str] | None:
        story = self.json_body(response)
        if story is None:
            return None
        children = story.get("children") if isinstance(story, dict) else None
        if not isinstance(children, list):
            self.wrong_shape(response, "an HN item with a children list")
            return None
        month = month_from_title(story.get("title")) or month
        posts = [
            child
            for child in children
            if isinstance(child, dict)
            and not child.get("deleted")
            and not child.get("dead")
            and child.get("text")
            and child.get("id") is not None
        ]
        return posts, month

    def _thread_done(self, board: str, month: str) -> None:
        self.add_scope(board)
        self.scope_months.add(month)
        self.thread_months[board] = month

    def _context(self, *, thread_id: int, month: str, board: str) -> dict[str, Any]:
        return {
            "source": self.source_key,
            "source_type": self.source_type,
            "thread_id": thread_id,
            "month": month,
            "board": board,
            "run_id": self.run_id,
            "fetched_at": self.fetched_at,
        }

    def posting(
        self, post: dict[str, Any], *, thread_id: int, month: str, board: str
    ) -> JobPosting:
        """A landing record of one HN post: header fields parsed, the body cleaned."""
        return hn_posting(post, **self._context(thread_id=thread_id, month=month, board=board))
