"""Scale of the process flow plus the report: 10k, 100k and 1M generated postings.

For each size, a child process runs process_flow and the report on a fresh landing zone
(generated with generate_landing), then process_flow again with no new data. Printed per size:
wall time, postings/s, peak RSS; then time(largest)/time(10x smaller) (target <= 11), peak RSS at
1M (target < 4 GB), second run / first run (target <= 10%), and the flow's throughput against
plain transform_records on one core measured in the same run (the baseline).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchmarks_md import write_block  # noqa: E402

MARK = "bench_pipeline"
RSS_LIMIT_MB = 4096
BASELINE_POSTINGS = 1000


def _peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": own, "children_mb": children}


def child(data_dir: Path, workers: int | None, formats: list[str]) -> dict[str, Any]:
    """Run process_flow + report, then process_flow again; return timings and peak RSS."""
    from jobtrends.config import Settings

    settings = Settings.model_validate(
        {"data_dir": str(data_dir), "report": {"bootstrap_samples": 50}}
    )
    from pipeline.flows.env import configure_prefect

    configure_prefect(settings)
    from prefect import flow

    from pipeline.flows.common import run_flow
    from pipeline.flows.process import process_flow
    from pipeline.flows.report import report_flow

    @flow(name="warm-up")
    def warm_up() -> int:
        return 1

    warm_up()  # the ephemeral API server starts here, outside the timings
    started = time.perf_counter()
    processed = run_flow(process_flow, settings, workers=workers)
    process_s = time.perf_counter() - started
    started = time.perf_counter()
    run_flow(report_flow, settings, formats=formats)
    report_s = time.perf_counter() - started
    started = time.perf_counter()
    again = run_flow(process_flow, settings, workers=workers)
    again_s = time.perf_counter() - started
    return {
        "postings": processed.postings_in,
        "loaded": processed.postings_loaded,
        "failures": len(processed.failures),
        "process_s": process_s,
        "report_s": report_s,
        "first_s": process_s + report_s,
        "second_s": again_s,
        "second_files": again.files_in,
        **_peak_rss_mb(),
    }


def baseline(landing_dir: Path) -> float:
    """Postings/s of plain transform_records (no Prefect, one core) over the first landing batch."""
    from jobtrends.landing import read_records
    from pipeline.transform import default_extractor, transform_records

    path = sorted(landing_dir.glob("*/*.jsonl.gz"))[0]
    records = next(read_records(path, BASELINE_POSTINGS))
    default_extractor()  # building the matcher and the first call's set-up are not part of the rate
    transform_records(records[:20])
    started = time.perf_counter()
    transform_records(records)
    return len(records) / (time.perf_counter() - started)


def run_size(
    size: int, work: Path, workers: int | None, formats: list[str], seed: int
) -> dict[str, Any]:
    """Generate `size` postings as landing files and measure the flow on them in a child process."""
    from jobtrends.generate import generate_landing

    data_dir = work / f"n{size}"
    shutil.rmtree(data_dir, ignore_errors=True)
    started = time.perf_counter()
    generate_landing(data_dir / "landing", size, seed=seed)
    generate_s = time.perf_counter() - started
    command = [sys.executable, __file__, "--child", str(data_dir), "--format", ",".join(formats)]
    if workers:
        command += ["--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"size {size}: child failed: {done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures.update(size=size, generate_s=generate_s, postings_per_s=size / figures["process_s"])
    return figures


def summarize(rows: list[dict[str, Any]], base_rate: float, workers: int | None) -> str:
    """The Markdown block: one row per size, then the ratios against their targets."""
    lines = [
        f"## Pipeline scale (bench/bench_pipeline.py, {datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()})",
        "",
        f"process_flow ({f'Dask LocalCluster, {workers} workers' if workers else 'thread task runner'}) "
        "then the HTML+PDF report, on landing files from generate_landing; second run = process_flow "
        "again with no new data.",
        "",
        "| postings | process s | report s | postings/s | peak RSS MB (flow / children) | second run s | second/first |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['process_s']:.1f} | {r['report_s']:.1f} | {r['postings_per_s']:,.0f} | "
            f"{r['self_mb']:,.0f} / {r['children_mb']:,.0f} | {r['second_s']:.1f} | {r['second_s'] / r['first_s']:.1%} |"
        )
    lines.append("")
    lines.append(
        f"- baseline: plain transform_records on one core, same run: {base_rate:,.0f} postings/s; "
        f"flow/baseline at the largest size: {rows[-1]['postings_per_s'] / base_rate:.2f}"
    )
    by_size = {r["size"]: r for r in rows}
    for r in rows:
        smaller = by_size.get(r["size"] // 10)
        if smaller:
            ratio = r["first_s"] / smaller["first_s"]
            lines.append(
                f"- time({r['size']:,})/time({smaller['size']:,}) = {ratio:.2f} (target <= 11): "
                f"{'ok' if ratio <= 11 else 'MISSED'}"
            )
    largest = rows[-1]
    peak = max(largest["self_mb"], largest["children_mb"])
    lines.append(
        f"- peak RSS at {largest['size']:,}: {peak:,.0f} MB (target < {RSS_LIMIT_MB:,} MB at 1M): "
        f"{'ok' if peak < RSS_LIMIT_MB else 'MISSED'}"
    )
    worst = max(r["second_s"] / r["first_s"] for r in rows)
    lines.append(
        f"- second run with no new data: at most {worst:.1%} of the first (target <= 10%): "
        f"{'ok' if worst <= 0.10 else 'MISSED'}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run every size, print the table and update BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="comma-separated posting counts"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="Dask LocalCluster workers (default: threads)"
    )
    parser.add_argument("--format", default="html,pdf")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--work", type=Path, default=None, help="scratch folder (default: a temporary one)"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    formats = [f for f in args.format.split(",") if f]
    if args.child is not None:
        print(json.dumps(child(args.child, args.workers, formats)))
        return 0
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    rows = []
    try:
        for size in sizes:
            print(f"bench_pipeline: {size:,} postings ...", file=sys.stderr, flush=True)
            rows.append(run_size(size, work, args.workers, formats, args.seed))
            r = rows[-1]
            print(
                f"  process {r['process_s']:.1f} s, report {r['report_s']:.1f} s, "
                f"{r['postings_per_s']:,.0f} postings/s, second run {r['second_s']:.1f} s",
                file=sys.stderr,
            )
        base_rate = baseline(work / f"n{sizes[0]}" / "landing")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    text = summarize(rows, base_rate, args.workers)
    print(text)
    if not args.no_write:
        write_block(MARK, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
