"""The top-skills check: attributed shares beside the single-family share and its interval."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.attribution_check import TopSkill, top_skills_against_single_family

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.eval_attribution import format_check  # noqa: E402

JAN = dt.date(2024, 1, 1)
FEB = dt.date(2024, 2, 1)


def _fill(con: duckdb.DuckDBPyConnection) -> None:
    # Ten single-family data-science postings: SQL in 8, Python in 5; a mixed posting adds React.
    rows = [
        (f"d{i}", JAN, "data_scientist", "only_family", ["sql"] * (i < 8) + ["python"] * (i < 5))
        for i in range(10)
    ]
    rows.append(("m1", FEB, "data_scientist", "shared_text", []))
    con.executemany("insert into role_postings values (?, ?, ?, ?, ?)", rows)
    con.executemany(
        "insert into role_months (month, role, n_postings, n_skill_postings) values (?, ?, ?, ?)",
        [(JAN, "data_scientist", 10, 10), (FEB, "data_scientist", 1, 0)],
    )
    con.executemany(
        "insert into role_month_skills values (?, ?, ?, ?)",
        [(JAN, "data_scientist", "sql", 8), (JAN, "data_scientist", "python", 5)],
    )


def test_top_skills_carry_the_single_family_share_and_its_wilson_interval(
    con: duckdb.DuckDBPyConnection,
) -> None:
    _fill(con)
    rows = top_skills_against_single_family(con, JAN, FEB, 20)
    assert [(r.rank, r.skill_id, r.share, r.k_alone, r.n_alone) for r in rows] == [
        (1, "sql", 0.8, 8, 10),
        (2, "python", 0.5, 5, 10),
    ]
    sql = rows[0]
    # Wilson 95% for 8 of 10: 0.490 to 0.943.
    assert sql.low == pytest.approx(0.490, abs=1e-3) and sql.high == pytest.approx(0.943, abs=1e-3)
    assert all(r.inside for r in rows)
    assert [r.skill_id for r in top_skills_against_single_family(con, JAN, FEB, 1)] == ["sql"]
    assert top_skills_against_single_family(con, FEB, FEB, 20) == []


def test_the_printed_check_names_every_share_outside_its_interval() -> None:
    inside = TopSkill("ai_engineer", 1, "python", 0.5, 50, 100, 0.40, 0.60)
    outside = TopSkill("ai_engineer", 2, "react", 0.2, 5, 100, 0.02, 0.11)
    text = format_check([inside, outside])
    assert "| 1 | python | 0.500 | 0.500 | 0.400-0.600 | yes |" in text
    assert "| 2 | react | 0.200 | 0.050 | 0.020-0.110 | NO |" in text
    assert text.endswith("1 of 2 top skills lie within their single-family interval: MISSED")
    assert format_check([inside]).endswith("interval: ok")
