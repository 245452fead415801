"""Charts of each role's share per year or pooled period: a pooled point at its period's midpoint
on a bar over its years, lines broken around a left-out period and a partial year (the history
report's tools, the period report's key skills)."""

from __future__ import annotations

import math

import altair as alt

from jobtrends.vocabulary import ROLE_LABELS
from reports.charts import (
    QUARTER_LABEL,
    Chart,
    _finish,
    _records,
    _role_color,
    _role_dash,
    _share_tooltips,
    _title,
    line_segments,
    quarter_ticks,
)
from reports.model import ReportModel, Row


def tool_line_segments(rows: list[Row], step: float = 1) -> list[Row]:
    """A pooled-share chart's drawn rows (pooled_share_layers), each with the segment of its
    role's line it belongs to (line_segments per skill and role); `step` is a period's length in
    years (1, or 0.25 for quarters)."""
    return line_segments(rows, ("skill", "role"), step)


def pooled_share_layers(
    rows: list[Row], panel: str, tooltip: list[alt.Tooltip], step: float = 1
) -> list[alt.Chart]:
    """The layers of a small-multiples chart of each role's share per year or pooled period
    (role_share_periods rows, with tool_line_segments' segments): a point per period at its
    midpoint, a bar over the years a pooled point covers, a Wilson band, lines broken where
    tool_line_segments breaks them, and a grey band over a partial period of each `panel`; the
    axis is of years, a period `step` years long (0.25 for quarters)."""
    # half a period of margin each side, so the first and last points and the grey band sit inside
    half = step / 2
    domain = [
        min(r["first_year"] for r in rows) - half,
        max(r["last_year"] for r in rows) + half,
    ]
    scale = alt.Scale(domain=domain, zero=False, nice=False)
    if step < 1:
        # a small panel holds about eight quarter labels
        axis = alt.Axis(
            values=quarter_ticks(domain[0], domain[1], 8),
            labelExpr=QUARTER_LABEL,
            labelAngle=-90,
            labelFontSize=8,
            grid=False,
        )
    else:
        axis = alt.Axis(
            format="d",
            values=list(range(math.ceil(domain[0]), math.floor(domain[1]) + 1)),
            labelAngle=-90,
            labelFontSize=8,
            grid=False,
        )

    def x(field: str) -> alt.X:
        # every layer's x shares one scale and one axis of whole years
        return alt.X(f"{field}:Q", title=None, scale=scale, axis=axis)

    base = alt.Chart().encode(x=x("midpoint"), color=_role_color())
    # one band per panel and partial period, however many roles have a point there: a partial
    # first and a partial last period are two bands, never one over the years between them
    partial = (
        alt.Chart()
        .transform_filter("datum.partial")
        .transform_aggregate(roles="count()", groupby=[panel, "first_year", "last_year"])
        .transform_calculate(start=f"datum.first_year - {half}", end=f"datum.last_year + {half}")
        .mark_rect(color="#d9d9d9", opacity=0.6)
        .encode(x=x("start"), x2="end:Q")
    )
    band = base.mark_area(opacity=0.15).encode(
        y="low:Q", y2="high:Q", color=_role_color(), detail="segment:N"
    )
    line = base.mark_line(point=alt.OverlayMarkDef(size=16)).encode(
        y=alt.Y("share:Q", title="Share (%)", axis=alt.Axis(format="%")),
        color=_role_color(),
        strokeDash=_role_dash(),
        detail="segment:N",
        tooltip=tooltip,
    )
    # a pooled period's point sits mid-span on a bar covering the years it pools
    span = (
        alt.Chart()
        .transform_filter("datum.pooled")
        .mark_rule(strokeWidth=1.5)
        .encode(
            x=x("first_year"),
            x2="last_year:Q",
            y="share:Q",
            color=_role_color(),
        )
    )
    return [partial, line, span, band]


def skill_series_chart(model: ReportModel) -> Chart:
    """Small multiples of key skills' share over time, both roles on each panel."""
    rows = [
        {
            **r,
            "role_label": ROLE_LABELS[r["role"]],
            "panel": f"{r['skill']} ({r['category'].replace('_', ' ')})",
        }
        for r in model.skill_series
        if not r["small"]
    ]
    return _pooled_skill_series_chart(model, rows)


def _pooled_skill_series_chart(model: ReportModel, rows: list[Row]) -> Chart:
    """The key skills by year or quarter drawn as the history report's tools chart draws its
    tools: each role's point per period or pooled period, a bar over the periods it pools, a
    partial period grey."""
    panels = list(dict.fromkeys(r["panel"] for r in rows))  # the model's order: by category
    unit = model.series_kind  # year or quarter
    step = 1 if unit == "year" else 0.25
    drawn = tool_line_segments(rows, step)
    tooltip = [
        alt.Tooltip("panel:N", title="Skill"),
        alt.Tooltip("role_label:N", title="Role"),
        alt.Tooltip("label:N", title="Years" if unit == "year" else "Quarters"),
        *_share_tooltips(),
        alt.Tooltip("n_skill:Q", title="Postings mentioning it"),
        alt.Tooltip("n_role:Q", title="Role postings"),
    ]
    pooled = model.skill_series_pooled
    subtitle = [
        f"Share of each role's postings with skills, Wilson 95% band; periods with fewer than "
        f"{model.min_n} postings left out",
    ]
    if pooled:
        # the caption names the pooled periods: listed here they would widen the chart past the page
        subtitle.append(
            f"A bar spans the {unit}s a role's point pools: runs of full {unit}s with fewer than "
            f"{model.min_n} postings of that role pooled until it reaches {model.min_n}"
        )
    chart = (
        alt.layer(
            *pooled_share_layers(drawn, "panel", tooltip, step),
            data=alt.Data(values=_records(drawn)),
        )
        .properties(width=120, height=90)
        .facet(
            facet=alt.Facet(
                "panel:N", title=None, sort=panels, header=alt.Header(labelFontSize=11)
            ),
            columns=4,
        )
        .properties(title=_title(f"Key skills over time, by {unit} or pooled {unit}s", subtitle))
    )
    return _finish(
        "skill_series",
        chart,
        "Key skills over time",
        f"Small multiples, one per key skill, of each role's share per {unit} or pooled {unit}s.",
    )
