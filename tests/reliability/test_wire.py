"""Faults on the wire across every source type in one crawl, then through the load into DuckDB.

The per-fault Greenhouse/Lever cases (429, 5xx bursts, resets, timeouts, truncated JSON, HTML,
invalid UTF-8, endless pages) live in tests/crawlers/test_faults.py; this module adds the faults
they do not cover (gzip that does not decode, redirect loops, a failing page in the middle of a
pagination, faults of the HN, Ashby, RemoteOK and JSON-LD spiders, a 50 MB description) and follows
the run on into the warehouse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_server import (
    USER_AGENT,
    FaultServer,
    always,
    bad_gzip,
    fail_then_ok,
    greenhouse_board,
    greenhouse_job,
    lever_posting,
    ok,
    redirect_to,
)
from reliability_helpers import landed, manifests_of, run_crawl, write_config

pytestmark = pytest.mark.slow  # one crawl subprocess of six spiders: several seconds

GH = "/v1/boards/{}/jobs"
SECRET = "Bearer do-not-log-me-0123456789"

JSONLD_GOOD = """<!doctype html><html><head><title>Careers</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
 "title": "Senior Data Scientist", "identifier": {"@type": "PropertyValue", "value": "ds-7"},
 "datePosted": "2026-04-03", "description": "<p>Causal inference, SQL, R.</p>",
 "hiringOrganization": {"@type": "Organization", "name": "Jsonld Co"},
 "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Lisbon"}}}
