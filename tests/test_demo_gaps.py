"""The demo on a recorded corpus: boards a trimmed recording leaves incomplete fail nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jobtrends.demo import DemoResult
from pipeline.flows.crawl import CrawlResult
from pipeline.flows.jobtrends import RunResult


def _manifest(*errors: tuple[str, bool]) -> dict[str, Any]:
    listed = [
        {"url": f"http://127.0.0.1:1/{i}", "kind": k, "fatal": f} for i, (k, f) in enumerate(errors)
    ]
    return {"complete": not any(f for _, f in errors), "errors": listed}


def _result(recorded: bool, **manifests: dict[str, Any]) -> DemoResult:
    run = RunResult(crawl=CrawlResult(manifests=manifests))
    return DemoResult(Path("d"), Path("c"), Path("w"), run=run, recorded=recorded)


def test_missing_pages_of_a_recording_are_gaps_not_failures() -> None:
    result = _result(
        True,
        smartrecruiters=_manifest(("http_404", True), ("http_404", True)),
        greenhouse=_manifest(("http_404", False)),
        lever=_manifest(),
    )
    assert result.run.failed is True  # the flow itself still says incomplete
    assert result.recording_gaps == {"smartrecruiters": 2}
    assert result.failed is False


def test_other_faults_and_generated_corpora_still_fail() -> None:
    broken = _result(True, workable=_manifest(("http_404", True), ("truncated_json", True)))
    assert broken.recording_gaps == {} and broken.failed is True
    generated = _result(False, smartrecruiters=_manifest(("http_404", True)))
    assert generated.recording_gaps == {} and generated.failed is True
    spider_died = _result(True, personio=_manifest(("http_404", True)))
    spider_died.run.crawl.errors["personio"] = "SpiderFailed: exit 1"
    assert spider_died.failed is True
    assert _result(True, lever=_manifest()).failed is False


def test_the_public_feeds_fail_a_recorded_demo_only_as_other_sources_do() -> None:
    # A Remotive run skipped for its daily limit is complete (nothing was asked of the source),
    # a page budget is a configured depth, and a Himalayas cursor into a page the recording
    # lacks is a 404 of the replay server: none of them fails the demo.
    result = _result(
        True,
        remotive=_manifest(("skipped", False)),
        himalayas=_manifest(("http_404", True)),
        arbeitnow=_manifest(("page_budget", False)),
    )
    assert result.recording_gaps == {"himalayas": 1}
    assert result.failed is False
    assert _result(False, remotive=_manifest(("skipped", False))).failed is False
    # A feed that holds fewer jobs than it counts is not a gap of the replay: it fails.
    short = _result(True, remotive=_manifest(("incomplete_feed", True)))
    assert short.recording_gaps == {} and short.failed is True
