"""What the paged public job feeds share: one feed read page by page, newest first."""

from __future__ import annotations

from typing import Any, ClassVar

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.spiders.base import JobSpider


class PagedFeedSpider(JobSpider):
    """A feed of one board read page by page; a later page that is gone leaves it incomplete.

    A 404 of the first page means the feed is gone (like a gone ATS board); a 404 of a later page
    means the listing broke off (recorded responses are often trimmed to their first page), so the
    run keeps what it read, names the missing page and leaves the feed out of its scope.
    """

    feed: ClassVar[str] = ""  # the board name of the feed's postings

    def first_page(self, url: str, callback: Any, cb_kwargs: dict[str, Any]) -> scrapy.Request:
        """The request of the feed's first page."""
        return self.request(url, callback, board=self.feed, cb_kwargs=cb_kwargs)

    def next_page(
        self, from_url: str, url: str, callback: Any, *, page: int, cb_kwargs: dict[str, Any]
    ) -> scrapy.Request | None:
        """The request of page `page` (1-based), or None after noting why the run stops here."""
        budget = self.source.max_pages
        if budget is not None and page > budget:
            # A configured depth, not a failure: complete, but nothing of the feed is closed.
            self.record_error(
                from_url,
                "page_budget",
                f"{self.feed}: stopped after the {budget} newest pages (max_pages)",
                fatal=False,
            )
            return None
        if page > self.max_pages:
            self.record_error(
                from_url,
                "pagination_limit",
                f"{self.feed} still paging after {self.max_pages} pages",
            )
            return None
        request = self.request(
            url, callback, board=self.feed, cb_kwargs={**cb_kwargs, "page": page}
        )
        request.meta["later_page"] = True
        return request

    def on_failure(self, failure: Failure) -> None:
        """A later page answering 404 breaks the listing off; anything else as for every spider."""
        request = failure.request  # type: ignore[attr-defined]
        if (
            request.meta.get("later_page")
            and failure.check(HttpError)
            and failure.value.response.status == 404
        ):
            self.record_error(
                request.url,
                "http_404",
                f"a later page of {self.feed} is gone: the feed was read incomplete",
            )
            return
        super().on_failure(failure)
