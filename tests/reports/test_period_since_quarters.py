"""The period report's start and its quarters, on the warehouse whose data scientists thin out
(guard_spec): a mid-year or mid-quarter start counts only the months from it and marks the
period it cuts short partial; thin quarters are pooled by the years' rule."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from jobtrends.config import Report, Settings
from reports.build import render_html
from reports.charts import divergence_chart
from reports.divergence_periods import span_divergence, span_overlap
from reports.model import ReportModel, build_model
from reports.pooled_charts import skill_series_chart
from reports.quarter_periods import full_quarters, quarter_number, quarters_label
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec
from warehouse import db, stats

SAMPLES = 50
TODAY = date(2022, 4, 15)
# Quarters hold a quarter of a year's postings: with a minimum of 10 the guard warehouse's data
# scientists (about 3 a quarter) pool a year of quarters, its AI engineers (6 or 7) two.
QUARTER_MIN_N = 10


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The thin-years warehouse: postings January 2016 to March 2022."""
    out = Settings(
        data_dir=tmp_path_factory.mktemp("since-quarters"),
        report=Report(min_n=MIN_N, claims_min_n=3, bootstrap_samples=SAMPLES),
    )
    fill_warehouse(out, guard_spec())
    return out


def _model(settings: Settings, period: str, since: str, min_n: int) -> ReportModel:
    with db.session(settings, read_only=True) as con:
        return build_model(
            con, period, since=since, min_n=min_n, today=TODAY, bootstrap_samples=SAMPLES
        )


@pytest.fixture(scope="module")
def mid_year(settings: Settings) -> ReportModel:
    """The February 2022 report from July 2017: by year (56 months)."""
    return _model(settings, "2022-02", "2017-07", MIN_N)


@pytest.fixture(scope="module")
def by_quarter(settings: Settings) -> ReportModel:
    """The December 2021 report from January 2020: by quarter (24 months)."""
    return _model(settings, "2021-12", "2020-01", QUARTER_MIN_N)


def _rows(rows: list, *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in keys) for r in rows]


def test_a_mid_year_start_counts_only_its_months_and_marks_the_year_partial(
    mid_year: ReportModel,
) -> None:
    assert mid_year.divergence_kind == "year"
    # 2017 from July: 12 of its 25 AI engineer and 8 of its 20 data scientist postings (before
    # the fix it counted all 25 and 20 and stood as a full year); partial, so never pooled
    assert _rows(mid_year.divergence, "period", "n_ai", "n_ds", "pooled", "partial", "small") == [
        ("2017", 12, 8, False, True, True),
        ("2018–2019", 50, 21, True, False, False),
        ("2020–2021", 50, 26, True, False, False),
        ("2022", 4, 2, False, True, True),
    ]


def test_the_cut_years_measures_are_over_its_months_from_the_start(
    settings: Settings, mid_year: ReportModel
) -> None:
    first = mid_year.divergence[0]
    with db.session(settings, read_only=True) as con:
        alone = span_divergence(con, date(2017, 7, 1), date(2018, 1, 1), SAMPLES, stats.SEED)
        overlap = span_overlap(con, date(2017, 7, 1), date(2018, 1, 1))
    assert (first["jsd"], first["jsd_low"], first["jsd_high"]) == (
        alone["jsd"],
        alone["jsd_low"],
        alone["jsd_high"],
    )
    assert (first["cosine"], first["jaccard_top20"]) == overlap


def test_a_mid_year_start_leaves_the_first_year_alone_in_the_key_skills(
    mid_year: ReportModel,
) -> None:
    ds = [r for r in mid_year.skill_series if r["skill_id"] == "python"]
    # before the fix data scientists' 2017 (8 postings from July, judged a full year) was pooled
    # with 2018 as 2017–2018
    assert _rows(
        [r for r in ds if r["role"] == "data_scientist"],
        "label",
        "n_role",
        "pooled",
        "partial",
        "small",
    ) == [
        ("2017 (part)", 8, False, True, True),
        ("2018–2019", 21, True, False, False),
        ("2020–2021", 26, True, False, False),
        ("2022 (part)", 2, False, True, True),
    ]
    assert _rows([r for r in ds if r["role"] == "ai_engineer"], "label", "n_role")[:2] == [
        ("2017 (part)", 12),
        ("2018", 25),
    ]
    assert mid_year.skill_series_pooled == "Data scientist 2018–2019, 2020–2021"


def test_titles_count_only_the_reports_months(mid_year: ReportModel) -> None:
    years = {(r["role"], r["year"]): (r["n_role"], r["partial"]) for r in mid_year.titles}
    assert years[("data_scientist", 2017)] == (8, True)
    assert years[("data_scientist", 2018)] == (12, False)
    # the report's series ends with its period, February 2022: March's data scientist is left
    # out (before the fix every month of the report's last year counted, 3)
    assert years[("data_scientist", 2022)] == (2, True)


