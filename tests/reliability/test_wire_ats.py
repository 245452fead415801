"""The faults of tests/crawlers/test_faults.py, met by the SmartRecruiters, Workable, Recruitee and
Personio spiders in one crawl: 429 with Retry-After, bursts of 5xx, a truncated body, an answer of
the wrong shape, a board that is gone; plus SmartRecruiters' later page and detail failing. Then
the run goes on into DuckDB.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_server import FaultServer, fail_then_ok, ok
from reliability_helpers import landed, manifests_of, run_crawl, write_config

pytestmark = pytest.mark.slow  # one crawl subprocess of four spiders

FAULTS = ("ratelimited", "burst", "truncated", "wrongshape", "gone")
SR_LIST = "/v1/companies/{}/postings"
WORKABLE = "/api/v1/widget/accounts/{}"
RECRUITEE = "/recruitee/{}/api/offers/"
PERSONIO = "/personio/{}/xml"


def _sr_entry(posting_id: str, title: str) -> dict[str, Any]:
    return {
        "id": posting_id,
        "name": title,
        "refNumber": f"REF-{posting_id}",
        "defaultJobAd": True,
        "language": {"code": "en"},
        "company": {"identifier": "Faultline", "name": "Faultline"},
        "releasedDate": "2026-04-01T10:00:00.000Z",
        "location": {
            "city": "Oslo",
            "country": "no",
            "remote": False,
            "fullLocation": "Oslo, Norway",
        },
        "typeOfEmployment": {"label": "Full-time"},
    }


def _sr_page(*entries: dict[str, Any], total: int | None = None, offset: int = 0) -> bytes:
    total = len(entries) if total is None else total
    return json.dumps(
        {"offset": offset, "limit": 100, "totalFound": total, "content": list(entries)}
    ).encode()


def _sr_detail(posting_id: str, title: str) -> bytes:
    detail = {
        **_sr_entry(posting_id, title),
        "postingUrl": f"https://jobs.smartrecruiters.com/Faultline/{posting_id}",
        "jobAd": {"sections": {"jobDescription": {"title": "Job", "text": "<p>PyTorch.</p>"}}},
    }
    return json.dumps(detail).encode()


def _workable(shortcode: str, title: str) -> bytes:
    job = {
        "title": title,
        "shortcode": shortcode,
        "telecommuting": True,
        "published_on": "2026-04-02",
        "city": "Athens",
        "country": "Greece",
        "locations": [{"city": "Athens", "country": "Greece", "hidden": False}],
        "url": f"https://apply.workable.com/j/{shortcode}",
        "description": "<p>Python and SQL.</p>",
    }
    return json.dumps({"name": "Faultline", "jobs": [job]}).encode()


def _recruitee(offer_id: int, title: str) -> bytes:
    offer = {
        "id": offer_id,
        "title": title,
        "remote": False,
        "hybrid": True,
        "on_site": False,
        "city": "Utrecht",
        "country": "Netherlands",
        "published_at": "2026-04-03 09:00:00 UTC",
        "careers_url": f"https://faultline.recruitee.com/o/{offer_id}",
        "company_name": "Faultline",
        "salary": {"min": None, "max": None, "period": None, "currency": None},
        "description": "<p>Causal inference.</p>",
    }
    return json.dumps({"offers": [offer]}).encode()


def _personio(position_id: int, title: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs><position><id>{position_id}</id>'
        f"<office>Munich</office><name>{title}</name><jobDescriptions><jobDescription>"
        "<name>Role</name><value><![CDATA[<p>Spark and dbt.</p>]]></value></jobDescription>"
        "</jobDescriptions><createdAt>2026-04-04T09:00:00+00:00</createdAt></position>"
        "</workzag-jobs>"
    ).encode()


XML = "text/xml; charset=utf-8"


def _routes() -> dict[str, Any]:
    routes: dict[str, Any] = {}
    good = {
        "smartrecruiters": lambda n, t: _sr_page(_sr_entry(f"sr{n}", t)),
        "workable": lambda n, t: _workable(f"WK{n}", t),
        "recruitee": lambda n, t: _recruitee(n, t),
        "personio": lambda n, t: _personio(n, t),
    }
    paths = {
        "smartrecruiters": SR_LIST,
        "workable": WORKABLE,
        "recruitee": RECRUITEE,
        "personio": PERSONIO,
    }
    for source, path in paths.items():
        make = good[source]
        content_type = XML if source == "personio" else "application/json"
        routes[path.format("ratelimited")] = fail_then_ok([429], make(1, "Data Scientist"), "1")
        routes[path.format("burst")] = fail_then_ok([503, 500], make(2, "AI Engineer"))
        cut = make(3, "Cut Off")
        routes[path.format("truncated")] = ok(cut[: len(cut) // 2], content_type)
        routes[path.format("wrongshape")] = ok(
            b"<rss><channel/></rss>" if source == "personio" else b'{"positions": []}',
            content_type,
        )
        # "gone" has no route: the server's 404
    for board, n, title in (("ratelimited", 1, "Data Scientist"), ("burst", 2, "AI Engineer")):
        routes[f"{SR_LIST.format(board)}/sr{n}"] = ok(_sr_detail(f"sr{n}", title))
    # A company of two pages whose second page fails for good; one detail truncated.
    routes[SR_LIST.format("paged")] = lambda h, n: h.send_body(
        _sr_page(_sr_entry("p1", "Machine Learning Engineer"), _sr_entry("p2", "Analyst"), total=4)
        if h.query.get("offset") == "0"
        else b'{"error": "unavailable"}',
        status=200 if h.query.get("offset") == "0" else 503,
    )
    routes[f"{SR_LIST.format('paged')}/p1"] = ok(_sr_detail("p1", "Machine Learning Engineer"))
    cut = _sr_detail("p2", "Analyst")
    routes[f"{SR_LIST.format('paged')}/p2"] = ok(cut[: len(cut) // 2])
    return routes


@pytest.fixture(scope="module")
def ats_faults(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One crawl of the four sources against the misbehaving server."""
    tmp = tmp_path_factory.mktemp("ats-wire")
    data = tmp / "data"
    with FaultServer(routes=_routes()) as server:
        base = server.base_url
        sources = [
            {"type": "smartrecruiters", "base_url": base, "boards": [*FAULTS, "paged"]},
            {"type": "workable", "base_url": base, "boards": list(FAULTS)},
            {"type": "recruitee", "base_url": base, "boards": list(FAULTS)},
            {"type": "personio", "base_url": base, "boards": list(FAULTS)},
        ]
        config = write_config(
            tmp / "crawl.toml",
            data,
            sources,
            politeness={"retry_times": 2, "download_timeout_s": 20.0},
        )
        started = time.monotonic()
        done = run_crawl(
            config,
            [s["type"] for s in sources],
            sets={"JOBTRENDS_RETRY_BACKOFF_S": 0.05},
            timeout=180,
        )
        yield {
            "done": done,
            "elapsed": time.monotonic() - started,
            "data": data,
            "server": server,
            "base": base,
            "manifests": manifests_of(data),
        }


