"""One HN post to its landing record: clean text, header fields, salary and openings."""

from __future__ import annotations

import gc
from typing import Any

from crawlers.items import LANDING_FIELDS, JobPosting, build_posting
from crawlers.parsing.dates import month_start_iso, parse_timestamp
from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.hn_header_lines import header_line
from crawlers.parsing.salary import parse_salary
from jobtrends.text import html_to_text

ITEM_URL = "https://news.ycombinator.com/item?id={id}"
# The first threads' posts were stored with their line breaks escaped ("Acme - Designer\\nhttp://
# ..."): read as written, the header ran on into the next line and a title line was lost in it.
_ESCAPED_BREAK = "\\n"
# Posts created before this are read with escaped breaks as breaks. Every recorded post storing its
# breaks so is in the April 2011 thread, and the recorded threads jump from 2011-04 to 2013-08; from
# 2013-08 on, a backslash-n is the post's own text (a company named "\\newline", printf("\\n")).
_ESCAPED_BREAKS_BEFORE = "2013-08-01"


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
    posted_at = (
        parse_timestamp(post.get("created_at_i"))
        or parse_timestamp(post.get("created_at"))
        or month_start_iso(month)
    )
    text = html_to_text(_breaks_unescaped(html, posted_at))
    header = header_line(text)
    fields = parse_hn_header(header, body=text)
    salary = fields.salary or parse_salary(text, require_currency=True, require_range=True)
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


def _breaks_unescaped(html: str, posted_at: str) -> str:
    """The post's HTML with escaped line breaks as breaks, for the first threads' posts only."""
    if posted_at < _ESCAPED_BREAKS_BEFORE and _ESCAPED_BREAK in html:
        return html.replace(_ESCAPED_BREAK, "\n")
    return html


# What a worker leaves out of a record: the caller has them already (see with_post).
_ECHOED = ("raw", "description_html")


def hn_records(posts: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    """Landing records of several posts of one thread, as plain dicts without the post itself."""
    records = []
    for post in posts:
        record = dict(hn_posting(post, **context))
        for key in _ECHOED:
            del record[key]
        records.append(record)
    # What survives a chunk is mostly the parsers' caches, kept for the whole crawl: frozen, the
    # cyclic collector stops rescanning them after every few thousand allocations (~15% of a
    # worker's time otherwise). Unreferenced objects are still freed as usual.
    gc.freeze()
    return records


def with_post(record: dict[str, Any], post: dict[str, Any]) -> dict[str, Any]:
    """A record of hn_records completed with its post again, in the landing record's field order."""
    record["description_html"] = str(post["text"])
    record["raw"] = post
    return {key: record[key] for key in LANDING_FIELDS if key in record}
