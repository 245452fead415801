"""Page one of the history report on warehouses where a role's share of postings rises: a rise made
by one employer's reposts is not called a change, the same rise from many employers is; and the
tools chart pools the divergence's thin years and marks the partial one."""

from __future__ import annotations

import re

import pytest

from jobtrends.config import Report, Settings
from reports.divergence_periods import employer_divergence, intervals_apart
from reports.history import HistoryModel, Span, build_history
from reports.history_charts import build_history_charts, tool_line_segments
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec, role_posting
from warehouse import db, stats

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
    assert "employers 4.5% (10 of 220)" in page and "employers 4.6% (11 of 241)" in page
    assert "employers +0.0 (-4.1 to +4.0)</span>" in page
    assert "§ the postings' interval excludes zero but the employers' does not" in page


def other_way_spec() -> dict:
    """HN 2016-2017 with 200 postings of other roles a year, each from its own company, and ten AI
    engineer posts from ten companies a year; data scientists: 60 posts from 60 companies in 2016,
    then 100 posts from 10 companies (ten each) in 2017."""
    postings = []
    for year, ds_companies, ds_each in ((2016, 60, 1), (2017, 10, 10)):
        for i in range(OTHER_PER_YEAR):
            month = f"{year}-{i % 12 + 1:02d}"
            postings.append(_share_posting(f"o-{year}-{i}", month, f"Web Shop {year}-{i}", "other"))
        for i in range(10):
            month = f"{year}-{i % 12 + 1:02d}"
            postings.append(
                _share_posting(f"a-{year}-{i}", month, f"AI Lab {year}-{i}", "ai_engineer")
            )
        for i in range(ds_companies * ds_each):
            month = f"{year}-{i % 12 + 1:02d}"
            name = f"Data Firm {year}-{i % ds_companies}"
            postings.append(_share_posting(f"d-{year}-{i}", month, name, "data_scientist"))
    seen: dict[str, int] = {}
    for p in postings:
        seen[p["month"]] = seen.get(p["month"], 0) + 1
    return {
        "skills": [["python", "Python", "language"]],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, n, 0] for m, n in sorted(seen.items())],
        "divergence_bootstrap": [],
    }