def _errors(run: dict[str, Any], source: str) -> list[tuple[str, str, bool]]:
    return sorted(
        (e["kind"], (e["url"] or "").removeprefix(run["base"]), e["fatal"])
        for e in run["manifests"][source]["errors"]
    )


def test_the_crawl_ends_by_itself_with_a_manifest_per_source(ats_faults: dict[str, Any]) -> None:
    assert ats_faults["done"].returncode == 0, ats_faults["done"].stderr[-3000:]
    assert ats_faults["elapsed"] < 120
    assert sorted(ats_faults["manifests"]) == [
        "personio",
        "recruitee",
        "smartrecruiters",
        "workable",
    ]
    assert all(m["finish_reason"] == "finished" for m in ats_faults["manifests"].values())
    assert "Traceback" not in ats_faults["done"].stderr


@pytest.mark.parametrize(
    ("source", "path", "truncated", "wrong_shape"),
    [
        ("smartrecruiters", SR_LIST, "truncated_json", "wrong_shape"),
        ("workable", WORKABLE, "truncated_json", "wrong_shape"),
        ("recruitee", RECRUITEE, "truncated_json", "wrong_shape"),
        ("personio", PERSONIO, "truncated_xml", "wrong_shape"),
    ],
)
def test_each_fault_is_named_and_good_boards_kept(
    ats_faults: dict[str, Any], source: str, path: str, truncated: str, wrong_shape: str
) -> None:
    manifest = ats_faults["manifests"][source]
    query = {
        "smartrecruiters": "?offset=0&limit=100",
        "workable": "?details=true",
        "recruitee": "",
        "personio": "?language=en",
    }[source]
    # The paged company's missing description is counted at the run's end (see the test below).
    errors = [
        e for e in _errors(ats_faults, source) if "/paged" not in e[1] and e[0] != "missing_fields"
    ]
    assert errors == sorted(
        [
            ("http_404", path.format("gone") + query, False),  # a gone board closes nothing
            (truncated, path.format("truncated") + query, True),
            (wrong_shape, path.format("wrongshape") + query, True),
        ]
    )
    assert manifest["complete"] is False
    titles = sorted(
        r["title"] for r in landed(ats_faults["data"], manifest) if r["board"] != "paged"
    )
    assert titles == ["AI Engineer", "Data Scientist"]  # after a 429, and after a 503 and a 500
    boards = [b for b in manifest["scope"]["boards"] if b != "paged"]
    assert boards == ["burst", "ratelimited"]
    assert manifest["responses_by_status"]["429"] == 1
    assert (
        manifest["responses_by_status"]["503"] >= 1 and manifest["responses_by_status"]["500"] == 1
    )


