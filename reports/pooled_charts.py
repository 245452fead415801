"""Charts of each role's share per year or pooled period: a pooled point at its period's midpoint
on a bar over its years, lines broken around a left-out period and a partial year (the history
report's tools, the period report's key skills)."""

from __future__ import annotations

import altair as alt

from jobtrends.vocabulary import ROLE_LABELS
from reports.charts import (
    Chart,
    _finish,
    _records,
    _role_color,
    _role_dash,
    _share_tooltips,
    _title,
)
from reports.model import ReportModel, Row


def tool_line_segments(rows: list[Row]) -> list[Row]:
    """A pooled-share chart's drawn rows (pooled_share_layers), each with the segment of its
    role's line it belongs to: a line breaks where a period is left out (too small, or no postings) and around a partial year,
    so a point is joined only to the periods right beside it of the same kind."""
    out = []
    ordered = sorted(rows, key=lambda r: (r["skill"], r["role"], r["first_year"]))
    segment = 0
    previous: Row | None = None
    for r in ordered:
        joined = (
            previous is not None
            and (previous["skill"], previous["role"]) == (r["skill"], r["role"])
            and previous["last_year"] + 1 == r["first_year"]
            and previous["partial"] == r["partial"]
        )
        if not joined:
            segment += 1
        out.append({**r, "segment": segment})
        previous = r
    return out


def pooled_share_layers(rows: list[Row], panel: str, tooltip: list[alt.Tooltip]) -> list[alt.Chart]:
    """The layers of a small-multiples chart of each role's share per year or pooled period
    (role_share_periods rows, with tool_line_segments' segments): a point per period at its
    midpoint, a bar over the years a pooled point covers, a Wilson band, lines broken where
    tool_line_segments breaks them, and a grey band over a partial year of each `panel`."""
    # half a year of margin each side, so the first and last points and the grey band sit inside
    domain = [
        min(r["first_year"] for r in rows) - 0.5,
        max(r["last_year"] for r in rows) + 0.5,
    ]
    scale = alt.Scale(domain=domain, zero=False, nice=False)
    axis = alt.Axis(
        format="d",
        values=list(range(int(domain[0] + 0.5), int(domain[1] + 0.5))),
        labelAngle=-90,
        labelFontSize=8,
        grid=False,
    )

    def x(field: str) -> alt.X:
        # every layer's x shares one scale and one axis of whole years
        return alt.X(f"{field}:Q", title=None, scale=scale, axis=axis)

    base = alt.Chart().encode(x=x("midpoint"), color=_role_color())
    # one band per panel and partial year, however many roles have a point there
    partial = (
        alt.Chart()
        .transform_filter("datum.partial")
        .transform_aggregate(first="min(first_year)", last="max(last_year)", groupby=[panel])
        .transform_calculate(start="datum.first - 0.5", end="datum.last + 0.5")
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
    if model.series_kind == "year":
        return _pooled_skill_series_chart(model, rows)
    unit = "yearmonthdate" if model.series_kind == "quarter" else "year"
    base = alt.Chart().encode(
        x=alt.X(
            f"{unit}(period):T",
            title="Quarter" if model.series_kind == "quarter" else "Year",
            axis=alt.Axis(
                format="%Y" if model.series_kind == "year" else "%Y-%m", labelAngle=0, tickCount=4
            ),
        ),
        color=_role_color(),
    )
    tooltip = [
        alt.Tooltip("panel:N", title="Skill"),
        alt.Tooltip("role_label:N", title="Role"),
        alt.Tooltip("period:T", format="%Y-%m", title="Period from"),
        *_share_tooltips(),
        alt.Tooltip("n_role:Q", title="Role postings"),
    ]
    band = base.mark_area(opacity=0.15).encode(y="low:Q", y2="high:Q", color=_role_color())
    line = base.mark_line(point=alt.OverlayMarkDef(size=18)).encode(
        y=alt.Y("share:Q", title="Share (%)", axis=alt.Axis(format="%")),
        color=_role_color(),
        strokeDash=_role_dash(),
        tooltip=tooltip,
    )
    panels = list(dict.fromkeys(r["panel"] for r in rows))  # the model's order: by category
    chart = (
        alt.layer(line, band, data=alt.Data(values=_records(rows)))
        .properties(width=120, height=90)
        .facet(
            facet=alt.Facet(
                "panel:N", title=None, sort=panels, header=alt.Header(labelFontSize=11)
            ),
            columns=4,
        )
        .properties(
            title=_title(
                f"Key skills over time, by {'quarter' if model.series_kind == 'quarter' else 'year'}",
                f"Pooled share of each role's postings with Wilson 95% band; periods with fewer than {model.min_n} postings left out",
            )
        )
    )
    return _finish(
        "skill_series",
        chart,
        "Key skills over time",
        "Small multiples, one per key skill, of each role's share over time.",
    )


def _pooled_skill_series_chart(model: ReportModel, rows: list[Row]) -> Chart:
    """The key skills by year drawn as the history report's tools chart draws its tools: each
    role's point per year or pooled period, a bar over the years it pools, a partial year grey."""
    panels = list(dict.fromkeys(r["panel"] for r in rows))  # the model's order: by category
    drawn = tool_line_segments(rows)
    tooltip = [
        alt.Tooltip("panel:N", title="Skill"),
        alt.Tooltip("role_label:N", title="Role"),
        alt.Tooltip("label:N", title="Years"),
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
        subtitle.append(
            f"A bar spans the years a role's point pools ({pooled}): runs of full years with "
            f"fewer than {model.min_n} postings of that role pooled until it reaches {model.min_n}"
        )
    chart = (
        alt.layer(
            *pooled_share_layers(drawn, "panel", tooltip), data=alt.Data(values=_records(drawn))
        )
        .properties(width=120, height=90)
        .facet(
            facet=alt.Facet(
                "panel:N", title=None, sort=panels, header=alt.Header(labelFontSize=11)
            ),
            columns=4,
        )
        .properties(title=_title("Key skills over time, by year or pooled years", subtitle))
    )
    return _finish(
        "skill_series",
        chart,
        "Key skills over time",
        "Small multiples, one per key skill, of each role's share per year or pooled years.",
    )
