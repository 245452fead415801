"""The period report's divergence by year on a warehouse whose data scientists thin out: runs of
thin full years pooled as the history report pools them, every measure over the pooled years."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import date
from typing import Any

import pytest

from jobtrends.config import Report, Settings
from reports.build import render_html
from reports.charts import distinctive_chart, divergence_chart
from reports.divergence_periods import DivergencePeriod, divergence_periods, pooled_divergence
from reports.history import build_history, parse_span
from reports.model import ReportModel, build_model
from reports.reading import query_rows
from tests.reports.conftest import MIN_N, fill_warehouse, guard_spec, role_posting
from warehouse import db, stats

SAMPLES = 50


# The February 2022 report on the thin warehouse, and the history report's divergence rows.
Thin = tuple[ReportModel, list[DivergencePeriod]]
# A divergence row as (period, n_ai, n_ds, pooled, partial, samples, seed).
RowKey = tuple[str, int, int, bool, bool, int, int]


def _settings(tmp_path_factory: pytest.TempPathFactory, spec: dict[str, Any]) -> Settings:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("thin-data"),
        report=Report(min_n=MIN_N, claims_min_n=3, bootstrap_samples=SAMPLES),
    )
    fill_warehouse(settings, spec)
    return settings


@pytest.fixture(scope="module")
def thin_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The warehouse whose data scientists thin out from 2018 (guard_spec)."""
    return _settings(tmp_path_factory, guard_spec())


def _report(settings: Settings, period: str) -> ReportModel:
    with db.session(settings, read_only=True) as con:
        return build_model(
            con,
            period,
            since="2016-01",
            min_n=MIN_N,
            today=date(2022, 4, 15),
            bootstrap_samples=SAMPLES,
        )


@pytest.fixture(scope="module")
def thin(thin_settings: Settings) -> Thin:
    """The February 2022 report from 2016 on, and the history report's divergence rows."""
    with db.session(thin_settings, read_only=True) as con:
        history = build_history(con, parse_span("all"), min_n=MIN_N, samples=SAMPLES)
    return _report(thin_settings, "2022-02"), history.divergence


def _rows(model: ReportModel) -> list[RowKey]:
    return [
        (r["period"], r["n_ai"], r["n_ds"], r["pooled"], r["partial"], r["samples"], r["seed"])
        for r in model.divergence
    ]


def test_thin_full_years_are_pooled_until_both_roles_reach_min_n(thin: Thin) -> None:
    model, _history = thin
    assert model.divergence_kind == "year"
    # data scientists: 12 + 9 in 2018-2019, 10 + 16 in 2020-2021; 2022 is counted up to the
    # report's end, January and February (the warehouse's March posts are left out)
    assert _rows(model) == [
        ("2016", 25, 20, False, False, 200, 7),
        ("2017", 25, 20, False, False, 200, 7),
        ("2018–2019", 50, 21, True, False, SAMPLES, stats.SEED),
        ("2020–2021", 50, 26, True, False, SAMPLES, stats.SEED),
        ("2022", 4, 2, False, True, SAMPLES, stats.SEED),
    ]


def test_pooled_rows_are_the_history_reports_rows(thin: Thin) -> None:
    model, history = thin
    keys = ("period", "years", "jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed")
    # the years before the report's last, which it cuts short
    assert [{k: r[k] for k in keys} for r in model.divergence[:-1]] == [
        {k: r[k] for k in keys} for r in history[:-1]
    ]