@pytest.fixture(scope="module")
def other_way(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """Data scientists' share of postings up, their share of employers down."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("other-way-data"), report=Report(min_n=5, claims_min_n=3)
    )
    fill_warehouse(settings, other_way_spec())
    with db.session(settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=5, samples=20)


def test_a_share_whose_employers_moved_the_other_way_is_not_called(
    other_way: HistoryModel,
) -> None:
    # data scientists: 60 of 270 postings (22.2%) -> 100 of 310 (32.3%); employers 60 of 270 ->
    # 10 of 220 (4.5%). AI engineers: 10 of 270 -> 10 of 310 postings, no clear change
    assert _shares(other_way, "data_scientist") == (
        60,
        270,
        100,
        310,
        60,
        270,
        10,
        220,
        True,
        False,
    )
    ds = other_way.endpoints[0]["roles"]["data_scientist"]
    assert ds["change_low"] > 0 and ds["employer_change_high"] < 0
    assert _shares(other_way, "ai_engineer") == (10, 270, 10, 310, 10, 270, 10, 220, False, False)
    first = other_way.sentences[0]
    assert (
        "the share of AI engineer postings went from 3.7% (2.0–6.7%) to 3.2% (1.8–5.8%), -0.5 pp "
        "(95% interval -3.8 pp to +2.6 pp): no clear change; "
    ) in first
    assert (
        "the share of data scientist postings went from 22.2% (17.7–27.6%) to 32.3% (27.3–37.7%), "
        "+10.0 pp (95% interval +2.8 pp to +17.1 pp), but the share of employers hiring them, "
        "each counted once, moved the other way (22.2% to 4.5% of the employers seen, -17.7 pp, "
        "95% interval -23.4 pp to -11.9 pp), so it is not called a change."
    ) in first


def test_only_a_change_in_postings_alone_is_marked(other_way: HistoryModel) -> None:
    from reports.build import render_html

    page = render_html(other_way, {}, interactive=False)
    # the data scientists' change is marked; the AI engineers' (no clear change) is not
    assert page.count(" §<br>") == 1
    assert "+10.0 pp §<br>" in page and "-0.5 pp<br>" in page


# Skill profiles that overlap in part, varied within a role so that the bootstrap over employers
# has real spread in every period.
AI_PROFILES = [
    ["python", "sql", "pytorch"],
    ["python", "pytorch"],
    ["python", "sql"],
    ["python", "docker", "pytorch"],
    ["python"],
]
DS_PROFILES = [
    ["python", "sql"],
    ["python", "sql", "r"],
    ["python"],
    ["sql", "pytorch"],
    ["python", "r"],
]
PER_ROLE_AND_YEAR = 20
RUST_POSTS = 40
# The warehouse's yearly divergences (posting level, set by hand): a low and a high one, apart.
JSD_LOW = (0.20, 0.15, 0.25)
JSD_HIGH = (0.45, 0.40, 0.50)
# Bootstrap seeds the employer verdicts are checked under: not one lucky draw.
SEEDS = (1, 2, 3, 4, 5, 20150101)


# postings of each role in 2018's three months: above the minimum of 5, so the partial year is
# readable (its stored row counts them, so the report keeps it)
PARTIAL_2018 = 6


def jsd_spec(rust_companies: int, rust_year: int = 2017, ai_companies: int | None = None) -> dict:
    """HN 2016-2017 with 20 AI engineer and 20 data scientist posts a year, each from its own
    company (AI engineers' from `ai_companies` when given), their profiles varied within a role;
    in `rust_year` 40 more data scientist posts name Rust alone, from `rust_companies` companies.
    2018 has three months of data: a partial year, its divergence set far above the others. The
    warehouse's yearly divergences are set by hand: the Rust year high, the other low."""
    postings = []
    for year in (2016, 2017):
        for i in range(PER_ROLE_AND_YEAR):
            month = f"{year}-{i % 12 + 1:02d}"
            lab = f"AI Lab {year}-{i % ai_companies if ai_companies else i}"
            ai = AI_PROFILES[i % len(AI_PROFILES)]
            postings.append(role_posting(f"a-{year}-{i}", month, lab, "ai_engineer", ai))
            ds = DS_PROFILES[i % len(DS_PROFILES)]
            firm = f"Data Firm {year}-{i}"
            postings.append(role_posting(f"d-{year}-{i}", month, firm, "data_scientist", ds))
    for i in range(RUST_POSTS):
        name = f"Rust Shop {i % rust_companies}"
        month = f"{rust_year}-{i % 12 + 1:02d}"
        postings.append(role_posting(f"r-{i}", month, name, "data_scientist", ["rust"]))
    for i in range(PARTIAL_2018):
        month = f"2018-{i % 3 + 1:02d}"
        postings.append(role_posting(f"a-2018-{i}", month, "AI Lab 2018", "ai_engineer", ["go"]))
        postings.append(role_posting(f"d-2018-{i}", month, "Firm 2018", "data_scientist", ["r"]))
    months = [f"{y}-{m:02d}" for y in (2016, 2017) for m in range(1, 13)]
    months += ["2018-01", "2018-02", "2018-03"]
    n_ds = {
        year: PER_ROLE_AND_YEAR + (RUST_POSTS if year == rust_year else 0) for year in (2016, 2017)
    }
    return {
        "skills": [
            ["python", "Python", "language"],
            ["sql", "SQL", "language"],
            ["rust", "Rust", "language"],
            ["r", "R", "language"],
            ["go", "Go", "language"],
            ["docker", "Docker", "devops"],
            ["pytorch", "PyTorch", "ml_framework"],
        ],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, 10, 2] for m in months],
        "divergence_bootstrap": [
            ["year", str(year), *(JSD_HIGH if year == rust_year else JSD_LOW), PER_ROLE_AND_YEAR,
             n_ds[year], 200, 7]
            for year in (2016, 2017)
        ]
        + [["year", "2018", 0.95, 0.90, 1.0, PARTIAL_2018, PARTIAL_2018, 200, 7]],
    }  # fmt: skip


