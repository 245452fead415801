"""The Remotive, Himalayas and Arbeitnow spiders on the project's fixtures: every field, paging,
bad bodies, and Remotive's daily request budget."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawlers.ratelimit import daily_limit, next_allowed, within_daily_limit


def families(posting: Mapping[str, Any]) -> list[str]:
    """The role families the process flow gives a landed posting (crawls land none)."""
    from pipeline.roles import openings_of_posting, role_families

    return role_families(
        openings_of_posting(posting["source_type"], posting["title"], posting["description_text"])
    )


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BASE = "http://127.0.0.1:9"


def by_id(items: list) -> dict:
    return {item["source_id"]: item for item in items if hasattr(item, "fields")}


def requests_of(items: list) -> list:
    return [item for item in items if not hasattr(item, "fields")]


# ---------------------------------------------------------------- Remotive


def test_remotive_feed_every_field(make_spider, response_from) -> None:
    spider = make_spider("remotive", base_url=BASE)
    response = response_from(CORPUS / "remotive/remote-jobs.json", f"{BASE}/api/remote-jobs")
    jobs = by_id(list(spider.parse_feed(response)))
    assert sorted(jobs) == ["3000001", "3000002", "3000003", "3000004"]
    ml = jobs["3000001"]
    assert ml["global_id"] == "remotive:3000001" and ml["board"] == "remotive"
    assert ml["url"] == (
        "https://remotive.com/remote-jobs/software-dev/senior-machine-learning-engineer-3000001"
    )
    assert (ml["title"], ml["company"], ml["location"]) == (
        "Senior Machine Learning Engineer",
        "Northwind AI",
        "Europe",
    )
    assert ml["remote"] is True and ml["employment_type"] == "full_time"
    assert ml["salary"] == {
        "min": 70_000.0,
        "max": 90_000.0,
        "currency": "EUR",
        "period": "year",
        "annual_min": 70_000.0,
        "annual_max": 90_000.0,
        "raw": "€70,000 - €90,000",
    }
    # publication_date has no zone: Remotive's times are UTC.
    assert ml["posted_at"] == "2026-05-04T09:15:00Z" and ml["month"] == "2026-05"
    assert ml["description_text"] == (
        "Northwind AI builds retrieval tools for legal teams & courts.\n\nWhat you will do\n\n"
        "- Train ranking models in PyTorch\n- Ship RAG pipelines"
    )
    assert ml["description_html"].startswith("<p>Northwind AI builds")
    assert families(ml) == ["ai_engineer"] and ml["raw"]["tags"] == [
        "python",
        "pytorch",
        "llm",
    ]
    ds = jobs["3000002"]
    assert families(ds) == ["data_scientist"] and ds["location"] == "USA Only"
    assert ds["salary"]["period"] == "hour" and ds["salary"]["currency"] == "USD"
    assert (ds["salary"]["annual_min"], ds["salary"]["annual_max"]) == (55 * 2080, 70 * 2080)
    csm = jobs["3000003"]
    # "Competitive" states no amount; an empty location says nothing.
    assert csm["salary"] is None and csm["location"] is None
    assert csm["description_text"] == "Onboard new customers and own their renewals."
    backend = jobs["3000004"]
    assert backend["salary"]["min"] == 80_000 and backend["salary"]["currency"] is None
    assert backend["salary"]["raw"] == "80k-100k" and backend["posted_at"] == "2026-03-31T23:59:59Z"
    assert spider.scope_boards == ["remotive"] and spider.errors == []


def test_remotive_job_with_an_empty_description_lands_an_empty_text(
    make_spider, response_from, tmp_path
) -> None:
    feed = json.loads((CORPUS / "remotive/remote-jobs.json").read_text())
    feed["jobs"][2]["description"] = ""
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed))
    spider = make_spider("remotive", base_url=BASE)
    jobs = by_id(list(spider.parse_feed(response_from(path, f"{BASE}/api/remote-jobs"))))
    assert jobs["3000003"]["description_text"] == ""
    assert jobs["3000003"]["description_html"] == ""


def test_remotive_feed_shorter_than_its_job_count_is_incomplete(
    make_spider, response_from, tmp_path
) -> None:
    feed = json.loads((CORPUS / "remotive/remote-jobs.json").read_text())
    feed["job-count"] = 40
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed))
    spider = make_spider("remotive", base_url=BASE)
    assert len(by_id(list(spider.parse_feed(response_from(path, f"{BASE}/api/remote-jobs"))))) == 4
    assert [(e["kind"], e["fatal"]) for e in spider.errors] == [("incomplete_feed", True)]
    assert spider.errors[0]["message"] == "job-count says 40 jobs, the feed holds 4"
    assert spider.scope_boards == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$150k - $230k", (150_000, 230_000, "USD", "year", 230_000)),
        ("$90 - $150 /hour", (90, 150, "USD", "hour", 150 * 2080)),
        ("$100,000 - $130,000 USD", (100_000, 130_000, "USD", "year", 130_000)),
        ("€4000 - €5000 per month", (4_000, 5_000, "EUR", "month", 60_000)),
        ("CAD 120k-150k", (120_000, 150_000, "CAD", "year", 150_000)),
        ("Up to $120k", (120_000, 120_000, "USD", "year", 120_000)),
        ("$8k - $10k/month", (8_000, 10_000, "USD", "month", 120_000)),
        ("120,000 - 150,000", (120_000, 150_000, None, "year", 150_000)),  # the field is pay only
        ("40-60", None),  # no currency, no period, not a yearly size: unknown
        ("Competitive", None),
        ("", None),
    ],
)
def test_remotive_free_text_salaries(text: str, expected: tuple | None) -> None:
    from crawlers.spiders.remotive import _salary

    record = _salary(text)
    if expected is None:
        assert record is None
        return
    assert record is not None and record["raw"] == text
    got = (record["min"], record["max"], record["currency"], record["period"], record["annual_max"])
    assert got == expected


# ---------------------------------------------------------------- Himalayas


def test_himalayas_pages_by_cursor_and_reads_every_field(make_spider, response_from) -> None:
    spider = make_spider("himalayas", base_url=BASE)
    first = list(
        spider.parse_page(
            response_from(CORPUS / "himalayas/offset-0.json", f"{BASE}/jobs/api?limit=20"),
            page=1,
            read=0,
            previous=(),
        )
    )
    jobs = by_id(first)
    [follow] = requests_of(first)
    assert follow.url == (
        f"{BASE}/jobs/api?limit=20&cursor=eyJpZCI6ODgxMiwicHViIjoxNzc3ODAwMDAwfQ%3D%3D"
    )
    assert follow.cb_kwargs["page"] == 2 and follow.cb_kwargs["read"] == 2
    assert follow.meta["later_page"] is True and spider.scope_boards == []
    ai = jobs["https://himalayas.app/companies/kestrel-labs/jobs/ai-engineer-llm-platform"]
    assert ai["global_id"] == (
        "himalayas:https://himalayas.app/companies/kestrel-labs/jobs/ai-engineer-llm-platform"
    )
    assert ai["url"] == ai["source_id"] and ai["board"] == "himalayas"
    assert (ai["title"], ai["company"]) == ("AI Engineer, LLM Platform", "Kestrel Labs")
    # No location restriction: anyone anywhere may apply.
    assert ai["location"] == "Worldwide" and ai["remote"] is True
    assert ai["salary"] == {
        "min": 95_000.0,
        "max": 120_000.0,
        "currency": "EUR",
        "period": "year",
        "annual_min": 95_000.0,
        "annual_max": 120_000.0,
        "raw": "95000-120000 EUR annual",
    }
    assert ai["employment_type"] == "Full Time" and ai["posted_at"] == "2026-05-03T09:20:00Z"
    assert ai["description_text"] == (
        "About Kestrel\n\nKestrel Labs builds evaluation tooling for language models.\n\n"
        "- LangChain and vLLM\n- Python"
    )
    assert families(ai) == ["ai_engineer"]
    ds = jobs["https://himalayas.app/companies/tern-travel/jobs/senior-data-scientist"]
    # Location objects of the documented format; pubDate in epoch milliseconds.
    assert ds["location"] == "United Kingdom, Ireland" and ds["posted_at"] == "2026-05-02T09:20:00Z"
    assert ds["salary"]["period"] == "month" and ds["salary"]["annual_max"] == 8500 * 12
    assert families(ds) == ["data_scientist"]

    last = list(
        spider.parse_page(
            response_from(CORPUS / "himalayas/offset-2.json", follow.url),
            page=2,
            read=2,
            previous=tuple(jobs),
        )
    )
    [writer] = by_id(last).values()
    assert requests_of(last) == [] and spider.scope_boards == ["himalayas"]
    assert writer["location"] == "Canada, United States" and writer["salary"] is None
    assert spider.errors == []


def test_himalayas_without_a_cursor_goes_on_by_offset_while_total_count_says_more(
    make_spider, response_from, tmp_path
) -> None:
    page = json.loads((CORPUS / "himalayas/offset-0.json").read_text())
    del page["nextCursor"]
    page["totalCount"] = 500
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    spider = make_spider("himalayas", base_url=BASE)
    out = list(spider.parse_page(response_from(path, f"{BASE}/x"), page=1, read=0, previous=()))
    assert [r.url for r in requests_of(out)] == [f"{BASE}/jobs/api?limit=20&offset=2"]
    page["totalCount"] = 2  # everything listed was read: the end
    path.write_text(json.dumps(page))
    spider = make_spider("himalayas", base_url=BASE)
    out = list(spider.parse_page(response_from(path, f"{BASE}/x"), page=1, read=0, previous=()))
    assert requests_of(out) == [] and spider.scope_boards == ["himalayas"]


def test_himalayas_page_budget_stops_without_an_error(make_spider, response_from) -> None:
    spider = make_spider("himalayas", base_url=BASE, max_pages=1)
    page = response_from(CORPUS / "himalayas/offset-0.json", f"{BASE}/jobs/api?limit=20")
    out = list(spider.parse_page(page, page=1, read=0, previous=()))
    assert len(by_id(out)) == 2 and requests_of(out) == []
    assert [(e["kind"], e["fatal"]) for e in spider.errors] == [("page_budget", False)]
    assert spider.scope_boards == []  # not read to its end: closes nothing


# ---------------------------------------------------------------- Arbeitnow


def test_arbeitnow_pages_until_next_is_null(make_spider, response_from) -> None:
    spider = make_spider("arbeitnow", base_url=BASE)
    first = list(
        spider.parse_page(
            response_from(CORPUS / "arbeitnow/page-1.json", f"{BASE}/api/job-board-api?page=1"),
            page=1,
            previous=(),
        )
    )
    [follow] = requests_of(first)
    # The next page on our own base, never the absolute live URL of links.next.
    assert follow.url == f"{BASE}/api/job-board-api?page=2" and follow.cb_kwargs["page"] == 2
    jobs = by_id(first)
    ml = jobs["machine-learning-engineer-hamburg-410001"]
    assert ml["global_id"] == "arbeitnow:machine-learning-engineer-hamburg-410001"
    assert (ml["title"], ml["company"], ml["location"]) == (
        "Machine Learning Engineer (m/w/d)",
        "Elbe Robotics GmbH",
        "Hamburg",
    )
    assert ml["remote"] is False and ml["employment_type"] == "Full time, Permanent"
    # Entity-escaped HTML is unescaped once: the HTML as written, and clean text.
    assert ml["description_html"].startswith("<p>Elbe Robotics builds vision systems")
    assert ml["description_text"] == (
        "Elbe Robotics builds vision systems for ports.\n\n- PyTorch\n- Kubernetes\n\n"
        "Gehalt: €65.000 – €80.000 pro Jahr"
    )
    assert (ml["salary"]["min"], ml["salary"]["max"], ml["salary"]["currency"]) == (
        65_000,
        80_000,
        "EUR",
    )
    assert ml["posted_at"] == "2026-04-28T10:00:00Z" and families(ml) == ["ai_engineer"]
    assert ml["url"] == (
        "https://www.arbeitnow.com/jobs/companies/elbe-robotics-gmbh/"
        "machine-learning-engineer-hamburg-410001"
    )
    ds = jobs["data-scientist-remote-410002"]
    assert ds["remote"] is True and ds["employment_type"] is None and ds["salary"] is None
    assert families(ds) == ["data_scientist"] and spider.scope_boards == []

    last = list(
        spider.parse_page(
            response_from(CORPUS / "arbeitnow/page-2.json", follow.url),
            page=2,
            previous=tuple(jobs),
        )
    )
    [student] = by_id(last).values()
    assert requests_of(last) == [] and spider.scope_boards == ["arbeitnow"]
    # No remote flag: read from the location, where "Hybrid" means not remote.
    assert student["location"] == "München (Hybrid)" and student["remote"] is False
    assert student["employment_type"] == "Working student" and spider.errors == []


def test_arbeitnow_repeated_page_ends_the_listing(make_spider, response_from) -> None:
    spider = make_spider("arbeitnow", base_url=BASE)
    page = response_from(CORPUS / "arbeitnow/page-1.json", f"{BASE}/api/job-board-api?page=2")
    slugs = ("machine-learning-engineer-hamburg-410001", "data-scientist-remote-410002")
    assert list(spider.parse_page(page, page=2, previous=slugs)) == []
    assert spider.scope_boards == ["arbeitnow"]


# ---------------------------------------------------------------- bad bodies


CALLBACKS = {
    "remotive": ("parse_feed", {}),
    "himalayas": ("parse_page", {"page": 1, "read": 0, "previous": ()}),
    "arbeitnow": ("parse_page", {"page": 1, "previous": ()}),
}


@pytest.mark.parametrize("source_type", sorted(CALLBACKS))
@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "html_instead_of_json"),
        (b'{"jobs": [{"id": 1, "title": "x"', "truncated_json"),
        (b'{"data": nope}', "malformed_json"),
        (b'{"jobs": "\xff\xfe"}', "invalid_utf8"),
        (b'{"positions": []}', "wrong_shape"),
        (b"[]", "wrong_shape"),
    ],
)
def test_bad_bodies_are_recorded(
    make_spider, response_from, tmp_path, source_type: str, body: bytes, kind: str
) -> None:
    path = tmp_path / "body.json"
    path.write_bytes(body)
    spider = make_spider(source_type, base_url=BASE)
    callback, kwargs = CALLBACKS[source_type]
    assert list(getattr(spider, callback)(response_from(path, f"{BASE}/feed"), **kwargs)) == []
    assert [(e["kind"], e["url"], e["fatal"]) for e in spider.errors] == [
        (kind, f"{BASE}/feed", True)
    ]
    assert spider.scope_boards == []


# ---------------------------------------------------------------- the daily request budget

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _manifest(hours_ago: float, requests: int) -> dict:
    started = NOW - timedelta(hours=hours_ago)
    return {"started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "requests": requests}


def test_daily_limit_applies_to_the_live_api_unless_configured() -> None:
    assert daily_limit(None, 4, live=True) == 4
    assert daily_limit(None, 4, live=False) is None  # a replay is never held back
    assert daily_limit(2, 4, live=False) == 2  # set explicitly: applies to any host
    assert daily_limit(0, 4, live=True) is None  # 0 turns it off
    assert daily_limit(None, None, live=True) is None


def test_next_allowed_counts_the_last_24_hours() -> None:
    runs = [_manifest(30, 4), _manifest(20, 2), _manifest(5, 2)]
    assert (
        next_allowed(runs, limit=6, planned=2, now=NOW) is None
    )  # 2 + 2 + 2, the 30 h one aged out
    # 4 used; 2 more would make 6 > 5: allowed once the run of 20 hours ago leaves the window.
    assert next_allowed(runs, limit=5, planned=2, now=NOW) == NOW + timedelta(hours=4)
    assert next_allowed(runs, limit=3, planned=2, now=NOW) == NOW + timedelta(hours=19)
    assert next_allowed([{"requests": 9}, {"started_at": "junk"}], 2, 2, NOW) is None


def test_remotive_live_run_is_skipped_past_its_budget(make_spider, tmp_path) -> None:
    spider = make_spider("remotive")  # the live API: the spider's own limit of 4 a day
    folder = spider.landing_dir / "remotive"
    folder.mkdir(parents=True)
    earlier = datetime.now(UTC) - timedelta(hours=3)
    (folder / "20260101T000000Z-0000aaaa.manifest.json").write_text(
        json.dumps({"started_at": earlier.strftime("%Y-%m-%dT%H:%M:%SZ"), "requests": 3})
    )
    assert within_daily_limit(spider, planned=1, live_default=4) is False
    [error] = spider.errors
    allowed = (earlier + timedelta(hours=24)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert error["kind"] == "skipped" and error["fatal"] is False and error["url"] is None
    assert error["message"] == f"skipped: rate limit (4 requests a day), next allowed at {allowed}"
    replay = make_spider("remotive", base_url=BASE)  # same landing zone, a local replay
    assert within_daily_limit(replay, planned=1, live_default=4) is True
    # A base_url elsewhere (a proxy, a mirror) still reaches Remotive: the limit holds.
    mirror = make_spider("remotive", base_url="https://remotive-mirror.example")
    assert within_daily_limit(mirror, planned=1, live_default=4) is False


def test_a_budget_below_one_run_is_a_failure_naming_the_fix(make_spider) -> None:
    spider = make_spider("remotive", base_url=BASE, max_requests_per_day=1)
    assert within_daily_limit(spider, planned=1, live_default=4) is False
    assert [(e["kind"], e["fatal"]) for e in spider.errors] == [("rate_limit", True)]
    assert spider.errors[0]["message"] == (
        "max_requests_per_day 1 of remotive is below the 2 requests one run needs; "
        "raise it in the config file"
    )


# ---------------------------------------------------------------- the generated demo corpus


def test_the_spiders_read_a_generated_corpus_as_it_was_generated(
    make_spider, response_from, tmp_path
) -> None:
    """Every generated job of the three feeds lands with the fields the generator drew for it
    (generate_landing writes the same plan as landing records: the truth to compare with)."""
    import gzip

    from jobtrends.generate import generate_corpus, generate_landing

    summary = generate_corpus(tmp_path / "corpus", postings=1500, seed=5)
    generate_landing(tmp_path / "landing", 1500, seed=5)
    corpus = tmp_path / "corpus"
    for source in ("remotive", "himalayas", "arbeitnow"):
        [path] = (tmp_path / "landing" / source).glob("*.jsonl.gz")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            truth = {r["global_id"]: r for r in map(json.loads, handle)}
        spider = make_spider(source, base_url=BASE)
        landed: dict = {}
        if source == "remotive":
            feed = corpus / "remotive/remote-jobs.json"
            landed = by_id(list(spider.parse_feed(response_from(feed, f"{BASE}/api/remote-jobs"))))
        else:
            pattern = "offset-*.json" if source == "himalayas" else "page-*.json"
            for page in sorted(
                (corpus / source).glob(pattern), key=lambda p: int(p.stem.split("-")[1])
            ):
                kwargs: dict = {"page": 1, "previous": ()}
                if source == "himalayas":
                    kwargs["read"] = len(landed)  # the jobs of the pages before
                response = response_from(page, f"{BASE}/x")
                landed |= by_id(list(spider.parse_page(response, **kwargs)))
        assert len(landed) == len(truth) == summary.by_source[source] > 10, source
        with_salary = 0
        for posting in landed.values():
            expected = truth[posting["global_id"]]
            for field in ("title", "company", "location", "remote", "posted_at", "month", "url"):
                assert posting[field] == expected[field], (source, field, posting["global_id"])
            if expected["salary"] is None:
                assert posting["salary"] is None, (source, posting["global_id"])
                continue
            with_salary += 1
            for field in ("min", "max", "currency", "period", "annual_min", "annual_max"):
                assert posting["salary"][field] == expected["salary"][field], (source, field)
        assert with_salary > 5, source
        assert spider.errors == [] and spider.scope_boards == [source]


def test_schema_drift_checks_company_and_url_of_the_feeds(make_spider) -> None:
    """Every feed names the employer and the job's page: a run missing them is drift."""
    from crawlers.validation import REQUIRED_FIELDS, missing_required

    spider = make_spider("remotive", base_url=BASE)
    posting = spider.posting({"id": 9, "title": "Data Scientist", "description": "<p>SQL.</p>"})
    assert posting["posted_at"] == posting["fetched_at"]  # no publication_date either
    for source in ("remotive", "himalayas", "arbeitnow"):
        assert missing_required(posting, REQUIRED_FIELDS[source]) == [
            "posted_at",
            "company",
            "url",
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Gehalt: €65.000 – €80.000 pro Jahr</p>", (65_000, 80_000, "EUR", "year")),
        ("<p>Salary: €70,000 per year, plus bonus.</p>", (70_000, 70_000, "EUR", "year")),
        ("<p>We raised $20M last year.</p>", None),  # money, not pay
    ],
)
def test_arbeitnow_reads_pay_from_the_text(make_spider, text: str, expected: tuple | None) -> None:
    spider = make_spider("arbeitnow", base_url=BASE)
    job = {"slug": "x-1", "title": "Data Scientist", "company_name": "Spree", "description": text}
    salary = spider.posting(job)["salary"]
    got = salary and (salary["min"], salary["max"], salary["currency"], salary["period"])
    assert got == expected
