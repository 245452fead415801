"""The replay server answers the spiders' exact requests from a corpus, on 127.0.0.1 only."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from jobtrends.replay import source_config, start_replay_server

SEARCH = (
    "/api/v1/search_by_date?query=hiring&tags=story,(author__whoishiring,author_whoishiring)&page="
)


def get(server, path: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(server.base_url + path, timeout=5) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def test_binds_loopback_only(replay_server) -> None:
    assert replay_server.base_url.startswith("http://127.0.0.1:")
    assert replay_server._server.server_address[0] == "127.0.0.1"


def test_search_pages_and_past_the_last(replay_server) -> None:
    pages = [json.loads(get(replay_server, SEARCH + str(n))[1])["page"] for n in (0, 1, 2, 7)]
    assert pages == [0, 1, 1, 1]  # past the last page, the last page again


def test_items_boards_and_feeds(replay_server, fixtures_dir) -> None:
    status, body, _ = get(replay_server, "/api/v1/items/39000001")
    assert status == 200 and json.loads(body)["id"] == 39000001
    status, body, _ = get(replay_server, "/v1/boards/acme/jobs?content=true")
    assert status == 200 and body == (fixtures_dir / "corpus/greenhouse/acme.json").read_bytes()
    status, body, _ = get(replay_server, "/posting-api/job-board/gamma?includeCompensation=true")
    assert [job["title"] for job in json.loads(body)["jobs"]] == [
        "Applied AI Engineer",
        "Product Designer",
    ]
    status, body, _ = get(replay_server, "/api")
    assert "legal" in json.loads(body)[0]
    status, body, content_type = get(replay_server, "/jsonld/careers.html")
    assert status == 200 and content_type.startswith("text/html") and b"JobPosting" in body


def test_ats_routes_answer_from_the_corpus(replay_server, fixtures_dir) -> None:
    status, body, _ = get(replay_server, "/v1/companies/Nimbus1/postings?offset=3&limit=100")
    assert status == 200 and [p["id"] for p in json.loads(body)["content"]] == ["744000900000004"]
    status, body, _ = get(replay_server, "/v1/companies/Nimbus1/postings?limit=100")
    assert status == 200 and json.loads(body)["offset"] == 0  # no offset: the first page
    assert get(replay_server, "/v1/companies/Nimbus1/postings?offset=100")[0] == 404
    status, body, _ = get(replay_server, "/v1/companies/Nimbus1/postings/744000900000001")
    assert status == 200 and json.loads(body)["refNumber"] == "REF100A"
    status, body, _ = get(replay_server, "/api/v1/widget/accounts/deltaml?details=true")
    assert status == 200 and json.loads(body)["name"] == "Delta ML"
    status, body, _ = get(replay_server, "/recruitee/epsilon/api/offers/")
    assert status == 200 and len(json.loads(body)["offers"]) == 3
    status, body, content_type = get(replay_server, "/personio/zetaai/xml?language=en")
    assert status == 200 and content_type.startswith("text/xml")
    assert body == (fixtures_dir / "corpus/personio/zetaai.xml").read_bytes()


def test_lever_is_sliced_by_skip_and_limit(replay_server) -> None:
    ids = [
        p["id"][-1]
        for p in json.loads(get(replay_server, "/v0/postings/beta?mode=json&skip=0&limit=2")[1])
    ]
    assert ids == ["1", "2"]
    ids = [
        p["id"][-1]
        for p in json.loads(get(replay_server, "/v0/postings/beta?mode=json&skip=2&limit=2")[1])
    ]
    assert ids == ["3"]
    assert json.loads(get(replay_server, "/v0/postings/beta?mode=json&skip=100&limit=100")[1]) == []


def test_remotive_himalayas_and_arbeitnow(replay_server, fixtures_dir) -> None:
    corpus = fixtures_dir / "corpus"
    status, body, _ = get(replay_server, "/api/remote-jobs")
    assert status == 200 and body == (corpus / "remotive/remote-jobs.json").read_bytes()
    first = get(replay_server, "/jobs/api?limit=20")[1]
    assert first == (corpus / "himalayas/offset-0.json").read_bytes()
    # A cursor leads to the page after the one that gave it: offset 0 + its 2 jobs.
    cursor = json.loads(first)["nextCursor"]
    status, body, _ = get(replay_server, f"/jobs/api?limit=20&cursor={quote(cursor, safe='')}")
    assert status == 200 and body == (corpus / "himalayas/offset-2.json").read_bytes()
    assert get(replay_server, "/jobs/api?limit=20&offset=2")[1] == body
    assert get(replay_server, "/jobs/api?limit=20&cursor=unknown")[0] == 404
    assert get(replay_server, "/jobs/api?limit=20&offset=3")[0] == 404
    status, body, _ = get(replay_server, "/api/job-board-api?page=2")
    assert status == 200 and body == (corpus / "arbeitnow/page-2.json").read_bytes()
    assert (
        get(replay_server, "/api/job-board-api")[1]
        == (corpus / "arbeitnow/page-1.json").read_bytes()
    )
    assert [get(replay_server, f"/api/job-board-api?page={p}")[0] for p in (0, 3)] == [404, 404]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/boards/nosuch/jobs?content=true",
        "/v0/postings/nosuch?mode=json",
        "/api/v1/items/1",
        "/v1/boards/..%2Fetc/jobs",
        "/v1/companies/Nimbus1/postings/..%2F..%2Fx",
        "/recruitee/nosuch/api/offers/",
        "/personio/nosuch/xml",
        "/elsewhere",
    ],
)
def test_unknown_is_a_json_404(replay_server, path: str) -> None:
    status, body, content_type = get(replay_server, path)
    assert (
        status == 404 and content_type == "application/json" and json.loads(body)["status"] == 404
    )


def test_robots_and_sitemap(replay_server) -> None:
    assert get(replay_server, "/robots.txt")[1] == b"User-agent: *\nAllow: /\n"
    sitemap = get(replay_server, "/jsonld/sitemap.xml")[1].decode()
    assert f"<loc>{replay_server.base_url}/jsonld/careers.html</loc>" in sitemap
    assert f"<loc>{replay_server.base_url}/jsonld/empty.html</loc>" in sitemap


def test_source_config_lists_what_the_corpus_holds(fixtures_dir) -> None:
    entries = source_config(fixtures_dir / "corpus", "http://127.0.0.1:1234")
    assert entries == [
        {"type": "hn_whoishiring", "base_url": "http://127.0.0.1:1234"},
        {"type": "greenhouse", "boards": ["acme", "emptyco"], "base_url": "http://127.0.0.1:1234"},
        {"type": "lever", "boards": ["beta"], "base_url": "http://127.0.0.1:1234"},
        {"type": "ashby", "boards": ["gamma"], "base_url": "http://127.0.0.1:1234"},
        {"type": "remoteok", "base_url": "http://127.0.0.1:1234"},
        {"type": "remotive", "max_requests_per_day": 0, "base_url": "http://127.0.0.1:1234"},
        {"type": "himalayas", "base_url": "http://127.0.0.1:1234"},
        {"type": "arbeitnow", "base_url": "http://127.0.0.1:1234"},
        {
            "type": "jsonld",
            "urls": [
                "http://127.0.0.1:1234/jsonld/careers.html",
                "http://127.0.0.1:1234/jsonld/empty.html",
            ],
            "base_url": "http://127.0.0.1:1234",
        },
        {
            "type": "smartrecruiters",
            "boards": ["Nimbus1", "Quietco"],
            "base_url": "http://127.0.0.1:1234",
        },
        {"type": "workable", "boards": ["deltaml"], "base_url": "http://127.0.0.1:1234"},
        {"type": "recruitee", "boards": ["epsilon"], "base_url": "http://127.0.0.1:1234"},
        {"type": "personio", "boards": ["zetaai"], "base_url": "http://127.0.0.1:1234"},
    ]


def test_missing_corpus_is_a_user_error(tmp_path) -> None:
    from jobtrends.errors import UserError

    with pytest.raises(UserError, match="does not exist"):
        start_replay_server(tmp_path / "nope")