def test_thin_quarters_are_pooled_on_both_roles_for_the_divergence(by_quarter: ReportModel) -> None:
    assert by_quarter.divergence_kind == "quarter"
    # data scientists 3, 3, 3, 1 in 2020 reach 10 with its fourth quarter; 6 and 6 reach it
    # with 2021's second, and the remainder (4 and 0) joins that period
    assert _rows(by_quarter.divergence, "period", "n_ai", "n_ds", "pooled", "partial") == [
        ("2020Q1–2020Q4", 25, 10, True, False),
        ("2021Q1–2021Q4", 25, 16, True, False),
    ]
    assert by_quarter.divergence[1]["quarters"] == ["2021Q1", "2021Q2", "2021Q3", "2021Q4"]
    assert (by_quarter.divergence[0]["first_year"], by_quarter.divergence[0]["last_year"]) == (
        2020.0,
        2020.75,
    )
    assert by_quarter.divergence_pooled.startswith(
        "thin full quarters pooled (‡ 2020Q1–2020Q4, 2021Q1–2021Q4:"
    )


def test_thin_quarters_are_pooled_per_role_on_its_own_n(by_quarter: ReportModel) -> None:
    rows = [r for r in by_quarter.skill_series if r["skill_id"] == "python"]
    # AI engineers (7, 6, 6, 6 a quarter) pool two quarters at a time
    assert _rows(
        [r for r in rows if r["role"] == "ai_engineer"], "period", "n_role", "midpoint"
    ) == [
        ("2020Q1–2020Q2", 13, 2020.125),
        ("2020Q3–2020Q4", 12, 2020.625),
        ("2021Q1–2021Q2", 13, 2021.125),
        ("2021Q3–2021Q4", 12, 2021.625),
    ]
    assert _rows([r for r in rows if r["role"] == "data_scientist"], "period", "n_role") == [
        ("2020Q1–2020Q4", 10),
        ("2021Q1–2021Q4", 16),
    ]


def test_a_mid_quarter_start_leaves_its_quarter_partial(settings: Settings) -> None:
    model = _model(settings, "2021-12", "2020-02", QUARTER_MIN_N)
    # 2020Q1 from February: 4 AI engineer and 2 data scientist postings, shown alone
    assert _rows(model.divergence, "period", "n_ai", "n_ds", "pooled", "partial") == [
        ("2020Q1", 4, 2, False, True),
        ("2020Q2–2021Q1", 25, 13, True, False),
        ("2021Q2–2021Q4", 18, 10, True, False),
    ]
    first = [r for r in model.skill_series if r["period"] == "2020Q1"]
    assert {(r["role"], r["n_role"], r["label"]) for r in first} == {
        ("ai_engineer", 4, "2020Q1 (part)"),
        ("data_scientist", 2, "2020Q1 (part)"),
    }


def test_quarters_numbered_labelled_and_judged_full() -> None:
    assert quarters_label([quarter_number(date(2024, 7, 1)), quarter_number(date(2025, 4, 1))]) == (
        "2024Q3–2025Q2"
    )
    assert quarters_label([quarter_number(date(2024, 12, 1))]) == "2024Q4"
    # one month of a quarter missing still leaves it full (2024Q2, 2024Q4); two do not (2024Q3);
    # a quarter the start or the end cuts is partial (2024Q1, 2025Q1)
    months = {date(2024, m, 1) for m in (1, 2, 3, 4, 6, 7, 10, 12)} | {date(2025, 1, 1)}
    full = full_quarters(months, date(2024, 2, 1), date(2025, 2, 1))
    assert sorted(quarters_label([q]) for q in full) == ["2024Q2", "2024Q4"]


def test_quarter_charts_draw_pooled_points_on_an_axis_of_years(by_quarter: ReportModel) -> None:
    spec = skill_series_chart(by_quarter).spec
    drawn = [r for r in spec["data"]["values"] if r["skill_id"] == "python"]
    ai = [(r["midpoint"], r["segment"]) for r in drawn if r["role"] == "ai_engineer"]
    # consecutive pooled quarters join on one line
    assert [m for m, _s in ai] == [2020.125, 2020.625, 2021.125, 2021.625]
    assert len({s for _m, s in ai}) == 1
    divergence = divergence_chart(by_quarter).spec
    jsd = [r for r in divergence["data"]["values"] if r["measure"] == "Jensen-Shannon divergence"]
    assert [(r["period"], r["x"]) for r in jsd] == [
        ("2020Q1–2020Q4", 2020.375),
        ("2021Q1–2021Q4", 2021.375),
    ]


def test_captions_name_the_pooled_quarters_and_the_partial_start(settings: Settings) -> None:
    model = _model(settings, "2021-12", "2020-02", QUARTER_MIN_N)
    charts = {"skill_series": skill_series_chart(model), "divergence": divergence_chart(model)}
    page = re.sub(r"\s+", " ", html.unescape(render_html(model, charts)))
    series = page[page.index('id="skill-series"') :]
    series = series[: series.index("</section>")]
    assert (
        "Pooled: AI engineer 2020Q2–2020Q3, 2020Q4–2021Q1, 2021Q2–2021Q4; Data scientist "
        "2020Q2–2021Q1, 2021Q2–2021Q4, because each of those quarters alone has fewer than "
        f"{QUARTER_MIN_N} postings with skills of the role." in series
    )
    assert "one the report's start on 2020-02 or its end cuts short" in series
    divergence = page[page.index('id="divergence"') :]
    divergence = divergence[: divergence.index("</section>")]
    assert "<td>2020Q1 (part) †</td>" in divergence
    assert "<td>2020Q2–2021Q1 ‡</td>" in divergence
    assert "cut short by the report's start on 2020-02 or its end" in divergence


