"""Page one of the history report on warehouses where a role's share of postings rises: a rise made
by one employer's reposts is not called a change, the same rise from many employers is; and the
tools chart pools the divergence's thin years and marks the partial one."""

from __future__ import annotations

import pytest

from jobtrends.config import Report, Settings
from reports.history import HistoryModel, Span, build_history
from reports.history_charts import build_history_charts
from tests.reports.conftest import fill_warehouse
from tests.reports.test_history_employers import MIN_N, _posting, guard_spec
from warehouse import db

# Per year on Hacker News: postings of other roles (each from its own company), AI engineer posts
# (each from its own company) and data scientist posts from their own companies. In 2017 a further
# 24 data scientist posts come either from one company reposting twice a month, or from 24.
OTHER_PER_YEAR = 200
AI_PER_YEAR = {2016: 10, 2017: 30}
DS_PER_YEAR = {2016: 10, 2017: 10}
REPOSTS = 24


def _share_posting(pid: str, month: str, company: str, family: str) -> dict:
    title = {"ai_engineer": "ML Engineer", "data_scientist": "Data Scientist"}.get(
        family, "Backend Engineer"
    )
    return {
        "id": pid,
        "source": "hn_whoishiring",
        "month": month,
        "company": company,
        "openings": [[title, title.lower(), family, "mid"]],
        "skills": ["python"] if family != "other" else [],
    }


def share_spec(one_reposter: bool) -> dict:
    """HN 2016-2017: AI engineers' share rises from 10 to 30 companies' posts; data scientists'
    from 10 posts to 34, 24 of them from one reposting company or from 24 companies."""
    postings = []
    for year in (2016, 2017):
        for i in range(OTHER_PER_YEAR):
            month = f"{year}-{i % 12 + 1:02d}"
            postings.append(_share_posting(f"o-{year}-{i}", month, f"Web Shop {year}-{i}", "other"))
        for i in range(AI_PER_YEAR[year]):
            month = f"{year}-{i % 12 + 1:02d}"
            postings.append(
                _share_posting(f"a-{year}-{i}", month, f"AI Lab {year}-{i}", "ai_engineer")
            )
        for i in range(DS_PER_YEAR[year]):
            month = f"{year}-{i % 12 + 1:02d}"
            name = f"Data Firm {year}-{i}"
            postings.append(_share_posting(f"d-{year}-{i}", month, name, "data_scientist"))
    for i in range(REPOSTS):
        name = "Repost Analytics" if one_reposter else f"Insight Co {i}"
        month = f"2017-{i % 12 + 1:02d}"
        postings.append(_share_posting(f"r-{i}", month, name, "data_scientist"))
    seen: dict[str, int] = {}
    for p in postings:
        seen[p["month"]] = seen.get(p["month"], 0) + 1
    return {
        "skills": [["python", "Python", "language"]],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, n, 0] for m, n in sorted(seen.items())],
        "divergence_bootstrap": [
            ["year", "2016", 0.3, 0.2, 0.4, 10, 10, 200, 7],
            ["year", "2017", 0.3, 0.2, 0.4, 30, 34, 200, 7],
        ],
    }


def _model(tmp_path_factory: pytest.TempPathFactory, one_reposter: bool) -> HistoryModel:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("share-data"), report=Report(min_n=5, claims_min_n=3)
    )
    fill_warehouse(settings, share_spec(one_reposter))
    with db.session(settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=5, samples=20)


