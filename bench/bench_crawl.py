"""Replay the shared HN corpus through the real spider into a landing zone: posts/s vs json.load."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawlers.run import run_spider  # noqa: E402
from jobtrends.config import Settings  # noqa: E402
from jobtrends.replay import start_replay_server  # noqa: E402


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


def crawl(corpus: Path, data_dir: Path) -> tuple[dict, float]:
    """The spider with the real engine against the replay server, landing gzip JSONL."""
    with start_replay_server(corpus) as server:
        settings = Settings.model_validate({
            "data_dir": str(data_dir),
            "politeness": {"download_delay_s": 0, "autothrottle": False, "concurrent_requests": 8,
                           "concurrent_requests_per_domain": 8},
            "sources": [{"type": "hn_whoishiring", "base_url": server.base_url}],
        })
        started = time.perf_counter()
        manifest = run_spider(settings, "hn_whoishiring")
        return manifest, time.perf_counter() - started


def main() -> int:
    """Print posts/s of the crawl, of the plain loop, their ratio, and whether the counts hold."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    hn = args.corpus / "hn-algolia"
    if not hn.is_dir():
        print(f"skipped: no HN corpus at {hn}")
        return 0
    baseline_posts, baseline_s = plain_loop(hn / "items")
    with tempfile.TemporaryDirectory() as tmp:
        manifest, crawl_s = crawl(args.corpus, Path(tmp) / "data")
    expected = json.loads((hn / "months.json").read_text())
    counts_hold = manifest["seen_by_month"] == expected and manifest["complete"] and not manifest["errors"]
    rate, baseline_rate = manifest["items_seen"] / crawl_s, baseline_posts / baseline_s
    print(f"crawl    : {manifest['items_seen']} posts in {crawl_s:.1f} s = {rate:,.0f} posts/s "
          f"({len(manifest['seen_by_month'])} months, {manifest['duplicates_in_run']} duplicates, {len(manifest['errors'])} errors)")
    print(f"baseline : {baseline_posts} posts in {baseline_s:.1f} s = {baseline_rate:,.0f} posts/s (json.load and loop)")
    print(f"ratio    : crawl/baseline throughput = {rate / baseline_rate:.3f}; target crawl <= 60 s: {'yes' if crawl_s <= 60 else 'no'}")
    print(f"counts   : {'equal to months.json' if counts_hold else 'DIFFERENT from months.json'}")
    return 0 if counts_hold else 1


if __name__ == "__main__":
    raise SystemExit(main())
