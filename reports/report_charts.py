"""Every chart of a period report, each made by its module's maker."""

from __future__ import annotations

from jobtrends.vocabulary import COMPARED_ROLES
from reports.charts import (
    Chart,
    claims_chart,
    counts_chart,
    coverage_chart,
    distinctive_chart,
    divergence_chart,
    seniority_chart,
    titles_chart,
    top_skills_chart,
    volume_chart,
)
from reports.model import ReportModel
from reports.pooled_charts import skill_series_chart


def build_charts(model: ReportModel) -> dict[str, Chart]:
    """Every chart of the report, keyed by name (charts without data are left out)."""
    makers = [
        (counts_chart, any(r["n"] for r in model.volume)),
        (volume_chart, any(r["share"] is not None for r in model.volume)),
        (titles_chart, bool(model.titles)),
        (seniority_chart, any(not r["small"] for r in model.seniority)),
        (
            top_skills_chart,
            any(not s.small for role in COMPARED_ROLES for s in model.top_skills[role]),
        ),
        (skill_series_chart, any(not r["small"] for r in model.skill_series)),
        (
            divergence_chart,
            any(min(r["n_ai"], r["n_ds"]) >= model.min_n for r in model.divergence),
        ),
        (distinctive_chart, any(model.distinctive[role] for role in COMPARED_ROLES)),
        (claims_chart, any(p.diff is not None for c in model.claims for p in c.parts)),
        (coverage_chart, bool(model.facts.coverage)),
    ]
    charts = {}
    for maker, has_data in makers:
        if has_data:
            chart = maker(model)
            charts[chart.key] = chart
    return charts