@pytest.fixture(scope="module")
def reposted(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """24 of the 2017 data scientist posts from one company."""
    return _model(tmp_path_factory, one_reposter=True)


@pytest.fixture(scope="module")
def spread(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """24 of the 2017 data scientist posts from 24 companies."""
    return _model(tmp_path_factory, one_reposter=False)


def _shares(model: HistoryModel, role: str) -> tuple:
    r = model.endpoints[0]["roles"][role]
    return (
        r["first"]["k"],
        r["first"]["n"],
        r["last"]["k"],
        r["last"]["n"],
        r["employers_first"]["k"],
        r["employers_first"]["n"],
        r["employers_last"]["k"],
        r["employers_last"]["n"],
        r["by_postings"],
        r["called"],
    )


def test_a_share_raised_by_one_reposting_employer_is_not_called(reposted: HistoryModel) -> None:
    (hn,) = reposted.endpoints
    assert (hn["first_year"], hn["last_year"]) == (2016, 2017)
    # 220 postings from 220 employers, then 264 postings from 241 employers (200 + 30 + 10 + 1)
    assert (hn["first_seen"], hn["last_seen"]) == (220, 264)
    assert (hn["first_employers"], hn["last_employers"]) == (220, 241)
    # data scientists: 10 -> 34 postings, but 10 -> 11 employers
    assert _shares(reposted, "data_scientist") == (10, 220, 34, 264, 10, 220, 11, 241, True, False)
    ds = hn["roles"]["data_scientist"]
    assert ds["change_low"] > 0 and ds["employer_change_low"] < 0 < ds["employer_change_high"]
    # AI engineers: 10 -> 30 postings from as many employers, a change on both counts
    assert _shares(reposted, "ai_engineer") == (10, 220, 30, 264, 10, 220, 30, 241, True, True)
    first = reposted.sentences[0]
    assert first.startswith(
        "On Hacker News, between 2016 and 2017 (220 and 264 postings seen, from 220 and 241 "
        "employers), the share of AI engineer postings rose from 4.5% "
    )
    assert (
        "the share of data scientist postings went from 4.5% (2.5–8.2%) to 12.9% (9.4–17.5%), "
        "+8.3 pp (95% interval +3.3 pp to +13.4 pp), but the share of employers hiring them, "
        "each counted once, has a 95% interval spanning zero (4.5% to 4.6% of the employers "
        "seen, +0.0 pp, 95% interval -4.1 pp to +4.0 pp), so it is not called a change."
    ) in first
    assert "data scientist postings rose" not in first


def test_the_same_rise_from_many_employers_is_called(spread: HistoryModel) -> None:
    assert _shares(spread, "data_scientist") == (10, 220, 34, 264, 10, 220, 34, 264, True, True)
    assert (
        "the share of data scientist postings rose from 4.5% (2.5–8.2%) to 12.9%"
        in (spread.sentences[0])
    )


def test_page_one_marks_a_change_in_postings_only(reposted: HistoryModel) -> None:
    from reports.build import render_html

    page = render_html(reposted, {}, interactive=False)
    assert "+8.3 pp §" in page and "+6.8 pp §" not in page
    assert "employers 4.5% (10)" in page and "employers 4.6% (11)" in page
    assert "employers +0.0 pp<br>-4.1 to +4.0 pp" in page
    assert "§ the postings' interval excludes zero but the employers' does not" in page


def jsd_spec(one_reposter: bool) -> dict:
    """HN 2016-2017, ten AI engineer posts naming Python and PyTorch and ten data scientist posts
    naming Python and SQL a year, each from its own company; in 2017 20 more data scientist posts
    name Rust alone, from one company or from 20. The warehouse's yearly divergences (posting
    level) are set apart: 0.50 (0.50 to 0.50), then 0.62 (0.58 to 0.66)."""
    postings = []
    for year in (2016, 2017):
        for i in range(10):
            month = f"{year}-{i % 12 + 1:02d}"
            postings.append(
                _posting(
                    f"a-{year}-{i}",
                    month,
                    f"AI Lab {year}-{i}",
                    "ai_engineer",
                    ["python", "pytorch"],
                )
            )
            postings.append(
                _posting(
                    f"d-{year}-{i}",
                    month,
                    f"Data Firm {year}-{i}",
                    "data_scientist",
                    ["python", "sql"],
                )
            )
    for i in range(20):
        name = "Rust Repost" if one_reposter else f"Rust Shop {i}"
        postings.append(
            _posting(f"r-{i}", f"2017-{i % 12 + 1:02d}", name, "data_scientist", ["rust"])
        )
    months = [f"{y}-{m:02d}" for y in (2016, 2017) for m in range(1, 13)]
    return {
        "skills": [
            ["python", "Python", "language"],
            ["sql", "SQL", "language"],
            ["rust", "Rust", "language"],
            ["pytorch", "PyTorch", "ml_framework"],
        ],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, 10, 2] for m in months],
        "divergence_bootstrap": [
            ["year", "2016", 0.50, 0.50, 0.50, 10, 10, 200, 7],
            ["year", "2017", 0.62, 0.58, 0.66, 10, 30, 200, 7],
        ],
    }


