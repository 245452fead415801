"""Career pages with schema.org JobPosting in JSON-LD, listed in config or in sitemaps."""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from crawlers.items import JobPosting, build_posting, canonical_url
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.salary import parse_salary, salary_record
from crawlers.spiders.base import JobSpider
from jobtrends.text import html_to_text

_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


class JsonLdSpider(JobSpider):
    """Every JobPosting of every configured page (and of the pages the sitemaps list)."""

    name = "jsonld"
    source_type = "jsonld"
    live_base = ""

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The configured pages, then the sitemaps (relative URLs resolve against base_url)."""
        self._pages: set[str] = set()
        self.manifest_notes["invalid_jsonld_blocks"] = 0
        for url in self.source.urls:
            request = self._page(self._absolute(url))
            if request is not None:
                yield request
        for url in self.source.sitemaps:
            yield self.request(self._absolute(url), self.parse_sitemap, board=None)

    def _absolute(self, url: str) -> str:
        return urljoin(self.base + "/", url) if self.base else url

    def _page(self, url: str) -> scrapy.Request | None:
        if url in self._pages:
            return None
        self._pages.add(url)
        return self.request(url, self.parse_page)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Pages of a sitemap (or sitemap index, or robots.txt Sitemap: lines)."""
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                yield self.request(url, self.parse_sitemap)
            return
        try:
            sitemap = Sitemap(response.body)
        except Exception as exc:  # noqa: BLE001 - lxml raises several kinds on bad XML
            self.record_error(response.url, "malformed_sitemap", str(exc))
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield self.request(loc, self.parse_sitemap)
            else:
                request = self._page(loc)
                if request is not None:
                    yield request

    def parse_page(self, response: Response) -> Iterator[JobPosting]:
        """Every JobPosting in the page's JSON-LD blocks (@graph, arrays, several blocks), with
        @id references resolved within the page; a block that is not JSON is skipped and named."""
        blocks, broken = jsonld_blocks(response)
        for _number, message in broken:
            self.record_error(response.url, "malformed_jsonld", message)
        notes = self.manifest_notes
        notes["invalid_jsonld_blocks"] = notes.get("invalid_jsonld_blocks", 0) + len(broken)
        host = urlsplit(response.url).netloc or None
        graph = node_index(blocks)
        for index, job in enumerate(job_postings(blocks)):
            yield self.posting(job, response.url, host, index, graph)
        if not broken:
            # A page with an unreadable block was not read completely: it must close nothing.
            self.add_scope(response.url)

    def posting(
        self,
        raw: dict[str, Any],
        page_url: str,
        host: str | None,
        index: int,
        graph: dict[str, dict[str, Any]] | None = None,
    ) -> JobPosting:
        """A landing record of one schema.org JobPosting (`raw` is landed as the page has it)."""
        job = resolve_references(raw, graph or {})
        description_html = _description(job.get("description"))
        text = html_to_text(description_html)
        title = _text_value(job.get("title"))
        location = _location(job.get("jobLocation"))
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=_source_id(job, page_url, title, index),
            board=host,
            url=_text_value(job.get("url")) or page_url,
            company=_organisation(job.get("hiringOrganization")),
            title=title,
            location=location,
            remote=_remote(job),
            salary=_salary(job.get("baseSalary")),
            employment_type=_joined(job.get("employmentType")),
            requisition_id=_identifier(job.get("identifier")),
            posted_at=parse_timestamp(_text_value(job.get("datePosted"))),
            description_html=description_html,
            description_text=text,
            raw=raw,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


# Every <script> whose type is JSON-LD, whatever the case of the type attribute.
_JSONLD_SCRIPTS = (
    "//script[contains(translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
    "'abcdefghijklmnopqrstuvwxyz'), 'application/ld+json')]"
)
# A node that only points at another one: {"@id": "..."} (a "@type" beside it adds nothing).
_REFERENCE_KEYS = frozenset({"@id", "@type"})
# Deepest chain of references followed; deeper (or circular) ones stay as they are.
_MAX_REFERENCE_DEPTH = 8


def jsonld_blocks(response: Response) -> tuple[list[Any], list[tuple[int, str]]]:
    """The page's JSON-LD blocks that are JSON, and (block number, why) for each one that is not.

    A block is read as a search engine reads it: JSON or nothing. extruct's fallback repairs
    trailing commas and comments, which turned broken blocks into postings of a guessed shape.
    Raw control characters inside strings (common in descriptions) are accepted.
    """
    blocks: list[Any] = []
    broken: list[tuple[int, str]] = []
    for number, script in enumerate(response.xpath(_JSONLD_SCRIPTS), start=1):
        text = (script.xpath("string()").get() or "").strip()
        if not text:
            continue
        try:
            blocks.append(json.loads(text, strict=False))
        except ValueError as exc:
            broken.append((number, f"JSON-LD block {number} is not valid JSON ({exc})"))
    return blocks, broken


