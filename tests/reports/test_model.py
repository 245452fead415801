"""Report-model numbers against values worked out by hand on the fixture warehouse."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date

import pytest

from jobtrends.config import Settings
from jobtrends.errors import UserError
from reports.claims import difference_interval
from reports.model import ReportModel, build_model, choose_period, prepare
from reports.period import add_months
from reports.skills_section import SkillShare, window_trends
from warehouse import db, stats

TODAY = date(2026, 6, 15)

# Wilson 95% by hand (z = 1.96): 4/5 -> centre 1.18415/1.7683 = 0.6697, half 0.5201/1.7683 = 0.2941.
W_4_5 = (0.3755, 0.9638)
W_1_5 = (0.0362, 0.6245)
W_4_4 = (0.5101, 1.0)


@pytest.fixture(scope="module")
def model(report_settings: Settings) -> ReportModel:
    """The May 2026 report model (default period: the last full month before June 2026)."""
    with db.session(report_settings, read_only=True) as con:
        return build_model(con, since="2025-01", min_n=3, today=TODAY, claims_min_n=3)


def test_default_period_is_last_full_month(model: ReportModel) -> None:
    assert model.period.label == "2026-05"
    assert model.previous.label == "2026-04"
    assert model.year_earlier.label == "2025-05"
    assert model.partial_month is None


def test_default_month_skips_a_later_month_with_few_postings(report_settings: Settings) -> None:
    # The fixture's months hold 3 (2025-05), 1 (2026-02), 3 (2026-04) and 9 (2026-05) role postings.
    with db.session(report_settings, read_only=True) as con:
        prepare(con)
        assert choose_period(con, None, TODAY, min_n=1).label == "2026-05"
        assert choose_period(con, None, date(2026, 5, 15), min_n=1).label == "2026-04"
        assert choose_period(con, None, date(2026, 5, 15), min_n=3).label == "2026-04"
        # No earlier month has 4: the last full month is kept rather than no report.
        assert choose_period(con, None, date(2026, 5, 15), min_n=4).label == "2026-04"
        assert choose_period(con, None, date(2026, 4, 15), min_n=2).label == "2025-05"
        assert choose_period(con, "2026-02", TODAY, min_n=20).label == "2026-02"


def test_headline_counts_and_changes(model: ReportModel) -> None:
    ai, ds = model.headline.volumes
    # a1-a4 and the HN post b1; a5 duplicates a1 and is not counted.
    assert (ai.role, ai.n, ai.n_previous, ai.n_year_earlier) == ("ai_engineer", 5, 2, 1)
    assert (ds.role, ds.n, ds.n_previous, ds.n_year_earlier) == ("data_scientist", 4, 1, 2)
    assert ai.change_previous == pytest.approx(1.5)
    assert ai.change_year == pytest.approx(4.0)
    assert ds.change_previous == pytest.approx(3.0)
    assert ds.change_year == pytest.approx(1.0)


def test_biggest_divergences(model: ReportModel) -> None:
    names = [g.skill_id for g in model.headline.divergences]
    assert names == ["sql", "pandas", "pytorch"]
    sql = model.headline.divergences[0]
    assert (sql.share_ai, sql.share_ds, sql.diff) == pytest.approx((0.2, 1.0, -0.8))
    # Newcombe: -0.8 - sqrt((0.2 - 0.0362)^2 + 0); -0.8 + sqrt((0.6245 - 0.2)^2 + (1 - 0.5101)^2).
    assert sql.diff_low == pytest.approx(-0.9638, abs=1e-3)
    assert sql.diff_high == pytest.approx(-0.1518, abs=1e-3)


def test_top_skills_with_wilson_intervals(model: ReportModel) -> None:
    ai = {s.skill_id: s for s in model.top_skills["ai_engineer"]}
    ds = {s.skill_id: s for s in model.top_skills["data_scientist"]}
    assert [s.skill_id for s in model.top_skills["ai_engineer"]] == [
        "python",
        "pytorch",
        "docker",
        "kubernetes",
        "sql",
    ]
    # a4 mentions PyTorch twice: counted once; a5's Kubernetes is a duplicate posting's.
    assert (ai["pytorch"].n_skill, ai["kubernetes"].n_skill) == (3, 2)
    assert (ai["python"].n_skill, ai["python"].n_role, ai["python"].share) == (
        4,
        5,
        pytest.approx(0.8),
    )
    assert (ai["python"].low, ai["python"].high) == pytest.approx(W_4_5, abs=1e-4)
    assert (ai["sql"].low, ai["sql"].high) == pytest.approx(W_1_5, abs=1e-4)
    assert (ds["sql"].share, ds["sql"].low, ds["sql"].high) == pytest.approx(
        (1.0, *W_4_4), abs=1e-4
    )
    assert ds["pandas"].share == pytest.approx(0.75)
    assert {g.skill_id for g in model.shared_skills} == {"python", "sql"}


def test_volume_shares_gaps_and_pooled_line(model: ReportModel) -> None:
    rows = {(r["month"], r["role"]): r for r in model.volume}
    may_ai = rows[(date(2026, 5, 1), "ai_engineer")]
    assert (may_ai["n"], may_ai["postings_seen"], may_ai["share"]) == (5, 20, pytest.approx(0.25))
    # Pooled over March (no data), April and May: (2 + 5) / (8 + 20).
    assert may_ai["share_3m"] == pytest.approx(7 / 28)
    assert rows[(date(2026, 5, 1), "data_scientist")]["share_3m"] == pytest.approx(5 / 28)
    assert rows[(date(2026, 3, 1), "ai_engineer")]["n"] is None
    assert rows[(date(2026, 3, 1), "ai_engineer")]["share"] is None
    assert rows[(date(2026, 2, 1), "data_scientist")]["n"] == 0
    assert rows[(date(2026, 2, 1), "data_scientist")]["share"] == 0
    assert len(model.volume) == 2 * 17  # 2025-01 .. 2026-05, both roles


def test_titles_seniority_remote_salary(model: ReportModel) -> None:
    titles = {(r["role"], r["year"], r["title"]): r for r in model.titles}
    ds_2026 = titles[("data_scientist", 2026, "data scientist")]
    assert (ds_2026["n_title"], ds_2026["n_role"], ds_2026["share"]) == (4, 5, pytest.approx(0.8))
    seniority = {(r["role"], r["seniority"]): r for r in model.seniority}
    assert seniority[("ai_engineer", "senior")]["share"] == pytest.approx(0.4)
    assert seniority[("data_scientist", "mid")]["n"] == 2
    remote = {r["role"]: r for r in model.remote}
    assert (remote["ai_engineer"]["n_known"], remote["ai_engineer"]["n_remote"]) == (4, 3)
    assert remote["data_scientist"]["share"] == pytest.approx(2 / 3)
    salary = {(r["role"], r["currency"]): r for r in model.salary}
    usd = salary[("ai_engineer", "USD")]
    assert (usd["n"], usd["median_low"], usd["median_high"]) == (2, 125000, 170000)
    assert salary[("ai_engineer", "EUR")]["small"] is True
    assert set(salary) == {
        ("ai_engineer", "USD"),
        ("ai_engineer", "EUR"),
        ("data_scientist", "USD"),
    }


def test_claims_verdicts(model: ReportModel) -> None:
    claims = {c.number: c for c in model.claims}
    assert len(claims) == 10
    r_or_sql = claims[3].parts[1]
    assert (r_or_sql.k_ai, r_or_sql.n_ai, r_or_sql.k_ds, r_or_sql.n_ds) == (1, 5, 4, 4)
    assert r_or_sql.verdict == "supported"
    assert claims[3].parts[0].verdict == "not enough data"  # no C++ or Java in the taxonomy
    assert claims[3].verdict == "mixed"  # one part decided, the other not
    assert claims[5].verdict == "supported"  # pandas: 0/5 against 3/4
    python = claims[10].parts[0]
    assert (python.share_ai, python.share_ds) == pytest.approx((0.8, 0.75))
    assert python.verdict == "not enough data"
    assert claims[1].parts[0].skills == ["Docker", "Kubernetes"]


def test_divergence_and_facts(model: ReportModel) -> None:
    rows = {r["period"]: r for r in model.divergence}
    # the report ends with May: its quarter is cut short, so it is bootstrapped over April and
    # May alone (the warehouse's stored row counts the whole quarter), and marked partial
    q2 = rows["2026Q2"]
    assert (q2["n_ai"], q2["n_ds"], q2["partial"], q2["pooled"]) == (7, 5, True, False)
    assert q2["jsd_low"] < q2["jsd"] < q2["jsd_high"]
    # the bootstrap behind the interval, as the table's Resamples and Seed columns show it
    assert (q2["samples"], q2["seed"]) == (200, stats.SEED)
    # a quarter with data in one month only is partial too: stored, its row is the warehouse's
    q1 = rows["2026Q1"]
    assert (q1["jsd_low"], q1["n_ai"], q1["n_ds"], q1["seed"], q1["partial"]) == (
        0.1,
        1,
        0,
        7,
        True,
    )
    assert model.facts.postings == 18
    assert model.facts.duplicates == 1
    assert model.facts.synthetic == 1
    assert model.synthetic is True
    assert model.facts.versions["rules"] == [("roles-1", 18)]


def test_unknown_period_is_a_user_error(report_settings: Settings) -> None:
    with db.session(report_settings, read_only=True) as con:
        with pytest.raises(UserError, match="2019-03 has no postings"):
            build_model(con, period="2019-03", today=TODAY)
        with pytest.raises(UserError, match="not a month, quarter, year or span"):
            build_model(con, period="May 2026", today=TODAY)


def test_quarter_period_pools_months(report_settings: Settings) -> None:
    with db.session(report_settings, read_only=True) as con:
        quarter = build_model(con, period="2026-Q2", since="2025-01", min_n=3, today=TODAY)
    ai, ds = quarter.headline.volumes
    assert (ai.n, ds.n, ai.n_previous) == (7, 5, 1)
    assert quarter.previous.label == "2026-Q1"


def test_current_month_is_marked_partial(report_settings: Settings) -> None:
    with db.session(report_settings, read_only=True) as con:
        model = build_model(
            con, period="2026-05", since="2026-01", min_n=3, today=date(2026, 5, 20)
        )
    assert model.partial_month == date(2026, 5, 1)
    partial = [r for r in model.volume if r["partial"]]
    assert {(r["month"], r["role"]) for r in partial} == {
        (date(2026, 5, 1), "ai_engineer"),
        (date(2026, 5, 1), "data_scientist"),
    }


def test_a_series_longer_than_four_years_shows_divergence_by_year(
    report_settings: Settings,
) -> None:
    # A quarterly table over 2015-2026 would be 46 rows, nearly all of them too small to read.
    with db.session(report_settings, read_only=True) as con:
        long = build_model(con, since="2015-01", min_n=3, today=TODAY, claims_min_n=3)
    assert (long.series_kind, long.divergence_kind) == ("year", "year")
    by_year = {r["period"]: r for r in long.divergence}
    assert set(by_year) <= {str(year) for year in range(2015, 2027)}
    # 2026-Q2's 7 and 5 (test_divergence_and_facts) plus the AI engineer posting of 2026-02
    assert (by_year["2026"]["n_ai"], by_year["2026"]["n_ds"]) == (8, 5)
    # the warehouse holds no yearly bootstrap here: the report bootstraps each year itself
    assert (by_year["2026"]["samples"], by_year["2026"]["seed"]) == (200, stats.SEED)
    assert by_year["2026"]["jsd_low"] <= by_year["2026"]["jsd"] <= by_year["2026"]["jsd_high"]


def test_divergence_chart_leaves_out_periods_with_few_postings(model: ReportModel) -> None:
    from reports.charts import divergence_chart

    small = {r["period"] for r in model.divergence if min(r["n_ai"], r["n_ds"]) < model.min_n}
    readable = {r["period"] for r in model.divergence} - small
    assert small and readable  # the fixture has both kinds
    chart = divergence_chart(model)
    plotted = {
        row["period"]
        for layer in chart.spec["layer"]
        for row in (layer.get("data") or chart.spec.get("data") or {}).get("values", [])
    }
    assert plotted == readable
    # colour and dash of one measure share one legend
    assert chart.svg.count(">Measure<") == 1


def _share(role: str, skill_id: str, category: str, k: int, n: int) -> SkillShare:
    return SkillShare(role, skill_id, skill_id.title(), category, n, k, k / n, 0.0, 1.0)


def _employers(k_first: int, n_first: int, k_last: int, n_last: int) -> dict:
    change, low, high = difference_interval(k_last, n_last, k_first, n_first)
    return {
        "employer_k_first": k_first,
        "employer_k_last": k_last,
        "employers_first": n_first,
        "employers_last": n_last,
        "employer_change": change,
        "employer_change_low": low,
        "employer_change_high": high,
    }


def test_a_tool_without_employer_counts_is_not_called_a_change() -> None:
    before = [_share("ai_engineer", "docker", "devops_mlops", 4, 40)]
    now = [_share("ai_engineer", "docker", "devops_mlops", 20, 50)]
    (row,) = window_trends(before, now, {"ai_engineer": 40}, {"ai_engineer": 50}, 20, {})
    assert (row["direction"], row["called"], row["employers_last"]) == ("rising", False, 0)


def test_rising_and_falling_tools_between_two_windows_with_enough_postings() -> None:
    before = [
        _share("ai_engineer", "docker", "devops_mlops", 4, 40),
        _share("ai_engineer", "java", "language", 20, 40),
        _share("ai_engineer", "sql", "language", 4, 40),
        _share("ai_engineer", "statistics", "concept", 2, 40),
        _share("data_scientist", "r", "language", 8, 10),
    ]
    now = [
        _share("ai_engineer", "docker", "devops_mlops", 20, 50),
        _share("ai_engineer", "java", "language", 5, 50),
        _share("ai_engineer", "sql", "language", 6, 50),
        _share("ai_engineer", "statistics", "concept", 30, 50),
        _share("data_scientist", "r", "language", 1, 30),
    ]
    employers = {
        # Docker from 4 of 30 employers to 15 of 30; Java from 3 of 30 to 2 of 30: its fall in
        # postings is one employer's reposts going away
        ("ai_engineer", "docker"): _employers(4, 30, 15, 30),
        ("ai_engineer", "java"): _employers(3, 30, 2, 30),
    }
    rows = window_trends(
        before,
        now,
        {"ai_engineer": 40, "data_scientist": 10},
        {"ai_engineer": 50, "data_scientist": 30},
        min_n=20,
        employers=employers,
    )
    # SQL moved 10% -> 12%, inside its interval; statistics is a concept, not a tool; data
    # scientists had 10 postings with skills in the earlier window, fewer than min_n.
    assert [(r["role"], r["skill_id"], r["direction"], r["called"]) for r in rows] == [
        ("ai_engineer", "docker", "rising", True),
        ("ai_engineer", "java", "falling", False),
    ]
    assert [(r["employer_k_first"], r["employer_k_last"]) for r in rows] == [(4, 15), (3, 2)]
    docker = rows[0]
    assert (docker["share_first"], docker["share_last"]) == pytest.approx((0.10, 0.40))
    # Newcombe: 0.30 - sqrt((0.40 - 0.2760)^2 + (0.2305 - 0.10)^2) = 0.1199
    assert docker["change"] == pytest.approx(0.30)
    assert docker["change_low"] == pytest.approx(0.1199, abs=1e-3)
    assert 0.30 < docker["change_high"] < 1


def test_rising_and_falling_compare_the_skills_window_with_the_one_before(
    model: ReportModel,
) -> None:
    then, now = model.trend_periods or ("", "")
    assert now == model.basis.title
    months = max(12, model.basis.months)
    assert then.startswith(f"{add_months(model.basis.start, -months):%B %Y}") or then == str(
        add_months(model.basis.start, -months).year
    )
    assert set(model.trend_n) == {"ai_engineer", "data_scientist"}
    assert model.trend_n["ai_engineer"][1] == model.basis.n_ai


def test_top_tools_chart_scales_both_roles_to_the_widest_interval(model: ReportModel) -> None:
    from reports.charts import top_skills_chart

    # every share and interval at most 37%: both panels end at 40%, not at 100%
    narrow = dataclasses.replace(
        model,
        top_skills={
            role: [
                dataclasses.replace(s, share=s.share * 0.3, low=s.low * 0.3, high=s.high * 0.37)
                for s in shares
            ]
            for role, shares in model.top_skills.items()
        },
    )

    def domains(node: object) -> list[list[float]]:
        if isinstance(node, dict):
            found = [node["scale"]["domain"]] if "domain" in node.get("scale", {}) else []
            return found + [d for v in node.values() for d in domains(v)]
        if isinstance(node, list):
            return [d for v in node for d in domains(v)]
        return []

    assert domains(top_skills_chart(narrow).spec) == [[0, 0.4], [0, 0.4]]
    assert domains(top_skills_chart(model).spec) == [[0, 1.0], [0, 1.0]]


def test_claims_chart_reaches_just_past_the_widest_interval(model: ReportModel) -> None:
    from reports.charts import claims_chart

    bounds = [
        abs(b) for c in model.claims for p in c.parts if p.diff_interval for b in p.diff_interval
    ]
    reach = min(1.0, max(0.1, math.ceil(10 * max(bounds)) / 10))
    spec = json.dumps(claims_chart(model).spec)
    assert f'"domain": [{-reach}, {reach}]' in spec, spec[:2000]
    narrow = dataclasses.replace(
        model,
        claims=[
            dataclasses.replace(
                c,
                parts=[
                    dataclasses.replace(p, diff_interval=(-0.05, 0.23)) if p.diff_interval else p
                    for p in c.parts
                ],
            )
            for c in model.claims
        ],
    )
    assert '"domain": [-0.3, 0.3]' in json.dumps(claims_chart(narrow).spec)