def test_a_readable_partial_period_is_grey_and_not_joined_in_the_divergence_charts(
    settings: Settings,
) -> None:
    from reports.history import Span, build_history
    from reports.history_charts import build_history_charts

    # with a minimum of 2, 2020Q1 from February (4 and 2 postings) is drawn: on its own, grey;
    # 2020Q4 (1 data scientist) is left out and breaks the line
    model = _model(settings, "2021-12", "2020-02", 2)
    spec = divergence_chart(model).spec
    jsd = [r for r in spec["data"]["values"] if r["measure"] == "Jensen-Shannon divergence"]
    assert [(r["period"], r["partial"]) for r in jsd] == [
        ("2020Q1", True),
        ("2020Q2", False),
        ("2020Q3", False),
        ("2021Q1", False),
        ("2021Q2", False),
        ("2021Q3", False),
    ]
    segments = [r["segment"] for r in jsd]
    assert segments[0] != segments[1] == segments[2] != segments[3] == segments[4] == segments[5]
    bands = [layer for layer in spec["layer"] if layer["mark"].get("type") == "rect"]
    assert bands[0]["data"]["values"] == [{"period": "2020Q1", "start": 2019.875, "end": 2020.125}]
    # the history report's divergence treats its partial last year (2022: January to March) so
    with db.session(settings, read_only=True) as con:
        history = build_history(con, Span(None, None), min_n=3, samples=SAMPLES)
    chart = build_history_charts(history)["history_divergence"].spec
    rows = chart["data"]["values"]
    assert [(r["period"], r["partial"]) for r in rows][-1] == ("2022", True)
    assert rows[-1]["segment"] != rows[-2]["segment"]
    bands = [layer for layer in chart["layer"] if layer["mark"].get("type") == "rect"]
    assert bands[0]["data"]["values"] == [{"period": "2022", "start": 2021.5, "end": 2022.5}]


def test_a_cut_year_of_the_titles_is_grey_unjoined_and_named_in_the_pdf(
    mid_year: ReportModel,
) -> None:
    from reports.charts import titles_chart

    chart = titles_chart(mid_year)
    rows = chart.spec["data"]["values"]
    title = max(mid_year.titles, key=lambda r: (r["role"] == "data_scientist", r["n_title"]))
    ds = sorted(
        (r for r in rows if (r["role"], r["title"]) == ("data_scientist", title["title"])),
        key=lambda r: r["year"],
    )
    # on an axis of years: 2017 (from July) and 2022 (to February) each a segment of their own
    assert [(r["year"], r["first_year"], r["last_year"], r["partial"]) for r in ds] == [
        (y, y, y, y in (2017, 2022)) for y in range(2017, 2023)
    ]
    segments = [r["segment"] for r in ds]
    assert segments[0] != segments[1] == segments[2] == segments[3] == segments[4] != segments[5]
    band = chart.spec["spec"]["layer"][0]
    assert band["mark"]["type"] == "rect"
    assert band["transform"][1]["groupby"] == ["role_label", "first_year", "last_year"]
    # one grey band per family and partial year: 2017 and 2022 in each of the two families
    assert chart.svg.count('fill="#d9d9d9"') == 4
    assert mid_year.titles_partial_years == [2017, 2022]
    # the PDF's page (no table) names the partial years under the chart
    page = re.sub(r"\s+", " ", html.unescape(render_html(mid_year, {"titles": chart}, False)))
    assert (
        "Grey, and not joined to the line: 2017, 2022, partial years (cut short by the report's "
        "start on 2017-07 or its end, or with data in fewer than 9 of the months; only the months "
        "between the start and the end count)." in page
    )
    assert "Grey: a partial year, not joined to the line (2017, 2022)" in chart.svg


def test_titles_key_skills_and_divergence_count_the_same_months(settings: Settings) -> None:
    # reported in mid-February 2022 on February, the monthly series runs on to the newest data
    # (March); the yearly figures all stop at the period's end
    with db.session(settings, read_only=True) as con:
        model = build_model(
            con,
            "2022-02",
            since="2017-07",
            min_n=MIN_N,
            today=date(2022, 2, 15),
            bootstrap_samples=SAMPLES,
        )
    assert model.series_end == date(2022, 3, 1)
    titles = {
        r["n_role"] for r in model.titles if (r["role"], r["year"]) == ("data_scientist", 2022)
    }
    skills = {
        r["n_role"]
        for r in model.skill_series
        if (r["role"], r["period"]) == ("data_scientist", "2022")
    }
    (divergence,) = [r["n_ds"] for r in model.divergence if r["period"] == "2022"]
    # January and February's 2 data scientists in each (before the fix the titles counted
    # March's too, 3)
    assert titles == skills == {divergence} == {2}