def node_index(data: Any) -> dict[str, dict[str, Any]]:
    """Every node of the page's graph that has an @id and more than a reference, by @id."""
    found: dict[str, dict[str, Any]] = {}
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            node_id = node.get("@id")
            if isinstance(node_id, str) and not set(node) <= _REFERENCE_KEYS:
                found.setdefault(node_id, node)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return found


def resolve_references(value: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> Any:
    """`value` with each {"@id": ...} reference replaced by the node it names (a copy)."""
    if depth > _MAX_REFERENCE_DEPTH:
        return value
    if isinstance(value, list):
        return [resolve_references(v, index, depth + 1) for v in value]
    if not isinstance(value, dict):
        return value
    node_id = value.get("@id")
    if isinstance(node_id, str) and set(value) <= _REFERENCE_KEYS and node_id in index:
        return resolve_references(index[node_id], index, depth + 1)
    return {key: resolve_references(v, index, depth + 1) for key, v in value.items()}


def job_postings(data: Any) -> list[dict[str, Any]]:
    """Every object typed JobPosting anywhere in decoded JSON-LD (in @graph, lists, nesting)."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            types = node.get("@type")
            type_names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "JobPosting" for t in type_names):
                if not set(node) <= _REFERENCE_KEYS:  # a bare reference: the node is elsewhere
                    found.append(node)
                continue
            stack.extend(reversed([v for v in node.values() if isinstance(v, dict | list)]))
    return found


def _text_value(value: Any) -> str | None:
    """A text property as plain text: HTML entities decoded, as a search engine shows it."""
    text = _raw_text(value)
    return (html.unescape(text).strip() or None) if text is not None else None


def _raw_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("value")
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _description(value: Any) -> str | None:
    """The description as HTML: markup that came entity-escaped (no tag, but "&lt;") is unescaped
    once; entities inside real markup are left to the HTML cleaner."""
    text = _raw_text(value)
    if text is not None and "<" not in text and "&lt;" in text:
        return html.unescape(text)
    return text


def _joined(value: Any) -> str | None:
    if isinstance(value, list):
        return ", ".join(html.unescape(str(v)).strip() for v in value if v) or None
    return _text_value(value)


def _organisation(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text_value(value.get("name"))
    return _text_value(value)


def _identifier(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text_value(value.get("value"))
    return _text_value(value)


def _source_id(job: dict[str, Any], page_url: str, title: str | None, index: int) -> str:
    identifier = _identifier(job.get("identifier"))
    if identifier:
        return identifier
    url = canonical_url(_text_value(job.get("url")))
    if url:
        return url
    # Without an id or URL: the page path (not its host, which a replay server changes), the
    # employer, title, date and position on the page identify the posting.
    company = _organisation(job.get("hiringOrganization"))
    key = f"{urlsplit(page_url).path}\x1f{company}\x1f{title}\x1f{job.get('datePosted')}\x1f{index}"
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "backslashreplace")).hexdigest()[:24]


def _location(value: Any) -> str | None:
    places = value if isinstance(value, list) else [value]
    names: list[str] = []
    for place in places:
        if isinstance(place, str):
            names.append(html.unescape(place))
            continue
        if not isinstance(place, dict):
            continue
        address = place.get("address")
        if isinstance(address, dict):
            country = address.get("addressCountry")
            country = country.get("name") if isinstance(country, dict) else country
            parts = [address.get("addressLocality"), address.get("addressRegion"), country]
            text = html.unescape(", ".join(str(p) for p in parts if p))
            if text:
                names.append(text)
        elif isinstance(address, str):
            names.append(html.unescape(address))
        elif place.get("name"):
            names.append(html.unescape(str(place["name"])))
    return "; ".join(dict.fromkeys(names)) or None


def _remote(job: dict[str, Any]) -> bool | None:
    kind = job.get("jobLocationType")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.strip().upper() == "TELECOMMUTE" for k in kinds):
        return True
    return None


def _salary(value: Any) -> dict[str, Any] | None:
    """schema.org MonetaryAmount: currency plus a QuantitativeValue or a number."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, int | float | str):
        return parse_salary(str(value), require_currency=False)
    if not isinstance(value, dict):
        return None
    currency = _text_value(value.get("currency"))
    amount = value.get("value")
    unit = value.get("unitText")
    if isinstance(amount, dict):
        unit = amount.get("unitText") or unit
        low = amount.get("minValue", amount.get("value"))
        high = amount.get("maxValue", amount.get("value"))
    else:
        low = value.get("minValue", amount)
        high = value.get("maxValue", amount)
    period = _UNITS.get(str(unit or "").strip().upper())
    raw = f"{low}-{high} {currency or ''} {unit or ''}".strip()
    return salary_record(low, high, currency, period, raw)
