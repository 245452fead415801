"""JSON-LD read as a search engine reads it: invalid blocks skipped and named, HTML entities
decoded, @id references resolved within the page (own fixture pages in fixtures/jsonld_pages)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "jsonld_pages"
BASE = "http://127.0.0.1:8765"


def _parse(make_spider: Any, response_from: Any, name: str) -> tuple[Any, dict[str, Any]]:
    spider = make_spider("jsonld", base_url=BASE, urls=[f"/careers/{name}"])
    page = response_from(PAGES / name, f"{BASE}/careers/{name}")
    jobs = {job["source_id"]: job for job in spider.parse_page(page)}
    return spider, jobs


def test_blocks_that_are_not_json_are_skipped_named_and_counted(
    make_spider, response_from, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        spider, jobs = _parse(make_spider, response_from, "trailing_comma.html")
    # Only the valid block gives a posting; nothing is guessed from the broken ones.
    assert sorted(jobs) == ["KA-1"] and jobs["KA-1"]["title"] == "Analytics Engineer"
    errors = [(e["kind"], e["url"], e["message"].split(" (")[0]) for e in spider.errors]
    assert errors == [
        (
            "malformed_jsonld",
            f"{BASE}/careers/trailing_comma.html",
            "JSON-LD block 2 is not valid JSON",
        ),
        (
            "malformed_jsonld",
            f"{BASE}/careers/trailing_comma.html",
            "JSON-LD block 3 is not valid JSON",
        ),
    ]
    assert spider.manifest_notes["invalid_jsonld_blocks"] == 2
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("trailing_comma.html" in w and "block 2" in w for w in warnings)
    assert spider.scope_boards == []  # a page not read whole closes nothing


def test_html_entities_in_text_fields_are_decoded(make_spider, response_from) -> None:
    _, jobs = _parse(make_spider, response_from, "entities.html")
    job = jobs["SD-9"]
    assert job["title"] == "Research & Development Data Scientist"
    assert job["company"] == "Smith & Daughters"
    assert job["location"] == "København, DK"
    assert job["employment_type"] == "FULL_TIME, PART_TIME"
    assert job["url"] == "https://careers.smith-daughters.example/jobs?id=SD-9&team=rd"
    # Entity-escaped markup is unescaped once, so its tags are tags and its text reads plainly.
    assert job["description_text"] == "Causal inference & forecasting with R."
    assert job["raw"]["title"] == "Research &amp; Development Data Scientist"  # landed as served


def test_id_references_resolve_within_the_page(make_spider, response_from) -> None:
    _, jobs = _parse(make_spider, response_from, "references.html")
    assert sorted(jobs) == ["OL-4", "OL-5", "OL-6"]  # the ItemList's bare reference adds none
    assert jobs["OL-4"]["company"] == "Orbital Labs" and jobs["OL-4"]["location"] == "Berlin, DE"
    # A reference in one block resolves to a node of another; an unknown one is left out.
    assert jobs["OL-5"]["company"] == "Orbital Labs" and jobs["OL-5"]["location"] == "Berlin, DE"
    assert jobs["OL-6"]["company"] is None  # a reference to itself ends, naming no company
    assert jobs["OL-4"]["raw"]["hiringOrganization"] == {"@id": "https://orbital.example/#org"}


def test_a_clean_page_counts_no_invalid_blocks(make_spider, response_from) -> None:
    spider, jobs = _parse(make_spider, response_from, "references.html")
    assert spider.errors == [] and len(jobs) == 3
    assert spider.manifest_notes["invalid_jsonld_blocks"] == 0
