"""HN posts parsed by worker processes land exactly as parsed in the spider; quiet item logging."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from types import SimpleNamespace

from scrapy.http import Request, TextResponse

from crawlers.parsing.hn_post import hn_records, with_post
from crawlers.spiders.base import POOL_MIN_POSTS, LandingLogFormatter

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BASE = "http://127.0.0.1:9"


def test_worker_records_equal_inline_postings(make_spider) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    story = json.loads((CORPUS / "hn-algolia/items/39000001.json").read_text(encoding="utf-8"))
    posts = [
        c for c in story["children"] if c.get("text") and not c.get("deleted") and not c.get("dead")
    ]
    context = spider._context(thread_id=39000001, month="2024-03", board="39000001")
    inline = [
        dict(spider.posting(post, thread_id=39000001, month="2024-03", board="39000001"))
        for post in posts
    ]
    slim = hn_records(posts, context)
    assert all("raw" not in r and "description_html" not in r for r in slim)
    rebuilt = [with_post(record, post) for record, post in zip(slim, posts, strict=True)]
    assert len(rebuilt) == len(posts) > 0
    assert rebuilt == inline
    assert [list(r) for r in rebuilt] == [
        list(r) for r in inline
    ]  # the same field order when landed


def test_big_thread_without_pool_lands_every_post_in_order(make_spider, role_families) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    spider.parse_workers = 0  # inline: the async callback must give what parse_thread gives
    children = [
        {
            "id": 1000 + n,
            "text": f"Acme {n} | Senior ML Engineer | Remote",
            "created_at_i": 1709300000 + n,
        }
        for n in range(POOL_MIN_POSTS + 5)
    ]
    children.append({"id": 5, "deleted": True})
    body = json.dumps(
        {"id": 7, "title": "Ask HN: Who is hiring? (March 2024)", "children": children}
    ).encode()
    url = f"{BASE}/api/v1/items/7"
    response = TextResponse(url=url, body=body, encoding="utf-8", request=Request(url))

    async def collect() -> list:
        return [item async for item in spider.land_thread(response, thread_id=7, month="2024-03")]

    items = asyncio.run(collect())
    assert [item["source_id"] for item in items] == [
        str(1000 + n) for n in range(POOL_MIN_POSTS + 5)
    ]
    assert items[0]["remote"] is True
    assert role_families(items[:1]) == {items[0]["global_id"]: ["ai_engineer"]}
    assert spider.thread_months == {"7": "2024-03"}


def test_scraped_items_are_not_logged_above_debug() -> None:
    formatter = LandingLogFormatter()

    def spider(level: str) -> SimpleNamespace:
        return SimpleNamespace(crawler=SimpleNamespace(settings={"LOG_LEVEL": level}))

    assert formatter.scraped({"a": 1}, None, spider("INFO")) is None
    logged = formatter.scraped({"a": 1}, None, spider("DEBUG"))
    assert logged is not None and logged["level"] == logging.DEBUG