def test_every_measure_of_a_pooled_period_is_over_its_years(thin: Thin) -> None:
    model, _history = thin
    by_period = {r["period"]: r for r in model.divergence}
    # 2018-2019: every AI engineer posting names Python and PyTorch, every data scientist one
    # Python and SQL: half of each profile is shared
    early = by_period["2018–2019"]
    assert early["jsd"] == pytest.approx(0.5)
    assert (early["jsd_low"], early["jsd_high"]) == pytest.approx((0.5, 0.5))
    assert early["cosine"] == pytest.approx(0.5)
    assert early["jaccard_top20"] == pytest.approx(1 / 3)
    # 2020-2021: 26 data scientist postings, all Python, 18 SQL, 8 Rust
    late = by_period["2020–2021"]
    assert late["cosine"] == pytest.approx(
        1 / (math.sqrt(2) * math.sqrt(1 + (18 / 26) ** 2 + (8 / 26) ** 2))
    )
    assert late["jaccard_top20"] == pytest.approx(1 / 4)
    # a single year (2016: Python and R against Python and PyTorch)
    assert (by_period["2016"]["cosine"], by_period["2016"]["jaccard_top20"]) == pytest.approx(
        (0.5, 1 / 3)
    )
    assert by_period["2016"]["jsd"] == 0.5


def test_chart_draws_pooled_periods_mid_span_on_bars(thin: Thin) -> None:
    model, _history = thin
    spec = divergence_chart(model).spec
    drawn = {(r["period"], r["measure"]): r for r in spec["data"]["values"]}
    periods = sorted({p for p, _m in drawn})
    # 2022 (too few data scientists) is left out
    assert periods == ["2016", "2017", "2018–2019", "2020–2021"]
    assert drawn[("2018–2019", "Cosine similarity")]["x"] == 2018.5
    assert drawn[("2020–2021", "Top-20 Jaccard overlap")]["value"] == pytest.approx(0.25)
    spans = [
        layer
        for layer in spec["layer"]
        if layer.get("mark", {}).get("type") == "rule" and "x2" in layer.get("encoding", {})
    ]
    assert len(spans) == 1
    assert spans[0]["encoding"]["x2"]["field"] == "last_year"


def test_table_and_caption_say_what_was_pooled(thin: Thin) -> None:
    model, _history = thin
    page = render_html(model, {"divergence": divergence_chart(model)}, interactive=False)
    section = page[
        page.index('<section id="divergence">') : page.index('<section id="distinctive">')
    ]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    assert "2018–2019 ‡ 0.500 0.500–0.500 0.500 0.333 50 21 50 20150101" in text
    assert "2020–2021 ‡" in text and "2022 (part) †" in text
    assert "Per year, thin full years pooled (‡ 2018–2019, 2020–2021: every measure" in text
    caption = section[section.index("<figcaption") : section.index("</figcaption>")]
    assert caption.count(". ") == 0 and caption.rstrip().endswith(".")


def test_distinctive_tools_short_of_the_95_percent_line_are_marked(thin: Thin) -> None:
    model, _history = thin
    # March 2020 to February 2022: PyTorch only in AI engineer postings, SQL and Rust only in data
    # scientist ones
    flags = {
        role: [(r["skill"], round(r["z"], 2), r["distinctive"]) for r in rows]
        for role, rows in model.distinctive.items()
    }
    assert flags == {
        "ai_engineer": [("PyTorch", 4.07, True)],
        "data_scientist": [("SQL", 3.53, True), ("Rust", 2.19, True)],
    }
    ranked = dataclasses.replace(
        model,
        distinctive={
            "ai_engineer": [
                {"skill_id": "a", "skill": "Alpha", "z": 2.5, "distinctive": True},
                {"skill_id": "b", "skill": "Beta", "z": 1.2, "distinctive": False},
            ],
            "data_scientist": [{"skill_id": "c", "skill": "Gamma", "z": 0.8, "distinctive": False}],
        },
    )
    page = render_html(ranked, {}, interactive=False)
    section = page[page.index('<section id="distinctive">') : page.index('<section id="trends">')]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    assert "1 of these 2 reaches z = 1.96 (distinctive at 95%); the rest, greyed," in text
    assert "None of these 1 reaches z = 1.96" in text
    assert '<tr class="small-n"><td>Beta</td>' in section
    spec = distinctive_chart(ranked).spec
    rules = [
        layer["data"]["values"]
        for panel in spec["hconcat"]
        for layer in panel["layer"]
        if layer["mark"].get("type", layer["mark"]) == "rule"
    ]
    assert rules == [[{"z": 1.96}], [{"z": 1.96}]]