@pytest.mark.parametrize("path", [SR_LIST, WORKABLE, RECRUITEE, PERSONIO])
def test_retry_after_is_honoured(ats_faults: dict[str, Any], path: str) -> None:
    server: FaultServer = ats_faults["server"]
    times = server.times(path.format("ratelimited"))
    assert len(times) == 2 and times[1] - times[0] >= 0.9
    assert server.count(path.format("burst")) == 3  # a 503, a 500, then the answer


def test_smartrecruiters_keeps_what_a_failing_page_and_detail_left(
    ats_faults: dict[str, Any],
) -> None:
    manifest = ats_faults["manifests"]["smartrecruiters"]
    paged = [e for e in _errors(ats_faults, "smartrecruiters") if "/paged" in e[1]]
    assert paged == [
        ("http_503", "/v1/companies/paged/postings?offset=2&limit=100", True),
        ("truncated_json", "/v1/companies/paged/postings/p2", True),
    ]
    records = {
        r["source_id"]: r for r in landed(ats_faults["data"], manifest) if r["board"] == "paged"
    }
    assert sorted(records) == ["p1", "p2"]
    assert records["p1"]["description_text"] == "Job\n\nPyTorch."
    assert records["p2"]["title"] == "Analyst" and records["p2"]["description_text"] == ""
    # One of the run's four postings without a description is past the 5% the validation allows.
    assert manifest["missing_fields"] == {"description_text": 1}
    [drift] = [e for e in manifest["errors"] if e["kind"] == "missing_fields"]
    assert drift["fatal"] is True and drift["message"].startswith(
        "description_text is missing in 1 of 4 postings (25.0%"
    )
    assert "paged" not in manifest["scope"]["boards"]  # its listing was not read to the end
    server: FaultServer = ats_faults["server"]
    assert server.count(SR_LIST.format("paged")) == 4  # page 1, then page 2 and its two retries


def test_the_faulty_run_loads_and_lists_the_sources(
    ats_faults: dict[str, Any], tmp_path: Path
) -> None:
    """Only the good postings reach DuckDB, each source in the warehouse's source list."""
    import shutil

    from jobtrends.config import Settings
    from pipeline.load import process_landing
    from warehouse.db import session

    data = tmp_path / "data"
    shutil.copytree(ats_faults["data"] / "landing", data / "landing")
    settings = Settings(data_dir=data)
    result = process_landing(settings)
    assert result.failures == [] and result.files_loaded == 4
    with session(settings, read_only=True) as con:
        by_source = dict(
            con.execute("select source, count(*) from postings group by source").fetchall()
        )
        sources = [
            row[0] for row in con.execute("select source from sources order by source").fetchall()
        ]
        runs = dict(con.execute("select source, complete from crawl_runs").fetchall())
        closed = con.execute("select count(*) from postings where closed_at is not null").fetchone()
    assert by_source == {"personio": 2, "recruitee": 2, "smartrecruiters": 4, "workable": 2}
    assert sources == ["personio", "recruitee", "smartrecruiters", "workable"]
    assert runs == dict.fromkeys(sources, False) and closed == (0,)
