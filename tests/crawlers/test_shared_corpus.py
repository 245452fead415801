"""The spiders on real recorded responses of ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.shared
BASE = "http://127.0.0.1:9"


def test_greenhouse_ai_engineer_every_field(
    shared_dir, make_spider, response_from, role_families
) -> None:
    spider = make_spider("greenhouse", base_url=BASE, boards=["gitlab"])
    response = response_from(
        shared_dir / "corpus/greenhouse/gitlab.json", f"{BASE}/v1/boards/gitlab/jobs?content=true"
    )
    jobs = {job["title"]: job for job in spider.parse_board(response, board="gitlab")}
    assert sorted(jobs) == ["AI Engineer", "Account Executive - Italy"]
    ai = jobs["AI Engineer"]
    raw = json.loads((shared_dir / "corpus/greenhouse/gitlab.json").read_text())["jobs"][1]
    assert ai["raw"] == raw
    assert ai["source"] == "greenhouse" and ai["source_id"] == "8565469002"
    assert ai["global_id"] == "greenhouse:8565469002" and ai["board"] == "gitlab"
    assert ai["url"] == "https://job-boards.greenhouse.io/gitlab/jobs/8565469002"
    assert ai["company"] == "GitLab" and ai["title"] == "AI Engineer"
    assert ai["source_type"] == "greenhouse" and "openings" not in ai
    assert role_families([ai]) == {ai["global_id"]: ["ai_engineer"]}
    assert ai["location"] == "Remote, US" and ai["remote"] is True
    assert (
        ai["salary"]["min"] == 108_400
        and ai["salary"]["max"] == 129_600
        and ai["salary"]["currency"] == "USD"
    )
    assert ai["employment_type"] is None and ai["requisition_id"] == "6418"
    assert ai["posted_at"] == "2026-05-29T11:49:29Z" and ai["month"] == "2026-05"  # first_published
    assert ai["thread_id"] is None
    assert ai["description_html"].startswith(
        '<div class="content-intro"><p>GitLab is the intelligent orchestration platform'
    )
    assert "&lt;" not in ai["description_html"]
    text = ai["description_text"]
    assert text.startswith("GitLab is the intelligent orchestration platform for DevSecOps.")
    assert "<" not in text and "&amp;" not in text and "&nbsp;" not in text
    assert "\nAn overview of this role\n" in text
    assert any(line.startswith("- ") for line in text.split("\n"))
    assert len(ai["content_hash"]) == 64 and ai["crawl_run_id"] == spider.run_id
    assert ai["is_synthetic"] is False


def test_lever_both_jobs(shared_dir, make_spider, response_from, role_families) -> None:
    spider = make_spider("lever", base_url=BASE, boards=["matchgroup"])
    response = response_from(
        shared_dir / "corpus/lever/matchgroup.json",
        f"{BASE}/v0/postings/matchgroup?mode=json&skip=0&limit=100",
    )
    jobs = {
        job["title"]: job
        for job in spider.parse_page(response, board="matchgroup", skip=0, previous=())
    }
    assert sorted(jobs) == ["Android Engineer III", "Android Software Engineer (Azar)"]
    hinge = jobs["Android Engineer III"]
    assert hinge["posted_at"] == "2026-05-19T20:38:11Z"
    assert (
        hinge["salary"]["min"] == 150_000
        and hinge["salary"]["max"] == 180_000
        and hinge["salary"]["period"] == "year"
    )
    assert hinge["remote"] is False and hinge["location"] == "New York, New York"  # hybrid
    assert hinge["employment_type"] == "Full-time"
    assert role_families([hinge]) == {hinge["global_id"]: []}
    assert (
        "Responsibilities\n- " in hinge["description_text"]
        and "401(k) Matching" in hinge["description_text"]
    )
    azar = jobs["Android Software Engineer (Azar)"]
    assert azar["posted_at"] == "2026-01-05T06:59:28Z" and azar["salary"] is None
    assert azar["location"] == "Seoul, South Korea" and azar["url"].startswith(
        "https://jobs.lever.co/matchgroup/4004a95b"
    )
    assert "Preferred Qualifications\n- " in azar["description_text"]


def test_ashby_both_jobs(shared_dir, make_spider, response_from, role_families) -> None:
    spider = make_spider("ashby", base_url=BASE, boards=["linear"])
    response = response_from(
        shared_dir / "corpus/ashby/linear.json",
        f"{BASE}/posting-api/job-board/linear?includeCompensation=true",
    )
    jobs = {job["source_id"]: job for job in spider.parse_board(response, board="linear")}
    assert len(jobs) == 2
    europe = jobs["d3bc1ced-3ce4-4086-a050-555055dbb1ff"]
    america = jobs["cd5ae036-0223-427a-b038-ba16ef9dcb32"]
    assert (europe["location"], america["location"]) == ("Europe", "North America")
    assert (
        europe["posted_at"] == "2021-04-27T20:13:45Z"
        and america["posted_at"] == "2021-08-18T20:48:26Z"
    )
    for job in (europe, america):
        assert (
            job["remote"] is True and job["salary"] is None and job["employment_type"] == "FullTime"
        )
        assert job["title"] == "Senior / Staff Fullstack Engineer"
        assert role_families([job]) == {job["global_id"]: []}
        assert job["description_text"].startswith(
            "At Linear, we're building the product development system"
        )


def test_april_2011_thread_has_219_posts(shared_dir, make_spider, response_from) -> None:
    spider = make_spider("hn_whoishiring", base_url=BASE)
    path = shared_dir / "corpus/hn-algolia/items/2396027.json"
    posts = list(
        spider.parse_thread(
            response_from(path, f"{BASE}/api/v1/items/2396027"), thread_id=2396027, month="2011-04"
        )
    )
    story = json.loads(path.read_text())
    assert len(posts) == 219 == len(story["children"])
    assert sum(len(child["children"]) for child in story["children"]) > 0  # nested replies exist...
    nested = {str(reply["id"]) for child in story["children"] for reply in child["children"]}
    assert not nested & {post["source_id"] for post in posts}  # ...and none became a post
    assert {post["month"] for post in posts} == {"2011-04"}
    first = next(post for post in posts if post["source_id"] == "2396109")
    assert first["title"] == "Montreal - PHP/MySQL Developer"
    assert first["posted_at"] == "2011-04-01T13:35:50Z"


@pytest.mark.slow
@pytest.mark.parametrize("month", ["2013-08", "2018-06", "2021-05", "2026-05"])
def test_sample_of_rebuilt_months(shared_dir, make_spider, response_from, month: str) -> None:
    months = json.loads((shared_dir / "corpus/hn-algolia/months.json").read_text())
    for path in sorted((shared_dir / "corpus/hn-algolia/items").glob("*.json")):
        head = path.read_bytes()[:400].decode("utf-8", "ignore")
        if f'"{month}' in head or _title_month(head) == month:
            break
    spider = make_spider("hn_whoishiring", base_url=BASE)
    thread_id = int(path.stem)
    posts = list(
        spider.parse_thread(
            response_from(path, f"{BASE}/api/v1/items/{thread_id}"),
            thread_id=thread_id,
            month="1900-01",
        )
    )
    assert {post["month"] for post in posts} == {month}
    assert len(posts) == months[month]
    assert len({post["global_id"] for post in posts}) == len(posts)
    assert all(post["posted_at"] >= f"{month}-01" for post in posts)


def _title_month(head: str) -> str | None:
    from crawlers.parsing.dates import month_from_title

    start = head.find('"title"')
    return month_from_title(head[start : start + 80]) if start >= 0 else None
