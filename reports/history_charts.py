"""The history report's charts: shares by source and year, divergence by year, tools that moved."""

from __future__ import annotations

import altair as alt

from jobtrends.vocabulary import COMPARED_ROLES, ROLE_LABELS
from reports.charts import (
    WIDTH,
    Chart,
    _finish,
    _records,
    _role_color,
    _role_dash,
    _role_shape,
    _share_tooltips,
    _title,
    line_segments,
    partial_band,
    year_axis,
)
from reports.history import HistoryModel
from reports.pooled_charts import pooled_share_layers, tool_line_segments


def history_share_chart(model: HistoryModel) -> Chart:
    """Each family's share of the postings seen per year, per source, with Wilson intervals; a
    year not full in its source is shaded grey and not joined to the line (line_segments)."""
    rows = []
    for r in model.source_years:
        for role in COMPARED_ROLES:
            share = r["roles"][role]
            if share["share"] is None:
                continue
            rows.append(
                {
                    "year": r["year"],
                    "source": r["source"],
                    "role_label": ROLE_LABELS[role],
                    "share": share["share"],
                    "low": share["low"],
                    "high": share["high"],
                    "n": share["k"],
                    "seen": r["seen"],
                    "months": r["months"],
                    "first_year": r["year"],
                    "last_year": r["year"],
                    "partial": r["partial"],
                }
            )
    sources = list(dict.fromkeys(r["source"] for r in rows))
    # a source with a handful of postings would squash the scale: chart those with 200+ a year
    big = {
        s for s in sources if max((r["seen"] for r in rows if r["source"] == s), default=0) >= 200
    }
    rows = line_segments([r for r in rows if r["source"] in big], ("source", "role_label"))
    base = alt.Chart().encode(
        x=year_axis("year", "Year"),
        color=_role_color(),
        detail="segment:N",
    )
    tooltip = [
        alt.Tooltip("year:O", title="Year"),
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("role_label:N", title="Role"),
        *_share_tooltips(),
        alt.Tooltip("n:Q", title="Postings of the role"),
        alt.Tooltip("seen:Q", title="Postings seen"),
        alt.Tooltip("months:Q", title="Months with data"),
    ]
    band = base.mark_area(opacity=0.18).encode(y="low:Q", y2="high:Q", color=_role_color())
    line = base.mark_line(strokeWidth=2.5).encode(
        y=alt.Y("share:Q", title="Share of postings seen (%)", axis=alt.Axis(format="%")),
        color=_role_color(),
        strokeDash=_role_dash(),
        tooltip=tooltip,
    )
    points = base.mark_point(filled=True, size=40).encode(
        y="share:Q", shape=_role_shape(), tooltip=tooltip
    )
    # one grey band per source and partial year, however many roles have a point there
    partial = (
        alt.Chart()
        .transform_filter("datum.partial")
        .transform_aggregate(roles="count()", groupby=["source", "year"])
        .transform_calculate(start="datum.year - 0.5", end="datum.year + 0.5")
        .mark_rect(color="#d9d9d9", opacity=0.6)
        .encode(x=year_axis("start", "Year"), x2="end:Q")
    )
    layered = alt.layer(partial, line, points, band, data=alt.Data(values=rows))
    if len(big) > 1:
        chart = layered.properties(width=WIDTH - 40, height=170).facet(
            row=alt.Row("source:N", title=None, sort=sources)
        )
    else:
        chart = layered.properties(width=WIDTH, height=230)
    chart = chart.properties(
        title=_title(
            "Share of hiring posts that hire each role, by year",
            f"{' and '.join(sorted(big)) or 'No source'}; band: Wilson 95% interval; "
            "duplicates included within a source; grey: a year not full (part)",
        )
    )
    return _finish(
        "history_shares",
        chart,
        "Share of postings per role and year",
        "Lines of each role's share of the postings seen per year with 95% bands; "
        "the table beside gives the numbers.",
    )


