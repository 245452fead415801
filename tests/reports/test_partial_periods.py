"""Partial periods in the period report's charts: each partial period greyed on its own, a cut
year of the titles greyed and unjoined, the PDF naming it."""

from __future__ import annotations

import re
from datetime import date

import altair as alt
import pytest
import vl_convert as vlc

from jobtrends.config import Report, Settings
from reports.divergence_periods import divergence_periods, warehouse_full_years, warehouse_months
from reports.model import Row, build_model
from reports.pooled_charts import pooled_share_layers, tool_line_segments
from reports.quarter_periods import full_quarters, quarter_number
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec, role_posting
from warehouse import db, stats

SAMPLES = 50
TODAY = date(2022, 4, 15)

GREY_RECT = re.compile(
    r'<path aria-label="[^"]*" [^>]*d="M[^"]*h(\d+(?:\.\d+)?)v[^"]*" fill="#d9d9d9"'
)


def _share_rows(partial: set[int]) -> list[Row]:
    """One panel's yearly shares of both roles, 2017 to 2022, the `partial` years partial."""
    return [
        {
            "skill": "SQL",
            "role": role,
            "role_label": label,
            "period": str(year),
            "first_year": year,
            "last_year": year,
            "midpoint": float(year),
            "share": 0.3,
            "low": 0.2,
            "high": 0.4,
            "pooled": False,
            "partial": year in partial,
        }
        for role, label in (("ai_engineer", "AI engineer"), ("data_scientist", "Data scientist"))
        for year in range(2017, 2023)
    ]


def test_a_partial_first_and_last_period_are_two_bands_in_one_panel() -> None:
    drawn = tool_line_segments(_share_rows({2017, 2022}))
    chart = alt.layer(*pooled_share_layers(drawn, "skill", []), data=alt.Data(values=drawn))
    svg = vlc.vegalite_to_svg(chart.facet(facet="skill:N").to_dict())
    # the panel is six years wide (2016.5 to 2022.5): each band one year of it, not all six
    # (before the fix one band ran from 2016.5 to 2022.5 over the full years between)
    widths = [float(w) for w in GREY_RECT.findall(svg)]
    assert len(widths) == 2
    assert widths[0] == widths[1]
    domain = pooled_share_layers(drawn, "skill", [])[1].to_dict()["encoding"]["x"]["scale"]
    assert domain["domain"] == [2016.5, 2022.5]


def test_an_unstored_quarter_and_a_stale_year_are_the_rows_the_warehouse_refresh_stores(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("unstored-quarters"),
        report=Report(min_n=MIN_N, claims_min_n=3, bootstrap_samples=SAMPLES),
    )
    # the guard warehouse stores yearly bootstrap rows only: every quarter is unstored; a data
    # scientist a month naming SQL alone varies a resample's profile, so its JSD varies too, and
    # leaves the stored rows of 2020 and 2021 stale (they count 12 fewer data scientists)
    spec = guard_spec()
    spec["postings"] += [
        role_posting(f"sql-{y}-{m}", f"{y}-{m:02d}", f"SQL Shop {y}-{m}", "data_scientist", ["sql"])
        for y in (2020, 2021)
        for m in range(1, 13)
    ]
    fill_warehouse(settings, spec)
    with db.session(settings, read_only=True) as con:
        model = build_model(
            con, "2021-12", since="2020-02", min_n=2, today=TODAY, bootstrap_samples=SAMPLES
        )
        # no year given as full: none is pooled, each its own row
        years = {
            r["period"]: dict(r) for r in divergence_periods(con, 2016, 2022, [], MIN_N, SAMPLES)
        }
    with db.session(settings) as con:
        stats.refresh(con, settings)
        stored = {
            str(r[0]).replace("-", ""): r[1:]
            for r in con.execute(
                "select period, jsd, jsd_low, jsd_high, n_ai, n_ds, samples, seed "
                "from divergence_bootstrap where period_type in ('quarter', 'year')"
            ).fetchall()
        }
    keys = ("jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed")
    single = [r for r in model.divergence if not r["pooled"] and not r["partial"]]
    # with a minimum of 2 every full quarter stands alone
    assert [r["period"] for r in single] == [
        "2020Q2",
        "2020Q3",
        "2020Q4",
        "2021Q1",
        "2021Q2",
        "2021Q3",
        "2021Q4",
    ]
    # before the fix each was bootstrapped on the monthly stream: another interval, same seed
    for r in single:
        assert tuple(r[k] for k in keys) == stored[r["period"]]
    # a stale year is redone as the refresh does it (before the fix the stale row stood); a
    # stored year that counts what the warehouse holds keeps its row
    for year in ("2020", "2021"):
        assert tuple(years[year][k] for k in keys) == stored[year]
    assert (years["2019"]["samples"], years["2019"]["seed"]) == (200, 7)
    # the intervals have width (2021Q4's profiles share no skill: a JSD of 1 in every resample)
    assert all(r["jsd_low"] < r["jsd_high"] for r in single[:-1])
    # the quarter the start cuts (from February) is bootstrapped over its own months
    assert model.divergence[0]["period"] == "2020Q1"
    assert model.divergence[0]["partial"]


