"""Schema drift end to end: a board whose API renamed `title` lands every posting, names the
missing field in the manifest and leaves the run incomplete, so it closes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fault_server import FaultServer, greenhouse_board, greenhouse_job, ok
from reliability_helpers import landed, manifests_of, run_crawl, write_config

pytestmark = pytest.mark.slow  # a crawl subprocess

GH = "/v1/boards/{}/jobs"


def test_a_renamed_field_is_counted_and_fails_the_run(tmp_path: Path) -> None:
    steady = [greenhouse_job(300 + i, "Data Scientist") for i in range(10)]
    drifted = []
    for i in range(10):
        job = greenhouse_job(400 + i, "ML Engineer")
        job["name"] = job.pop("title")  # the source renamed the field
        drifted.append(job)
    routes = {
        GH.format("steady"): ok(greenhouse_board(*steady)),
        GH.format("drifted"): ok(greenhouse_board(*drifted)),
    }
    with FaultServer(routes=routes) as server:
        sources = [
            {"type": "greenhouse", "base_url": server.base_url, "boards": ["steady", "drifted"]}
        ]
        config = write_config(tmp_path / "drift.toml", tmp_path / "data", sources)
        done = run_crawl(config, ["greenhouse"], timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = manifests_of(tmp_path / "data")["greenhouse"]
    assert manifest["missing_fields"] == {"title": 10}
    assert manifest["complete"] is False
    assert [(e["kind"], e["message"].split(" (")[0]) for e in manifest["errors"]] == [
        ("missing_fields", "title is missing in 10 of 20 postings")
    ]
    assert manifest["items_landed"] == 20  # nothing lost
    titles = sorted(str(r["title"]) for r in landed(tmp_path / "data", manifest))
    assert titles == ["Data Scientist"] * 10 + ["None"] * 10
