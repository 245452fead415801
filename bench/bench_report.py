"""Benchmark: a full report run (the month's report and the history report beside it: model,
charts, HTML, PDF) over a generated 1M-posting warehouse."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.benchmarks_md import write_block  # noqa: E402
from jobtrends.config import Report, Settings  # noqa: E402
from pipeline.skills.taxonomy import CATEGORIES as TAXONOMY_CATEGORIES  # noqa: E402
from reports.build import build_report, vega_bundle  # noqa: E402
from warehouse import aggregates, db  # noqa: E402

MARK = "bench_report"
TARGET_S = 60.0
MONTHS = 137  # 2015-01 .. 2026-05
# The generated skills spread over the tool and method categories (not concept, methodology, ...).
CATEGORIES = list(TAXONOMY_CATEGORIES[: TAXONOMY_CATEGORIES.index("general_software") + 1])
NAMED_SKILLS = [
    ("python", "Python", "language"),
    ("sql", "SQL", "language"),
    ("r", "R", "language"),
    ("cpp", "C++", "language"),
    ("java", "Java", "language"),
    ("pytorch", "PyTorch", "ml_framework"),
    ("tensorflow", "TensorFlow", "ml_framework"),
    ("scikit_learn", "scikit-learn", "ml_framework"),
    ("pandas", "pandas", "data_library"),
    ("numpy", "NumPy", "data_library"),
    ("jupyter", "Jupyter", "data_library"),
    ("docker", "Docker", "devops_mlops"),
    ("kubernetes", "Kubernetes", "devops_mlops"),
    ("cicd", "CI/CD", "devops_mlops"),
    ("terraform", "Terraform", "devops_mlops"),
    ("aws", "AWS", "cloud"),
    ("gcp", "Google Cloud", "cloud"),
    ("azure", "Azure", "cloud"),
    ("tableau", "Tableau", "bi_viz"),
    ("power_bi", "Power BI", "bi_viz"),
    ("matplotlib", "Matplotlib", "bi_viz"),
    ("stata", "Stata", "stats_package"),
    ("sas", "SAS", "stats_package"),
    ("ab_testing", "A/B Testing", "stats_method"),
    ("statistics", "Statistics", "stats_method"),
    ("openai", "OpenAI API", "llm_tooling"),
    ("langchain", "LangChain", "llm_tooling"),
    ("rag", "Retrieval-Augmented Generation", "llm_tooling"),
    ("model_deployment", "Model Deployment", "devops_mlops"),
    ("onnx", "ONNX", "ml_framework"),
]
N_SKILLS = 400
SKILLS_PER_POSTING = 10


def build_warehouse(settings: Settings, postings: int) -> dict[str, int]:
    """Create and fill the warehouse with `postings` pseudo-random postings, all in DuckDB SQL."""
    with db.session(settings) as con:
        con.execute("create temp table named(skill_id varchar, name varchar, category varchar)")
        con.executemany("insert into named values (?, ?, ?)", NAMED_SKILLS)
        con.execute(
            """
            insert into skills (skill_id, name, category, taxonomy_version)
            select coalesce(n.skill_id, 'skill_' || i), coalesce(n.name, 'Skill ' || i),
                   coalesce(n.category, (?)[1 + i % ?]), 'bench'
            from range(?) as t (i)
            left join (select *, row_number() over () - 1 as i from named) as n using (i)
            """,
            [CATEGORIES, len(CATEGORIES), N_SKILLS],
        )
        con.execute(
            """
            insert into postings (global_id, source, source_id, company, title, remote, salary_currency,
                salary_annual_min, salary_annual_max, month, content_hash, first_seen, last_seen,
                canonical_id, is_synthetic, rules_version, taxonomy_version, extractor_version)
            select
                'bench:' || i, (['hn_whoishiring', 'greenhouse', 'lever', 'ashby', 'remoteok'])[1 + (hash(i, 1) % 5)::bigint],
                i::varchar, 'Company ' || (hash(i, 2) % 20000)::bigint, 'Title ' || (hash(i, 3) % 50)::bigint,
                case (hash(i, 4) % 3)::bigint when 0 then true when 1 then false end,
                case when (hash(i, 5) % 4)::bigint = 0 then (['USD', 'EUR', 'GBP'])[1 + (hash(i, 6) % 3)::bigint] end,
                80000 + (hash(i, 7) % 100000)::bigint, 120000 + (hash(i, 7) % 100000)::bigint + (hash(i, 8) % 40000)::bigint,
                date '2015-01-01' + to_months(cast(floor(? * sqrt(((hash(i, 9) % 1000000)::bigint) / 1000000.0)) as integer)),
                'h' || i, timestamptz '2026-06-01', timestamptz '2026-06-01',
                case when (hash(i, 10) % 50)::bigint = 0 and i > 0 then 'bench:' || (i - 1) else 'bench:' || i end,
                true, 'bench', 'bench', 'bench'
            from range(?) as t (i)
            """,
            [MONTHS, postings],
        )
        con.execute(
            """
            insert into openings (global_id, opening_idx, title, normalized_title, role_family, seniority)
            select
                'bench:' || i, k,
                (['AI Engineer', 'Machine Learning Engineer', 'Data Scientist', 'Senior Data Scientist', 'Backend Engineer'])[1 + (hash(i, 11, k) % 5)::bigint],
                (['ai engineer', 'machine learning engineer', 'data scientist', 'senior data scientist', 'backend engineer'])[1 + (hash(i, 11, k) % 5)::bigint],
                case when (hash(i, 11, k) % 5)::bigint < 2 then 'ai_engineer' when (hash(i, 11, k) % 5)::bigint < 4 then 'data_scientist' else 'other' end,
                (['junior', 'mid', 'mid', 'senior', 'senior', 'staff', 'lead'])[1 + (hash(i, 12, k) % 7)::bigint]
            from range(?) as t (i), range(2) as o (k)
            where k = 0 or (hash(i, 13) % 10)::bigint = 0
            """,
            [postings],
        )
        # Skills drawn with a skew (low indexes common) and a role tilt, so the roles differ.
        con.execute(
            """
            insert into posting_skills (global_id, opening_idx, skill_id, start_char, end_char, evidence)
            select
                'bench:' || i, null,
                coalesce(n.skill_id, 'skill_' || s.idx), 10 * k, 10 * k + 6, 'skill'
            from (
                select i, k,
                    cast(floor(? * pow(((hash(i, 20, k) % 1000000)::bigint) / 1000000.0, 2.2)
                        + case when (hash(i, 11, 0) % 5)::bigint < 2 then 3 * (k % 3) else 0 end) as integer) % ? as idx
                from range(?) as t (i), range(?) as r (k)
            ) as s
            left join (select *, row_number() over () - 1 as idx from named) as n using (idx)
            """,
            [N_SKILLS, N_SKILLS, postings, SKILLS_PER_POSTING],
        )
        con.execute(
            """
            insert into source_months
            select p.source, p.month, count(*), count(distinct o.global_id)
            from postings as p
            left join openings as o on o.global_id = p.global_id and o.role_family <> 'other'
            group by all
            """
        )
        # The aggregate tables the views read, as pipeline.load.finalize refreshes them after a load.
        aggregates.refresh(con)
        # Bootstrap intervals stand in for warehouse.stats: the point estimate +- a fixed margin.
        con.execute(
            """
            insert into divergence_bootstrap
            select period_type, period, jsd, greatest(jsd - 0.02, 0), least(jsd + 0.02, 1), n_ai, n_ds, 200, 7
            from v_role_divergence where period_type in ('quarter', 'year')
            """
        )
        counts = {
            name: con.execute(f"select count(*) from {name}").fetchone()[0]  # noqa: S608 - fixed names
            for name in (
                "postings",
                "openings",
                "posting_skills",
                "skills",
                "source_months",
                "divergence_bootstrap",
            )
        }
    return counts


def main() -> None:
    """Build the warehouse, time each stage of the report, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--postings", type=int, default=1_000_000, help="postings in the generated warehouse"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        settings = Settings(data_dir=Path(tmp), report=Report(since="2015-01"))
        started = time.perf_counter()
        counts = build_warehouse(settings, args.postings)
        build_s = time.perf_counter() - started
        print(f"warehouse: {counts} built in {build_s:.1f} s")
        vega_bundle(
            settings.cache_dir
        )  # made once per installation and cached; not part of a report run
        usage = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        result = build_report(
            settings, formats=("html", "pdf"), today=date(2026, 6, 15), history=True
        )
        total = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
        load = os.getloadavg()[0]
    stages = " | ".join(f"{k} {v:.2f} s" for k, v in result.timings.items())
    print(
        f"report {result.period}: {stages} | total {total:.2f} s (target <= {TARGET_S:.0f} s) | "
        f"{result.pdf_pages} PDF pages, {len(result.charts)} charts, history "
        f"{result.history.pdf_pages if result.history else 0} PDF pages | CPU {cpu:.1f} s, "
        f"load average {load:.1f} on {os.cpu_count()} cores"
    )
    verdict = "meets" if total <= TARGET_S else "MISSES"
    rows = "\n".join(f"| {k} | {v:.2f} |" for k, v in result.timings.items())
    text = (
        f"## Report build ({args.postings:,} postings, {counts['posting_skills']:,} skill mentions)\n\n"
        f"`python bench/bench_report.py --postings {args.postings}`: period {result.period}, "
        f"{len(result.charts)} charts, {result.pdf_pages} PDF pages, and the history report "
        f"beside it ({result.history.pdf_pages if result.history else 0} PDF pages; its stages "
        "are the history_ rows), as `jobtrends run` and the schedule build them.\n\n"
        f"| stage | seconds |\n| --- | --- |\n{rows}\n| **total** | **{total:.2f}** |\n\n"
        f"CPU time of the build: {cpu:.1f} s; load average during the run: {load:.1f} on "
        f"{os.cpu_count()} cores (the machine was shared).\n\n"
        f"Target: a full report in <= {TARGET_S:.0f} s: {verdict} it. "
        "(The Vega bundle is made once per installation and cached, so it is not timed.) "
        "The warehouse views read aggregate tables (per month, role and skill counts) refreshed when "
        "the warehouse is built, so no report query recounts posting_skills.\n"
    )
    if not args.no_write:
        write_block(MARK, text)


if __name__ == "__main__":
    main()
