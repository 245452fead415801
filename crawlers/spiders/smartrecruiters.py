"""SmartRecruiters companies: `/v1/companies/<id>/postings?offset=N&limit=100`, then each detail.

The list pages until `offset + len(content) >= totalFound`; the description (HTML sections) is
only in the detail `/v1/companies/<id>/postings/<posting id>`. A job translated into several
languages is listed once per language with the same `refNumber` (one of them `defaultJobAd`):
it is one posting, landed from its English version when there is one. A page or detail that
fails makes the board incomplete; what was listed is still landed (without a description when
its detail is missing).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.ats import place, sections_html
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import parse_text_salary
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

LIST_PATH = "/v1/companies/{board}/postings?offset={offset}&limit={limit}"
DETAIL_PATH = "/v1/companies/{board}/postings/{posting_id}"
PAGE_SIZE = 100  # the API's largest page
PUBLIC_URL = "https://jobs.smartrecruiters.com/{board}/{posting_id}"
# The detail's sections in the order the careers page shows them; others follow in their order.
SECTION_ORDER = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
_LOCATION_TYPES = {"remote": True, "hybrid": False, "onsite": False, "on_site": False}


class SmartRecruitersSpider(JobSpider):
    """Every posting of every configured SmartRecruiters company, with its detail."""

    name = "smartrecruiters"
    source_type = "smartrecruiters"
    live_base = "https://api.smartrecruiters.com"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # board -> posting id -> list entry, in listing order, until the board's listing ends
        self._listings: dict[str, dict[str, dict[str, Any]]] = {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The first list page of each company (a 404 there: the company is gone)."""
        for board in self.source.boards:
            self._listings[board] = {}
            yield self.request(
                self._list_url(board, 0),
                self.parse_page,
                board=board,
                cb_kwargs={"board": board, "offset": 0, "page": 1},
            )

    def _list_url(self, board: str, offset: int) -> str:
        return self.base + LIST_PATH.format(
            board=quote(board, safe=""), offset=offset, limit=PAGE_SIZE
        )

    def parse_page(
        self, response: Response, board: str, offset: int, page: int
    ) -> Iterator[scrapy.Request]:
        """One list page; the next page while postings remain, else the details of the listing."""
        data = self.json_body(response)
        if data is None:
            yield from self._details(board)
            return
        content = data.get("content") if isinstance(data, dict) else None
        if not isinstance(content, list):
            self.wrong_shape(response, 'a SmartRecruiters postings page: {"content": [...]}')
            yield from self._details(board)
            return
        listing = self._listings.setdefault(board, {})
        fresh = 0
        for entry in content:
            if isinstance(entry, dict) and entry.get("id") is not None:
                fresh += str(entry["id"]) not in listing
                listing.setdefault(str(entry["id"]), entry)
        start = data.get("offset") if isinstance(data.get("offset"), int) else offset
        total = data.get("totalFound")
        following = start + len(content)
        if (
            not content
            or (isinstance(total, int) and not isinstance(total, bool) and following >= total)
            or (not isinstance(total, int) and len(content) < PAGE_SIZE)
            or fresh == 0  # a page of postings already listed: the server ignores offset
        ):
            self.add_scope(board)
            yield from self._details(board)
        elif page >= self.max_pages:
            self.record_error(
                response.url,
                "pagination_limit",
                f"{board} still paging after {self.max_pages} pages",
            )
            yield from self._details(board)
        else:
            # Not board=...: a 404 past the first page is a missing page, not a gone company.
            yield self.request(
                self._list_url(board, following),
                self.parse_page,
                cb_kwargs={"board": board, "offset": following, "page": page + 1},
                errback=self.on_page_failure,
            )

    def on_page_failure(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A later list page failed for good: the board is incomplete; fetch what was listed."""
        self.on_failure(failure)
        yield from self._details(failure.request.cb_kwargs["board"])  # type: ignore[attr-defined]

    def _details(self, board: str) -> Iterator[scrapy.Request]:
        """One detail request per listed job (one language version of each)."""
        listing = self._listings.pop(board, {})
        for entry in choose_versions(listing.values()):
            posting_id = quote(str(entry["id"]), safe="")
            yield self.request(
                self.base + DETAIL_PATH.format(board=quote(board, safe=""), posting_id=posting_id),
                self.parse_detail,
                cb_kwargs={"board": board, "listed": entry},
                errback=self.on_detail_failure,
            )

    def parse_detail(
        self, response: Response, board: str, listed: dict[str, Any]
    ) -> Iterator[JobPosting]:
        """The posting from its list entry and detail (without the detail when it is unreadable)."""
        detail = self.json_body(response)
        if detail is not None and not isinstance(detail, dict):
            self.wrong_shape(response, "a SmartRecruiters posting detail object")
            detail = None
        yield self.posting(listed, detail, board)

    def on_detail_failure(self, failure: Failure) -> Iterator[JobPosting]:
        """A detail failed for good: record it, and land the job from its list entry."""
        self.on_failure(failure)
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]
        yield self.posting(kwargs["listed"], None, kwargs["board"])

    def posting(
        self, listed: dict[str, Any], detail: dict[str, Any] | None, board: str
    ) -> JobPosting:
        """A landing record of one SmartRecruiters job: the list entry, its detail's fields on top."""
        job = {**listed, **(detail or {})}
        description_html = _description_html(job)
        text = html_to_text(description_html)
        company = _obj(job.get("company"))
        location = _obj(job.get("location"))
        posting_id = str(job["id"])
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=posting_id,
            board=board,
            url=job.get("postingUrl")
            or PUBLIC_URL.format(board=company.get("identifier") or board, posting_id=posting_id),
            company=company.get("name") or board,
            title=job.get("name"),
            location=_location(location),
            remote=_remote(job, location),
            salary=parse_text_salary(text),
            employment_type=_label(job.get("typeOfEmployment")),
            requisition_id=job.get("refNumber"),
            posted_at=parse_timestamp(job.get("releasedDate")),
            description_html=description_html,
            description_text=text,
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def choose_versions(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per job: language versions (same refNumber and place) collapse to one.

    English is kept when listed, since roles and skills are read in English; else the version
    marked `defaultJobAd`; else the first. The same refNumber in two places stays two postings.
    """
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in entries:
        location = _obj(entry.get("location"))
        ref = str(entry.get("refNumber") or f"id:{entry['id']}")
        where = str(location.get("fullLocation") or location.get("city") or "").lower()
        groups.setdefault((ref, where), []).append(entry)
    chosen = []
    for versions in groups.values():
        english = [v for v in versions if _language(v).startswith("en")]
        pool = english or versions
        chosen.append(next((v for v in pool if v.get("defaultJobAd") is True), pool[0]))
    return chosen


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _language(entry: dict[str, Any]) -> str:
    language = entry.get("language")
    code = language.get("code") if isinstance(language, dict) else language
    return str(code or "").lower()


def _description_html(job: dict[str, Any]) -> str | None:
    job_ad = _obj(job.get("jobAd"))
    sections = _obj(job_ad.get("sections"))
    keys = [k for k in SECTION_ORDER if k in sections] + [
        k for k in sections if k not in SECTION_ORDER
    ]
    pairs = []
    for key in keys:
        section = sections[key]
        if isinstance(section, dict) and isinstance(section.get("text"), str):
            pairs.append((section.get("title"), section["text"]))
    return sections_html(pairs)


def _location(location: dict[str, Any]) -> str | None:
    full = location.get("fullLocation")
    if isinstance(full, str) and full.strip():
        return place(*full.split(","))
    country = location.get("country")
    if isinstance(country, str) and len(country) == 2:
        country = country.upper()  # an ISO code, "pt"
    return place(location.get("city"), location.get("region"), country)


def _remote(job: dict[str, Any], location: dict[str, Any]) -> bool | None:
    """Remote when the location says so; a hybrid or on-site statement is not remote."""
    if location.get("remote") is True:
        return True
    kind = _LOCATION_TYPES.get(str(job.get("locationType") or "").lower())
    if kind is not None:
        return kind
    if location.get("hybrid") is True or location.get("remote") is False:
        return False
    return None


def _label(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("label") or value.get("id")
    return value if isinstance(value, str) else None
