"""Remotive, Himalayas and Arbeitnow on their real recorded responses in ../shared/corpus: every
job of each recording lands with its fields; a replay through the real engine lands them all and
names the pages a trimmed recording lacks (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from jobtrends.replay import source_config, start_replay_server


def families(posting: Mapping[str, Any]) -> list[str]:
    """The role families the process flow gives a landed posting (crawls land none)."""
    from pipeline.roles import openings_of_posting, role_families

    return role_families(
        openings_of_posting(posting["source_type"], posting["title"], posting["description_text"])
    )


pytestmark = pytest.mark.shared
BASE = "http://127.0.0.1:9"


def _jobs(items: list) -> dict:
    return {item["source_id"]: item for item in items if hasattr(item, "fields")}


def test_remotive_every_job(shared_dir, make_spider, response_from) -> None:
    path = shared_dir / "corpus/remotive/remote-jobs.json"
    spider = make_spider("remotive", base_url=BASE)
    jobs = _jobs(list(spider.parse_feed(response_from(path, f"{BASE}/api/remote-jobs"))))
    recorded = json.loads(path.read_text())["jobs"]
    assert (
        sorted(jobs)
        == sorted(str(job["id"]) for job in recorded)
        == [
            "1919265",
            "2090989",
            "2091056",
            "2091068",
        ]
    )
    for job in recorded:
        landed = jobs[str(job["id"])]
        assert landed["raw"] == job and landed["remote"] is True
        assert landed["title"] == job["title"] and landed["company"] == job["company_name"]
        assert landed["location"] == job["candidate_required_location"]
        assert landed["url"] == job["url"] and landed["description_text"]
        assert "<" not in landed["description_text"]
        assert landed["posted_at"] == job["publication_date"] + "Z"
    assert jobs["2090989"]["salary"] is None  # "salary": ""
    assert jobs["2091068"]["salary"] == {
        "min": 150_000.0,
        "max": 230_000.0,
        "currency": "USD",
        "period": "year",
        "annual_min": 150_000.0,
        "annual_max": 230_000.0,
        "raw": "$150k - $230k",
    }
    assert (jobs["2091056"]["salary"]["min"], jobs["2091056"]["salary"]["max"]) == (
        80_000,
        100_000,
    )
    hourly = jobs["1919265"]["salary"]
    assert (hourly["min"], hourly["max"], hourly["period"]) == (90, 150, "hour")
    assert (hourly["annual_min"], hourly["annual_max"]) == (90 * 2080, 150 * 2080)
    assert jobs["1919265"]["location"] == "Americas, Europe, Israel"
    assert jobs["2091056"]["description_text"].startswith(
        "This is a remote role for candidates located in Belo Horizonte, Brazil."
    )
    assert spider.errors == [] and spider.scope_boards == ["remotive"]  # job-count 4, 4 jobs


def test_himalayas_every_job_and_the_trimmed_rest_is_asked_for(
    shared_dir, make_spider, response_from
) -> None:
    path = shared_dir / "corpus/himalayas/offset-0.json"
    spider = make_spider("himalayas", base_url=BASE)
    out = list(
        spider.parse_page(
            response_from(path, f"{BASE}/jobs/api?limit=20"), page=1, read=0, previous=()
        )
    )
    jobs = _jobs(out)
    recorded = json.loads(path.read_text())["jobs"]
    assert sorted(jobs) == sorted(job["guid"] for job in recorded) and len(jobs) == 3
    for job in recorded:
        landed = jobs[job["guid"]]
        assert landed["raw"] == job and landed["remote"] is True
        assert landed["title"] == job["title"] and landed["company"] == job["companyName"]
        assert landed["url"] == job["guid"] and landed["employment_type"] == job["employmentType"]
        assert landed["location"] == ", ".join(job["locationRestrictions"])
        assert landed["description_text"] and "<" not in landed["description_text"]
    mercor = jobs[recorded[0]["guid"]]
    assert mercor["salary"] == {
        "min": 80.0,
        "max": 135.0,
        "currency": "USD",
        "period": "hour",
        "annual_min": 80 * 2080,
        "annual_max": 135 * 2080,
        "raw": "80-135 USD hourly",
    }
    assert mercor["posted_at"] == "2026-08-11T05:04:31Z" and mercor["location"] == "United Kingdom"
    # minSalary/maxSalary null: no salary, whatever salaryPeriod says.
    assert [jobs[job["guid"]]["salary"] for job in recorded[1:]] == [None, None]
    # totalCount 101737 but no nextCursor: the next page is asked for by offset.
    [follow] = [item for item in out if not hasattr(item, "fields")]
    assert follow.url == f"{BASE}/jobs/api?limit=20&offset=3" and spider.scope_boards == []


def test_arbeitnow_every_job(shared_dir, make_spider, response_from) -> None:
    path = shared_dir / "corpus/arbeitnow/page-1.json"
    spider = make_spider("arbeitnow", base_url=BASE)
    out = list(
        spider.parse_page(
            response_from(path, f"{BASE}/api/job-board-api?page=1"), page=1, previous=()
        )
    )
    jobs = _jobs(out)
    recorded = json.loads(path.read_text())["data"]
    assert sorted(jobs) == sorted(job["slug"] for job in recorded) and len(jobs) == 3
    for job in recorded:
        landed = jobs[job["slug"]]
        assert landed["raw"] == job and landed["remote"] is job["remote"]
        assert landed["title"] == job["title"] and landed["company"] == job["company_name"]
        assert landed["location"] == job["location"] and landed["url"] == job["url"]
        assert landed["description_text"] and "<" not in landed["description_text"]
        assert "&lt;" not in landed["description_html"] and landed["salary"] is None
    vinted = jobs["senior-decision-scientist-trust-safety-berlin-349233"]
    assert vinted["description_html"].startswith('<div class="content-intro"><h2><strong>')
    assert vinted["description_text"] == "Brief info about Vinted\n\nOur marketplace."
    assert families(vinted) == ["data_scientist"] and vinted["employment_type"] is None
    partspace = jobs["remote-ai-developer-nurnberg-177325"]
    assert partspace["posted_at"] == "2026-09-19T20:09:15Z" and partspace["remote"] is True
    assert partspace["employment_type"] == "Experienced, Permanent, Full time"
    assert families(jobs["ai-application-engineer-ai-products-llm-rag-berlin-232153"]) == [
        "ai_engineer"
    ]
    # links.next is null: the board ends on this page.
    assert [item for item in out if not hasattr(item, "fields")] == []
    assert spider.scope_boards == ["arbeitnow"] and spider.errors == []


@pytest.mark.slow
def test_replaying_the_recordings_lands_every_job(shared_dir, crawl, read_landed, tmp_path) -> None:
    corpus = shared_dir / "corpus"
    with start_replay_server(corpus) as server:
        sources = [
            s
            for s in source_config(corpus, server.base_url)
            if s["type"] in ("remotive", "himalayas", "arbeitnow")
        ]
        manifests = {m["source"]: m for m in crawl(sources)}
    assert sorted(manifests) == ["arbeitnow", "himalayas", "remotive"]
    landed = {
        key: sorted(r["source_id"] for r in read_landed(tmp_path / "data", m))
        for key, m in manifests.items()
    }
    assert {key: len(ids) for key, ids in landed.items()} == {
        "remotive": 4,
        "himalayas": 3,
        "arbeitnow": 3,
    }
    for key in ("remotive", "arbeitnow"):
        manifest = manifests[key]
        assert manifest["complete"] is True and manifest["errors"] == []
        assert manifest["scope"]["boards"] == [key]
    # The recording holds the first 3 of 101,737 jobs: the next page is missing from it, so the
    # run keeps the three, names the page and closes nothing.
    himalayas = manifests["himalayas"]
    assert himalayas["complete"] is False and himalayas["scope"]["boards"] == []
    assert [(e["kind"], e["url"].split("/", 3)[3]) for e in himalayas["errors"]] == [
        ("http_404", "jobs/api?limit=20&offset=3")
    ]
    assert himalayas["items_landed"] == himalayas["items_seen"] == 3
