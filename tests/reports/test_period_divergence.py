"""The period report's divergence by year on a warehouse whose data scientists thin out: runs of
thin full years pooled as the history report pools them, every measure over the pooled years."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import date

import pytest

from jobtrends.config import Report, Settings
from reports.build import render_html
from reports.charts import distinctive_chart, divergence_chart
from reports.history import build_history, parse_span
from reports.model import ReportModel, build_model
from tests.reports.conftest import fill_warehouse
from tests.reports.test_history_employers import MIN_N, guard_spec
from warehouse import db, stats

SAMPLES = 50


@pytest.fixture(scope="module")
def thin(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportModel, list[dict]]:
    """The February 2022 report from 2016 on, and the history report's divergence rows."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("thin-data"), report=Report(min_n=MIN_N, claims_min_n=3)
    )
    fill_warehouse(settings, guard_spec())
    with db.session(settings, read_only=True) as con:
        model = build_model(
            con,
            "2022-02",
            since="2016-01",
            min_n=MIN_N,
            today=date(2022, 4, 15),
            bootstrap_samples=SAMPLES,
        )
        history = build_history(con, parse_span("all"), min_n=MIN_N, samples=SAMPLES)
    return model, [dict(r) for r in history.divergence]


def _rows(model: ReportModel) -> list[tuple]:
    return [
        (r["period"], r["n_ai"], r["n_ds"], r["pooled"], r["partial"], r["samples"], r["seed"])
        for r in model.divergence
    ]


def test_thin_full_years_are_pooled_until_both_roles_reach_min_n(thin) -> None:
    model, _history = thin
    assert model.divergence_kind == "year"
    # data scientists: 12 + 9 in 2018-2019, 10 + 16 in 2020-2021; 2022 has three months of data
    assert _rows(model) == [
        ("2016", 25, 20, False, False, 200, 7),
        ("2017", 25, 20, False, False, 200, 7),
        ("2018–2019", 50, 21, True, False, SAMPLES, stats.SEED),
        ("2020–2021", 50, 26, True, False, SAMPLES, stats.SEED),
        ("2022", 5, 3, False, True, 200, 7),
    ]


def test_pooled_rows_are_the_history_reports_rows(thin) -> None:
    model, history = thin
    keys = ("period", "years", "jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed")
    assert [{k: r[k] for k in keys} for r in model.divergence] == [
        {k: r[k] for k in keys} for r in history
    ]


def test_every_measure_of_a_pooled_period_is_over_its_years(thin) -> None:
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
    # a single year's measures are the warehouse's own (2016: Python and R against Python and PyTorch)
    assert (by_period["2016"]["cosine"], by_period["2016"]["jaccard_top20"]) == pytest.approx(
        (0.5, 1 / 3)
    )
    assert by_period["2016"]["jsd"] == 0.5


def test_chart_draws_pooled_periods_mid_span_on_bars(thin) -> None:
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


def test_table_and_caption_say_what_was_pooled(thin) -> None:
    model, _history = thin
    page = render_html(model, {"divergence": divergence_chart(model)}, interactive=False)
    section = page[
        page.index('<section id="divergence">') : page.index('<section id="distinctive">')
    ]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    assert "2018–2019 ‡ 0.500 0.500–0.500 0.500 0.333 50 21 50 20150101" in text
    assert "2020–2021 ‡" in text and "2022 (part) †" in text
    assert "2018–2019, 2020–2021 are pooled" in text
    assert f"{SAMPLES} bootstrap resamples, seed {stats.SEED}" in text


def test_distinctive_tools_short_of_the_95_percent_line_are_marked(thin) -> None:
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