def _jsd_warehouse(tmp_path_factory: pytest.TempPathFactory, spec: dict) -> Settings:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("jsd-data"), report=Report(min_n=5, claims_min_n=3)
    )
    fill_warehouse(settings, spec)
    return settings


def _jsd_model(settings: Settings, min_n: int = 5) -> HistoryModel:
    with db.session(settings, read_only=True) as con:
        return build_history(con, Span(None, None), min_n=min_n, samples=200)


def _employer_verdicts(settings: Settings) -> list[int]:
    """intervals_apart of the employer divergences of 2016 and 2017, under each of SEEDS."""
    with db.session(settings, read_only=True) as con:
        return [
            intervals_apart(
                employer_divergence(con, [2016], 200, seed),
                employer_divergence(con, [2017], 200, seed),
            )
            for seed in SEEDS
        ]


@pytest.fixture(scope="module")
def one_reposter(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The 40 Rust posts of 2017 from one company."""
    return _jsd_warehouse(tmp_path_factory, jsd_spec(rust_companies=1))


@pytest.fixture(scope="module")
def many_rust(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The 40 Rust posts of 2017 from 40 companies."""
    return _jsd_warehouse(tmp_path_factory, jsd_spec(rust_companies=RUST_POSTS))


def _jsd_sentence(model: HistoryModel) -> str:
    return next(s for s in model.sentences if "Jensen-Shannon" in s)


def test_a_partial_year_is_never_compared_on_page_one(one_reposter: Settings) -> None:
    model = _jsd_model(one_reposter)
    periods = [(r["period"], r["partial"], r["small"]) for r in model.divergence]
    assert periods == [("2016", False, False), ("2017", False, False), ("2018", True, False)]
    # 2018 is big enough and far above the rest, but only three months long
    assert [r["period"] for r in model.jsd_endpoints] == ["2016", "2017"]


def test_a_divergence_moved_by_one_reposting_employer_is_not_called(
    one_reposter: Settings,
) -> None:
    # one Rust profile among 21 data scientist employers: no seed moves 2017 apart from 2016
    assert _employer_verdicts(one_reposter) == [0] * len(SEEDS)
    model = _jsd_model(one_reposter)
    first, last = model.jsd_employer_endpoints
    assert (first["n_ai"], first["n_ds"], last["n_ai"], last["n_ds"]) == (20, 20, 20, 21)
    # varied profiles within a role: the first period's interval has real width
    assert first["jsd_high"] - first["jsd_low"] > 0.1
    assert first["jsd_low"] < last["jsd_low"] < first["jsd_high"]
    sentence = _jsd_sentence(model)
    assert sentence.startswith(
        "Over postings, the Jensen-Shannon divergence of the two roles' skill distributions rose "
        "from 0.20 (95% interval 0.15 to 0.25) in 2016 to 0.45 (95% interval 0.40 to 0.50) in "
        "2017, intervals apart (the profiles moved apart), but with each employer counted once "
        "(one profile per employer and role, of every skill its postings name; 20 and 20, then "
        "20 and 21 employers) it went from "
    )
    assert sentence.endswith(
        "intervals overlapping, so the change does not pass the employer check and is not called "
        "a change."
    )
    assert "moved apart:" not in sentence


def test_a_divergence_moved_by_many_employers_is_called(many_rust: Settings) -> None:
    assert _employer_verdicts(many_rust) == [1] * len(SEEDS)
    model = _jsd_model(many_rust)
    first, last = model.jsd_employer_endpoints
    assert (first["n_ai"], first["n_ds"], last["n_ai"], last["n_ds"]) == (20, 20, 20, 60)
    assert (first["samples"], first["seed"]) == (200, stats.SEED)
    sentence = _jsd_sentence(model)
    assert sentence.startswith(
        "The two roles' skill profiles moved apart: the Jensen-Shannon divergence of the two "
        "roles' skill distributions rose from 0.20 (95% interval 0.15 to 0.25) in 2016 to 0.45 "
        "(95% interval 0.40 to 0.50) in 2017; with each employer counted once (one profile per "
        "employer and role, of every skill its postings name; 20 and 20, then 20 and 60 "
        "employers) it rose as well, from "
    )
    assert sentence.endswith(", intervals apart.")


def test_profiles_that_came_closer_by_both_counts_are_called(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    settings = _jsd_warehouse(tmp_path_factory, jsd_spec(rust_companies=RUST_POSTS, rust_year=2016))
    assert _employer_verdicts(settings) == [-1] * len(SEEDS)
    sentence = _jsd_sentence(_jsd_model(settings))
    assert sentence.startswith(
        "The two roles' skill profiles came closer: the Jensen-Shannon divergence of the two "
        "roles' skill distributions fell from 0.45 (95% interval 0.40 to 0.50) in 2016 to 0.20 "
        "(95% interval 0.15 to 0.25) in 2017; with each employer counted once (one profile per "
        "employer and role, of every skill its postings name; 20 and 60, then 20 and 20 "
        "employers) it fell as well, from "
    )


def test_too_few_employers_cannot_confirm_a_divergence_change(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # the AI engineer posts of each year from four companies: their intervals are apart under
    # every seed, but four employers are fewer than the minimum of five
    settings = _jsd_warehouse(tmp_path_factory, jsd_spec(rust_companies=RUST_POSTS, ai_companies=4))
    assert _employer_verdicts(settings) == [1] * len(SEEDS)
    model = _jsd_model(settings)
    first, last = model.jsd_employer_endpoints
    assert (first["n_ai"], first["n_ds"], last["n_ai"], last["n_ds"]) == (4, 20, 4, 60)
    sentence = _jsd_sentence(model)
    assert sentence.startswith(
        "Over postings, the Jensen-Shannon divergence of the two roles' skill distributions rose "
        "from 0.20 (95% interval 0.15 to 0.25) in 2016 to 0.45 (95% interval 0.40 to 0.50) in "
        "2017, intervals apart (the profiles moved apart), but with each employer counted once "
        "(one profile per employer and role, of every skill its postings name; 4 and 20, then 4 "
        "and 60 employers) a period has fewer than 5 employers of a role, too few to check it (* "
        "employers: "
    )
    assert sentence.endswith("so it is not called a change.")
    # with a minimum of four the same employers confirm it
    assert _jsd_sentence(_jsd_model(settings, min_n=4)).startswith(
        "The two roles' skill profiles moved apart:"
    )


def test_the_divergence_note_gives_the_employer_bootstrap(many_rust: Settings) -> None:
    from reports.build import render_html

    page = render_html(_jsd_model(many_rust), {}, interactive=False)
    assert (
        "bootstrapped over employers: 200 resamples, seed 20150101); * a period with fewer than 5 "
        "employers of a role is too few to check, and the change is not called."
    ) in page


def pool_spec(shared_posting: bool) -> dict:
    """HN 2016: four AI engineer employers, each posting twice (once naming Python, once SQL),
    and four data scientist employers posting SQL; with `shared_posting` a fifth company posts
    one text hiring both roles, naming Go."""
    postings = []
    for i in range(4):
        for j, skill in enumerate(["python", "sql"]):
            month = f"2016-{2 * i + j + 1:02d}"
            postings.append(
                role_posting(f"a-{i}-{j}", month, f"AI Lab {i}", "ai_engineer", [skill])
            )
        postings.append(
            role_posting(f"d-{i}", f"2016-{i + 1:02d}", f"Data Firm {i}", "data_scientist", ["sql"])
        )
    if shared_posting:
        both = role_posting("both", "2016-05", "Both Co", "ai_engineer", ["go"])
        both["openings"].append(["Data Scientist", "data scientist", "data_scientist", "mid"])
        postings.append(both)
    return {
        "skills": [["python", "Python", "language"], ["sql", "SQL", "language"], ["go", "Go", "language"]],
        "postings": postings,
        "source_months": [["hn_whoishiring", f"2016-{m:02d}", 10, 2] for m in range(1, 13)],
        "divergence_bootstrap": [],
    }  # fmt: skip


@pytest.mark.parametrize("shared_posting", [False, True])
def test_an_employer_profile_is_every_skill_of_its_own_postings_of_one_role(
    tmp_path_factory: pytest.TempPathFactory, shared_posting: bool
) -> None:
    settings = _jsd_warehouse(tmp_path_factory, pool_spec(shared_posting))
    with db.session(settings, read_only=True) as con:
        row = employer_divergence(con, [2016], 50, 1)
    # each AI employer's profile is Python and SQL (both of its postings), each data scientist
    # employer's SQL: shares (.5, .5) against (0, 1), JSD 0.3113 (base 2); a posting hiring both
    # roles with one text speaks for neither, so Go never enters
    assert (row["n_ai"], row["n_ds"]) == (4, 4)
    assert row["jsd"] == pytest.approx(0.31127812, abs=1e-6)


# AI engineer posts added to the three months of 2022, so that the partial year is drawn
AI_2022_EXTRA = 20


@pytest.fixture(scope="module")
def thin(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """The employer-guard warehouse (data scientists thin from 2018, 2022 three months long) with
    25 AI engineer posts in 2022."""
    spec = guard_spec()
    for i in range(AI_2022_EXTRA):
        spec["postings"].append(
            role_posting(
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


def test_each_role_s_tool_line_pools_on_its_own_n(thin: HistoryModel) -> None:
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
    # AI engineers have 25 postings with skills every full year: their line is yearly, though
    # the divergence pools 2018-2021 for the data scientists. Data scientists: 12 + 9 postings in
    # 2018-2019, 10 + 16 in 2020-2021 (each year alone below 20), pooled by the same rule; 2022
    # is partial and stays alone (25 AI engineer postings, 3 data scientist ones: too few)
    assert sql == [
        ("ai_engineer", "2016", 0, 25, False, False, False),
        ("ai_engineer", "2017", 0, 25, False, False, False),
        ("ai_engineer", "2018", 0, 25, False, False, False),
        ("ai_engineer", "2019", 0, 25, False, False, False),
        ("ai_engineer", "2020", 0, 25, False, False, False),
        ("ai_engineer", "2021", 0, 25, False, False, False),
        ("ai_engineer", "2022", 0, 25, False, True, False),
        ("data_scientist", "2016", 0, 20, False, False, False),
        ("data_scientist", "2017", 0, 20, False, False, False),
        ("data_scientist", "2018–2019", 21, 21, True, False, False),
        ("data_scientist", "2020–2021", 18, 26, True, False, False),
        ("data_scientist", "2022", 3, 3, False, True, True),
    ]
    assert [(r["first_year"], r["last_year"], r["midpoint"]) for r in thin.tool_series][9:11] == [
        (2018, 2019, 2018.5),
        (2020, 2021, 2020.5),
    ]
    assert thin.tools_chart_caption(divergence_section=2) == (
        "Share of the tools that moved most per year, or per pooled period; solid: AI engineers, "
        "dashed: data scientists. Each role's line pools its own thin full years by the rule of "
        "section 2 (single years with fewer than 20 of the role's postings with skills), its "
        "point mid-span on a bar over the pooled years: data scientists 2018–2019 (n=21), "
        "2020–2021 (n=26) (postings with skills over the pooled years). Grey: 2022, not a full "
        "year (data in fewer than 9 of its months, or the year still running); shown alone, never "
        "pooled, and not joined to the line. A period with fewer than 20 postings with skills of "
        "a role is left out of that role's line, which breaks there."
    )


def _chart_rows(thin: HistoryModel) -> tuple[dict, list[dict]]:
    spec = build_history_charts(thin)["history_tools"].spec
    data = spec["datasets"][spec["data"]["name"]] if "datasets" in spec else spec["data"]["values"]
    return spec, data


def test_the_tools_chart_puts_pooled_points_mid_span_and_greys_the_partial_year_once(
    thin: HistoryModel,
) -> None:
    chart = build_history_charts(thin)["history_tools"]
    spec, data = _chart_rows(thin)
    rect, line, span, _band = spec["spec"]["layer"]
    # one grey band per panel and partial period, however many roles have a point there
    assert rect["mark"]["type"] == "rect"
    assert rect["transform"][:2] == [
        {"filter": "datum.partial"},
        {"aggregate": [{"op": "count", "as": "roles"}],
         "groupby": ["skill", "first_year", "last_year"]},
    ]  # fmt: skip
    # a numeric year axis half a year beyond the first and last years drawn
    assert line["encoding"]["x"]["field"] == "midpoint"
    assert line["encoding"]["x"]["scale"]["domain"] == [2015.5, 2022.5]
    assert span["transform"] == [{"filter": "datum.pooled"}]
    assert (span["encoding"]["x"]["field"], span["encoding"]["x2"]["field"]) == (
        "first_year",
        "last_year",
    )
    shown = [(r["role"], r["midpoint"], r["segment"]) for r in data if r["skill"] == "SQL"]
    ai_segment, partial_segment, ds_segment = (shown[0][2], shown[6][2], shown[7][2])
    # the line breaks before the partial year: 2022 is a segment of its own
    assert shown == [
        *[("ai_engineer", float(y), ai_segment) for y in range(2016, 2022)],
        ("ai_engineer", 2022.0, partial_segment),
        *[("data_scientist", y, ds_segment) for y in (2016.0, 2017.0, 2018.5, 2020.5)],
    ]
    assert len({ai_segment, partial_segment, ds_segment}) == 3
    svg = chart.svg
    assert ">The tools that moved most, by year or pooled period</text>" in svg
    for year in range(2016, 2023):
        assert f">{year}</text>" in svg
    # the subtitle says what the marks are; which years are pooled or grey is the caption's
    texts = re.findall(r">([^<]*)</text>", svg)
    assert (
        "Share of each role's postings with skills; band: Wilson 95%; a bar spans the years a "
        "role's point pools; periods with fewer than 20 postings of a role left out."
    ) in texts
    assert not [t for t in texts if "Grey" in t or "2018–2019" in t]


def test_a_left_out_period_breaks_the_line(thin: HistoryModel) -> None:
    rows = [
        {**r, "small": True} if (r["role"], r["period"]) == ("data_scientist", "2017") else r
        for r in thin.tool_series
        if r["skill"] == "SQL"
    ]
    drawn = tool_line_segments([r for r in rows if not r["small"]])
    ds = [(r["period"], r["segment"]) for r in drawn if r["role"] == "data_scientist"]
    assert [p for p, _ in ds] == ["2016", "2018–2019", "2020–2021"]
    # 2016 is cut off from 2018-2019 by the left-out 2017
    assert ds[0][1] != ds[1][1] == ds[2][1]


def test_the_tools_axis_starts_at_the_first_period_drawn(thin: HistoryModel) -> None:
    from dataclasses import replace

    # the 2016 and 2017 rows too small: the axis begins half a year before 2018
    early = [
        {**r, "small": True} if r["period"] in ("2016", "2017") else r for r in thin.tool_series
    ]
    spec, _data = _chart_rows(replace(thin, tool_series=early))
    assert spec["spec"]["layer"][1]["encoding"]["x"]["scale"]["domain"] == [2017.5, 2022.5]
