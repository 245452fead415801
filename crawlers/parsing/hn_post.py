"""One HN post to its landing record: clean text, header fields, salary and openings."""

from __future__ import annotations

from typing import Any

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import month_start_iso, parse_timestamp
from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.salary import parse_salary
from pipeline.text import html_to_text

ITEM_URL = "https://news.ycombinator.com/item?id={id}"


def hn_posting(
    post: dict[str, Any],
    *,
    source: str,
    source_type: str,
    thread_id: int,
    month: str,
    board: str,
    run_id: str,
    fetched_at: str,
) -> JobPosting:
    """A landing record of one HN post: header fields parsed, the body cleaned, openings found."""
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
        source=source,
        source_type=source_type,
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
        run_id=run_id,
        fetched_at=fetched_at,
        month=month,
        thread_id=thread_id,
    )


def hn_records(posts: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    """Landing records of several posts of one thread, as plain dicts (what a worker returns)."""
    return [dict(hn_posting(post, **context)) for post in posts]