def _jsd_model(tmp_path_factory: pytest.TempPathFactory, one_reposter: bool) -> HistoryModel:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("jsd-data"), report=Report(min_n=5, claims_min_n=3)
    )
    fill_warehouse(settings, jsd_spec(one_reposter))
    with db.session(settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=5, samples=200)


def test_a_divergence_moved_by_one_reposting_employer_is_not_called(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    model = _jsd_model(tmp_path_factory, one_reposter=True)
    assert [r["period"] for r in model.jsd_endpoints] == ["2016", "2017"]
    first, last = model.jsd_employer_endpoints
    # every 2016 profile is the same within a role: Python and PyTorch against Python and SQL
    assert (first["jsd"], first["jsd_low"], first["jsd_high"]) == pytest.approx((0.5, 0.5, 0.5))
    # 2017: 10 AI engineer employers; 11 data scientist employers, the Rust reposter once
    assert (first["n_ai"], first["n_ds"], last["n_ai"], last["n_ds"]) == (10, 10, 10, 11)
    # one reposter among 11 employers: the 2017 interval reaches down into 2016's
    assert last["jsd_low"] <= first["jsd_high"]
    sentence = next(s for s in model.sentences if "Jensen-Shannon" in s)
    assert sentence.startswith(
        "Over postings, the Jensen-Shannon divergence of the two roles' skill distributions was "
        "0.50 (95% interval 0.50 to 0.50) in 2016 and 0.62 (95% interval 0.58 to 0.66) in 2017, "
        "intervals apart, but with each employer counted once (one profile per employer and "
        "role, of every skill its postings name; 10 and 10, then 10 and 11 employers) it was "
        "0.50 (95% interval 0.50 to 0.50) and "
    )
    assert sentence.endswith(
        "so the change does not pass the employer check and is not called a change."
    )
    assert "moved apart" not in sentence


def test_a_divergence_moved_by_many_employers_is_called(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    model = _jsd_model(tmp_path_factory, one_reposter=False)
    first, last = model.jsd_employer_endpoints
    assert (last["n_ai"], last["n_ds"]) == (10, 30)
    # Rust is half the 2017 data scientist mentions: shares .5, .25, .25 against .5, .5
    assert last["jsd"] == pytest.approx(0.65563906, abs=1e-6)
    assert last["jsd_low"] > first["jsd_high"]
    sentence = next(s for s in model.sentences if "Jensen-Shannon" in s)
    assert sentence.startswith(
        "The two roles' skill profiles moved apart: the Jensen-Shannon divergence of their skill "
        "distributions was 0.50 (95% interval 0.50 to 0.50) in 2016 and 0.62 (95% interval 0.58 "
        "to 0.66) in 2017; with each employer counted once (one profile per employer and role, "
        "of every skill its postings name; 10 and 10, then 10 and 30 employers) it was 0.50 "
        "(95% interval 0.50 to 0.50) and 0.66 "
    )
    assert sentence.endswith(", apart as well.")


# AI engineer posts added to the three months of 2022, so that the partial year is drawn
AI_2022_EXTRA = 20


@pytest.fixture(scope="module")
def thin(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """The employer-guard warehouse (data scientists thin from 2018, 2022 three months long) with
    25 AI engineer posts in 2022."""
    spec = guard_spec()
    for i in range(AI_2022_EXTRA):
        spec["postings"].append(
            _posting(
                f"ai-2022-extra-{i}",
                f"2022-{i % 3 + 1:02d}",
                f"AI Lab 2022-extra-{i}",
                "ai_engineer",
                ["python", "pytorch"],
            )
        )
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("thin-data"), report=Report(min_n=MIN_N, claims_min_n=3)
    )
    fill_warehouse(settings, spec)
    with db.session(settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=MIN_N, samples=50)


def test_the_tools_series_pools_the_divergence_periods(thin: HistoryModel) -> None:
    periods = [(r["period"], r["pooled"], r["partial"]) for r in thin.divergence]
    assert periods == [
        ("2016", False, False),
        ("2017", False, False),
        ("2018–2019", True, False),
        ("2020–2021", True, False),
        ("2022", False, True),
    ]
    sql = [
        (r["role"], r["period"], r["n_skill"], r["n_role"], r["pooled"], r["partial"], r["small"])
        for r in thin.tool_series
        if r["skill"] == "SQL"
    ]
    # data scientists: 12 + 9 postings in 2018-2019, 10 + 16 in 2020-2021 (each year alone below
    # 20); AI engineers pool the same years; 2022 is partial and stays alone (25 AI engineer
    # postings, 3 data scientist ones: too few)
    assert sql == [
        ("ai_engineer", "2016", 0, 25, False, False, False),
        ("ai_engineer", "2017", 0, 25, False, False, False),
        ("ai_engineer", "2018–2019", 0, 50, True, False, False),
        ("ai_engineer", "2020–2021", 0, 50, True, False, False),
        ("ai_engineer", "2022", 0, 25, False, True, False),
        ("data_scientist", "2016", 0, 20, False, False, False),
        ("data_scientist", "2017", 0, 20, False, False, False),
        ("data_scientist", "2018–2019", 21, 21, True, False, False),
        ("data_scientist", "2020–2021", 18, 26, True, False, False),
        ("data_scientist", "2022", 3, 3, False, True, True),
    ]
    assert thin.tools_chart_caption() == (
        "Share of the tools that moved most per year, or per pooled period; solid: AI engineers, "
        "dashed: data scientists. Pooled as in section 2, because single full years had fewer "
        "than 20 postings with skills of a role: 2018–2019 (n=50 and 21); 2020–2021 (n=50 and "
        "26) (AI engineer and data scientist postings with skills over the pooled years). Grey: "
        "2022, not a full year (data in fewer than 9 of its months, or the year still running); "
        "shown alone, never pooled. A period with fewer than 20 postings with skills of a role is "
        "left out of that role's line."
    )


def test_the_tools_chart_labels_pooled_periods_and_greys_the_partial_year(
    thin: HistoryModel,
) -> None:
    chart = build_history_charts(thin)["history_tools"]
    spec = chart.spec
    rect, line, _band = spec["spec"]["layer"]
    labels = ["2016", "2017", "2018–2019", "2020–2021", "2022 (part)"]
    assert rect["mark"]["type"] == "rect" and rect["transform"] == [{"filter": "datum.partial"}]
    assert line["encoding"]["x"]["scale"]["domain"] == labels
    data = spec["datasets"][spec["data"]["name"]] if "datasets" in spec else spec["data"]["values"]
    shown = [(r["role"], r["label"]) for r in data if r["skill"] == "SQL"]
    # the data scientists' partial year has too few postings: no point there
    assert shown == [("ai_engineer", label) for label in labels] + [
        ("data_scientist", label) for label in labels[:4]
    ]
    # SQL and R, for AI engineers only
    assert [r["label"] for r in data if r["partial"]] == ["2022 (part)"] * 2
    for label in labels:
        assert f">{label}</text>" in chart.svg
    assert "Pooled as in the divergence (thin full years): 2018–2019, 2020–2021." in chart.svg
    assert "Grey: 2022 (part), not a full year, never pooled." in chart.svg


def test_the_tools_axis_starts_at_the_first_period_drawn(thin: HistoryModel) -> None:
    from dataclasses import replace

    # the 2016 and 2017 rows too small: the axis begins at the first pooled period
    early = [
        {**r, "small": True} if r["period"] in ("2016", "2017") else r for r in thin.tool_series
    ]
    chart = build_history_charts(replace(thin, tool_series=early))["history_tools"]
    domain = chart.spec["spec"]["layer"][1]["encoding"]["x"]["scale"]["domain"]
    assert domain == ["2018–2019", "2020–2021", "2022 (part)"]
