"""Load benchmark: N generated postings (~10 skill mentions each) through pipeline.load.load_batch,
against DuckDB's own COPY FROM Parquet of the same rows in the same run; then the aggregate and
bootstrap refreshes of finalize, and every view's time."""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchmarks_md import write_block  # noqa: E402
from jobtrends.config import Settings  # noqa: E402
from jobtrends.vocabulary import AI_ENGINEER, DATA_SCIENTIST, ROLE_FAMILIES  # noqa: E402
from pipeline.landing import LandingFile  # noqa: E402
from pipeline.load import load_batch  # noqa: E402
from pipeline.transform import OPENINGS_SCHEMA, POSTING_SKILLS_SCHEMA, POSTINGS_SCHEMA, TableBatch  # noqa: E402
from warehouse import aggregates, stats  # noqa: E402
from warehouse.db import close, connect  # noqa: E402
from warehouse.migrate import VIEW_ORDER  # noqa: E402

MARK = "bench_load"
SOURCES = np.array(["hn_whoishiring", "greenhouse", "lever", "ashby", "remoteok"])
ROLES = np.array(ROLE_FAMILIES)
N_SKILLS = 200
TEXTS = [f"We build things with tools number {i} and {i + 1}; join us." * 4 for i in range(64)]


def generate_batch(
    rng: np.random.Generator, start: int, n: int, mentions_per_posting: float
) -> TableBatch:
    """`n` already-transformed postings with openings and skill mentions (seeded, vectorised)."""
    ids = np.arange(start, start + n)
    source = SOURCES[rng.integers(0, len(SOURCES), n)]
    global_id = pa.array(np.char.add(np.char.add(source.astype(str), ":"), ids.astype(str)))
    year = rng.integers(2015, 2027, n)
    month_no = rng.integers(1, 13, n)
    month = np.char.add(np.char.add(year.astype(str), "-"), np.char.zfill(month_no.astype(str), 2))
    posted = np.char.add(month, "-15T12:00:00Z")
    role = ROLES[rng.choice(3, n, p=[0.15, 0.15, 0.70])]
    text_idx = rng.integers(0, len(TEXTS), n)
    postings = pa.table(
        {
            "global_id": global_id,
            "source": pa.array(source),
            "source_id": pa.array(ids.astype(str)),
            "board": pa.array(np.full(n, "board")),
            "url": pa.nulls(n, pa.string()),
            "company": pa.array(np.char.add("Company ", (ids % 5000).astype(str))),
            "title": pa.array(
                np.where(
                    role == AI_ENGINEER,
                    "ML Engineer",
                    np.where(role == DATA_SCIENTIST, "Data Scientist", "Backend Engineer"),
                )
            ),
            "location": pa.array(np.full(n, "Remote")),
            "remote": pa.array(rng.random(n) < 0.5),
            "salary_min": pa.array(rng.integers(50, 200, n) * 1000.0),
            "salary_max": pa.array(rng.integers(200, 300, n) * 1000.0),
            "salary_currency": pa.array(np.full(n, "USD")),
            "salary_period": pa.array(np.full(n, "year")),
            "salary_annual_min": pa.nulls(n, pa.float64()),
            "salary_annual_max": pa.nulls(n, pa.float64()),
            "salary_raw": pa.nulls(n, pa.string()),
            "employment_type": pa.array(np.full(n, "full_time")),
            "requisition_id": pa.nulls(n, pa.string()),
            "posted_at": pa.array(posted),
            "month": pa.array(month),
            "thread_id": pa.nulls(n, pa.int64()),
            "description_text": pc.take(pa.array(TEXTS), pa.array(text_idx)),
            "content_hash": pa.array(np.char.add("h", ids.astype(str))),
            "fetched_at": pa.array(np.full(n, "2026-11-01T00:00:00Z")),
            "is_synthetic": pa.array(np.ones(n, bool)),
            "rules_version": pa.array(np.full(n, "r1")),
            "taxonomy_version": pa.array(np.full(n, "t1")),
            "extractor_version": pa.array(np.full(n, "e1")),
            "crawl_run_id": pa.array(np.full(n, "20261101T000000Z-bench000")),
        },
        schema=POSTINGS_SCHEMA,
    )
    openings = pa.table(
        {
            "global_id": global_id,
            "opening_idx": pa.array(np.zeros(n, np.int32)),
            "title": postings.column("title"),
            "normalized_title": postings.column("title"),
            "role_family": pa.array(role),
            "seniority": pa.array(np.full(n, "mid")),
            "rules_version": pa.array(np.full(n, "r1")),
            "section_start": pa.nulls(n, pa.int32()),
            "section_end": pa.nulls(n, pa.int32()),
        },
        schema=OPENINGS_SCHEMA,
    )
    counts = rng.poisson(mentions_per_posting, n)
    owner = np.repeat(np.arange(n), counts)
    m = len(owner)
    # skill popularity is skewed, as in real postings
    skill = np.minimum(rng.zipf(1.3, m), N_SKILLS) - 1
    start_char = rng.integers(0, 200, m).astype(np.int32)
    skill_names = pa.array([f"skill-{i:03d}" for i in range(N_SKILLS)])
    posting_skills = pa.table(
        {
            "global_id": pc.take(global_id, pa.array(owner)),
            "opening_idx": pa.nulls(m, pa.int32()),
            "skill_id": pc.take(skill_names, pa.array(skill)),
            "start_char": pa.array(start_char),
            "end_char": pa.array(start_char + 5),
            "evidence": pc.take(skill_names, pa.array(skill)),
            "extractor_version": pa.array(np.full(m, "e1")),
        },
        schema=POSTING_SKILLS_SCHEMA,
    )
    return TableBatch(postings, openings, posting_skills)


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the figures and update BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postings", type=int, default=1_000_000)
    parser.add_argument(
        "--mentions", type=float, default=10.0, help="mean skill mentions per posting"
    )
    parser.add_argument("--batch", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--per-batch",
        action="store_true",
        help="commit each batch (before one transaction per landing file, as process now does)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings.model_validate(
            {"data_dir": str(tmp / "data"), "warehouse": str(tmp / "load.duckdb")}
        )
        landing = LandingFile(
            tmp / "bench.jsonl.gz", "bench", "20261101T000000Z-bench000", "0" * 64, None
        )
        con = connect(settings)
        generate_s = load_s = 0.0
        n_postings = n_skills = 0
        starts = list(range(0, args.postings, args.batch))
        # The generated batches are one landing file: process loads it in one transaction.
        if not args.per_batch:
            con.execute("begin transaction")
        for i, start in enumerate(starts):
            # batches are made one at a time, so memory holds one batch, and only loading is timed
            t0 = time.perf_counter()
            batch = generate_batch(
                rng, start, min(args.batch, args.postings - start), args.mentions
            )
            generate_s += time.perf_counter() - t0
            n_postings += batch.n_postings
            n_skills += batch.posting_skills.num_rows
            t0 = time.perf_counter()
            load_batch(
                con,
                batch,
                landing,
                final=i == len(starts) - 1,
                n_records=n_postings,
                transaction=args.per_batch,
            )
            load_s += time.perf_counter() - t0
            del batch
        if not args.per_batch:
            t0 = time.perf_counter()
            con.execute("commit")
            load_s += time.perf_counter() - t0
        n_rows = n_postings * 2 + n_skills  # postings, openings, posting_skills
        load_rss = peak_rss_mb()

        # finalize's refreshes (the cross-source dedupe is left out: generated postings have no
        # cross-source twins, and its cost depends on how many share company, title and location)
        t0 = time.perf_counter()
        aggregates.refresh(con)
        aggregates_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        stats.refresh(con, settings)
        bootstrap_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        fresh = aggregates.is_fresh(con)
        fresh_s = time.perf_counter() - t0

        # A view answers when its whole result reaches the client (fetched as Arrow).
        view_s = {}
        for view in VIEW_ORDER:
            t0 = time.perf_counter()
            con.sql(f"select * from {view}").to_arrow_table()  # noqa: S608 - fixed names
            view_s[view] = time.perf_counter() - t0
        scan_s = {}
        for label, sql in (
            ("postings table, every column", "select * from postings"),
            (
                "v_postings, an analyst's columns",
                "select global_id, month, source, company, title, remote, "
                "role_families, skills from v_postings",
            ),
        ):
            t0 = time.perf_counter()
            con.sql(sql).to_arrow_table()
            scan_s[label] = time.perf_counter() - t0
        t0 = time.perf_counter()
        con.execute(
            "select count(*) from v_postings where list_contains(role_families, 'ai_engineer') "
            "and list_contains(skills, 'skill-001')"
        ).fetchall()
        filter_s = time.perf_counter() - t0
        # CREATE TABLE AS also compresses and stores the rows: the table itself sets the floor
        materialise_s = {}
        for view in ("postings", "v_postings"):
            t0 = time.perf_counter()
            con.execute(f"create or replace temp table bench_view as select * from {view}")  # noqa: S608
            materialise_s[view] = time.perf_counter() - t0
        con.execute("drop table bench_view")

        parquet = {}
        for table in ("postings", "posting_versions", "openings", "posting_skills"):
            parquet[table] = tmp / f"{table}.parquet"
            con.execute(f"copy {table} to '{parquet[table]}' (format parquet)")
        close(con)

        baseline = Settings.model_validate(
            {"data_dir": str(tmp / "data"), "warehouse": str(tmp / "copy.duckdb")}
        )
        con = connect(baseline)
        t0 = time.perf_counter()
        for table, path in parquet.items():
            con.execute("begin transaction")
            con.execute(f"copy {table} from '{path}' (format parquet)")
            con.execute("commit")
        copy_s = time.perf_counter() - t0
        close(con)

    rss = peak_rss_mb()
    ratio = copy_s / load_s
    slowest = max(view_s, key=view_s.__getitem__)
    lines = [
        f"## Load ({datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, {platform.python_version()})",
        "",
        f"- {n_postings:,} postings, {n_skills:,} posting-skill rows, in batches of {args.batch:,} "
        f"({'a transaction per batch' if args.per_batch else 'one transaction'}; generated in {generate_s:.1f} s)",
        f"- load_batch: {load_s:.1f} s, {n_rows / load_s:,.0f} rows/s ({n_postings / load_s:,.0f} postings/s)",
        f"- DuckDB COPY FROM Parquet of the same rows: {copy_s:.1f} s; ratio COPY/load = {ratio:.2f} (target >= 0.5)",
        f"- peak RSS: {rss:,.0f} MB at the end, {load_rss:,.0f} MB after loading (target <= 3072 MB)",
        f"- finalize's aggregate refresh (posting_lists, role_months, role_month_skills, ...): {aggregates_s:.1f} s; "
        f"bootstrap of the JSD ({settings.report.bootstrap_samples} resamples; months, quarters, years): {bootstrap_s:.1f} s; "
        f"freshness check: {fresh_s:.2f} s ({'fresh' if fresh else 'STALE'})",
        f"- views (whole result fetched by the client as Arrow; target <= 2 s each; slowest {slowest} {view_s[slowest]:.2f} s):",
    ]
    lines += [f"  - {view}: {seconds:.2f} s" for view, seconds in view_s.items()]
    lines += [f"  - {label}: {seconds:.2f} s" for label, seconds in scan_s.items()]
    lines += [
        f"  - a filtered count over v_postings (role and skill lists): {filter_s:.2f} s",
        f"  - CREATE TEMP TABLE AS SELECT * (rows compressed and stored): postings {materialise_s['postings']:.2f} s, "
        f"v_postings {materialise_s['v_postings']:.2f} s",
        f"- load average (1, 5, 15 min) at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_block(MARK, text)
    ok = ratio >= 0.5 and rss <= 3072 and max(view_s.values()) <= 2.0
    return 0 if ok or args.postings < 1_000_000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
