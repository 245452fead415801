"""The one item every spider yields: a job posting in the landing-record shape."""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

import scrapy

from crawlers.parsing.dates import month_of
from jobtrends.landing import RECORD_FIELDS

# The record's fields in the order they are landed (jobtrends.landing documents each).
LANDING_FIELDS: tuple[str, ...] = RECORD_FIELDS

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_")
_TRACKING_PARAMS = frozenset(
    "gh_src gh_jid lever-source lever-origin source src ref ref_src referrer fbclid gclid "
    "dclid msclkid yclid igshid trk trackingid _hsenc _hsmi mkt_tok campaign".split()
)
# A query of plain key=value pairs, which parse_qsl + urlencode would give back unchanged.
_PLAIN_QUERY = re.compile(r"[\w.~-]+=[\w.~-]*(?:&[\w.~-]+=[\w.~-]*)*", re.ASCII)


class JobPosting(scrapy.Item):
    """A posting as landed: one field per landing record field (jobtrends.landing.LandingRecord)."""

    source = scrapy.Field()
    source_type = scrapy.Field()
    source_id = scrapy.Field()
    global_id = scrapy.Field()
    board = scrapy.Field()
    url = scrapy.Field()
    company = scrapy.Field()
    title = scrapy.Field()
    location = scrapy.Field()
    remote = scrapy.Field()
    salary = scrapy.Field()
    employment_type = scrapy.Field()
    requisition_id = scrapy.Field()
    posted_at = scrapy.Field()
    month = scrapy.Field()
    thread_id = scrapy.Field()
    fetched_at = scrapy.Field()
    description_html = scrapy.Field()
    description_text = scrapy.Field()
    content_hash = scrapy.Field()
    crawl_run_id = scrapy.Field()
    is_synthetic = scrapy.Field()
    raw = scrapy.Field()


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters (utm_*, gh_src, lever-source, ...) or fragment."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url or None
    if not parts.query and not parts.fragment:
        return url
    if not parts.fragment and _PLAIN_QUERY.fullmatch(parts.query):
        # Most URLs (every HN item) carry no tracking key: skip the decode and re-encode.
        keys = [pair.split("=", 1)[0].lower() for pair in parts.query.split("&")]
        if not any(k in _TRACKING_PARAMS or k.startswith(_TRACKING_PREFIXES) for k in keys):
            return url
    return reencoded_without_tracking(parts)


def reencoded_without_tracking(parts: SplitResult) -> str:
    """The general path of canonical_url: decode the query, drop tracking keys and the fragment,
    encode again."""
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in _TRACKING_PARAMS and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def content_hash(title: str | None, company: str | None, location: str | None, text: str) -> str:
    """sha256 over what makes a new version of a posting: title, company, location, text."""
    joined = "\x1f".join((title or "", company or "", location or "", text or ""))
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def build_posting(
    *,
    source: str,
    source_type: str,
    source_id: str,
    board: str | None,
    url: str | None,
    company: str | None,
    title: str | None,
    location: str | None,
    remote: bool | None,
    salary: dict[str, Any] | None,
    employment_type: str | None,
    requisition_id: str | None,
    posted_at: str | None,
    description_html: str | None,
    description_text: str,
    raw: Any,
    run_id: str,
    fetched_at: str,
    month: str | None = None,
    thread_id: int | None = None,
) -> JobPosting:
    """A JobPosting with its derived fields: global id, hash, month, synthetic flag.

    Openings are not classified here: the process flow classifies each record by its
    `source_type`, with the role rules of the day.
    """
    posted = posted_at or fetched_at
    return JobPosting(
        source=source,
        source_type=source_type,
        source_id=str(source_id),
        global_id=f"{source}:{source_id}",
        board=board,
        url=canonical_url(url),
        company=_text_or_none(company),
        title=_text_or_none(title),
        location=_text_or_none(location),
        remote=remote,
        salary=salary,
        employment_type=_text_or_none(employment_type),
        requisition_id=_text_or_none(requisition_id),
        posted_at=posted,
        month=month or month_of(posted),
        thread_id=thread_id,
        fetched_at=fetched_at,
        description_html=description_html,
        description_text=description_text,
        content_hash=content_hash(title, company, location, description_text),
        crawl_run_id=run_id,
        is_synthetic=isinstance(raw, dict) and raw.get("_synthetic") is True,
        raw=raw,
    )


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
