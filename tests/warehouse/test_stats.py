"""The JSD bootstrap: exact multinomial resampling within each role, checked against a plain loop."""

from __future__ import annotations

import datetime as dt
import math

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from test_views import add_posting

from jobtrends.config import Settings
from jobtrends.vocabulary import COMPARED_ROLES
from warehouse import aggregates, stats


def _data(rows: list[tuple[str, str, list[str]]]) -> stats.RolePostings:
    """(role, month 'YYYY-MM', skills) rows as the bootstrap reads them."""
    return stats.role_postings_from_arrow(
        pa.table(
            {
                "role": [r[0] for r in rows],
                "month": pa.array([dt.date.fromisoformat(r[1] + "-01") for r in rows], pa.date32()),
                "skills": pa.array([r[2] for r in rows], pa.list_(pa.string())),
            }
        )
    )


# the tiny example of test_views: AI (python, pytorch), (python, docker); DS (python, sql), (sql)
TINY = [
    ("ai_engineer", "2024-01", ["python", "pytorch"]),
    ("ai_engineer", "2024-01", ["docker", "python"]),
    ("data_scientist", "2024-01", ["python", "sql"]),
    ("data_scientist", "2024-01", ["sql"]),
]
TINY_JSD = 0.5 * (0.5 * math.log2(0.5 / (5 / 12)) + 0.25 + 0.25) + 0.5 * (
    (1 / 3) * math.log2(0.8) + 2 / 3
)


def test_resample_weights_are_a_multinomial_within_each_group() -> None:
    sizes = np.array([3, 0, 5, 1])
    weights = stats.resample_weights(sizes, 2000, np.random.default_rng(1))
    assert weights.shape == (9, 2000) and weights.dtype == np.float32
    groups = np.repeat(np.arange(4), sizes)
    per_group = np.stack([weights[groups == g].sum(axis=0) for g in (0, 2, 3)])
    # every resample draws each group's n postings n times, and only from that group
    assert (per_group == sizes[[0, 2, 3], None]).all()
    assert weights.min() >= 0 and (weights == np.round(weights)).all()
    # multinomial(n, 1/n): mean 1, variance 1 - 1/n per posting
    assert weights[groups == 2].mean() == pytest.approx(1.0, abs=0.02)
    assert weights[groups == 2].var(axis=1).mean() == pytest.approx(1 - 1 / 5, abs=0.06)
    assert (weights[groups == 3] == 1).all()


def test_point_estimate_counts_and_labels_by_hand() -> None:
    data = _data([*TINY, ("ai_engineer", "2024-05", ["python"]), ("data_scientist", "2024-05", [])])
    month = stats.bootstrap_divergence(data, "month", 40, seed=3).set_index("period")
    assert list(month.index) == ["2024-01", "2024-05"]
    assert month.loc["2024-01", "jsd"] == pytest.approx(TINY_JSD)
    assert (month.loc["2024-01", "n_ai"], month.loc["2024-01", "n_ds"]) == (2, 2)
    # no data scientist skills in May: no divergence, but the postings count
    assert month.loc["2024-05", "jsd"] is None and month.loc["2024-05", "jsd_low"] is None
    assert (month.loc["2024-05", "n_ai"], month.loc["2024-05", "n_ds"]) == (1, 1)
    quarter = stats.bootstrap_divergence(data, "quarter", 40, seed=3)
    assert list(quarter["period"]) == ["2024-Q1", "2024-Q2"]
    year = stats.bootstrap_divergence(data, "year", 40, seed=3)
    assert list(year["period"]) == ["2024"] and (year["n_ai"][0], year["n_ds"][0]) == (3, 3)
    assert stats.period_label(int(np.datetime64("2026-05", "M").astype(int)), "month") == "2026-05"


def _loop_bootstrap(
    rows: list[tuple[str, str, list[str]]], samples: int, rng: np.random.Generator
) -> np.ndarray:
    """The plain definition: draw each role's n postings n times with replacement, count, JSD."""
    skills = sorted({s for r in rows for s in r[2]})
    by_role = {role: [r[2] for r in rows if r[0] == role] for role in COMPARED_ROLES}
    out = np.empty(samples)
    for b in range(samples):
        counts = []
        for role in COMPARED_ROLES:
            postings = by_role[role]
            drawn = rng.integers(0, len(postings), len(postings))
            counts.append(np.array([sum(s in postings[i] for i in drawn) for s in skills], float))
        out[b] = stats.jsd(counts[0], counts[1])
    return out


def test_draws_match_a_plain_posting_level_bootstrap() -> None:
    rng = np.random.default_rng(5)
    vocabulary = [f"s{i}" for i in range(8)]
    rows = [
        (role, "2023-03", sorted(set(rng.choice(vocabulary, rng.integers(0, 4), p=p))))
        for role, p, n in (
            ("ai_engineer", np.linspace(2, 1, 8) / 12, 30),
            ("data_scientist", np.linspace(1, 2, 8) / 12, 20),
        )
        for _ in range(n)
    ]
    fast = stats.bootstrap_draws(_data(rows), "year", 600, seed=9).draws[0]
    plain = _loop_bootstrap(rows, 600, np.random.default_rng(9))
    assert fast.mean() == pytest.approx(plain.mean(), abs=0.3 * plain.std())
    assert fast.std() == pytest.approx(plain.std(), rel=0.2)


def test_interval_brackets_the_estimate_and_is_reproducible() -> None:
    data = _data(TINY * 10)
    first = stats.bootstrap_divergence(data, "month", 200, seed=1)
    again = stats.bootstrap_divergence(data, "month", 200, seed=1)
    assert first.equals(again)
    row = first.iloc[0]
    assert row["jsd"] == pytest.approx(TINY_JSD)
    assert 0 <= row["jsd_low"] < row["jsd"] < row["jsd_high"] <= 1
    # the plug-in JSD of resamples sits above the estimate; the interval is recentred on it
    draws = stats.bootstrap_draws(data, "month", 200, seed=1).draws[0]
    low, high = stats.interval(np.array([TINY_JSD]), draws[None, :])
    assert (low[0], high[0]) == pytest.approx((row["jsd_low"], row["jsd_high"]))
    assert draws.mean() > TINY_JSD


def test_refresh_writes_divergence_bootstrap_from_posting_lists(
    con: duckdb.DuckDBPyConnection,
) -> None:
    for i, (role, month, skills) in enumerate(TINY):
        add_posting(con, f"gh:{i}", month + "-01", role, skills)
    add_posting(
        con, "lever:0", "2024-01-01", "ai_engineer", ["rust"], source="lever", canonical_id="gh:0"
    )
    aggregates.refresh(con)
    settings = Settings.model_validate({"report": {"bootstrap_samples": 20}})
    assert stats.refresh(con, settings, seed=2) == 3
    rows = con.execute(
        "select period_type, period, jsd, n_ai, n_ds, samples, seed from divergence_bootstrap "
        "order by period_type"
    ).fetchall()
    assert [r[:2] for r in rows] == [("month", "2024-01"), ("quarter", "2024-Q1"), ("year", "2024")]
    for row in rows:
        assert row[2] == pytest.approx(TINY_JSD) and row[3:] == (2, 2, 20, 2)
    view = con.execute("select jsd from v_role_divergence where period_type = 'year'").fetchall()[
        0
    ][0]
    assert view == pytest.approx(rows[2][2])
