"""Credits a source's terms ask for: shown, with their link, in reports that show its jobs."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from jobtrends.config import Report, Settings
from reports.build import render_html
from reports.history import build_history, parse_span
from reports.model import build_model
from reports.sources import Credit, credits_for
from warehouse import db

TODAY = date(2026, 6, 15)
REMOTIVE = Credit("Jobs from Remotive", "https://remotive.com")
LINE = '<p class="credits" id="credits"><a href="https://remotive.com">Jobs from Remotive</a></p>'


def test_credits_for_the_sources_present() -> None:
    assert credits_for(["greenhouse", "hn_whoishiring"]) == []
    assert credits_for(["hn_whoishiring", "remotive"]) == [REMOTIVE]
    # A configured name of a Remotive source is credited too, and once for two of them.
    assert credits_for(["remotive-eu", "remotive", "remotively"]) == [REMOTIVE]


def _report(fill: Callable, tmp_path: Path, spec: dict) -> tuple[list[Credit], list[str], str]:
    settings = Settings(data_dir=tmp_path / "data", report=Report(min_n=3))
    fill(settings, spec)
    with db.session(settings, read_only=True) as con:
        model = build_model(con, since="2025-01", min_n=3, today=TODAY)
    return model.facts.credits, model.facts.coverage_sources, render_html(model, {}, True)


def _with_remotive(spec: dict, month: str) -> dict:
    spec = copy.deepcopy(spec)
    spec["postings"].append(
        {
            "id": "2091068",
            "source": "remotive",
            "month": month,
            "company": "Garden",
            "remote": True,
            "salary": ["USD", 150000, 230000],
            "openings": [["Data Scientist", "data scientist", "data_scientist", "mid"]],
            "skills": ["python", "sql"],
        }
    )
    spec["source_months"].append(["remotive", month, 1, 1])
    return spec


def test_a_report_with_remotive_jobs_credits_remotive(
    warehouse_filler: Callable, warehouse_spec: dict, tmp_path: Path
) -> None:
    spec = _with_remotive(warehouse_spec, "2026-05")
    credits, sources, page = _report(warehouse_filler, tmp_path, spec)
    assert credits == [REMOTIVE]
    assert sources == ["greenhouse", "hn_whoishiring", "remotive"]  # the source table
    assert page.count(LINE) == 1
    # the coverage table's rows of the source: one year, one month with data
    assert '<tr><td>remotive</td><td class="num">2026</td><td class="num">1</td>' in page
    # The credit link is the page's one link off the page: nothing is loaded from elsewhere.
    assert re.findall(r'(?:src|href)\s*=\s*"((?:https?:)?//[^"]*)"', page) == [
        "https://remotive.com"
    ]


@pytest.mark.parametrize("month", [None, "2024-11"])
def test_a_report_without_remotive_jobs_has_no_credit(
    warehouse_filler: Callable, warehouse_spec: dict, tmp_path: Path, month: str | None
) -> None:
    """No Remotive jobs at all, or only before the months the report shows."""
    spec = warehouse_spec if month is None else _with_remotive(warehouse_spec, month)
    credits, sources, page = _report(warehouse_filler, tmp_path, spec)
    assert credits == [] and "remotive" not in sources
    assert 'id="credits"' not in page and "Jobs from Remotive" not in page


def test_the_history_report_credits_remotive_too(
    warehouse_filler: Callable, warehouse_spec: dict, tmp_path: Path
) -> None:
    """The history of the whole series shows every source's jobs, so it owes the same credit."""
    settings = Settings(data_dir=tmp_path / "data", report=Report(min_n=3))
    warehouse_filler(settings, _with_remotive(warehouse_spec, "2026-05"))
    span = parse_span("all")
    assert span is not None
    with db.session(settings, read_only=True) as con:
        model = build_history(con, span, min_n=3)
    assert model.facts.credits == [REMOTIVE]
    assert render_html(model, {}, True).count(LINE) == 1
