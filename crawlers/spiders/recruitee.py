"""Recruitee careers sites: `https://<company>.recruitee.com/api/offers/`, one request per company.

Each company has its own host, so a configured `base_url` (a replay server) stands for every
company's host with the company in the path: `<base_url>/recruitee/<company>/api/offers/`.
Offers carry `remote`/`hybrid`/`on_site` flags, a `salary` object (usually all null) and
timestamps written `2024-05-01 10:00:00 UTC`.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.ats import join_places, place, remote_from_places, sections_html
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import annualise, parse_text_salary, salary_record
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

LIVE_URL = "https://{board}.recruitee.com/api/offers/"
REPLAY_PATH = "/recruitee/{board}/api/offers/"
# A company name that can be a host name label; anything else cannot be a Recruitee site.
HOST_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_PERIODS = {
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
}
# Employers type the salary fields by hand: "75.00"-"95.00" per year is not a yearly pay.
# Amounts that annualise below this are kept as stated but get no annual figure.
MIN_ANNUAL_PAY = 1000.0


class RecruiteeSpider(JobSpider):
    """Every offer of every configured Recruitee company."""

    name = "recruitee"
    source_type = "recruitee"
    live_base = ""  # per company: LIVE_URL

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request per configured company."""
        for board in self.source.boards:
            if not HOST_LABEL.match(board):
                self.record_error(
                    None, "invalid_board", f"{board!r} cannot be a Recruitee company name"
                )
                continue
            url = (
                self.base + REPLAY_PATH.format(board=board)
                if self.source.base_url
                else LIVE_URL.format(board=board)
            )
            yield self.request(url, self.parse_offers, board=board, cb_kwargs={"board": board})

    def parse_offers(self, response: Response, board: str) -> Iterator[JobPosting]:
        """The company's offers as postings; a company without offers is fine."""
        data = self.json_body(response)
        if data is None:
            return
        offers = data.get("offers") if isinstance(data, dict) else None
        if not isinstance(offers, list):
            self.wrong_shape(response, 'a Recruitee careers site: {"offers": [...]}')
            return
        for offer in offers:
            if isinstance(offer, dict) and offer.get("id") is not None:
                yield self.posting(offer, board)
        self.add_scope(board)

    def posting(self, offer: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one Recruitee offer."""
        description_html = sections_html(
            [
                (None, _text(offer.get("description"))),
                ("Requirements", _text(offer.get("requirements"))),
            ]
        )
        text = html_to_text(description_html)
        location = _location(offer)
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(offer["id"]),
            board=board,
            url=offer.get("careers_url") or f"https://{board}.recruitee.com/o/{offer.get('slug')}",
            company=offer.get("company_name") or board,
            title=offer.get("title"),
            location=location,
            remote=_remote(offer, location),
            salary=_salary(offer.get("salary")) or parse_text_salary(text),
            employment_type=_text(offer.get("employment_type_code")),
            requisition_id=None,
            posted_at=parse_timestamp(offer.get("published_at"))
            or parse_timestamp(offer.get("created_at")),
            description_html=description_html,
            description_text=text,
            raw=offer,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _location(offer: dict[str, Any]) -> str | None:
    """Its places ("Tel Aviv, Israel"), else its city and country, else its location label."""
    places = [
        place(spot.get("city") or spot.get("name"), spot.get("state"), spot.get("country"))
        for spot in offer.get("locations") or []
        if isinstance(spot, dict)
    ]
    return (
        join_places(places)
        or place(offer.get("city"), offer.get("state_name"), offer.get("country"))
        or _text(offer.get("location"))
    )


def _remote(offer: dict[str, Any], location: str | None) -> bool | None:
    """Remote when flagged so; hybrid or on-site is not remote; no flag set: the location's word."""
    if offer.get("remote") is True:
        return True
    if offer.get("hybrid") is True or offer.get("on_site") is True:
        return False
    return remote_from_places(location or _text(offer.get("location")))


def _salary(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    period = _PERIODS.get(str(value.get("period") or "").strip().lower())
    currency = value.get("currency") if isinstance(value.get("currency"), str) else None
    low, high = value.get("min"), value.get("max")
    raw = " ".join(
        str(part) for part in (f"{low}-{high}" if low or high else None, currency, period) if part
    )
    record = salary_record(low, high, currency, period, raw or None)
    if record is not None and period is not None:
        top = annualise(record["max"], period)
        if top is not None and top < MIN_ANNUAL_PAY:
            record["annual_min"] = record["annual_max"] = None
    return record
