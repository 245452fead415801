"""The period report's key skills by year on a warehouse whose data scientists thin out: each
role's line pooled on its own n as the history report's tools chart pools it, never past the
report's end nor over the year it cuts short."""

from __future__ import annotations

import re
from datetime import date

import pytest

from jobtrends.config import Report, Settings
from reports.build import render_html
from reports.model import ReportModel, build_model
from reports.pooled_charts import skill_series_chart
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec
from warehouse import db

SAMPLES = 50

# A drawn row as (period, first_year, last_year, n_role, n_skill, pooled, partial, small).
SeriesKey = tuple[str, int, int, int, int, bool, bool, bool]


@pytest.fixture(scope="module")
def thin_report(tmp_path_factory: pytest.TempPathFactory) -> ReportModel:
    """The February 2022 report from 2016 on, over the warehouse whose data scientists thin out
    from 2018 (guard_spec; its March 2022 posts lie past the report's end)."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("thin-series"),
        report=Report(min_n=MIN_N, claims_min_n=3, bootstrap_samples=SAMPLES),
    )
    fill_warehouse(settings, guard_spec())
    with db.session(settings, read_only=True) as con:
        return build_model(
            con,
            "2022-02",
            since="2016-01",
            min_n=MIN_N,
            today=date(2022, 4, 15),
            bootstrap_samples=SAMPLES,
        )


def _series(model: ReportModel, skill_id: str, role: str) -> list[SeriesKey]:
    return [
        (
            r["period"],
            r["first_year"],
            r["last_year"],
            r["n_role"],
            r["n_skill"],
            r["pooled"],
            r["partial"],
            r["small"],
        )
        for r in model.skill_series
        if r["skill_id"] == skill_id and r["role"] == role
    ]


def test_each_roles_thin_full_years_are_pooled_on_its_own_n(thin_report: ReportModel) -> None:
    assert thin_report.series_kind == "year"
    # data scientists: 12 + 9 postings in 2018-2019 (all naming SQL), 10 + 16 in 2020-2021 (18
    # naming SQL, the 8 reposts Rust instead); 2022 only up to the report's end, January and
    # February, partial and never pooled
    assert _series(thin_report, "sql", "data_scientist") == [
        ("2016", 2016, 2016, 20, 0, False, False, False),
        ("2017", 2017, 2017, 20, 0, False, False, False),
        ("2018–2019", 2018, 2019, 21, 21, True, False, False),
        ("2020–2021", 2020, 2021, 26, 18, True, False, False),
        ("2022", 2022, 2022, 2, 2, False, True, True),
    ]
    # AI engineers reach 20 every full year: no year of theirs is pooled
    assert _series(thin_report, "pytorch", "ai_engineer") == [
        (str(y), y, y, 25, 25, False, False, False) for y in range(2016, 2022)
    ] + [("2022", 2022, 2022, 4, 4, False, True, True)]


def test_pooled_shares_and_intervals_are_over_the_pooled_years(thin_report: ReportModel) -> None:
    rows = {
        (r["skill_id"], r["role"], r["period"]): r
        for r in thin_report.skill_series
        if r["role"] == "data_scientist"
    }
    late = rows[("sql", "data_scientist", "2020–2021")]
    assert late["share"] == pytest.approx(18 / 26)
    assert late["midpoint"] == 2020.5
    assert late["low"] < 18 / 26 < late["high"]
    assert rows[("python", "data_scientist", "2018–2019")]["share"] == 1.0
    assert rows[("sql", "data_scientist", "2016")]["share"] == 0.0
    assert thin_report.skill_series_pooled == "Data scientist 2018–2019, 2020–2021"


def test_chart_draws_pooled_points_mid_span_and_leaves_out_small(
    thin_report: ReportModel,
) -> None:
    spec = skill_series_chart(thin_report).spec
    drawn = [r for r in spec["data"]["values"] if r["skill_id"] == "sql"]
    ds = [
        (r["midpoint"], r["pooled"], r["segment"]) for r in drawn if r["role"] == "data_scientist"
    ]
    # 2022 (two postings) is left out; the pooled periods join the single years on one line
    assert [(m, p) for m, p, _s in ds] == [
        (2016, False),
        (2017, False),
        (2018.5, True),
        (2020.5, True),
    ]
    assert len({s for _m, _p, s in ds}) == 1
    rules = [layer for layer in spec["spec"]["layer"] if layer["mark"]["type"] == "rule"]
    assert rules and rules[0]["encoding"]["x2"]["field"] == "last_year"


def test_caption_names_the_pooled_periods_and_why(thin_report: ReportModel) -> None:
    page = render_html(thin_report, {"skill_series": skill_series_chart(thin_report)})
    section = page[page.index('id="skill-series"') :]
    section = re.sub(r"\s+", " ", section[: section.index("</section>")])
    assert (
        "Pooled: Data scientist 2018–2019, 2020–2021, because each of those years alone has "
        f"fewer than {MIN_N} postings with skills of the role." in section
    )
    assert "<td>2018–2019 ‡</td>" in section
    assert "<td>2022 (part)</td>" in section
