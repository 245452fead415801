"""Each spider's callbacks on the project's fixture responses: every quirk of every API."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BASE = "http://127.0.0.1:9"


def by_id(items: list) -> dict:
    return {item["source_id"]: item for item in items}


def test_hn_listing_keeps_only_monthly_threads(make_spider, response_from) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    spider._requested, spider._last_page, spider._done = set(), None, set()
    response = response_from(
        CORPUS / "hn-algolia/search_by_date/page-0.json",
        f"{BASE}/api/v1/search_by_date?page=0",
        page=0,
    )
    requests = list(spider.parse_listing(response, page=0))
    threads = [r for r in requests if "/items/" in r.url]
    assert [r.cb_kwargs for r in threads] == [
        {"thread_id": 39000001, "month": "2024-03"},
        {"thread_id": 38900001, "month": "2024-02"},
    ]
    assert [r.url for r in requests if "search_by_date" in r.url] == [
        f"{BASE}/api/v1/search_by_date?query=hiring&tags=story,(author__whoishiring,author_whoishiring)&page=1"
    ]
    # The same page served again (as past the last page) ends the listing.
    assert list(spider.parse_listing(response, page=1)) == []


def test_hn_listing_filters_by_month(make_spider, response_from) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE, since="2024-03", until="2024-03")
    spider._requested, spider._last_page, spider._done = set(), None, set()
    response = response_from(CORPUS / "hn-algolia/search_by_date/page-0.json", f"{BASE}/x", page=0)
    requests = list(spider.parse_listing(response, page=0))
    assert [r.cb_kwargs["thread_id"] for r in requests] == [
        39000001
    ]  # and no next page: older than since


def test_hn_thread_direct_live_children_only(make_spider, response_from, role_families) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    response = response_from(
        CORPUS / "hn-algolia/items/39000001.json", f"{BASE}/api/v1/items/39000001"
    )
    posts = by_id(list(spider.parse_thread(response, thread_id=39000001, month="2024-03")))
    # 39000012 deleted (no text/author), 39000013 dead, 39000014 empty, 39000099 a nested reply.
    assert sorted(posts) == ["39000010", "39000011", "39000015"]
    first = posts["39000010"]
    assert first["global_id"] == "hn_whoishiring:39000010"
    assert (
        first["board"] == "39000001"
        and first["thread_id"] == 39000001
        and first["month"] == "2024-03"
    )
    assert first["company"] == "Fernwood Analytics"
    assert first["location"] == "Berlin, Germany"
    assert first["remote"] is False
    assert first["salary"]["min"] == 70_000 and first["salary"]["currency"] == "EUR"
    assert (
        first["title"]
        == "Fernwood Analytics | Senior Data Scientist | Berlin, Germany | ONSITE | €70.000 – €90.000"
    )
    assert first["posted_at"] == "2024-03-01T15:13:20Z"
    assert first["url"] == "https://news.ycombinator.com/item?id=39000010"
    assert first["description_text"].split("\n\n")[1].startswith("We build forecasting tools")
    assert "https://fernwood.example/jobs" in first["description_text"]
    assert first["raw"]["children"][0]["id"] == 39000099  # raw kept untouched
    assert "openings" not in first and first["source_type"] == "hn_whoishiring"
    assert "data_scientist" in role_families([first])[first["global_id"]]
    second = posts["39000011"]
    assert second["remote"] is True and second["salary"]["max"] == 200_000
    assert "- Machine Learning Engineer (PyTorch, Kubernetes)" in second["description_text"].split(
        "\n"
    )
    assert posts["39000015"]["remote"] is False  # "Hybrid" is stated, so not remote
    assert spider.scope_boards == ["39000001"] and spider.thread_months == {"39000001": "2024-03"}


def test_hn_post_time_falls_back_to_thread_month(make_spider, response_from) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    response = response_from(
        CORPUS / "hn-algolia/items/38500001.json", f"{BASE}/api/v1/items/38500001"
    )
    posts = by_id(list(spider.parse_thread(response, thread_id=38500001, month="2023-12")))
    assert sorted(posts) == ["38500010", "38500011"]
    assert {p["posted_at"] for p in posts.values()} == {"2023-12-01T00:00:00Z"}
    assert posts["38500011"]["salary"]["currency"] == "GBP"
    assert posts["38500011"]["remote"] is None


def test_greenhouse_board(make_spider, response_from, role_families) -> None:
    spider = make_spider("greenhouse", base_url=BASE, boards=["acme"])
    response = response_from(
        CORPUS / "greenhouse/acme.json", f"{BASE}/v1/boards/acme/jobs?content=true"
    )
    jobs = by_id(list(spider.parse_board(response, board="acme")))
    ml = jobs["5001"]
    assert ml["global_id"] == "greenhouse:5001"
    assert ml["title"] == "Senior Machine Learning Engineer" and ml["company"] == "Acme Research"
    assert ml["url"] == "https://job-boards.greenhouse.io/acme/jobs/5001"
    assert ml["description_html"].startswith(
        '<div class="intro"><p>Acme Research builds search for scientists &amp; engineers.'
    )
    assert ml["description_text"] == (
        "Acme Research builds search for scientists & engineers.\n\nWhat you will do\n\n"
        "- Train ranking models in PyTorch\n- Ship them with Kubernetes\n\n"
        "The base salary range is $180,000 — $220,000 USD."
    )
    assert ml["posted_at"] == "2026-03-02T14:00:00Z"  # first_published, not updated_at
    assert ml["remote"] is True and ml["location"] == "Remote, US"
    assert (ml["salary"]["min"], ml["salary"]["max"]) == (180_000, 220_000)
    assert ml["requisition_id"] == "R-101" and ml["employment_type"] == "Full-time"
    analyst = jobs["5002"]
    assert analyst["posted_at"] == "2026-06-10T12:30:00Z"  # no first_published: updated_at
    assert analyst["remote"] is None and analyst["salary"] is None
    assert role_families([ml, analyst]) == {
        "greenhouse:5001": ["ai_engineer"],
        "greenhouse:5002": [],
    }
    assert spider.scope_boards == ["acme"]


def test_greenhouse_empty_board_is_in_scope(make_spider, response_from) -> None:
    spider = make_spider("greenhouse", base_url=BASE, boards=["emptyco"])
    response = response_from(
        CORPUS / "greenhouse/emptyco.json", f"{BASE}/v1/boards/emptyco/jobs?content=true"
    )
    assert list(spider.parse_board(response, board="emptyco")) == []
    assert spider.scope_boards == ["emptyco"] and spider.errors == []


def test_lever_site(make_spider, response_from) -> None:
    spider = make_spider("lever", base_url=BASE, boards=["beta"])
    response = response_from(
        CORPUS / "lever/beta.json", f"{BASE}/v0/postings/beta?mode=json&skip=0&limit=100"
    )
    out = list(spider.parse_page(response, board="beta", skip=0, previous=()))
    postings = by_id(out)
    assert len(out) == 3  # a short page: no next-page request
    ds = postings["aaaaaaaa-0000-4000-8000-000000000001"]
    assert ds["posted_at"] == "2026-01-01T00:00:00Z"  # createdAt is epoch milliseconds
    assert ds["remote"] is True and ds["employment_type"] == "Full-time"
    assert ds["salary"] == {
        "min": 140000.0,
        "max": 170000.0,
        "currency": "USD",
        "period": "year",
        "annual_min": 140000.0,
        "annual_max": 170000.0,
        "raw": "140000-170000 USD per-year-salary",
    }
    assert ds["description_text"] == (
        "Beta Mobility is hiring a Data Scientist.\n\nYou will join a small team.\n\n"
        "What you'll do\n- Build demand forecasts\n- Run A/B tests\n\n"
        "What we look for\n- Python and SQL\n- Statistics\n\n"
        "We offer health insurance and a learning budget."
    )
    assert ds["url"] == "https://jobs.lever.co/beta/aaaaaaaa-0000-4000-8000-000000000001"
    contract = postings["aaaaaaaa-0000-4000-8000-000000000002"]
    assert contract["remote"] is False and contract["salary"]["period"] == "hour"
    assert contract["salary"]["annual_max"] == 110 * 2080
    assert postings["aaaaaaaa-0000-4000-8000-000000000003"]["remote"] is None  # "unspecified"
    assert spider.scope_boards == ["beta"]


def test_lever_full_page_asks_for_the_next_and_a_repeat_stops(
    make_spider, response_from, tmp_path
) -> None:
    import json

    page = [
        {"id": f"id-{n}", "text": "Backend Engineer", "createdAt": 1767225600000, "categories": {}}
        for n in range(100)
    ]
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page))
    spider = make_spider("lever", base_url=BASE, boards=["big"])
    out = list(
        spider.parse_page(response_from(path, f"{BASE}/p0"), board="big", skip=0, previous=())
    )
    follow = [o for o in out if not hasattr(o, "fields")]
    assert len(out) == 101 and follow[0].url.endswith(
        "/v0/postings/big?mode=json&skip=100&limit=100"
    )
    ids = tuple(p["id"] for p in page)
    again = list(
        spider.parse_page(response_from(path, f"{BASE}/p1"), board="big", skip=100, previous=ids)
    )
    assert again == [] and spider.scope_boards == ["big"]


def test_ashby_board(make_spider, response_from, role_families) -> None:
    spider = make_spider("ashby", base_url=BASE, boards=["gamma"])
    response = response_from(
        CORPUS / "ashby/gamma.json", f"{BASE}/posting-api/job-board/gamma?includeCompensation=true"
    )
    jobs = by_id(list(spider.parse_board(response, board="gamma")))
    ai = jobs["bbbbbbbb-0000-4000-8000-000000000001"]
    assert ai["remote"] is True and ai["posted_at"] == "2026-04-14T16:20:00Z"
    assert (
        ai["salary"]["min"] == 170_000
        and ai["salary"]["max"] == 210_000
        and ai["salary"]["period"] == "year"
    )
    assert (
        ai["description_text"]
        == "Gamma builds retrieval for legal teams.\n\nYou will:\n\n- evaluate LLMs\n- build RAG pipelines"
    )
    assert ai["employment_type"] == "FullTime"
    assert role_families([ai]) == {ai["global_id"]: ["ai_engineer"]}
    designer = jobs["bbbbbbbb-0000-4000-8000-000000000002"]
    assert designer["remote"] is False and designer["salary"] is None


def test_remoteok_skips_the_legal_notice(make_spider, response_from) -> None:
    spider = make_spider("remoteok", base_url=BASE)
    jobs = by_id(
        list(spider.parse_feed(response_from(CORPUS / "remoteok/api.json", f"{BASE}/api")))
    )
    assert sorted(jobs) == ["1001", "1002"]
    ds = jobs["1001"]
    assert (
        ds["remote"] is True
        and ds["company"] == "Delta Insights"
        and ds["title"] == "Senior Data Scientist"
    )
    assert ds["url"] == "https://remoteok.com/remote-jobs/1001"
    assert ds["salary"]["min"] == 120_000 and ds["salary"]["currency"] == "USD"
    assert ds["description_text"] == "Model churn & retention.\n\n- Python\n- dbt"
    assert ds["posted_at"] == "2026-02-25T03:26:40Z"
    assert jobs["1002"]["salary"] is None and jobs["1002"]["location"] is None


def test_jsonld_every_posting_of_a_page(make_spider, response_from) -> None:
    spider = make_spider("jsonld", base_url=BASE, urls=["/jsonld/careers.html"])
    page = response_from(CORPUS / "jsonld/careers.html", f"{BASE}/jsonld/careers.html")
    jobs = by_id(list(spider.parse_page(page)))
    assert sorted(jobs) == ["ZF-17", "ZF-18", "https://zeta.example/jobs/warehouse-associate"]
    ml = jobs["ZF-17"]
    assert ml["remote"] is True and ml["company"] == "Zeta Foods"  # TELECOMMUTE
    assert ml["salary"]["max"] == 190_000 and ml["employment_type"] == "FULL_TIME, CONTRACTOR"
    assert ml["description_text"] == "Forecast demand with PyTorch.\n\n- Kubernetes\n- Airflow"
    ds = jobs["ZF-18"]
    assert ds["location"] == "Chicago, IL, US" and ds["remote"] is None
    assert ds["salary"]["period"] == "hour" and ds["salary"]["annual_min"] == 55 * 2080
    assert ds["posted_at"] == "2026-05-06T06:00:00Z"
    assert (
        jobs["https://zeta.example/jobs/warehouse-associate"]["location"]
        == "Gary, IN, US; Joliet, IL, US"
    )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "html_instead_of_json"),
        (b'{"jobs": [{"id": 1, "title": "x"', "truncated_json"),
        (b'{"jobs": nope}', "malformed_json"),
        (b'{"jobs": "\xff\xfe"}', "invalid_utf8"),
        (b'{"positions": []}', "wrong_shape"),
    ],
)
def test_bad_bodies_are_recorded(
    make_spider, response_from, tmp_path, body: bytes, kind: str
) -> None:
    path = tmp_path / "body.json"
    path.write_bytes(body)
    spider = make_spider("greenhouse", base_url=BASE, boards=["acme"])
    assert (
        list(spider.parse_board(response_from(path, f"{BASE}/v1/boards/acme/jobs"), board="acme"))
        == []
    )
    assert [e["kind"] for e in spider.errors] == [kind]
    assert (
        spider.errors[0]["url"] == f"{BASE}/v1/boards/acme/jobs"
        and spider.errors[0]["fatal"] is True
    )
    assert spider.scope_boards == []
