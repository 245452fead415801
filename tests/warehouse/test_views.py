"""Given rows -> expected rows for each analyst view, with the expected values worked out by hand."""

from __future__ import annotations

import math

import duckdb
import pytest

from warehouse.aggregates import refresh

Z = 1.959963984540054


def add_posting(
    con: duckdb.DuckDBPyConnection,
    global_id: str,
    month: str,
    role: str,
    skills: list[str],
    source: str = "greenhouse",
    canonical_id: str | None = None,
) -> None:
    """Insert one posting with one opening of `role` and one mention per skill."""
    con.execute(
        "insert into postings (global_id, source, source_id, month, content_hash, first_seen, last_seen, canonical_id) "
        "values (?, ?, ?, ?::date, 'h', '2024-01-01', '2024-01-01', ?)",
        [global_id, source, global_id, month, canonical_id or global_id],
    )
    con.execute(
        "insert into openings values (?, 0, 'title', 'title', ?, 'mid', 'r1', null, null)",
        [global_id, role],
    )
    for i, skill in enumerate(skills):
        con.execute(
            "insert into posting_skills values (?, null, ?, ?, ?, ?, 'e1')",
            [global_id, skill, i * 10, i * 10 + 3, skill],
        )


@pytest.fixture()
def tiny(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Two AI engineer and two data scientist postings in January 2024, one other, one duplicate."""
    add_posting(con, "gh:a1", "2024-01-01", "ai_engineer", ["python", "pytorch", "python"])
    add_posting(con, "gh:a2", "2024-01-01", "ai_engineer", ["python", "docker"])
    add_posting(con, "gh:d1", "2024-01-01", "data_scientist", ["python", "sql"])
    add_posting(con, "gh:d2", "2024-01-01", "data_scientist", ["sql"])
    add_posting(con, "gh:o1", "2024-01-01", "other", ["python"])
    # a cross-source duplicate of d2: counted by its source, left out of deduplicated views
    add_posting(
        con,
        "lever:d2",
        "2024-01-01",
        "data_scientist",
        ["sql", "r"],
        source="lever",
        canonical_id="gh:d2",
    )
    con.execute(
        "insert into skills values ('python', 'Python', 'language', 't'), ('sql', 'SQL', 'language', 't'), "
        "('pytorch', 'PyTorch', 'ml_framework', 't'), ('docker', 'Docker', 'devops', 't'), ('r', 'R', 'language', 't')"
    )
    con.execute(
        "insert into source_months values ('greenhouse', '2024-01-01', 5, 4), ('lever', '2024-01-01', 1, 1)"
    )
    refresh(con)
    return con


def test_v_postings_lists_role_families_and_skills_of_canonical_postings(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    rows = tiny.execute(
        "select global_id, role_families, skills from v_postings order by global_id"
    ).fetchall()
    assert rows == [
        ("gh:a1", ["ai_engineer"], ["python", "pytorch"]),
        ("gh:a2", ["ai_engineer"], ["docker", "python"]),
        ("gh:d1", ["data_scientist"], ["python", "sql"]),
        ("gh:d2", ["data_scientist"], ["sql"]),
        ("gh:o1", [], ["python"]),
    ]


def test_v_postings_leaves_the_text_to_postings(tiny: duckdb.DuckDBPyConnection) -> None:
    columns = [row[0] for row in tiny.execute("describe v_postings").fetchall()]
    postings = [row[0] for row in tiny.execute("describe postings").fetchall()]
    assert "description_text" not in columns
    assert columns == [c for c in postings if c != "description_text"] + ["role_families", "skills"]
    joined = tiny.execute(
        "select count(*) from v_postings v join postings p using (global_id)"
    ).fetchall()
    assert joined == [(5,)]


def test_v_monthly_role_counts_shares_of_source_month(tiny: duckdb.DuckDBPyConnection) -> None:
    rows = tiny.execute(
        "select month::varchar, source, role, n, share from v_monthly_role_counts"
    ).fetchall()
    assert rows == [
        ("2024-01-01", "greenhouse", "ai_engineer", 2, 2 / 5),
        ("2024-01-01", "greenhouse", "data_scientist", 2, 2 / 5),
        ("2024-01-01", "lever", "data_scientist", 1, 1.0),
    ]


def test_v_skill_share_monthly_counts_a_skill_once_per_posting_with_wilson(
    tiny: duckdb.DuckDBPyConnection,
) -> None:
    rows = {
        (r[0], r[1]): r[2:]
        for r in tiny.execute(
            "select role, skill, category, n_role, n_skill, share, wilson_low, wilson_high, period::varchar "
            "from v_skill_share_monthly"
        ).fetchall()
    }
    # python: 2 of 2 AI postings (a1 mentions it twice). Wilson with p = 1: low = 1 / (1 + z^2 / n).
    category, n_role, n_skill, share, low, high, period = rows[("ai_engineer", "python")]
    assert (category, n_role, n_skill, share, period) == ("language", 2, 2, 1.0, "2024-01-01")
    assert low == pytest.approx(1 / (1 + Z * Z / 2))
    assert high == pytest.approx(1.0)
    # pytorch: 1 of 2. p = 1/2 makes the interval symmetric about 1/2.
    _, _, n_skill, share, low, high, _ = rows[("ai_engineer", "pytorch")]
    half = Z * math.sqrt(0.25 / 2 + Z * Z / 16) / (1 + Z * Z / 2)
    assert (n_skill, share) == (1, 0.5)
    assert low == pytest.approx(0.5 - half)
    assert high == pytest.approx(0.5 + half)
    # the duplicate lever posting's "r" is not counted
    assert ("data_scientist", "r") not in rows
    assert rows[("data_scientist", "sql")][1:4] == (2, 2, 1.0)


def test_v_skill_share_yearly_uses_integer_years(tiny: duckdb.DuckDBPyConnection) -> None:
    rows = tiny.execute(
        "select period, typeof(period), n_role, n_skill from v_skill_share_yearly "
        "where role = 'data_scientist' and skill = 'python'"
    ).fetchall()
    assert rows == [(2024, "INTEGER", 2, 1)]


def test_v_role_divergence_jsd_cosine_jaccard_by_hand(tiny: duckdb.DuckDBPyConnection) -> None:
    rows = tiny.execute(
        "select period_type, period, jsd, cosine, jaccard_top20, n_ai, n_ds from v_role_divergence"
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("month", "2024-01"),
        ("quarter", "2024-Q1"),
        ("year", "2024"),
    ]
    # AI mentions python 2, pytorch 1, docker 1 -> P = (1/2, 1/4, 1/4, 0)
    # DS mentions python 1, sql 2             -> Q = (1/3, 0, 0, 2/3);  M = (5/12, 1/8, 1/8, 1/3)
    jsd = 0.5 * (
        0.5 * math.log2(0.5 / (5 / 12)) + 0.25 * math.log2(2) + 0.25 * math.log2(2)
    ) + 0.5 * ((1 / 3) * math.log2((1 / 3) / (5 / 12)) + (2 / 3) * math.log2(2))
    # shares: AI (python 1, pytorch 1/2, docker 1/2), DS (python 1/2, sql 1)
    cosine = (1 * 0.5) / (math.sqrt(1 + 0.25 + 0.25) * math.sqrt(0.25 + 1))
    for row in rows:
        assert row[2] == pytest.approx(jsd)
        assert row[3] == pytest.approx(cosine)
        assert row[4] == pytest.approx(1 / 4)  # {python} of {python, pytorch, docker, sql}
        assert row[5:] == (2, 2)
    assert 0 < jsd < 1


def test_v_distinctive_skills_weighted_log_odds_by_hand(tiny: duckdb.DuckDBPyConnection) -> None:
    z = dict(
        ((r[0], r[1]), r[2])
        for r in tiny.execute(
            "select role, skill, log_odds_z from v_distinctive_skills where period_type = 'month'"
        ).fetchall()
    )
    # counts: AI python 2, pytorch 1, docker 1 (n = 4); DS python 1, sql 2 (n = 3); alpha_w = pooled count, alpha0 = 7
    python = (
        math.log((2 + 3) / (4 + 7 - 2 - 3)) - math.log((1 + 3) / (3 + 7 - 1 - 3))
    ) / math.sqrt(1 / 5 + 1 / 4)
    sql = (math.log((0 + 2) / (4 + 7 - 0 - 2)) - math.log((2 + 2) / (3 + 7 - 2 - 2))) / math.sqrt(
        1 / 2 + 1 / 4
    )
    assert z[("ai_engineer", "python")] == pytest.approx(python)
    assert z[("ai_engineer", "sql")] == pytest.approx(sql)
    assert z[("data_scientist", "sql")] == pytest.approx(-sql)
    assert python == pytest.approx(math.log(1.25) / math.sqrt(0.45))
    assert len(z) == 8  # four skills, two roles


def _wilson(k: int, n: int) -> tuple[float, float]:
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def test_v_skill_trends_first_and_last_full_year_with_newcombe(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # 2020..2022 have postings in every month; 2023 has only January (not a full year).
    for year in (2020, 2021, 2022):
        for month in range(1, 13):
            add_posting(con, f"o{year}{month}", f"{year}-{month:02d}-01", "other", [])
    add_posting(con, "o202301", "2023-01-01", "other", [])
    for i in range(10):
        add_posting(
            con,
            f"a2020-{i}",
            "2020-03-01",
            "ai_engineer",
            (["python"] if i < 1 else []) + (["docker"] if i < 5 else []),
        )
        add_posting(
            con,
            f"a2022-{i}",
            "2022-03-01",
            "ai_engineer",
            (["python"] if i < 9 else []) + (["docker"] if i < 5 else []),
        )
        add_posting(con, f"a2023-{i}", "2023-01-01", "ai_engineer", [])
    refresh(con)
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select skill, first_period, last_period, share_first, share_last, change, change_low, change_high, direction "
            "from v_skill_trends where role = 'ai_engineer'"
        ).fetchall()
    }
    first, last, s1, s2, change, low, high, direction = rows["python"]
    assert (first, last, s1, s2) == (2020, 2022, 0.1, 0.9)
    l1, u1 = _wilson(1, 10)
    l2, u2 = _wilson(9, 10)
    assert change == pytest.approx(0.8)
    assert low == pytest.approx(0.8 - math.sqrt((0.9 - l2) ** 2 + (u1 - 0.1) ** 2))
    assert high == pytest.approx(0.8 + math.sqrt((u2 - 0.9) ** 2 + (0.1 - l1) ** 2))
    assert direction == "rising"
    assert rows["docker"][4:5] == (0.0,) and rows["docker"][7] == "flat"