</script></head><body><h1>Careers</h1></body></html>"""

JSONLD_BROKEN = """<!doctype html><html><head>
<script type="application/ld+json">{"@type": "JobPosting", "title": "Cut off</script>
</head><body>oops</body></html>"""


def _hn_listing(*threads: tuple[int, str]) -> bytes:
    hits = [
        {"objectID": str(i), "title": t, "created_at_i": 1775000000, "author": "whoishiring"}
        for i, t in threads
    ]
    return json.dumps({"hits": hits, "page": 0, "nbPages": 1, "hitsPerPage": 20}).encode()


def _hn_thread(thread_id: int, title: str, posts: list[tuple[int, str]]) -> bytes:
    children = [
        {
            "id": pid,
            "type": "comment",
            "author": f"u{pid}",
            "text": text,
            "created_at_i": 1775100000,
            "children": [],
        }
        for pid, text in posts
    ]
    return json.dumps(
        {"id": thread_id, "type": "story", "title": title, "children": children}
    ).encode()


def _routes() -> dict[str, Any]:
    good = greenhouse_board(
        greenhouse_job(101, "Machine Learning Engineer"), greenhouse_job(102, "Data Scientist")
    )
    lever_page0 = json.dumps(
        [lever_posting(f"p{i:03d}", "ML Engineer") for i in range(100)]
    ).encode()
    return {
        # Greenhouse
        GH.format("good"): ok(good),
        GH.format("again"): ok(
            greenhouse_board(greenhouse_job(102, "Data Scientist"))
        ),  # 102 twice in one run
        GH.format("hop"): redirect_to("/v1/boards/moved/jobs?content=true"),
        GH.format("moved"): ok(greenhouse_board(greenhouse_job(103, "AI Engineer"))),
        GH.format("selfloop"): redirect_to("/v1/boards/selfloop/jobs?content=true"),
        GH.format("pingpong"): redirect_to("/v1/boards/pong/jobs?content=true"),
        GH.format("pong"): redirect_to("/v1/boards/pingpong/jobs?content=true"),
        GH.format("badgzip"): bad_gzip(),
        GH.format("private"): ok(greenhouse_board(greenhouse_job(666, "Should Not Be Fetched"))),
        # Lever: a full first page, then a second page cut off mid-JSON
        "/v0/postings/paged": lambda h, n: h.send_body(
            lever_page0 if h.query.get("skip") == "0" else b'[{"id": "p100", "text": "Data Sci'
        ),
        # Ashby: JSON of the wrong shape
        "/posting-api/job-board/shapeless": ok(b'{"jobs": {"not": "a list"}}'),
        # RemoteOK: a gateway error page, every time
        "/api": lambda h, n: h.send_body(
            b"<html><body>502 Bad Gateway</body></html>", "text/html", status=502
        ),
        # HN: two monthly threads, the second one unavailable for good
        "/api/v1/search_by_date": ok(
            _hn_listing(
                (4001, "Ask HN: Who is hiring? (April 2026)"),
                (3001, "Ask HN: Who is hiring? (March 2026)"),
            )
        ),
        "/api/v1/items/4001": fail_then_ok(
            [503],
            _hn_thread(
                4001,
                "Ask HN: Who is hiring? (April 2026)",
                [
                    (
                        4101,
                        "Acme | Machine Learning Engineer | Remote | $150k-$200k<p>PyTorch, Kubernetes.",
                    ),
                    (4102, "Beta | Data Scientist | Oslo<p>Python, SQL, A/B tests."),
                ],
            ),
        ),
        "/api/v1/items/3001": always(503),
        # JSON-LD career pages
        "/jsonld/good.html": ok(JSONLD_GOOD.encode(), "text/html; charset=utf-8"),
        "/jsonld/broken.html": ok(JSONLD_BROKEN.encode(), "text/html; charset=utf-8"),
    }


@pytest.fixture(scope="module")
def faulty_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One crawl of six sources against the misbehaving server, and what the server saw."""
    tmp = tmp_path_factory.mktemp("wire")
    data = tmp / "data"
    robots = "User-agent: *\nDisallow: /v1/boards/private/\n"
    with FaultServer(routes=_routes(), robots=robots) as server:
        base = server.base_url
        sources = [
            {
                "type": "greenhouse",
                "base_url": base,
                "boards": ["good", "again", "hop", "selfloop", "pingpong", "badgzip", "private"],
            },
            {"type": "lever", "base_url": base, "boards": ["paged"]},
            {"type": "ashby", "base_url": base, "boards": ["shapeless"]},
            {"type": "remoteok", "base_url": base},
            {"type": "hn_whoishiring", "base_url": base},
            {
                "type": "jsonld",
                "base_url": base,
                "urls": ["/jsonld/good.html", "/jsonld/broken.html"],
            },
        ]
        config = write_config(
            tmp / "crawl.toml",
            data,
            sources,
            # No route here stalls: the timeout only guards against a starved machine, so a
            # generous one keeps the results the same however busy the machine is.
            politeness={"user_agent": USER_AGENT, "retry_times": 2, "download_timeout_s": 60.0},
        )
        # The ceiling only stops a hung crawl; ending by itself is what the tests check.
        done = run_crawl(
            config,
            [s["type"] for s in sources],
            sets={"JOBTRENDS_RETRY_BACKOFF_S": 0.05, "REDIRECT_MAX_TIMES": 5},
            timeout=600,
        )
        yield {
            "done": done,
            "data": data,
            "server": server,
            "manifests": manifests_of(data),
            "config": config,
        }


def _errors(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted(
        (e["kind"], e["url"].split("?")[0].split("/", 3)[3] if e["url"] else "")
        for e in manifest["errors"]
    )


def test_the_crawl_ends_by_itself_with_a_manifest_per_source(faulty_run: dict[str, Any]) -> None:
    done = faulty_run["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(faulty_run["manifests"]) == [
        "ashby",
        "greenhouse",
        "hn_whoishiring",
        "jsonld",
        "lever",
        "remoteok",
    ]
    assert all(m["finish_reason"] == "finished" for m in faulty_run["manifests"].values())
    assert not list(faulty_run["data"].glob("landing/*/.*.tmp"))


# (source, expected failures as (kind, path)) - every failure named with its URL
EXPECTED_ERRORS = {
    "lever": [("truncated_json", "v0/postings/paged")],
    "ashby": [("wrong_shape", "posting-api/job-board/shapeless")],
    "remoteok": [("http_502", "api")],
    "hn_whoishiring": [("http_503", "api/v1/items/3001")],
    "jsonld": [("malformed_jsonld", "jsonld/broken.html")],
}


@pytest.mark.parametrize("source", sorted(EXPECTED_ERRORS))
def test_each_source_names_its_failure(faulty_run: dict[str, Any], source: str) -> None:
    manifest = faulty_run["manifests"][source]
    assert _errors(manifest) == EXPECTED_ERRORS[source]
    assert manifest["complete"] is False
    # Each kind with its count and first message, as the crawl summary and status print them.
    (kind, _path), *_ = EXPECTED_ERRORS[source]
    entry = manifest["errors_by_kind"][kind]
    assert entry["count"] == 1 and entry["first"] == manifest["errors"][0]["message"]


def test_gzip_that_does_not_decode_is_named(faulty_run: dict[str, Any]) -> None:
    errors = [
        e
        for e in faulty_run["manifests"]["greenhouse"]["errors"]
        if "/badgzip/" in (e["url"] or "")
    ]
    assert len(errors) == 1 and errors[0]["fatal"] is True
    assert "decompress" in errors[0]["message"].lower() or errors[0]["kind"] in {
        "bad_encoding",
        "decode_error",
        "bad_gzip",
    }


def test_a_single_redirect_is_followed(faulty_run: dict[str, Any]) -> None:
    records = landed(faulty_run["data"], faulty_run["manifests"]["greenhouse"])
    assert [r["board"] for r in records if r["source_id"] == "103"] == ["hop"]


@pytest.mark.parametrize("board", ["selfloop", "pingpong"])
def test_a_redirect_loop_ends_and_is_named(faulty_run: dict[str, Any], board: str) -> None:
    server: FaultServer = faulty_run["server"]
    assert server.count(GH.format(board)) <= 6  # REDIRECT_MAX_TIMES = 5 bounds the loop
    named = [
        e
        for e in faulty_run["manifests"]["greenhouse"]["errors"]
        if f"/{board}/" in (e["url"] or "")
    ]
    assert len(named) == 1, f"the redirect loop of {board} left no error in the manifest"


def test_good_items_of_the_same_run_are_kept_once(faulty_run: dict[str, Any]) -> None:
    data, manifests = faulty_run["data"], faulty_run["manifests"]
    ids = {
        source: sorted(r["source_id"] for r in landed(data, m)) for source, m in manifests.items()
    }
    assert ids["greenhouse"] == ["101", "102", "103"]
    assert ids["lever"] == [f"p{i:03d}" for i in range(100)]  # page 1 kept though page 2 broke
    assert ids["hn_whoishiring"] == ["4101", "4102"]  # thread 4001 answered after one 503
    assert ids["jsonld"] and all(
        "good.html" in r["url"] or r["board"] for r in landed(data, manifests["jsonld"])
    )
    assert ids["ashby"] == [] and ids["remoteok"] == []
    greenhouse = manifests["greenhouse"]
    assert (
        greenhouse["duplicates_in_run"] == 1
        and greenhouse["items_seen"] == 3
        and greenhouse["items_landed"] == 3
    )
    for manifest in manifests.values():
        records = landed(data, manifest)
        assert len({r["global_id"] for r in records}) == len(records) == manifest["items_landed"]


def test_failed_boards_stay_out_of_scope(faulty_run: dict[str, Any]) -> None:
    manifests = faulty_run["manifests"]
    assert sorted(manifests["greenhouse"]["scope"]["boards"]) == ["again", "good", "hop"]
    assert manifests["lever"]["scope"]["boards"] == []  # a half-read site must close nothing
    assert manifests["hn_whoishiring"]["scope"]["boards"] == ["4001"]
    assert manifests["hn_whoishiring"]["scope"]["months"] == ["2026-04"]


def test_robots_txt_is_obeyed_and_the_user_agent_sent(faulty_run: dict[str, Any]) -> None:
    server: FaultServer = faulty_run["server"]
    assert server.count("/robots.txt") >= 1
    assert server.count(GH.format("private")) == 0
    agents = {entry.headers.get("user-agent") for entry in server.log}
    assert agents == {USER_AGENT}
    assert not any(
        "authorization" in entry.headers or "cookie" in entry.headers for entry in server.log
    )
    kinds = [
        e["kind"]
        for e in faulty_run["manifests"]["greenhouse"]["errors"]
        if "/private/" in (e["url"] or "")
    ]
    assert kinds == ["robots_disallowed"]


def test_the_crawl_log_carries_no_credentials(faulty_run: dict[str, Any]) -> None:
    log = faulty_run["done"].stdout + faulty_run["done"].stderr
    assert "Authorization" not in log and "Bearer " not in log and "Cookie:" not in log
    assert "Traceback" not in log


def test_the_faulty_run_loads_into_the_warehouse(
    faulty_run: dict[str, Any], tmp_path: Path
) -> None:
    """Only the good postings reach DuckDB; the runs are recorded incomplete with their errors."""
    import shutil

    from jobtrends.config import Settings
    from pipeline.load import process_landing
    from warehouse.db import session

    data = tmp_path / "data"
    shutil.copytree(faulty_run["data"] / "landing", data / "landing")
    settings = Settings(data_dir=data)
    result = process_landing(settings)
    assert result.failures == [] and result.files_loaded == 6
    with session(settings, read_only=True) as con:
        by_source = dict(
            con.execute("select source, count(*) from postings group by source").fetchall()
        )
        assert (
            by_source["greenhouse"] == 3
            and by_source["lever"] == 100
            and by_source["hn_whoishiring"] == 2
        )
        assert "ashby" not in by_source and "remoteok" not in by_source
        assert con.execute(
            "select count(*) - count(distinct global_id) from postings"
        ).fetchone() == (0,)
        runs = dict(con.execute("select source, complete from crawl_runs").fetchall())
        assert runs == {
            s: False
            for s in ("ashby", "greenhouse", "hn_whoishiring", "jsonld", "lever", "remoteok")
        }
        assert con.execute(
            "select count(*) from postings where closed_at is not null"
        ).fetchone() == (0,)


def test_a_50_mb_description_is_landed_or_named(tmp_path: Path) -> None:
    """A description of 50 MB neither stalls the crawl nor loses the board's other postings."""
    huge = "<p>" + "Python, SQL and PyTorch in production. " * 1_300_000 + "</p>"
    body = greenhouse_board(
        greenhouse_job(201, "Data Scientist", huge), greenhouse_job(202, "AI Engineer")
    )
    assert len(body) > 50_000_000
    routes = {
        GH.format("huge"): ok(body),
        GH.format("small"): ok(greenhouse_board(greenhouse_job(203, "ML Engineer"))),
    }
    with FaultServer(routes=routes) as server:
        sources = [{"type": "greenhouse", "base_url": server.base_url, "boards": ["huge", "small"]}]
        config = write_config(
            tmp_path / "huge.toml",
            tmp_path / "data",
            sources,
            politeness={"download_timeout_s": 60.0},  # either outcome is accepted below
        )
        done = run_crawl(config, ["greenhouse"], timeout=600)  # a ceiling against a hang
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = manifests_of(tmp_path / "data")["greenhouse"]
    ids = sorted(r["source_id"] for r in landed(tmp_path / "data", manifest))
    if manifest["errors"]:
        assert [e["kind"] for e in manifest["errors"]] and "huge" in manifest["errors"][0]["url"]
        assert "203" in ids
    else:
        assert ids == ["201", "202", "203"] and manifest["complete"] is True
