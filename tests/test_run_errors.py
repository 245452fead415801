"""What failed, said by kind: the manifest's errors_by_kind, the crawl summary and `jobtrends status`."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from jobtrends.config import Settings
from jobtrends.run_errors import errors_by_kind
from pipeline.flows.crawl import CrawlResult
from pipeline.flows.summary import crawl_summary

DNS = "DNS lookup failed: no results for hostname lookup: hn.algolia.com."
HN_URL = "https://hn.algolia.com/api/v1/search_by_date?tags=story"
ERRORS: list[dict[str, Any]] = [
    {"url": HN_URL, "kind": "dns", "message": DNS, "fatal": True},
    {"url": "https://hn.algolia.com/api/v1/items/1", "kind": "http_503", "message": "HTTP 503 after retries", "fatal": True},
    {"url": "https://hn.algolia.com/api/v1/items/2", "kind": "dns", "message": "later", "fatal": True},
]  # fmt: skip


def test_errors_are_grouped_by_kind_with_the_first_message() -> None:
    assert errors_by_kind(ERRORS) == {
        "dns": {"count": 2, "first": DNS, "url": HN_URL},
        "http_503": {
            "count": 1,
            "first": "HTTP 503 after retries",
            "url": "https://hn.algolia.com/api/v1/items/1",
        },
    }
    assert errors_by_kind([]) == {}


def test_the_crawl_summary_says_what_failed() -> None:
    result = CrawlResult(
        manifests={
            "hn_whoishiring": {"complete": False, "items_seen": 0, "items_landed": 0, "errors": ERRORS},
            "greenhouse": {"complete": True, "items_seen": 3, "items_landed": 3, "errors": []},
        },
        durations_s={"hn_whoishiring": 2.0, "greenhouse": 1.0},
    )  # fmt: skip
    assert crawl_summary(result).splitlines() == [
        "crawl:",
        "  greenhouse: complete, 3 seen, 3 landed, 0 errors (1.0 s)",
        "  hn_whoishiring: INCOMPLETE, 0 seen, 0 landed, 3 errors (2.0 s)",
        f"    dns (2): {DNS} [{HN_URL}]",
        "    http_503 (1): HTTP 503 after retries [https://hn.algolia.com/api/v1/items/1]",
    ]


def _landed_run(data_dir: Path, run_id: str, errors: list[dict[str, Any]]) -> None:
    folder = data_dir / "landing" / "hn_whoishiring"
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / f"{run_id}.jsonl.gz", "wt", encoding="utf-8"):
        pass
    with gzip.open(folder / f"{run_id}.seen.txt.gz", "wt", encoding="utf-8"):
        pass
    manifest = {
        "source": "hn_whoishiring",
        "run_id": run_id,
        "started_at": "2026-05-01T03:00:00Z",
        "finished_at": "2026-05-01T03:00:02Z",
        "complete": False,
        "requests": 3,
        "responses_by_status": {"503": 1},
        "items_seen": 0,
        "items_landed": 0,
        "duplicates_in_run": 0,
        "landing_file": f"{run_id}.jsonl.gz",
        "seen_file": f"{run_id}.seen.txt.gz",
        "scope": {"boards": [], "months": []},
        "errors": errors,
        "errors_by_kind": errors_by_kind(errors),
    }
    (folder / f"{run_id}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_status_shows_the_error_kinds_of_each_crawl_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.flows.status import status_text
    from pipeline.load import process_landing

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # no server: said so, fast
    settings = Settings(data_dir=tmp_path / "data")
    _landed_run(settings.data_dir, "20260501T030000Z-0000abcd", ERRORS)
    assert process_landing(settings).failures == []
    text = status_text(settings)
    section = text.split("what failed in those crawl runs:\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "  hn_whoishiring 20260501T030000Z-0000abcd:",
        f"    dns (2): {DNS} [{HN_URL}]",
        "    http_503 (1): HTTP 503 after retries [https://hn.algolia.com/api/v1/items/1]",
    ]
