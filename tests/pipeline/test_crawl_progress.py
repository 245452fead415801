"""The crawl's per-source progress lines: the time a source took and its rate."""

from __future__ import annotations

from jobtrends.landing import Manifest
from pipeline.flows.crawl import CrawlResult, crawl_progress_line, source_seconds


def _manifest(started: str, finished: str, seen: int) -> Manifest:
    return {"started_at": started, "finished_at": finished, "items_seen": seen, "complete": True}


def test_a_source_done_within_its_first_second_took_no_time_not_the_wait() -> None:
    fast = _manifest("2026-01-05T10:00:09Z", "2026-01-05T10:00:09Z", 2)
    # Its result was collected a minute later, after a long source listed before it.
    assert source_seconds(fast, waited=60.8) == 0.0
    slow = _manifest("2026-01-05T10:00:00Z", "2026-01-05T10:00:59Z", 79_000)
    assert source_seconds(slow, waited=61.0) == 59.0
    assert source_seconds(None, waited=3.5) == 3.5
    assert source_seconds({"started_at": "not a time"}, waited=4.0) == 4.0


def test_progress_lines_give_a_rate_only_over_a_second_or_more() -> None:
    result = CrawlResult(
        manifests={
            "hn": _manifest("2026-01-05T10:00:00Z", "2026-01-05T10:00:59Z", 79_576),
            "board": _manifest("2026-01-05T10:00:09Z", "2026-01-05T10:00:09Z", 2),
            "one": _manifest("2026-01-05T10:00:09Z", "2026-01-05T10:00:09Z", 1),
        },
        errors={"down": "ConnectionRefusedError: [Errno 111]"},
        durations_s={"hn": 59.0, "board": 0.0, "one": 0.0, "down": 1.2},
    )
    assert crawl_progress_line(1, 3, "hn", result) == (
        "crawl: 1/3 sources (hn: 79,576 postings seen (1,349/s), 59.0 s)"
    )
    assert crawl_progress_line(2, 3, "board", result) == (
        "crawl: 2/3 sources (board: 2 postings seen, 0.0 s)"
    )
    assert crawl_progress_line(3, 4, "one", result) == (
        "crawl: 3/4 sources (one: 1 posting seen, 0.0 s)"
    )
    assert crawl_progress_line(3, 3, "down", result) == "crawl: 3/3 sources (down: FAILED, 1.2 s)"
