"""The SmartRecruiters, Workable, Recruitee and Personio spiders on the project's own fixtures.

The fixtures (tests/fixtures/corpus/<source>/) are written in each API's documented shape for the
cases the shared recordings lack: a second list page, a job listed in German and English, several
places of one Workable job, a stated Recruitee salary, Personio positions with a remote office.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import Request, TextResponse
from twisted.python.failure import Failure

from crawlers.parsing.ats import join_places, place, remote_from_places, sections_html
from crawlers.parsing.salary import parse_text_salary
from crawlers.spiders.smartrecruiters import choose_versions


def families(posting: Mapping[str, Any]) -> list[str]:
    """The role families the process flow gives a landed posting (crawls land none)."""
    from pipeline.roles import openings_of_posting, role_families

    return role_families(
        openings_of_posting(posting["source_type"], posting["title"], posting["description_text"])
    )


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BASE = "http://127.0.0.1:9"
SR = CORPUS / "smartrecruiters" / "Nimbus1"


def by_id(items: list[Any]) -> dict[str, Any]:
    return {item["source_id"]: item for item in items}


def body_response(url: str, body: bytes, **cb_kwargs: Any) -> TextResponse:
    return TextResponse(
        url=url, body=body, encoding="utf-8", request=Request(url, cb_kwargs=cb_kwargs)
    )


# ---------------------------------------------------------------- SmartRecruiters


def test_smartrecruiters_pages_until_total_found(make_spider, response_from) -> None:
    spider = make_spider("smartrecruiters", base_url=BASE, boards=["Nimbus1"])
    spider._listings["Nimbus1"] = {}
    first = list(
        spider.parse_page(
            response_from(SR / "postings-offset-0.json", f"{BASE}/x"),
            board="Nimbus1",
            offset=0,
            page=1,
        )
    )
    # 3 of 4 listed: the next page starts at offset 3, and no detail is asked for yet.
    assert [r.url for r in first] == [f"{BASE}/v1/companies/Nimbus1/postings?offset=3&limit=100"]
    assert first[0].errback == spider.on_page_failure and first[0].meta["board"] is None
    second = list(
        spider.parse_page(
            response_from(SR / "postings-offset-3.json", f"{BASE}/x"),
            board="Nimbus1",
            offset=3,
            page=2,
        )
    )
    # 4 entries, 3 jobs: the German version of REF101B gives way to its English one.
    assert [r.url.rsplit("/", 1)[1] for r in second] == [
        "744000900000001",
        "744000900000003",
        "744000900000004",
    ]
    assert all(r.errback == spider.on_detail_failure for r in second)
    assert spider.scope_boards == ["Nimbus1"] and spider.errors == []


def test_smartrecruiters_detail_gives_every_field(make_spider, response_from) -> None:
    spider = make_spider("smartrecruiters", base_url=BASE, boards=["Nimbus1"])
    listing = json.loads((SR / "postings-offset-0.json").read_text())["content"]
    [ml] = spider.parse_detail(
        response_from(SR / "postings/744000900000001.json", f"{BASE}/x"),
        board="Nimbus1",
        listed=listing[0],
    )
    assert ml["global_id"] == "smartrecruiters:744000900000001" and ml["board"] == "Nimbus1"
    assert ml["company"] == "Nimbus Analytics" and ml["title"] == "Machine Learning Engineer"
    assert ml["location"] == "Toronto, ON, Canada" and ml["remote"] is True
    assert families(ml) == ["ai_engineer"]
    assert ml["posted_at"] == "2026-04-14T09:30:00Z" and ml["month"] == "2026-04"
    assert ml["employment_type"] == "Full-time" and ml["requisition_id"] == "REF100A"
    assert ml["url"] == (
        "https://jobs.smartrecruiters.com/Nimbus1/744000900000001-machine-learning-engineer"
    )
    assert ml["salary"] == {
        "min": 150_000.0,
        "max": 185_000.0,
        "currency": "CAD",
        "period": "year",
        "annual_min": 150_000.0,
        "annual_max": 185_000.0,
        "raw": "CA$150,000 - CA$185,000 per year",
    }
    text = ml["description_text"]
    assert text.startswith("Company Description\n\nNimbus Analytics forecasts demand")
    assert (
        "Job Description\n\nYou will train" in text and "\n- Build LLM evaluation pipelines" in text
    )
    assert ml["description_html"].startswith("<h3>Company Description</h3><p>Nimbus")
    assert ml["raw"]["jobAd"]["sections"]["qualifications"]["title"] == "Qualifications"
    assert ml["raw"]["refNumber"] == "REF100A" and ml["raw"]["ref"].endswith("744000900000001")


def test_smartrecruiters_hybrid_and_place_without_full_location(make_spider, response_from) -> None:
    spider = make_spider("smartrecruiters", base_url=BASE, boards=["Nimbus1"])
    listing = json.loads((SR / "postings-offset-0.json").read_text())["content"]
    designer = json.loads((SR / "postings-offset-3.json").read_text())["content"][0]
    [ds] = spider.parse_detail(
        response_from(SR / "postings/744000900000003.json", f"{BASE}/x"),
        board="Nimbus1",
        listed=listing[2],
    )
    assert ds["title"] == "Data Scientist (m/f/d)" and families(ds) == ["data_scientist"]
    assert ds["location"] == "Berlin, Germany" and ds["remote"] is False  # hybrid
    assert ds["salary"] is None and "Qualifications" not in ds["description_text"]  # empty
    [product] = spider.parse_detail(
        response_from(SR / "postings/744000900000004.json", f"{BASE}/x"),
        board="Nimbus1",
        listed=designer,
    )
    # "$40M raised" is no pay; the place comes from city and country when fullLocation is empty.
    assert product["salary"] is None and product["location"] == "Lisbon, PT"
    assert product["remote"] is False and families(product) == []


def test_smartrecruiters_missing_detail_lands_the_listed_job(make_spider) -> None:
    from scrapy.http import Response
    from scrapy.spidermiddlewares.httperror import HttpError

    spider = make_spider("smartrecruiters", base_url=BASE, boards=["Nimbus1"])
    listed = json.loads((SR / "postings-offset-3.json").read_text())["content"][0]
    url = f"{BASE}/v1/companies/Nimbus1/postings/744000900000004"
    request = Request(url, cb_kwargs={"board": "Nimbus1", "listed": listed}, meta={"board": None})
    failure = Failure(HttpError(Response(url, status=404, request=request)))
    failure.request = request  # type: ignore[attr-defined]
    [posting] = spider.on_detail_failure(failure)
    assert posting["title"] == "Product Designer" and posting["description_text"] == ""
    assert posting["url"] == "https://jobs.smartrecruiters.com/Nimbus1/744000900000004"
    assert [(e["kind"], e["url"], e["fatal"]) for e in spider.errors] == [("http_404", url, True)]


def test_smartrecruiters_empty_board_and_wrong_shape(make_spider, response_from) -> None:
    spider = make_spider("smartrecruiters", base_url=BASE, boards=["Quietco", "odd"])
    quiet = CORPUS / "smartrecruiters/Quietco/postings-offset-0.json"
    assert list(spider.parse_page(response_from(quiet, f"{BASE}/q"), "Quietco", 0, 1)) == []
    odd = body_response(f"{BASE}/odd", b'{"postings": []}')
    assert list(spider.parse_page(odd, "odd", 0, 1)) == []
    assert spider.scope_boards == ["Quietco"]
    assert [(e["kind"], e["url"]) for e in spider.errors] == [("wrong_shape", f"{BASE}/odd")]


def test_smartrecruiters_page_without_total_or_offset(make_spider) -> None:
    """A page without totalFound ends when shorter than a full page; a page of known ids ends."""
    spider = make_spider("smartrecruiters", base_url=BASE, boards=["x"])
    spider._listings["x"] = {}
    page = {"content": [{"id": "1", "refNumber": "R1"}, {"id": "2", "refNumber": "R2"}]}
    requests = list(
        spider.parse_page(body_response(f"{BASE}/p", json.dumps(page).encode()), "x", 0, 1)
    )
    assert [r.url.rsplit("/", 1)[1] for r in requests] == ["1", "2"]
    spider._listings["x"] = {"1": {"id": "1"}}
    again = {"totalFound": 500, "content": [{"id": "1"}]}
    requests = list(
        spider.parse_page(body_response(f"{BASE}/p", json.dumps(again).encode()), "x", 100, 2)
    )
    assert [r.url.rsplit("/", 1)[1] for r in requests] == ["1"]  # no offset=101 page
    assert spider.scope_boards == ["x"]


def test_choose_versions_keeps_english_then_default_and_places_apart() -> None:
    def entry(pid: str, ref: str, lang: str, default: bool, city: str = "Paris") -> dict:
        return {
            "id": pid,
            "refNumber": ref,
            "defaultJobAd": default,
            "language": {"code": lang},
            "location": {"city": city, "fullLocation": f"{city}, France"},
        }

    chosen = choose_versions(
        [
            entry("1", "A", "fr", True),
            entry("2", "A", "en-GB", False),
            entry("3", "B", "fr", False),
            entry("4", "B", "de", True),
            entry("5", "C", "en", True, "Paris"),
            entry("6", "C", "en", True, "Lyon"),  # the same requisition in another place
            {"id": "7", "name": "no refNumber"},
        ]
    )
    assert [e["id"] for e in chosen] == ["2", "4", "5", "6", "7"]


# ---------------------------------------------------------------- Workable


def test_workable_one_posting_per_shortcode(make_spider, response_from) -> None:
    spider = make_spider("workable", base_url=BASE, boards=["deltaml"])
    jobs = by_id(
        list(spider.parse_account(response_from(CORPUS / "workable/deltaml.json", BASE), "deltaml"))
    )
    assert list(jobs) == ["A1B2C3D4E5", "F6E7D8C9B0", "0011223344"]
    ai = jobs["A1B2C3D4E5"]
    assert ai["location"] == "Berlin, Germany; Munich, Bavaria, Germany"
    assert ai["remote"] is False and ai["company"] == "Delta ML" and ai["requisition_id"] == "AI-7"
    assert ai["posted_at"] == "2026-06-02T00:00:00Z" and families(ai) == ["ai_engineer"]
    assert ai["url"] == "https://apply.workable.com/j/A1B2C3D4E5" and ai["salary"] is None
    assert "\n- Build RAG pipelines with LangChain" in ai["description_text"]
    ds = jobs["F6E7D8C9B0"]
    assert ds["remote"] is True and ds["location"] == "Athens, Attica, Greece"
    assert (ds["salary"]["min"], ds["salary"]["max"], ds["salary"]["currency"]) == (
        70_000.0,
        90_000.0,
        "EUR",
    )
    assert ds["requisition_id"] is None and families(ds) == ["data_scientist"]
    office = jobs["0011223344"]
    assert office["salary"]["period"] == "hour" and office["salary"]["annual_min"] == 28 * 2080
    assert office["employment_type"] == "Part-time"
    assert spider.scope_boards == ["deltaml"] and spider.errors == []


def test_workable_wrong_shape_and_empty_account(make_spider) -> None:
    spider = make_spider("workable", base_url=BASE, boards=["a", "b"])
    assert (
        list(spider.parse_account(body_response(f"{BASE}/a", b'{"name": "A", "jobs": []}'), "a"))
        == []
    )
    assert list(spider.parse_account(body_response(f"{BASE}/b", b'{"results": []}'), "b")) == []
    assert spider.scope_boards == ["a"] and [e["kind"] for e in spider.errors] == ["wrong_shape"]


# ---------------------------------------------------------------- Recruitee


def test_recruitee_flags_salary_and_timestamps(make_spider, response_from) -> None:
    spider = make_spider("recruitee", base_url=BASE, boards=["epsilon"])
    offers = by_id(
        list(spider.parse_offers(response_from(CORPUS / "recruitee/epsilon.json", BASE), "epsilon"))
    )
    ai, ds, sales = offers["9001"], offers["9002"], offers["9003"]
    assert ai["remote"] is False and ds["remote"] is True and sales["remote"] is None
    assert ai["salary"] == {
        "min": 60_000.0,
        "max": 80_000.0,
        "currency": "EUR",
        "period": "year",
        "annual_min": 60_000.0,
        "annual_max": 80_000.0,
        "raw": "60000.00-80000.00 EUR year",
    }
    # All-null salary object: the pay stated in the text is read instead.
    assert (ds["salary"]["min"], ds["salary"]["max"], ds["salary"]["period"]) == (
        65_000.0,
        75_000.0,
        "year",
    )
    assert sales["salary"] is None
    assert ai["posted_at"] == "2026-03-10T10:15:00Z" and ai["month"] == "2026-03"
    assert ai["location"] == "Amsterdam, North Holland, Netherlands"
    assert (
        ai["company"] == "Epsilon Labs"
        and ai["url"] == "https://epsilon.recruitee.com/o/ai-engineer"
    )
    assert "Requirements\n\n- Python, PyTorch and vector databases" in ai["description_text"]
    assert [families(o) for o in (ai, ds, sales)] == [
        ["ai_engineer"],
        ["data_scientist"],
        [],
    ]


def test_recruitee_implausible_salary_is_kept_without_annual_figures(make_spider) -> None:
    spider = make_spider("recruitee", base_url=BASE, boards=["x"])
    offer = {
        "id": 1,
        "title": "Office Manager",
        "salary": {"min": "75.00", "max": "95.00", "period": "year", "currency": "USD"},
        "published_at": "2026-08-10 15:13:59 UTC",
    }
    posting = spider.posting(offer, "x")
    assert posting["salary"]["min"] == 75.0 and posting["salary"]["annual_max"] is None
    offer["salary"] = {"min": "18.50", "max": "18.50", "period": "hour", "currency": "EUR"}
    assert spider.posting(offer, "x")["salary"]["annual_min"] == 18.5 * 2080


def test_recruitee_live_url_per_company_and_bad_names(make_spider) -> None:
    import asyncio

    async def requests(spider: Any) -> list[str]:
        return [r.url async for r in spider.start()]

    live = make_spider("recruitee", boards=["epsilon", "not a host"])
    assert asyncio.run(requests(live)) == ["https://epsilon.recruitee.com/api/offers/"]
    assert [e["kind"] for e in live.errors] == ["invalid_board"]
    replay = make_spider("recruitee", base_url=BASE + "/", boards=["epsilon"])
    assert asyncio.run(requests(replay)) == [f"{BASE}/recruitee/epsilon/api/offers/"]


# ---------------------------------------------------------------- Personio


def test_personio_positions(make_spider, response_from) -> None:
    spider = make_spider("personio", base_url=BASE, boards=["zetaai"])
    positions = by_id(
        list(spider.parse_feed(response_from(CORPUS / "personio/zetaai.xml", BASE), "zetaai"))
    )
    ml, student = positions["2200101"], positions["2200102"]
    assert ml["url"] == "https://zetaai.jobs.personio.de/job/2200101"
    assert ml["company"] == "Zeta AI GmbH" and student["company"] == "zetaai"
    assert ml["location"] == "Remote; Berlin" and ml["remote"] is True
    assert student["location"] == "Hamburg" and student["remote"] is None
    assert (
        ml["posted_at"] == "2026-02-03T07:12:45Z" and student["posted_at"] == "2026-03-30T14:00:00Z"
    )
    assert ml["employment_type"] == "permanent, full-time"
    assert student["employment_type"] == "intern, part-time"
    assert (ml["salary"]["min"], ml["salary"]["max"], ml["salary"]["currency"]) == (
        65_000.0,
        85_000.0,
        "EUR",
    )
    assert ml["description_text"].startswith("Your mission\n\nFine-tune and serve language models")
    assert "\n- Train models with PyTorch" in ml["description_text"]
    assert families(ml) == ["ai_engineer"] and families(student) == ["data_scientist"]
    assert (
        ml["raw"]["additionalOffices"] == ["Berlin"]
        and ml["raw"]["keywords"] == "python,pytorch,llm"
    )
    assert ml["raw"]["jobDescriptions"][1]["name"] == "What we offer"
    assert spider.scope_boards == ["zetaai"] and spider.errors == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'<?xml version="1.0"?><workzag-jobs><position><id>1</id><name>Cut', "truncated_xml"),
        (b"<workzag-jobs><position></workzag-jobs>", "malformed_xml"),
        (b"<!DOCTYPE html><html><body>Page not found</body></html>", "html_instead_of_xml"),
        (b"<rss><channel></channel></rss>", "wrong_shape"),
    ],
)
def test_personio_feed_faults_are_named(make_spider, body: bytes, kind: str) -> None:
    spider = make_spider("personio", base_url=BASE, boards=["x"])
    assert list(spider.parse_feed(body_response(f"{BASE}/personio/x/xml", body), "x")) == []
    assert [(e["kind"], e["url"]) for e in spider.errors] == [(kind, f"{BASE}/personio/x/xml")]
    assert spider.scope_boards == []


def test_personio_entities_are_not_expanded(make_spider) -> None:
    """An XML bomb's entities stay unexpanded: the feed is from the internet."""
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<workzag-jobs><position><id>9</id><name>&lol2;</name></position></workzag-jobs>"
    )
    spider = make_spider("personio", base_url=BASE, boards=["x"])
    postings = list(spider.parse_feed(body_response(f"{BASE}/p", bomb), "x"))
    assert all("lollol" not in (p["title"] or "") for p in postings)


