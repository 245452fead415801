"""Replay the shared HN corpus through the real spider into a landing zone: posts/s vs json.load."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawlers.run import run_spider  # noqa: E402
from jobtrends.config import Settings  # noqa: E402
from jobtrends.replay import start_replay_server  # noqa: E402

# The recorded history must replay within half a minute on a quiet 2-core machine (issue target).
TARGET_S = 30.0


def plain_loop(items_dir: Path) -> tuple[int, float]:
    """The baseline: json.load every thread file and loop over its direct children."""
    started = time.perf_counter()
    posts = 0
    for path in sorted(items_dir.glob("*.json")):
        with path.open("rb") as handle:
            story = json.load(handle)
        for child in story.get("children") or []:
            if child.get("text"):
                posts += 1
    return posts, time.perf_counter() - started


def crawl(corpus: Path, data_dir: Path, workers: int | None) -> tuple[dict, float]:
    """The spider with the real engine against the replay server, landing gzip JSONL."""
    with start_replay_server(corpus) as server:
        settings = Settings.model_validate(
            {
                "data_dir": str(data_dir),
                # A local replay: no politeness delay, no AutoThrottle, no HTTP cache, INFO logging.
                "politeness": {
                    "download_delay_s": 0,
                    "autothrottle": False,
                    "concurrent_requests": 8,
                    "concurrent_requests_per_domain": 8,
                    "http_cache": False,
                },
                "sources": [{"type": "hn_whoishiring", "base_url": server.base_url}],
            }
        )
        overrides = {"LOG_LEVEL": "INFO"}
        if workers is not None:
            overrides["JOBTRENDS_PARSE_WORKERS"] = workers
        started = time.perf_counter()
        manifest = run_spider(settings, "hn_whoishiring", scrapy_overrides=overrides)
        return manifest, time.perf_counter() - started


def breakdown(items_dir: Path, every: int) -> dict[str, float]:
    """CPU µs per post of each step of landing a post, in this process, on every n-th thread."""
    clock = time.process_time
    spent = dict.fromkeys(("html_to_text", "hn_header", "body_salary", "record", "json_gzip"), 0.0)
    posts = 0
    with (
        open(os.devnull, "wb") as sink,
        gzip.GzipFile(fileobj=sink, mode="wb", compresslevel=1) as compressor,
    ):
        posts = _timed_steps(items_dir, every, compressor, spent, clock)
    return {key: seconds / max(posts, 1) * 1e6 for key, seconds in spent.items()} | {"posts": posts}


def _timed_steps(
    items_dir: Path, every: int, compressor: gzip.GzipFile, spent: dict[str, float], clock: Any
) -> int:
    from crawlers.items import build_posting
    from crawlers.parsing.hn_header import parse_hn_header
    from crawlers.parsing.salary import parse_salary
    from jobtrends.text import html_to_text

    posts = 0
    for path in sorted(items_dir.glob("*.json"))[::every]:
        for post in json.loads(path.read_bytes()).get("children") or []:
            if (
                not isinstance(post, dict)
                or post.get("deleted")
                or post.get("dead")
                or not post.get("text")
            ):
                continue
            posts += 1
            t0 = clock()
            text = html_to_text(post["text"])
            t1 = clock()
            header = text.split("\n", 1)[0].strip()
            fields = parse_hn_header(header, body=text)
            t2 = clock()
            salary = fields.salary or parse_salary(text, require_currency=True, require_range=True)
            t3 = clock()
            item = build_posting(
                source="hn_whoishiring",
                source_type="hn_whoishiring",
                source_id=str(post["id"]),
                board="1",
                url=f"https://news.ycombinator.com/item?id={post['id']}",
                company=fields.company,
                title=header,
                location=fields.location,
                remote=fields.remote,
                salary=salary,
                employment_type=fields.employment_type,
                requisition_id=None,
                posted_at=None,
                description_html=post["text"],
                description_text=text,
                raw=post,
                run_id="bench",
                fetched_at="2026-01-01T00:00:00Z",
                month="2026-01",
                thread_id=1,
            )
            t4 = clock()
            line = json.dumps(dict(item), separators=(",", ":"), check_circular=False)
            compressor.write(line.encode("ascii") + b"\n")
            t5 = clock()
            for key, seconds in zip(
                spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True
            ):
                spent[key] += seconds
    return posts


def main() -> int:
    """Print posts/s of the crawl, of the plain loop, their ratio, and whether the counts hold."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="parse worker processes (default: the spider's: one per core up to 4; 0 parses inline)",
    )
    parser.add_argument(
        "--breakdown",
        type=int,
        default=0,
        metavar="N",
        help="also print CPU µs per post of each step, on every N-th thread",
    )
    args = parser.parse_args()
    hn = args.corpus / "hn-algolia"
    if not hn.is_dir():
        print(f"skipped: no HN corpus at {hn}")
        return 0
    load_before = os.getloadavg()[0]
    baseline_posts, baseline_s = plain_loop(hn / "items")
    with tempfile.TemporaryDirectory() as tmp:
        cpu_before = os.times()
        manifest, crawl_s = crawl(args.corpus, Path(tmp) / "data", args.workers)
        cpu_after = os.times()
    cpu_s = sum(
        getattr(cpu_after, k) - getattr(cpu_before, k)
        for k in ("user", "system", "children_user", "children_system")
    )
    expected = json.loads((hn / "months.json").read_text())
    counts_hold = (
        manifest["seen_by_month"] == expected and manifest["complete"] and not manifest["errors"]
    )
    rate, baseline_rate = manifest["items_seen"] / crawl_s, baseline_posts / baseline_s
    print(
        f"crawl    : {manifest['items_seen']} posts in {crawl_s:.1f} s = {rate:,.0f} posts/s "
        f"({len(manifest['seen_by_month'])} months, {manifest['duplicates_in_run']} duplicates, {len(manifest['errors'])} errors)"
    )
    print(
        f"baseline : {baseline_posts} posts in {baseline_s:.1f} s = {baseline_rate:,.0f} posts/s (json.load and loop)"
    )
    print(
        f"ratio    : crawl/baseline throughput = {rate / baseline_rate:.3f}; target crawl <= {TARGET_S} s: {'yes' if crawl_s <= TARGET_S else 'no'}"
    )
    print(
        f"cpu      : {cpu_s:.1f} s of CPU in all processes = {cpu_s / max(manifest['items_seen'], 1) * 1e6:,.0f} µs per post; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores"
    )
    print(f"counts   : {'equal to months.json' if counts_hold else 'DIFFERENT from months.json'}")
    if args.breakdown:
        parts = breakdown(hn / "items", args.breakdown)
        posts = int(parts.pop("posts"))
        steps = ", ".join(f"{key} {value:,.0f}" for key, value in parts.items())
        print(
            f"per post : CPU µs on {posts} posts, one process: {steps}; total {sum(parts.values()):,.0f}"
        )
    return 0 if counts_hold else 1


if __name__ == "__main__":
    raise SystemExit(main())
