"""The history report on a warehouse where one employer reposts a skill month after month: the
employer check on what is called a change, and thin years pooled for the divergence."""

from __future__ import annotations

import pytest

from jobtrends.config import Report, Settings
from reports.divergence_periods import pool_thin_years
from reports.history import HistoryModel, build_history, parse_span
from reports.movers import called_a_change
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec
from warehouse import db, stats


def _model(tmp_path_factory: pytest.TempPathFactory, distinct: bool) -> HistoryModel:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("guard-data"), report=Report(min_n=MIN_N, claims_min_n=3)
    )
    fill_warehouse(settings, guard_spec(distinct))
    with db.session(settings, read_only=True) as con:
        return build_history(con, parse_span("all"), min_n=MIN_N, samples=50)


@pytest.fixture(scope="module")
def reposted(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """Rust in eight 2021 posts of one company."""
    return _model(tmp_path_factory, distinct=False)


@pytest.fixture(scope="module")
def spread(tmp_path_factory: pytest.TempPathFactory) -> HistoryModel:
    """Rust in eight 2021 posts of eight companies."""
    return _model(tmp_path_factory, distinct=True)


def _table(model: HistoryModel, role: str) -> list[tuple]:
    return [
        (
            r["skill"],
            r["k_first"],
            r["n_first"],
            r["k_last"],
            r["n_last"],
            r["employer_k_first"],
            r["employers_first"],
            r["employer_k_last"],
            r["employers_last"],
        )
        for r in model.movers[role]
    ]


def test_one_reposting_employer_is_not_a_trend(reposted: HistoryModel) -> None:
    assert reposted.tool_years["data_scientist"] == ("2016–2017", "2020–2021")
    # 40 posts from 40 companies, then 26 posts from 17 employers: 6 + 6 companies, two companies
    # outside ASCII spelled two ways, two posts without a company, and the three spellings (one
    # accented) of one reposting company
    assert _table(reposted, "data_scientist") == [
        ("SQL", 0, 40, 18, 26, 0, 40, 16, 17),
        ("R", 40, 40, 0, 26, 40, 40, 0, 17),
    ]
    (rust,) = reposted.held_back["data_scientist"]
    assert (rust["skill"], rust["k_first"], rust["k_last"]) == ("Rust", 0, 8)
    assert (rust["employer_k_last"], rust["employers_last"]) == (1, 17)
    assert rust["change_low"] > 0 and rust["employer_change_low"] < 0
    assert not called_a_change(rust)
    sentence = next(s for s in reposted.sentences if "data scientist postings from" in s)
    assert "(40 and 26 postings with skills, from 40 and 17 employers;" in sentence
    assert "Rust" not in sentence and "SQL 0.0% to 69.2%" in sentence
    assert reposted.movers["ai_engineer"] == [] and reposted.held_back["ai_engineer"] == []


def test_the_same_posts_from_many_employers_are_a_trend(spread: HistoryModel) -> None:
    # eight companies: 26 posts from 24 employers, and Rust is called a change
    assert _table(spread, "data_scientist") == [
        ("SQL", 0, 40, 18, 26, 0, 40, 16, 24),
        ("Rust", 0, 40, 8, 26, 0, 40, 8, 24),
        ("R", 40, 40, 0, 26, 40, 40, 0, 24),
    ]
    assert spread.held_back["data_scientist"] == []


def test_thin_years_are_pooled_for_the_divergence(reposted: HistoryModel) -> None:
    rows = [
        (r["period"], r["pooled"], r["partial"], r["small"], r["n_ai"], r["n_ds"])
        for r in reposted.divergence
    ]
    # 2022 has three months of data: its own row, marked partial, never pooled
    assert rows == [
        ("2016", False, False, False, 25, 20),
        ("2017", False, False, False, 25, 20),
        ("2018–2019", True, False, False, 50, 21),
        ("2020–2021", True, False, False, 50, 26),
        ("2022", False, True, True, 5, 3),
    ]
    pooled = reposted.divergence[3]
    assert pooled["jsd"] is not None and pooled["jsd_low"] <= pooled["jsd"] <= pooled["jsd_high"]
    # page one compares the first and the last period of full years only
    assert [r["period"] for r in reposted.jsd_endpoints] == ["2016", "2020–2021"]


def test_pooling_rule() -> None:
    full = range(2000, 2100)
    # a run that never reaches the minimum keeps its years apart; a gap ends a run
    assert pool_thin_years([(2013, 1, 3), (2014, 3, 6), (2015, 23, 28)], 20, full) == [
        [2013],
        [2014],
        [2015],
    ]
    assert pool_thin_years([(2020, 30, 12), (2022, 30, 12), (2023, 30, 9)], 20, full) == [
        [2020],
        [2022, 2023],
    ]
    # a run becomes several pooled periods, and a short remainder joins the last one
    run = [(2010, 50, 40), (2011, 40, 12), (2012, 40, 9), (2013, 40, 14), (2014, 40, 10)]
    run += [(2015, 40, 5)]
    assert pool_thin_years(run, 20, full) == [[2010], [2011, 2012], [2013, 2014, 2015]]


def test_pooling_rule_for_one_series() -> None:
    # one role's own line: a year pools only while that role is short
    full = range(2016, 2022)
    counts = [(2016, 25), (2017, 25), (2018, 12), (2019, 9), (2020, 10), (2021, 16)]
    assert pool_thin_years(counts, 20, full) == [[2016], [2017], [2018, 2019], [2020, 2021]]
    assert pool_thin_years([(2016, 25), (2017, 25)], 20, full) == [[2016], [2017]]


def test_one_thin_year_between_full_years_stays_alone() -> None:
    counts = [(2010, 30, 30), (2011, 30, 8), (2012, 30, 30)]
    assert pool_thin_years(counts, 20, range(2010, 2013)) == [[2010], [2011], [2012]]


def test_all_years_thin_pool_with_a_remainder() -> None:
    counts = [(2010, 12, 10), (2011, 12, 10), (2012, 12, 10), (2013, 12, 10), (2014, 5, 5)]
    assert pool_thin_years(counts, 20, range(2010, 2015)) == [
        [2010, 2011],
        [2012, 2013, 2014],
    ]


def test_a_partial_final_year_is_never_pooled() -> None:
    counts = [(2010, 30, 30), (2011, 30, 12), (2012, 30, 12), (2013, 30, 4)]
    assert pool_thin_years(counts, 20, [2010, 2011, 2012]) == [[2010], [2011, 2012], [2013]]
    # a thin full year before the partial year does not reach into it: it stays too small
    counts = [(2010, 30, 30), (2011, 30, 12), (2012, 30, 12)]
    assert pool_thin_years(counts, 20, [2010, 2011]) == [[2010], [2011], [2012]]


def test_the_page_states_employers_and_pooled_periods(reposted: HistoryModel) -> None:
    from reports.build import render_html

    page = render_html(reposted, {}, interactive=False)
    assert (
        "n = 40 postings with skills from 40 employers in 2016–2017, 26 from 17 employers" in page
    )
    assert "Rust 0.0% → 30.8% (0 → 8 postings, 0 → 1 employers)" in page
    assert "2020–2021 ‡" in page and "2018–2019 ‡" in page and "2022 (part) †" in page
    assert "† fewer than 20 such postings of a role even after pooling" in page


def test_held_back_changes_are_not_said_to_be_no_change(reposted: HistoryModel) -> None:
    from dataclasses import replace

    from reports.build import render_html
    from reports.history import page_one_sentences

    # the data scientist case with the called changes taken away: only Rust's held-back change
    held = replace(
        reposted,
        movers={**reposted.movers, "data_scientist": []},
        other_movers={**reposted.other_movers, "data_scientist": []},
        held_back={
            **reposted.held_back,
            "data_scientist": [
                {**reposted.held_back["data_scientist"][0], "category": "ml_framework"},
                {
                    **reposted.held_back["data_scientist"][0],
                    "skill": "Ethics",
                    "category": "domain",
                },
            ],
        },
    )
    held.sentences = page_one_sentences(held)
    assert held.sentences[-1] == (
        "Tools' shares of data scientist postings changed from 2016–2017 to 2020–2021, but no "
        "change passes the employer check (each employer counted once): Rust 0.0% to 30.8% "
        "(0 and 8 postings from 0 and 1 employers) holds in postings but not with each employer "
        "counted once, so it is not called a change."
    )
    page = render_html(held, {}, interactive=False)
    assert (
        "Data scientist: tools' shares of postings changed, but no change passes the employer "
        "check (each employer counted once); they are listed below as not called a change." in page
    )
    assert "Shares changed, but no change passes the employer check" in page
    assert "no tool's share changed by more than its interval allows" in page  # AI engineers


def _change(posts: tuple[float, float, float], employers: tuple[float, float, float]) -> dict:
    return {
        "change": posts[0],
        "change_low": posts[1],
        "change_high": posts[2],
        "employer_change": employers[0],
        "employer_change_low": employers[1],
        "employer_change_high": employers[2],
    }


def test_called_a_change_needs_both_intervals_on_one_side() -> None:
    assert called_a_change(_change((0.2, 0.1, 0.3), (0.15, 0.05, 0.25)))  # both up
    assert called_a_change(_change((-0.2, -0.3, -0.1), (-0.1, -0.2, -0.01)))  # both down
    # postings up, employers down: the intervals exclude zero on opposite sides
    assert not called_a_change(_change((0.2, 0.1, 0.3), (-0.1, -0.2, -0.01)))
    # postings up, the employers' interval spans zero
    assert not called_a_change(_change((0.2, 0.1, 0.3), (0.05, -0.02, 0.12)))
    # the employers' interval alone excludes zero
    assert not called_a_change(_change((0.05, -0.02, 0.12), (0.2, 0.1, 0.3)))


def test_the_pooled_divergence_is_set_by_its_counts(
    reposted: HistoryModel, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pooled = reposted.divergence[3]
    # 2020-2021: 50 AI engineer postings naming Python and PyTorch; 26 data scientist postings
    # naming Python, 18 of them SQL and 8 Rust. Python is half of each role's mentions and the
    # other halves are disjoint, so the JSD (base 2) is exactly one half.
    assert pooled["jsd"] == pytest.approx(0.5, abs=1e-12)
    # provenance: a yearly row keeps the warehouse's bootstrap, a pooled row its own
    assert [(r["samples"], r["seed"]) for r in reposted.divergence[2:4]] == [
        (50, stats.SEED),
        (50, stats.SEED),
    ]
    assert (reposted.divergence[0]["samples"], reposted.divergence[0]["seed"]) == (200, 7)
    # the bootstrap is seeded: a second build gives the same interval
    again = _model(tmp_path_factory, distinct=False).divergence[3]
    assert (again["jsd_low"], again["jsd_high"]) == (pooled["jsd_low"], pooled["jsd_high"])