# ---------------------------------------------------------------- helpers


def test_place_and_join_places() -> None:
    assert place("Ljubljana", " ", "Slovenia") == "Ljubljana, Slovenia"
    assert place("Tel Aviv", "Tel Aviv", "Israel") == "Tel Aviv, Israel"
    assert place(None, "") is None
    assert join_places(["Berlin", None, "berlin", "Munich"]) == "Berlin; Munich"
    assert join_places([]) is None


def test_remote_from_places() -> None:
    assert remote_from_places("Remote; Berlin") is True
    assert remote_from_places("Home Office China") is True
    assert remote_from_places("Munich; Berlin") is None
    assert remote_from_places(None) is None


def test_sections_html_skips_empty_sections_and_escapes_titles() -> None:
    assert sections_html([("A & B", "<p>x</p>"), ("Empty", "  "), (None, "<p>y</p>")]) == (
        "<h3>A &amp; B</h3><p>x</p>\n<p>y</p>"
    )
    assert sections_html([]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We raised $2M. You earn $25 per hour.", (25.0, "hour", "USD")),
        ("Salary: €60.000 – €80.000", (60_000.0, "year", "EUR")),
        ("A €500 learning budget and a $1,000 laptop.", None),
        ("£45,000 per annum", (45_000.0, "year", "GBP")),
        ("", None),
    ],
)
def test_parse_text_salary(text: str, expected: tuple | None) -> None:
    record = parse_text_salary(text)
    got = None if record is None else (record["min"], record["period"], record["currency"])
    assert got == expected


def test_generated_positions_are_marked_synthetic(make_spider) -> None:
    feed = (
        b"<workzag-jobs><position><id>5</id><name>Data Scientist</name>"
        b"<_synthetic>true</_synthetic></position></workzag-jobs>"
    )
    spider = make_spider("personio", base_url=BASE, boards=["x"])
    [posting] = spider.parse_feed(body_response(f"{BASE}/p", feed), "x")
    assert posting["is_synthetic"] is True and posting["raw"]["_synthetic"] is True