def history_divergence_chart(model: HistoryModel) -> Chart:
    """JSD of the roles' skill profiles per year (thin years pooled) with bootstrap intervals."""
    rows = line_segments(
        [{**r} for r in model.divergence if r["jsd"] is not None and not r["small"]], ()
    )
    pooled = [r for r in rows if r["pooled"]]
    base = alt.Chart().encode(x=year_axis("midpoint", "Year"), detail="segment:N")
    tooltip = [
        alt.Tooltip("period:N", title="Years"),
        alt.Tooltip("jsd:Q", format=".3f", title="JSD"),
        alt.Tooltip("jsd_low:Q", format=".3f", title="95% low"),
        alt.Tooltip("jsd_high:Q", format=".3f", title="95% high"),
        alt.Tooltip("n_ai:Q", title="AI engineer postings with skills"),
        alt.Tooltip("n_ds:Q", title="Data scientist postings with skills"),
    ]
    band = base.mark_area(opacity=0.2, color="#444444").encode(y="jsd_low:Q", y2="jsd_high:Q")
    y = alt.Y("jsd:Q", title="JSD (0 same, 1 disjoint)", scale=alt.Scale(domain=[0, 1]))
    line = base.mark_line(point=True, color="#222222").encode(y=y, tooltip=tooltip)
    # a partial year is shaded grey and not joined to the line (line_segments)
    layers = [partial_band(rows, year_axis("start", "Year")), band, line]
    if pooled:
        # a pooled period's point sits mid-span on a bar covering the years it pools
        span = (
            alt.Chart(alt.Data(values=pooled))
            .mark_rule(color="#222222", strokeWidth=1)
            .encode(x=year_axis("first_year", "Year"), x2="last_year:Q", y="jsd:Q")
        )
        label = (
            alt.Chart(alt.Data(values=pooled))
            .mark_text(dy=-10, fontSize=9, color="#222222")
            .encode(x=year_axis("midpoint", "Year"), y="jsd_high:Q", text="period:N")
        )
        layers += [span, label]
    chart = alt.layer(*layers, data=alt.Data(values=rows)).properties(
        width=WIDTH,
        height=170,
        title=_title(
            "How far apart the roles' skill profiles are, by year",
            f"JSD (base 2), bootstrap 95% band; runs of full years with fewer than {model.min_n} "
            f"postings with skills of a role pooled until both reach {model.min_n}; "
            f"years still below it are left out",
        ),
    )
    return _finish(
        "history_divergence",
        chart,
        "Divergence by year",
        "Line of the Jensen-Shannon divergence per year or pooled years with its 95% band; "
        "the table gives the numbers.",
    )


def history_tools_chart(model: HistoryModel) -> Chart:
    """Small multiples: the tools that moved most, each role's share per year or pooled period
    (the role's own thin years pooled) on a year axis, a partial year shaded grey."""
    rows = tool_line_segments(
        [{**r, "role_label": ROLE_LABELS[r["role"]]} for r in model.tool_series if not r["small"]]
    )
    panels = list(dict.fromkeys(r["skill"] for r in model.tool_series))
    tooltip = [
        alt.Tooltip("skill:N", title="Tool"),
        alt.Tooltip("role_label:N", title="Role"),
        alt.Tooltip("period:N", title="Years"),
        alt.Tooltip("share:Q", format=".1%", title="Share"),
        alt.Tooltip("n_skill:Q", title="Postings mentioning it"),
        alt.Tooltip("n_role:Q", title="Postings with skills"),
    ]
    layers = pooled_share_layers(rows, "skill", tooltip)
    subtitle = (
        f"Share of each role's postings with skills; band: Wilson 95%; a bar spans the years a "
        f"role's point pools; periods with fewer than {model.min_n} postings of a role left out."
    )
    chart = (
        alt.layer(*layers, data=alt.Data(values=_records(rows)))
        .properties(width=150, height=90)
        .facet(
            facet=alt.Facet(
                "skill:N", title=None, sort=panels, header=alt.Header(labelFontSize=11)
            ),
            columns=3,
        )
        .properties(title=_title("The tools that moved most, by year or pooled period", subtitle))
    )
    return _finish(
        "history_tools",
        chart,
        "Tools that moved most",
        "Small multiples of the share of the tools whose share changed most, per year or pooled "
        "period; see the table.",
    )


def build_history_charts(model: HistoryModel) -> dict[str, Chart]:
    """Every chart of the history report, keyed by name (charts without data are left out)."""
    makers = [
        (history_share_chart, any(r["seen"] >= 200 for r in model.source_years)),
        (
            history_divergence_chart,
            any(r["jsd"] is not None and not r["small"] for r in model.divergence),
        ),
        (history_tools_chart, any(not r["small"] for r in model.tool_series)),
    ]
    charts = {}
    for maker, has_data in makers:
        if has_data:
            chart = maker(model)
            charts[chart.key] = chart
    return charts
