"""Check each role's top-20 skills (pooled 2023-2025) against postings that hire that family alone.

Runs the demo over the recorded corpus of ../shared into a fresh folder (crawl -> process -> report,
the same flows a user runs), or reads a warehouse given with --warehouse, then prints, per role,
each top skill's attributed share beside the share among single-family postings with its Wilson
95% interval, and whether every share lies within its interval. Run with `make eval`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from jobtrends.config import Settings  # noqa: E402
from warehouse.attribution_check import TopSkill, top_skills_against_single_family  # noqa: E402
from warehouse.db import session  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
# The span issue #14 pools: three recent years, enough single-family postings per role.
POOLED = (dt.date(2023, 1, 1), dt.date(2025, 12, 1))
TOP_SKILLS = 20


def format_check(rows: Sequence[TopSkill]) -> str:
    """A table per role of the top skills with their single-family intervals, then the verdict."""
    lines = [
        f"Top {TOP_SKILLS} skills per role, {POOLED[0]:%Y-%m} to {POOLED[1]:%Y-%m}: attributed share "
        "against the share among postings that hire the family alone (Wilson 95%).",
        "",
    ]
    roles = sorted({row.role for row in rows})
    for role in roles:
        mine = [row for row in rows if row.role == role]
        lines += [
            f"### {role} ({mine[0].n_alone:,} single-family postings)",
            "",
            "| rank | skill | attributed | alone | interval | inside |",
            "| ---: | --- | ---: | ---: | --- | --- |",
        ]
        for row in mine:
            lines.append(
                f"| {row.rank} | {row.skill_id} | {row.share:.3f} | {row.k_alone / row.n_alone:.3f} "
                f"| {row.low:.3f}-{row.high:.3f} | {'yes' if row.inside else 'NO'} |"
            )
        lines.append("")
    outside = [row for row in rows if not row.inside]
    lines.append(
        f"{len(rows) - len(outside)} of {len(rows)} top skills lie within their single-family "
        f"interval: {'ok' if rows and not outside else 'MISSED'}"
    )
    return "\n".join(lines)


def check_warehouse(warehouse: Path) -> list[TopSkill]:
    """The top skills of each role in the warehouse at `warehouse`."""
    settings = Settings(warehouse=warehouse)
    with session(settings, read_only=True) as con:
        return top_skills_against_single_family(con, *POOLED, TOP_SKILLS)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry: `python bench/eval_attribution.py [--corpus DIR | --warehouse FILE]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("JOBTRENDS_CORPUS", DEFAULT_CORPUS))
    )
    parser.add_argument(
        "--warehouse", type=Path, help="check this warehouse instead of running the demo"
    )
    args = parser.parse_args(argv)
    if args.warehouse is not None:
        print(format_check(check_warehouse(args.warehouse)))
        return 0
    if not (args.corpus / "hn-algolia").is_dir():
        print(f"skipped: no recorded corpus at {args.corpus} (the shared material is absent)")
        return 0
    from jobtrends.demo import run_demo

    with tempfile.TemporaryDirectory(prefix="jobtrends-eval-") as folder:
        result = run_demo(Settings(data_dir=Path(folder)), args.corpus)
        if result.failed:
            print("the demo over the recorded corpus failed; see its summary above")
            return 1
        print(format_check(check_warehouse(result.warehouse)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