def _months_spec(skip: set[str]) -> dict:
    """An AI engineer and a data scientist posting a month, January 2023 to December 2024, but
    the `skip` months (a missed thread)."""
    months = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
    months = [m for m in months if m not in skip]
    postings = []
    for month in months:
        postings.append(role_posting(f"a-{month}", month, f"Lab {month}", "ai_engineer", ["go"]))
        postings.append(
            role_posting(f"d-{month}", month, f"Firm {month}", "data_scientist", ["sql"])
        )
    return {
        "skills": [["go", "Go", "language"], ["sql", "SQL", "language"]],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, 10, 2] for m in months],
        "divergence_bootstrap": [],
    }


def test_a_report_starting_on_a_boundary_keeps_a_period_missing_its_first_month_full(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("first-month-missing"),
        report=Report(min_n=1, claims_min_n=1, bootstrap_samples=SAMPLES),
    )
    # 2024-01's thread missing; the warehouse holds 2023 before it
    fill_warehouse(settings, _months_spec({"2024-01"}))
    with db.session(settings, read_only=True) as con:
        on_boundary = build_model(
            con, "2024", since="2024-01", min_n=1, today=TODAY, bootstrap_samples=SAMPLES
        )
        cut = build_model(
            con, "2024", since="2024-02", min_n=1, today=TODAY, bootstrap_samples=SAMPLES
        )
        full_years = warehouse_full_years(con, 2023, 2024, date(2025, 1, 1), date(2024, 1, 1))
        quarters = full_quarters(warehouse_months(con), date(2024, 1, 1), date(2025, 1, 1))
    # 2024 has data before it (2023) and in 11 of its months: full, as on main (before the fix
    # only months from the start counted, so its data seemed to begin after January: partial)
    assert full_years == [2024]
    assert [(r["period"], r["partial"]) for r in on_boundary.divergence] == [("2024", False)]
    assert {r["year"]: r["partial"] for r in on_boundary.titles} == {2024: False}
    assert quarters == {quarter_number(date(2024, m, 1)) for m in (1, 4, 7, 10)}
    first = {r["label"] for r in on_boundary.skill_series if r["period"] == "2024Q1"}
    assert first == {"2024Q1"}
    # a start in February cuts 2024 and its first quarter short, whatever the warehouse holds
    assert [(r["period"], r["partial"]) for r in cut.divergence] == [("2024", True)]
    assert {r["year"]: r["partial"] for r in cut.titles} == {2024: True}
    assert {r["label"] for r in cut.skill_series if r["period"] == "2024Q1"} == {"2024Q1 (part)"}
