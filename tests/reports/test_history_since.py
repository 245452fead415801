"""The history report from --since, and the coverage table bounded by the report's months."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from jobtrends.config import Report, Settings
from jobtrends.errors import UserError
from reports.build import build_report, render_html
from reports.history import HistoryModel, Span, build_history, span_of_folder
from reports.model import build_model
from tests.reports.conftest import fill_warehouse, role_posting
from warehouse import db

YEARS = (2016, 2017, 2018, 2019, 2020, 2021)
# AI engineer and data scientist postings per month in each year, out of 100 postings seen.
AI_PER_MONTH = {2016: 1, 2017: 2, 2018: 3, 2019: 4, 2020: 5, 2021: 6}
DS_PER_MONTH = {2016: 4, 2017: 3, 2018: 3, 2019: 2, 2020: 2, 2021: 1}
SINCE = date(2017, 7, 1)


def since_spec() -> dict:
    """Hacker News postings every month of 2016 to 2021, each from its own company: AI engineers
    move from TensorFlow to LLMs in 2020."""
    postings = []
    for year in YEARS:
        for month in range(1, 13):
            when = f"{year}-{month:02d}"
            for i in range(AI_PER_MONTH[year]):
                skills = ["python", "llm"] if year >= 2020 else ["python", "tensorflow"]
                postings.append(
                    role_posting(f"ai-{when}-{i}", when, f"Lab {when}-{i}", "ai_engineer", skills)
                )
            for i in range(DS_PER_MONTH[year]):
                skills = ["python", "r"] if year <= 2017 else ["python", "sql"]
                postings.append(
                    role_posting(
                        f"ds-{when}-{i}", when, f"Firm {when}-{i}", "data_scientist", skills
                    )
                )
    return {
        "skills": [
            ["python", "Python", "language"],
            ["sql", "SQL", "language"],
            ["r", "R", "language"],
            ["tensorflow", "TensorFlow", "ml_framework"],
            ["llm", "Large Language Models", "llm_tooling"],
        ],
        "postings": postings,
        "source_months": [
            ["hn_whoishiring", f"{y}-{m:02d}", 100, AI_PER_MONTH[y] + DS_PER_MONTH[y]]
            for y in YEARS
            for m in range(1, 13)
        ],
        "divergence_bootstrap": [
            ["year", str(y), 0.5, 0.4, 0.6, 12 * AI_PER_MONTH[y], 12 * DS_PER_MONTH[y], 200, 7]
            for y in YEARS
        ],
    }


@pytest.fixture(scope="module")
def since_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A warehouse holding the four years of since_spec (minimum n of 3)."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("since-data"), report=Report(min_n=3, claims_min_n=3)
    )
    fill_warehouse(settings, since_spec())
    return settings


@pytest.fixture(scope="module")
def cut(since_settings: Settings) -> HistoryModel:
    """The history of the whole series counted from July 2017."""
    with db.session(since_settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=3, since=SINCE, samples=20)


def test_history_counts_only_the_months_from_since(cut: HistoryModel) -> None:
    assert (cut.first_year, cut.last_year, cut.since) == (2017, 2021, SINCE)
    rows = {r["year"]: r for r in cut.source_years}
    assert sorted(rows) == [2017, 2018, 2019, 2020, 2021]
    # July to December 2017 only: 6 months, 600 postings seen, 12 AI engineers, 18 data scientists
    part = rows[2017]
    assert (part["months"], part["seen"], part["partial"]) == (6, 600, True)
    assert part["roles"]["ai_engineer"]["k"] == 12
    assert part["roles"]["data_scientist"]["k"] == 18
    assert (rows[2018]["months"], rows[2018]["partial"]) == (12, False)
    # the cut year is never an endpoint: the first full year is 2018
    (hn,) = cut.endpoints
    assert (hn["first_year"], hn["last_year"]) == (2018, 2021)


def test_history_divergence_and_tools_mark_the_cut_year_partial(cut: HistoryModel) -> None:
    assert [(r["period"], r["partial"]) for r in cut.divergence] == [
        ("2017", True),
        ("2018", False),
        ("2019", False),
        ("2020", False),
        ("2021", False),
    ]
    # the cut year's divergence is computed over July to December only
    assert (cut.divergence[0]["n_ai"], cut.divergence[0]["n_ds"]) == (12, 18)
    assert [r["period"] for r in cut.jsd_endpoints] == ["2018", "2021"]
    part = [r for r in cut.tool_series if r["period"] == "2017"]
    assert part and all(r["partial"] for r in part)
    assert {r["n_role"] for r in part if r["role"] == "ai_engineer"} == {12}
    assert {r["n_role"] for r in part if r["role"] == "data_scientist"} == {18}
    # the tools compare full years only: 2016 and the first half of 2017 are left out
    assert cut.tool_years["ai_engineer"] == ("2018–2019", "2020–2021")
    assert {r["skill_id"] for r in cut.movers["ai_engineer"]} == {"llm", "tensorflow"}


def test_history_page_names_the_cut(cut: HistoryModel) -> None:
    page = render_html(cut, {}, interactive=False)
    assert "AI engineers and data scientists, 2017 to 2021" in page
    assert "the months from 2017-07 on" in page
    assert "(period all cut from 2017-07)" in page and "(period all)" not in page
    assert '<td>2017 (part)</td><td class="num">6</td>' in page
    assert "cut short by the report's start on 2017-07" in page


def test_history_coverage_is_bounded_by_since_and_the_span(
    since_settings: Settings, cut: HistoryModel
) -> None:
    months = [r["month"] for r in cut.facts.coverage]
    assert (min(months), max(months), len(months)) == (SINCE, date(2021, 12, 1), 54)
    with db.session(since_settings, read_only=True) as con:
        span = build_history(con, Span(2016, 2017), min_n=3, samples=20)
    months = [r["month"] for r in span.facts.coverage]
    # the span's two years, not the months after it
    assert (min(months), max(months), len(months)) == (date(2016, 1, 1), date(2017, 12, 1), 24)
    assert [(r["year"], r["months"]) for r in span.facts.coverage_by_year] == [
        (2016, 12),
        (2017, 12),
    ]


def test_history_without_since_is_the_whole_series(since_settings: Settings) -> None:
    with db.session(since_settings, read_only=True) as con:
        whole = build_history(con, Span(None, None), min_n=3, samples=20)
        january = build_history(con, Span(None, None), min_n=3, since=date(2016, 1, 1), samples=20)
    assert whole.since is None and january.since is None
    assert [r["year"] for r in whole.source_years] == list(YEARS)
    assert not any(r["partial"] for r in whole.source_years)
    assert whole.endpoints[0]["first_year"] == 2016
    assert [r["months"] for r in january.source_years] == [12] * len(YEARS)


def test_period_report_coverage_stops_at_the_period_end(since_settings: Settings) -> None:
    with db.session(since_settings, read_only=True) as con:
        model = build_model(
            con, period="2017-06", since="2016-07", min_n=3, claims_min_n=3, today=date(2020, 1, 1)
        )
    months = [r["month"] for r in model.facts.coverage]
    # July 2016 to June 2017: twelve months, none after the period
    assert (min(months), max(months), len(months)) == (date(2016, 7, 1), date(2017, 6, 1), 12)
    assert [(r["year"], r["months"]) for r in model.facts.coverage_by_year] == [
        (2016, 6),
        (2017, 6),
    ]
    page = render_html(model, {}, interactive=False)
    assert ">2018<" not in page.split('class="coverage')[1].split("</table>")[0]


def test_cli_since_reaches_the_history_report(since_settings: Settings, tmp_path: Path) -> None:
    built = build_report(
        since_settings, period="all", since="2017-07", formats=("html",), out_dir=tmp_path
    )
    # the cut history has a folder of its own
    assert built.summary == tmp_path / "history-from-2017-07" / "report.json"
    data = json.loads(built.summary.read_text(encoding="utf-8"))
    assert (data["first_year"], data["since"]) == (2017, "2017-07-01")
    assert [(r["year"], r["months"]) for r in data["source_years"]] == [
        (2017, 6),
        (2018, 12),
        (2019, 12),
        (2020, 12),
        (2021, 12),
    ]
    index = built.index.read_text(encoding="utf-8")
    assert "From 2017-07 (2017 to 2021)" in index
    assert "the whole series" not in index.lower()


def test_history_beside_a_period_report_is_never_cut(
    since_settings: Settings, tmp_path: Path
) -> None:
    beside = build_report(
        since_settings,
        period="2019-12",
        since="2018-07",
        formats=("html",),
        out_dir=tmp_path,
        history=True,
    )
    assert beside.history is not None
    assert beside.history.summary == tmp_path / "history" / "report.json"
    history = json.loads(beside.history.summary.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    # the period's --since shapes the period report only: the history stays the whole series
    assert (history["first_year"], history["since"]) == (2016, None)
    assert [(r["year"], r["months"]) for r in history["source_years"]] == [(y, 12) for y in YEARS]
    assert not any(r["partial"] for r in history["source_years"])
    assert "History: the whole series" in beside.index.read_text(encoding="utf-8")


def test_cut_history_never_overwrites_the_uncut_one(
    since_settings: Settings, tmp_path: Path
) -> None:
    whole = build_report(since_settings, period="all", formats=("html",), out_dir=tmp_path)
    cut = build_report(
        since_settings, period="all", since="2019-06", formats=("html",), out_dir=tmp_path
    )
    span = build_report(since_settings, period="2015..2020", formats=("html",), out_dir=tmp_path)
    span_cut = build_report(
        since_settings,
        period="2015..2020",
        since="2017-04",
        formats=("html",),
        out_dir=tmp_path,
    )
    assert [r.summary.parent.name for r in (whole, cut, span, span_cut)] == [  # type: ignore[union-attr]
        "history",
        "history-from-2019-06",
        "history-2015-2020",
        "history-2015-2020-from-2017-04",
    ]
    firsts = [
        json.loads(r.summary.read_text(encoding="utf-8"))["source_years"][0]["year"]  # type: ignore[union-attr]
        for r in (whole, cut, span, span_cut)
    ]
    assert firsts == [2016, 2019, 2016, 2017]
    index = span_cut.index.read_text(encoding="utf-8")
    assert "History reports" in index and "history: the whole series" not in index.lower()
    links = re.findall(r'href="(history[^"]*)/report\.html"', index)
    # the whole series first, then its cut, then the span and its cut
    assert links == [
        "history",
        "history-from-2019-06",
        "history-2015-2020",
        "history-2015-2020-from-2017-04",
    ]
    assert "From 2019-06 (2019 to 2021)" in index and "From 2017-04 (2017 to 2020)" in index
    assert span_of_folder("history-2015-2020-from-2017-04") == Span(2015, 2020)
    assert span_of_folder("history-from-2019-06") == Span(None, None)
    assert span_of_folder("history-from-june") is None


@pytest.fixture(scope="module")
def short_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The postings of since_spec from April 2016 to June 2021 only (minimum n of 3)."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("short-data"), report=Report(min_n=3, claims_min_n=3)
    )
    spec = since_spec()
    spec["postings"] = [p for p in spec["postings"] if "2016-04" <= p["month"] <= "2021-06"]
    spec["source_months"] = [r for r in spec["source_months"] if "2016-04" <= r[1] <= "2021-06"]
    fill_warehouse(settings, spec)
    return settings


def test_since_after_the_last_month_of_data_is_refused(short_settings: Settings) -> None:
    with db.session(short_settings, read_only=True) as con:
        with pytest.raises(UserError, match=r"--since 2021-07 .*last month of data.*\(2021-06\)"):
            build_history(con, Span(None, None), min_n=3, since=date(2021, 7, 1), samples=20)
        with pytest.raises(UserError, match=r"--since 2018-03 .*in 2016\.\.2017 \(2017-12\)"):
            build_history(con, Span(2016, 2017), min_n=3, since=date(2018, 3, 1), samples=20)
        last = build_history(con, Span(None, None), min_n=3, since=date(2021, 6, 1), samples=20)
    assert [(r["year"], r["months"], r["partial"]) for r in last.source_years] == [(2021, 1, True)]


def test_since_on_the_first_month_of_data_cuts_nothing(short_settings: Settings) -> None:
    with db.session(short_settings, read_only=True) as con:
        whole = build_history(con, Span(None, None), min_n=3, samples=20)
        first = build_history(con, Span(None, None), min_n=3, since=date(2016, 4, 1), samples=20)
        before = build_history(con, Span(None, None), min_n=3, since=date(2015, 9, 1), samples=20)
        after = build_history(con, Span(None, None), min_n=3, since=date(2016, 5, 1), samples=20)
    assert (first.since, before.since, first.folder, before.folder) == (
        None,
        None,
        "history",
        "history",
    )
    assert first.source_years == whole.source_years
    assert (after.since, after.folder) == (date(2016, 5, 1), "history-from-2016-05")
    assert after.source_years[0]["months"] == 8


def test_partial_rows_are_explained_beside_the_data_table(
    short_settings: Settings, since_settings: Settings
) -> None:
    with db.session(short_settings, read_only=True) as con:
        short = build_history(con, Span(None, None), min_n=3, samples=20)
    with db.session(since_settings, read_only=True) as con:
        full = build_history(con, Span(None, None), min_n=3, samples=20)
    # data from April 2016 to June 2021: its first and last years are not full
    assert [r["year"] for r in short.source_years if r["partial"]] == [2016, 2021]
    page = render_html(short, {}, interactive=False)
    data = page.split('<section id="data">')[1].split("</section>")[0]
    assert "<td>2016 (part)</td>" in data and "<li>(part): a year not full in that source" in data
    assert "cut short by the report's start" not in data
    full_data = render_html(full, {}, interactive=False).split('<section id="data">')[1]
    assert "(part)" not in full_data.split("</section>")[0]


def test_period_report_with_since_after_its_end_is_refused(since_settings: Settings) -> None:
    with db.session(since_settings, read_only=True) as con:
        with pytest.raises(UserError, match=r"--since 2017-07 starts after the period 2017-06"):
            build_model(
                con,
                period="2017-06",
                since="2017-07",
                min_n=3,
                claims_min_n=3,
                today=date(2020, 1, 1),
            )


def test_history_share_chart_greys_the_cut_year_unjoined(cut: HistoryModel) -> None:
    from reports.history_charts import history_share_chart

    chart = history_share_chart(cut)
    spec = json.dumps(chart.spec)
    rows = next(
        layer["data"]["values"]
        for layer in [chart.spec, *chart.spec.get("layer", [])]
        if "values" in layer.get("data", {})
    )
    segments = {(r["role_label"], r["year"]): r["segment"] for r in rows}
    # the cut 2017 is a segment of its own; 2018 to 2021 are one line per role
    for role in ("AI engineer", "Data scientist"):
        assert segments[(role, 2017)] != segments[(role, 2018)]
        assert len({segments[(role, y)] for y in range(2018, 2022)}) == 1
    assert [r["year"] for r in rows if r["partial"]] == [2017, 2017]
    assert '"datum.partial"' in spec
    assert len(re.findall(r'fill="#d9d9d9"', chart.svg)) == 1
