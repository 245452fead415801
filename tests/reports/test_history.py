"""The history report on a hand-made four-year warehouse: page one's numbers, tools first, report.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobtrends.config import Report, Settings
from jobtrends.errors import UserError
from reports.build import build_report, render_html, write_index
from reports.history import HistoryModel, build_history, parse_span
from tests.reports.conftest import fill_warehouse
from warehouse import db

YEARS = (2016, 2017, 2018, 2019)
# Per month: AI engineer postings 1, 2, 3, 4 and data scientist postings 4, 3, 2, 1 in the four
# years, out of 100 postings seen: yearly shares 1% -> 4% and 4% -> 1%.
AI_PER_MONTH = {2016: 1, 2017: 2, 2018: 3, 2019: 4}
DS_PER_MONTH = {2016: 4, 2017: 3, 2018: 2, 2019: 1}


def history_spec() -> dict:
    """HN postings 2016-2019: AI engineers move from TensorFlow to LLMs, data scientists drop R."""
    postings = []
    for year in YEARS:
        for month in range(1, 13):
            for i in range(AI_PER_MONTH[year]):
                skills = ["python", "llm"] if year == 2019 else ["python", "tensorflow"]
                postings.append(
                    {
                        "id": f"ai-{year}-{month}-{i}",
                        "source": "hn_whoishiring",
                        "month": f"{year}-{month:02d}",
                        # one company per post: each counts as an employer of its own
                        "company": f"Acme {year}-{month}-{i}",
                        "openings": [["ML Engineer", "ml engineer", "ai_engineer", "mid"]],
                        "skills": skills,
                    }
                )
            for i in range(DS_PER_MONTH[year]):
                skills = ["python", "r", "statistics"] if year <= 2017 else ["python", "sql"]
                postings.append(
                    {
                        "id": f"ds-{year}-{month}-{i}",
                        "source": "hn_whoishiring",
                        "month": f"{year}-{month:02d}",
                        "company": f"Beta {year}-{month}-{i}",
                        "openings": [["Data Scientist", "data scientist", "data_scientist", "mid"]],
                        "skills": skills,
                    }
                )
    return {
        "skills": [
            ["python", "Python", "language"],
            ["sql", "SQL", "language"],
            ["r", "R", "language"],
            ["tensorflow", "TensorFlow", "ml_framework"],
            ["llm", "Large Language Models", "llm_tooling"],
            ["statistics", "Statistics", "stats_method"],
        ],
        "postings": postings,
        "source_months": [
            ["hn_whoishiring", f"{y}-{m:02d}", 100, AI_PER_MONTH[y] + DS_PER_MONTH[y]]
            for y in YEARS
            for m in range(1, 13)
        ],
        "divergence_bootstrap": [
            ["year", "2016", 0.40, 0.35, 0.45, 12, 48, 200, 7],
            ["year", "2017", 0.42, 0.37, 0.47, 24, 36, 200, 7],
            ["year", "2018", 0.50, 0.45, 0.55, 36, 24, 200, 7],
            ["year", "2019", 0.70, 0.62, 0.78, 48, 12, 200, 7],
        ],
    }


@pytest.fixture(scope="module")
def history_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A warehouse holding the four years of history_spec (minimum n of 3)."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("history-data"), report=Report(min_n=3, claims_min_n=3)
    )
    fill_warehouse(settings, history_spec())
    return settings


@pytest.fixture(scope="module")
def model(history_settings: Settings) -> HistoryModel:
    """The history model of the whole series."""
    with db.session(history_settings, read_only=True) as con:
        return build_history(con, parse_span("all"), min_n=3)  # type: ignore[arg-type]


def test_spans_parse() -> None:
    assert parse_span("all") is not None and parse_span("all").folder == "history"  # type: ignore[union-attr]
    span = parse_span("2016..2025")
    assert span is not None and (span.first, span.last, span.folder) == (
        2016,
        2025,
        "history-2016-2025",
    )
    assert parse_span("2026-05") is None
    with pytest.raises(UserError, match="ends before it starts"):
        parse_span("2025..2016")


def test_page_one_states_shares_at_both_ends(model: HistoryModel) -> None:
    (hn,) = model.endpoints
    assert (hn["source"], hn["first_year"], hn["last_year"]) == ("Hacker News", 2016, 2019)
    ai, ds = hn["roles"]["ai_engineer"], hn["roles"]["data_scientist"]
    assert (ai["first"]["k"], ai["first"]["n"], ai["last"]["k"]) == (12, 1200, 48)
    assert (ai["first"]["share"], ai["last"]["share"]) == pytest.approx((0.01, 0.04))
    assert (ds["first"]["share"], ds["last"]["share"]) == pytest.approx((0.04, 0.01))
    assert ai["change"] == pytest.approx(0.03) and ai["change_low"] > 0
    assert ds["change"] == pytest.approx(-0.03) and ds["change_high"] < 0
    first = model.sentences[0]
    assert "On Hacker News, between 2016 and 2019" in first
    # every post from its own company: both changes hold with each employer counted once (12 and
    # 48 of the 60 employers of the fixture's postings)
    assert "the share of AI engineer postings rose from 1.0%" in first and "to 4.0%" in first
    assert "the share of data scientist postings fell from 4.0%" in first and "-3.0 pp" in first
    assert ai["called"] and ds["called"]
    assert (ai["employers_first"]["k"], ai["employers_last"]["k"]) == (12, 48)
    assert "20.0% to 80.0% of the employers seen" in first


def test_divergence_by_year_with_its_interval(model: HistoryModel) -> None:
    assert [r["period"] for r in model.divergence] == [str(y) for y in YEARS]
    assert [r["period"] for r in model.jsd_endpoints] == ["2016", "2019"]
    # 2019's interval (0.62-0.78) lies wholly above 2016's (0.35-0.45) in the warehouse's yearly
    # figures, which the fixture sets by hand; the employer check computes from the postings
    # themselves, where every profile of a role and year is the same: Python and TensorFlow
    # against Python, R and Statistics in 2016 (0.595), Python and LLMs against Python and SQL in
    # 2019 (0.50). The profiles came closer by employers: the other way, so no change is called.
    first, last = model.jsd_employer_endpoints
    assert (first["jsd"], last["jsd"]) == pytest.approx((0.5954372523, 0.5))
    assert (first["n_ai"], first["n_ds"], last["n_ai"], last["n_ds"]) == (12, 48, 48, 12)
    assert model.sentences[1] == (
        "Over postings, the Jensen-Shannon divergence of the two roles' skill distributions rose "
        "from 0.40 (95% interval 0.35 to 0.45) in 2016 to 0.70 (95% interval 0.62 to 0.78) in "
        "2019, intervals apart (the profiles moved apart), but with each employer counted once "
        "(one profile per employer and role, of every skill its postings name; 12 and 48, then 48 "
        "and 12 employers) it moved the other way, from 0.60 (95% interval 0.60 to 0.60) to 0.50 "
        "(95% interval 0.50 to 0.50), intervals apart, so the change does not pass the employer "
        "check and is not called a change."
    )


def test_tools_that_moved_are_tools_and_concepts_apart(model: HistoryModel) -> None:
    # the first two years pooled against the last two
    assert model.tool_years["ai_engineer"] == ("2016–2017", "2018–2019")
    ai = {r["skill_id"]: r for r in model.movers["ai_engineer"]}
    # LLMs: 0 of 36 -> 48 of 84; TensorFlow: 36 of 36 -> 36 of 84
    assert ai["llm"]["share_last"] == pytest.approx(48 / 84)
    assert ai["tensorflow"]["share_first"] == pytest.approx(1.0)
    assert ai["tensorflow"]["share_last"] == pytest.approx(36 / 84)
    assert "python" not in ai  # 100% at both ends
    ds = {r["skill_id"] for r in model.movers["data_scientist"]}
    assert ds == {"sql", "r"}
    assert [r["skill_id"] for r in model.other_movers["data_scientist"]] == ["statistics"]
    assert all(r["category"] != "stats_method" for role in model.movers for r in model.movers[role])
    assert "Large Language Models 0.0% to 57.1%" in model.sentences[2]


def test_a_span_of_years(history_settings: Settings) -> None:
    with db.session(history_settings, read_only=True) as con:
        span = build_history(con, parse_span("2017..2018"), min_n=3)  # type: ignore[arg-type]
        with pytest.raises(UserError, match="has no postings"):
            build_history(con, parse_span("2001..2003"), min_n=3)  # type: ignore[arg-type]
    (hn,) = span.endpoints
    assert (hn["first_year"], hn["last_year"]) == (2017, 2018)
    assert hn["roles"]["ai_engineer"]["first"]["share"] == pytest.approx(0.02)
    page = render_html(span, {}, interactive=False)
    assert "AI engineers and data scientists, 2017 to 2018" in page
    assert "On Hacker News, between 2017 and 2018" in page


@pytest.mark.slow
def test_history_report_files_json_and_index(history_settings: Settings, tmp_path: Path) -> None:
    period = build_report(history_settings, formats=("html",), out_dir=tmp_path, history=True)
    assert period.history is not None and period.history.html == tmp_path / "history/report.html"
    assert period.history.html in period.paths and period.index in period.paths
    data = json.loads((tmp_path / "history" / "report.json").read_text(encoding="utf-8"))
    assert data["kind"] == "history" and data["period"] == "all"
    assert data["headline"]["sentences"][0].startswith("On Hacker News, between 2016 and 2019")
    assert data["headline"]["endpoints"][0]["roles"]["ai_engineer"]["last"]["k"] == 48
    assert [r["period"] for r in data["divergence"]] == [str(y) for y in YEARS]
    assert data["tools"]["movers"]["ai_engineer"][0]["skill_id"] == "llm"
    assert data["accuracy"]["missing"] == ["role rules roles-1", "skill extractor ext-1"]
    index = write_index(tmp_path).read_text(encoding="utf-8")
    # the history report is listed before the period reports
    assert index.index("history/report.html") < index.index("2019-12/report.html")
    assert "History: the whole series" in index


def test_period_json_carries_windows_and_verdicts(
    history_settings: Settings, tmp_path: Path
) -> None:
    built = build_report(history_settings, period="2019-12", formats=("html",), out_dir=tmp_path)
    data = json.loads((tmp_path / "2019-12" / "report.json").read_text(encoding="utf-8"))
    assert built.summary == tmp_path / "2019-12" / "report.json"
    # December 2019 has 4 AI engineer and 1 data scientist posting: the skills pool 12 months
    assert data["windows"]["skills"]["pooled"] is True
    assert (data["windows"]["skills"]["n_ai"], data["windows"]["skills"]["n_ds"]) == (48, 12)
    assert data["windows"]["skills"]["label"] == "2019-01..2019-12"
    assert data["headline"]["volumes"][0]["n"] == 4
    assert {c["verdict"] for c in data["claims"]} <= {
        "supported",
        "contradicted",
        "mixed",
        "not enough data",
    }
    assert [t["skill_id"] for t in data["skills"]["top_tools"]["data_scientist"]] == [
        "python",
        "sql",
    ]
    assert data["skills"]["other_skills"]["data_scientist"] == []


def test_a_year_report_compares_once(history_settings: Settings) -> None:
    from reports.model import build_model

    with db.session(history_settings, read_only=True) as con:
        year = build_model(con, period="2019", since="2016-01", min_n=3, claims_min_n=3)
    page = render_html(year, {}, interactive=False)
    # the previous period of a year is the year before: one comparison, said once
    assert page.count("vs 2018 (") == 2  # one per role
    ai = year.headline.volumes[0]
    assert (ai.n, ai.n_previous, ai.change_previous) == (48, 36, pytest.approx(1 / 3))


@pytest.mark.slow
def test_charts_keep_the_roles_apart_in_grey(model: HistoryModel) -> None:
    from reports.charts import ROLE_DASHES
    from reports.history_charts import build_history_charts

    charts = build_history_charts(model)
    assert set(charts) == {"history_shares", "history_divergence", "history_tools"}
    for key in ("history_shares", "history_tools"):
        text = json.dumps(charts[key].spec)
        # solid against dashed lines, not colour alone
        assert '"strokeDash"' in text and json.dumps(ROLE_DASHES["Data scientist"]) in text
        assert charts[key].svg.startswith("<svg")
    assert "stroke-dasharray" in charts["history_shares"].svg


def test_sources_side_by_side_stay_inside_the_span(tmp_path: Path) -> None:
    spec = history_spec()
    for year in (2017, 2018, 2019):
        for month in range(1, 13):
            for family, title in (
                ("ai_engineer", "ML Engineer"),
                ("data_scientist", "Data Scientist"),
            ):
                spec["postings"].append(
                    {
                        "id": f"gh-{family}-{year}-{month}",
                        "source": "greenhouse",
                        "month": f"{year}-{month:02d}",
                        "company": f"Gamma {year}-{month}",
                        "openings": [[title, title.lower(), family, "mid"]],
                        "skills": ["python"],
                    }
                )
            spec["source_months"].append(["greenhouse", f"{year}-{month:02d}", 20, 2])
    settings = Settings(data_dir=tmp_path, report=Report(min_n=3, claims_min_n=3))
    fill_warehouse(settings, spec)
    with db.session(settings, read_only=True) as con:
        whole = build_history(con, parse_span("all"), min_n=3)  # type: ignore[arg-type]
        span = build_history(con, parse_span("2016..2018"), min_n=3)  # type: ignore[arg-type]
    assert whole.sources_window == "January 2019 to December 2019"
    # a span ending in 2018 compares its sources over 2018, not over the data's last year
    assert span.sources_window == "January 2018 to December 2018"
    by_group = {r["source"]: r for r in span.sources}
    assert (by_group["ATS boards"]["months"], by_group["ATS boards"]["postings_seen"]) == (12, 240)
    assert (by_group["Hacker News"]["months"], by_group["Hacker News"]["postings_seen"]) == (
        12,
        1200,
    )
    assert by_group["ATS boards"]["roles"]["ai_engineer"]["n"] == 12
