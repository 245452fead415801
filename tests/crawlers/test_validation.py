"""Schema drift: missing required fields are counted per run, land all the same, and fail the run
past MISSING_FIELD_MAX_SHARE."""

from __future__ import annotations

from typing import Any

from crawlers.items import JobPosting, build_posting
from crawlers.validation import MISSING_FIELD_MAX_SHARE, ValidationPipeline

FETCHED = "2026-05-02T03:00:00Z"


def _posting(n: int, **changes: Any) -> JobPosting:
    values: dict[str, Any] = {
        "source": "greenhouse",
        "source_type": "greenhouse",
        "source_id": str(n),
        "board": "acme",
        "url": f"https://boards.example.org/acme/jobs/{n}",
        "company": "Acme",
        "title": "Data Scientist",
        "location": "Remote",
        "remote": True,
        "salary": None,
        "employment_type": None,
        "requisition_id": None,
        "posted_at": "2026-05-01T10:00:00Z",
        "description_html": "<p>SQL.</p>",
        "description_text": "SQL.",
        "raw": {"id": n},
        "run_id": "20260502T030000Z-00000000",
        "fetched_at": FETCHED,
        **changes,
    }
    return build_posting(**values)


def _run(spider: Any, postings: list[JobPosting]) -> list[JobPosting]:
    pipeline = ValidationPipeline()
    pipeline.open_spider(spider)
    passed = [pipeline.process_item(p, spider) for p in postings]
    pipeline.close_spider(spider)
    return passed


def test_past_the_threshold_the_run_is_incomplete_and_every_posting_passes(make_spider) -> None:
    spider = make_spider("greenhouse", boards=["acme"])
    postings = [_posting(n) for n in range(94)]
    postings += [_posting(n, title="  ") for n in range(94, 100)]  # 6% without a title
    postings += [_posting(n, posted_at=None) for n in range(100, 102)]  # the crawl time stands in
    postings.append(postings[-1])  # a duplicate counts once
    assert _run(spider, postings) == postings  # nothing dropped or changed
    assert spider.manifest_notes["missing_fields"] == {"posted_at": 2, "title": 6}
    assert [(e["kind"], e["fatal"]) for e in spider.errors] == [("missing_fields", True)]
    assert spider.errors[0]["message"].startswith(
        "title is missing in 6 of 102 postings (5.9%, more than the 5% allowed)"
    )


def test_at_the_threshold_the_run_stays_complete(make_spider) -> None:
    spider = make_spider("greenhouse", boards=["acme"])
    share = int(100 * MISSING_FIELD_MAX_SHARE)
    postings = [_posting(n, company=None) for n in range(share)]
    postings += [_posting(n) for n in range(share, 100)]
    _run(spider, postings)
    assert spider.manifest_notes["missing_fields"] == {"company": 5}
    assert spider.errors == []


def test_hn_posts_need_no_company(make_spider) -> None:
    spider = make_spider("hn_whoishiring")
    _run(spider, [_posting(n, source="hn_whoishiring", source_type="hn_whoishiring", company=None, url=None) for n in range(3)])  # fmt: skip
    assert spider.manifest_notes["missing_fields"] == {} and spider.errors == []