def test_a_past_report_counts_no_month_after_its_end(thin_settings: Settings) -> None:
    # the June 2021 report on a warehouse running to March 2022: 2021 is cut short at its end, so
    # it is partial and counted over January to June only (13 AI engineer postings of 25, 6 + 6
    # data scientist ones of 16) instead of pooled with 2020 over the whole year
    model = _report(thin_settings, "2021-06")
    assert model.divergence_kind == "year"
    assert _rows(model) == [
        ("2016", 25, 20, False, False, 200, 7),
        ("2017", 25, 20, False, False, 200, 7),
        ("2018–2020", 75, 31, True, False, SAMPLES, stats.SEED),
        ("2021", 13, 12, False, True, SAMPLES, stats.SEED),
    ]
    last = model.divergence[-1]
    # January to June 2021: AI engineers Python and PyTorch; data scientists all Python, half SQL,
    # half Rust
    assert last["cosine"] == pytest.approx(1 / math.sqrt(3))
    assert last["jaccard_top20"] == pytest.approx(1 / 4)


def test_a_year_the_warehouse_lacks_gets_the_row_its_refresh_stores(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    spec = guard_spec()
    spec["divergence_bootstrap"] = [r for r in spec["divergence_bootstrap"] if r[1] != "2021"]
    # six 2021 data scientist posts naming SQL alone: a resample's profile varies, so does its JSD
    spec["postings"] += [
        role_posting(f"sql-{i}", f"2021-{i + 1:02d}", f"SQL Shop {i}", "data_scientist", ["sql"])
        for i in range(6)
    ]
    settings = _settings(tmp_path_factory, spec)
    with db.session(settings, read_only=True) as con:
        # no year given as full: none is pooled, so 2021 is a row of its own
        rows = {r["period"]: r for r in divergence_periods(con, 2016, 2022, [], MIN_N, SAMPLES)}
        alone = pooled_divergence(con, [2021], SAMPLES, stats.SEED)
    with db.session(settings) as con:
        stats.refresh(con, settings)
        (stored,) = con.execute(
            "select jsd, jsd_low, jsd_high, n_ai, n_ds, samples, seed from divergence_bootstrap "
            "where period_type = 'year' and period = '2021'"
        ).fetchall()
    found = rows["2021"]
    keys = ("jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed")
    assert tuple(found[k] for k in keys) == stored
    assert found["jsd_low"] < found["jsd_high"]
    # bootstrapping the year alone draws another stream: same JSD, another interval
    assert alone["jsd"] == pytest.approx(found["jsd"])
    assert (alone["jsd_low"], alone["jsd_high"]) != (found["jsd_low"], found["jsd_high"])
    assert (found["samples"], found["seed"]) == (SAMPLES, stats.SEED)
    # the other years are the warehouse's stored rows
    assert (rows["2020"]["samples"], rows["2020"]["seed"]) == (200, 7)


def test_overlap_pool_agrees_with_the_view_on_single_years(thin_settings: Settings) -> None:
    with db.session(thin_settings, read_only=True) as con:
        view = {
            period: (cosine, jaccard)
            for period, cosine, jaccard in con.execute(
                "select period, cosine, jaccard_top20 from v_role_divergence "
                "where period_type = 'year'"
            ).fetchall()
        }
        pooled = {
            str(year): tuple(
                query_rows(
                    con,
                    "divergence_overlap_pool",
                    {"start": date(year, 1, 1), "end": date(year + 1, 1, 1)},
                )[0][k]
                for k in ("cosine", "jaccard_top20")
            )
            for year in range(2016, 2023)
        }
    assert set(view) == set(pooled)
    for period, (cosine, jaccard) in view.items():
        assert pooled[period] == pytest.approx((cosine, jaccard)), period
    assert len({round(c, 6) for c, _j in view.values()}) >= 2
