"""One Vega-Lite spec per chart (via Altair): embedded interactively in the HTML, as SVG in the PDF."""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import vl_convert as vlc

from jobtrends.vocabulary import (
    AI_ENGINEER,
    COMPARED_ROLES,
    DATA_SCIENTIST,
    ROLE_LABELS,
    SENIORITIES,
)
from reports.model import ReportModel, Row
from reports.skills_section import DISTINCTIVE_Z

ROLE_COLORS = {ROLE_LABELS[AI_ENGINEER]: "#1f5fa8", ROLE_LABELS[DATA_SCIENTIST]: "#d9822b"}
VERDICT_COLORS = {
    "supported": "#2e7d32",
    "contradicted": "#c62828",
    "mixed": "#6a3d9a",
    "not enough data": "#9e9e9e",
}
VERDICT_SHAPES = {
    "supported": "circle",
    "contradicted": "cross",
    "mixed": "diamond",
    "not enough data": "square",
}
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
WIDTH = 560
# opacity of a distinctive-tools bar whose z-score falls short of the 95% level
DISTINCTIVE_PALE = 0.35
# wide enough for "Large Language Models" and "Amazon Web Services" at the axis font size
SKILL_LABEL_LIMIT = 170


@dataclass
class Chart:
    """A chart: its Vega-Lite spec, the SVG rendered from it, and text for readers who cannot see it."""

    key: str
    title: str
    spec: dict[str, Any]
    svg: str
    alt: str

    @property
    def svg_data_uri(self) -> str:
        """The SVG as a data: URI for an <img> element."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode(
            "ascii"
        )


def _role_color(legend: bool = True) -> alt.Color:
    return alt.Color(
        "role_label:N",
        title="Role",
        scale=alt.Scale(domain=list(ROLE_COLORS), range=list(ROLE_COLORS.values())),
        legend=alt.Legend(orient="top", symbolStrokeWidth=2.5, symbolSize=300) if legend else None,
    )


# Solid for AI engineers, dashed for data scientists: the roles stay apart in grey print, where
# the two colours differ only in lightness.
ROLE_DASHES = {"AI engineer": [1, 0], "Data scientist": [6, 3]}
ROLE_SHAPES = {"AI engineer": "circle", "Data scientist": "square"}


def _role_dash() -> alt.StrokeDash:
    return alt.StrokeDash(
        "role_label:N",
        title="Role",
        scale=alt.Scale(domain=list(ROLE_DASHES), range=list(ROLE_DASHES.values())),
        legend=alt.Legend(orient="top"),
    )


def _role_shape() -> alt.Shape:
    return alt.Shape(
        "role_label:N",
        title="Role",
        scale=alt.Scale(domain=list(ROLE_SHAPES), range=list(ROLE_SHAPES.values())),
        legend=alt.Legend(orient="top"),
    )


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _records(rows: list[Row]) -> list[Row]:
    return [{k: _iso(v) for k, v in r.items()} for r in rows]


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT, background="white")
        .configure_axis(labelFontSize=11, titleFontSize=11, gridColor="#e6e6e6")
        .configure_title(fontSize=13, anchor="start", subtitleFontSize=11, subtitleColor="#555555")
        .configure_view(stroke=None)
        .configure_legend(labelFontSize=11, titleFontSize=11)
    )


def _finish(key: str, chart: alt.TopLevelMixin, title: str, alt_text: str) -> Chart:
    spec = _configure(chart).to_dict()
    svg = vlc.vegalite_to_svg(spec)
    return Chart(key=key, title=title, spec=spec, svg=svg, alt=alt_text)


def _share_tooltips() -> list[alt.Tooltip]:
    """A share and the ends of its 95% interval, as percentages."""
    return [
        alt.Tooltip("share:Q", format=".1%", title="Share"),
        alt.Tooltip("low:Q", format=".1%", title="95% low"),
        alt.Tooltip("high:Q", format=".1%", title="95% high"),
    ]


def _title(text: str, subtitle: str | list[str]) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=subtitle)


def volume_chart(model: ReportModel) -> Chart:
    """Each role's share of all postings seen per month, with the trailing 3-month pooled share."""
    rows = []
    for r in model.volume:
        rows.append(
            {
                **r,
                "role_label": ROLE_LABELS[r["role"]],
                "status": "partial month" if r["partial"] else "full month",
            }
        )
    data = alt.Data(values=_records(rows))
    x = alt.X("month:T", title="Month", axis=alt.Axis(format="%Y-%m", labelAngle=0))
    tooltip = [
        alt.Tooltip("month:T", format="%Y-%m", title="Month"),
        alt.Tooltip("role_label:N", title="Role"),
        alt.Tooltip("n:Q", title="Postings"),
        alt.Tooltip("postings_seen:Q", title="All postings seen"),
        alt.Tooltip("share:Q", format=".1%", title="Share"),
        alt.Tooltip("share_3m:Q", format=".1%", title="3-month pooled share"),
        alt.Tooltip("status:N", title="Status"),
    ]
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=30, opacity=0.55)
        .encode(
            x=x,
            y=alt.Y("share:Q", title="Share of all postings seen (%)", axis=alt.Axis(format="%")),
            color=_role_color(),
            shape=alt.Shape(
                "status:N",
                title="Month",
                scale=alt.Scale(
                    domain=["full month", "partial month"], range=["circle", "triangle-up"]
                ),
            ),
            tooltip=tooltip,
        )
        .transform_filter("datum.share != null")
    )
    line = (
        alt.Chart(data)
        .mark_line(strokeWidth=2, invalid="break-paths-filter-domains")
        .encode(
            x=x,
            y="share_3m:Q",
            color=_role_color(),
            strokeDash=_role_dash(),
            tooltip=tooltip,
        )
    )
    total = sum(r["n"] or 0 for r in model.volume)
    chart = alt.layer(points, line).properties(
        width=WIDTH,
        height=220,
        title=_title(
            "Share of all postings, by month",
            f"Points: monthly share; line: trailing 3-month pooled share; gaps: months without data; n = {total:,} role postings",
        ),
    )
    return _finish(
        "volume",
        chart,
        "Share of all postings by month",
        "Monthly share of all postings seen for AI engineer and data scientist postings, "
        "with a trailing three-month pooled line; the table below gives the numbers.",
    )


def counts_chart(model: ReportModel) -> Chart:
    """Role postings per month (counts depend on how much was crawled; shares compare better)."""
    rows = [{**r, "role_label": ROLE_LABELS[r["role"]]} for r in model.volume if r["n"] is not None]
    chart = (
        alt.Chart(alt.Data(values=_records(rows)))
        .mark_bar(opacity=0.85)
        .encode(
            x=alt.X(
                "yearmonth(month):T", title="Month", axis=alt.Axis(format="%Y-%m", labelAngle=0)
            ),
            y=alt.Y("n:Q", title="Postings (count)"),
            color=_role_color(),
            xOffset="role_label:N",
            tooltip=[
                alt.Tooltip("month:T", format="%Y-%m", title="Month"),
                alt.Tooltip("role_label:N", title="Role"),
                alt.Tooltip("n:Q", title="Postings"),
            ],
        )
        .properties(
            width=WIDTH,
            height=160,
            title=_title(
                "Postings per month",
                "Deduplicated postings; a posting with openings of both roles counts for each",
            ),
        )
    )
    return _finish(
        "counts",
        chart,
        "Postings per month",
        "Bar chart of deduplicated postings per month for each role.",
    )


def titles_chart(model: ReportModel) -> Chart:
    """Within each family, the yearly share of its main titles on an axis of years: a partial
    year (one the report's start or end cuts short, or with data in too few months) shaded grey
    and not joined to the line."""
    rows = line_segments(
        [
            {
                **r,
                "role_label": ROLE_LABELS[r["role"]],
                "first_year": r["year"],
                "last_year": r["year"],
                "status": "partial year" if r["partial"] else "full year",
            }
            for r in model.titles
        ],
        ("role", "title"),
    )
    years = [r["year"] for r in rows]
    # half a year of margin each side, so the first and last points and a grey band sit inside
    domain = [min(years) - 0.5, max(years) + 0.5] if years else [0, 1]

    def x(field: str) -> alt.X:
        # every layer's x shares one scale and one axis of whole years
        return alt.X(
            f"{field}:Q",
            title="Year",
            scale=alt.Scale(domain=domain, zero=False, nice=False),
            axis=alt.Axis(
                format="d",
                values=list(range(math.ceil(domain[0]), math.floor(domain[1]) + 1)),
                labelAngle=0,
                grid=False,
            ),
        )

    # one band per family and partial year, however many titles have a point there
    partial = (
        alt.Chart()
        .transform_filter("datum.partial")
        .transform_aggregate(titles="count()", groupby=["role_label", "first_year", "last_year"])
        .transform_calculate(start="datum.first_year - 0.5", end="datum.last_year + 0.5")
        .mark_rect(color="#d9d9d9", opacity=0.6)
        .encode(x=x("start"), x2="end:Q")
    )
    line = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=x("year"),
            y=alt.Y(
                "share:Q", title="Share of the family's postings (%)", axis=alt.Axis(format="%")
            ),
            color=alt.Color(
                "title:N", title="Title", legend=alt.Legend(orient="top", columns=2, labelLimit=260)
            ),
            detail="segment:N",
            tooltip=[
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("year:Q", format="d", title="Year"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("n_title:Q", title="Postings with the title"),
                alt.Tooltip("n_role:Q", title="Family postings"),
                alt.Tooltip("share:Q", format=".1%", title="Share"),
            ],
        )
    )
    subtitle = ["Share of the family's postings whose opening has the title"]
    if model.titles_partial_years:
        subtitle.append(
            "Grey: a partial year, not joined to the line ("
            + ", ".join(str(y) for y in model.titles_partial_years)
            + ")"
        )
    chart = (
        alt.layer(partial, line, data=alt.Data(values=_records(rows)))
        .properties(width=WIDTH // 2 - 30, height=170)
        .facet(
            column=alt.Column(
                "role_label:N",
                title=None,
                header=alt.Header(labelFontSize=12, labelFontWeight="bold"),
            ),
        )
        .resolve_scale(color="independent")
        .properties(title=_title("Main titles within each family, by year", subtitle))
    )
    return _finish(
        "titles",
        chart,
        "Main titles within each family",
        "Line chart of the yearly share of each family's most common titles, a partial year "
        "shaded grey; see the table below.",
    )


def seniority_chart(model: ReportModel) -> Chart:
    """Seniority mix of each role's openings in the period."""
    rows = [
        {**r, "role_label": f"{ROLE_LABELS[r['role']]} (n={r['n_role']})"}
        for r in model.seniority
        if not r["small"]
    ]
    order = list(SENIORITIES)
    chart = (
        alt.Chart(alt.Data(values=_records(rows)))
        .mark_bar()
        .encode(
            y=alt.Y("role_label:N", title=None),
            x=alt.X(
                "share:Q",
                title="Share of the role's postings (%)",
                axis=alt.Axis(format="%"),
                stack="normalize",
            ),
            color=alt.Color(
                "seniority:N",
                title="Seniority",
                sort=order,
                scale=alt.Scale(scheme="tealblues"),
                legend=alt.Legend(orient="bottom", columns=9),
            ),
            order=alt.Order("seniority_rank:Q"),
            tooltip=[
                alt.Tooltip("role_label:N", title="Role"),
                alt.Tooltip("seniority:N", title="Seniority"),
                alt.Tooltip("n:Q", title="Postings"),
                alt.Tooltip("share:Q", format=".1%", title="Share"),
            ],
        )
        .transform_calculate(seniority_rank=f"indexof({order!r}, datum.seniority)")
        .properties(
            width=WIDTH,
            height=70,
            title=_title(
                f"Seniority mix, {model.period.title}",
                "Share of each role's postings by the seniority of its openings",
            ),
        )
    )
    return _finish(
        "seniority",
        chart,
        "Seniority mix",
        "Stacked bars of seniority shares per role; see the table.",
    )


def top_skills_chart(model: ReportModel) -> Chart:
    """Top skills of each role in the period with Wilson 95% intervals."""
    panels = []
    # both panels share one scale, up to the next ten per cent above the widest interval, so
    # the bars of the two roles compare and a top share of 40% does not sit in a fifth of the width
    highs = [s.high for role in COMPARED_ROLES for s in model.top_skills[role] if not s.small]
    top = min(1.0, math.ceil(10 * max(highs, default=1.0)) / 10)
    for role in COMPARED_ROLES:
        shares = [s for s in model.top_skills[role] if not s.small]
        n_role = shares[0].n_role if shares else 0
        rows = [
            {
                "skill": s.skill,
                "share": s.share,
                "low": s.low,
                "high": s.high,
                "n_skill": s.n_skill,
                "n_role": s.n_role,
                "category": s.category,
            }
            for s in shares
        ]
        base = alt.Chart(alt.Data(values=rows)).encode(
            y=alt.Y(
                "skill:N",
                title=None,
                sort=alt.EncodingSortField("share", order="descending"),
                axis=alt.Axis(labelLimit=SKILL_LABEL_LIMIT),
            ),
        )
        bars = base.mark_bar(color=ROLE_COLORS[ROLE_LABELS[role]], opacity=0.8).encode(
            x=alt.X(
                "share:Q",
                title="Share of postings (%)",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, top]),
            ),
            tooltip=[
                alt.Tooltip("skill:N", title="Skill"),
                alt.Tooltip("category:N", title="Category"),
                *_share_tooltips(),
                alt.Tooltip("n_skill:Q", title="Postings with skill"),
                alt.Tooltip("n_role:Q", title="Role postings"),
            ],
        )
        rules = base.mark_rule(color="#222222").encode(x="low:Q", x2="high:Q")
        panels.append(
            alt.layer(bars, rules).properties(
                width=WIDTH // 2 + 30 - SKILL_LABEL_LIMIT,
                height=max(60, 14 * len(rows)),
                title=alt.TitleParams(f"{ROLE_LABELS[role]} (n={n_role:,})", fontSize=12),
            )
        )
    chart = alt.hconcat(*panels, spacing=40).properties(
        title=_title(
            f"Top tools and technologies per role, {model.basis.title}",
            "Bars: share of the role's postings with skills mentioning the tool; lines: Wilson 95% interval",
        )
    )
    return _finish(
        "top_skills",
        chart,
        "Top skills per role",
        "Bar charts of the 20 most requested tools of each role with 95% intervals; the tables below list them.",
    )


def year_axis(
    field: str, title: str | None, ticks: int = 10, quarters: list[float] | None = None
) -> alt.X:
    """Whole years on a linear axis: a point sits on its year's tick, and missing years stay gaps;
    with `quarters` (quarter_ticks), a tick per listed quarter, labelled 2024Q3."""
    if quarters is not None:
        axis = alt.Axis(values=quarters, labelExpr=QUARTER_LABEL, labelAngle=0, grid=False)
    else:
        axis = alt.Axis(format="d", labelAngle=0, tickCount=ticks, tickMinStep=1)
    return alt.X(f"{field}:Q", title=title, scale=alt.Scale(zero=False, nice=False), axis=axis)


def line_segments(rows: list[Row], keys: tuple[str, ...], step: float = 1) -> list[Row]:
    """Rows of periods on an axis of years, each with the segment of its line (one line per value
    of `keys`): a line breaks where a period is left out (too small, or no postings) and around a
    partial period, so a point is joined only to the periods right beside it of the same kind;
    `step` is a period's length in years (1, or 0.25 for quarters)."""
    out = []
    ordered = sorted(rows, key=lambda r: (*(r[k] for k in keys), r["first_year"]))
    segment = 0
    previous: Row | None = None
    for r in ordered:
        joined = (
            previous is not None
            and all(previous[k] == r[k] for k in keys)
            and previous["last_year"] + step == r["first_year"]
            and previous["partial"] == r["partial"]
        )
        if not joined:
            segment += 1
        out.append({**r, "segment": segment})
        previous = r
    return out


def partial_band(rows: list[Row], x: alt.X, step: float = 1) -> alt.Chart:
    """A grey band over each partial period of `rows` (periods on an axis of years, `step` years
    long), one per period however many rows it has."""
    spans = {(r["first_year"], r["last_year"], r["period"]) for r in rows if r["partial"]}
    values = [
        {"period": period, "start": a - step / 2, "end": b + step / 2}
        for a, b, period in sorted(spans)
    ]
    return (
        alt.Chart(alt.Data(values=values))
        .mark_rect(color="#d9d9d9", opacity=0.6)
        .encode(x=x, x2="end:Q")
    )


# A quarter's place on an axis of years (quarter_periods.quarter_position) read back as 2024Q3.
QUARTER_LABEL = "floor(datum.value) + 'Q' + (round(datum.value * 4) % 4 + 1)"


def quarter_ticks(lo: float, hi: float, most: int) -> list[float]:
    """The quarters' places in [lo, hi] on an axis of years, every other one (or fewer) when
    there are more than `most`, so their labels do not run into each other."""
    places = [n / 4 for n in range(math.ceil(lo * 4), math.floor(hi * 4) + 1)]
    stride = max(1, math.ceil(len(places) / most))
    return places[::stride]


DIVERGENCE_MEASURES = (
    ("Jensen-Shannon divergence", "jsd", "jsd_low", "jsd_high"),
    ("Cosine similarity", "cosine", None, None),
    ("Top-20 Jaccard overlap", "jaccard_top20", None, None),
)


def divergence_chart(model: ReportModel) -> Chart:
    """Jensen-Shannon divergence with bootstrap intervals, cosine similarity and top-20 Jaccard
    on an axis of years (a quarter at its year plus a quarter per quarter before it); a pooled
    period's points sit mid-span on bars covering its years or quarters."""
    rows = []
    # periods where a role has fewer than min_n postings stay in the table, greyed, and out of
    # the chart, as the report says of every small share
    readable = [r for r in model.divergence if min(r["n_ai"], r["n_ds"]) >= model.min_n]
    unit = model.divergence_kind  # year or quarter
    for r in readable:
        for measure, key, low, high in DIVERGENCE_MEASURES:
            if r[key] is not None:
                rows.append(
                    {
                        "period": r["period"],
                        "measure": measure,
                        "value": r[key],
                        "low": r[low] if low else None,
                        "high": r[high] if high else None,
                        "n_ai": r["n_ai"],
                        "n_ds": r["n_ds"],
                        "pooled": bool(r.get("pooled")),
                        "partial": bool(r.get("partial")),
                        "first_year": r.get("first_year"),
                        "last_year": r.get("last_year"),
                        "x": r["midpoint"],
                    }
                )
    step = 1 if unit == "year" else 0.25
    rows = line_segments(rows, ("measure",), step)
    title = "Year" if unit == "year" else "Quarter"
    places = (
        [r["x"] for r in rows] + [r["first_year"] for r in rows] + [r["last_year"] for r in rows]
    )
    quarters = quarter_ticks(min(places), max(places), 12) if unit == "quarter" and rows else None
    x = year_axis("x", title, ticks=min(12, max(2, len({r["x"] for r in rows}))), quarters=quarters)
    base = alt.Chart().encode(x=x)
    tooltip = [
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("measure:N", title="Measure"),
        alt.Tooltip("value:Q", format=".3f", title="Value"),
        alt.Tooltip("low:Q", format=".3f", title="95% low"),
        alt.Tooltip("high:Q", format=".3f", title="95% high"),
        alt.Tooltip("n_ai:Q", title="AI engineer postings"),
        alt.Tooltip("n_ds:Q", title="Data scientist postings"),
    ]
    colour = alt.Color(
        "measure:N",
        title="Measure",
        legend=alt.Legend(orient="top"),
        scale=alt.Scale(range=["#6a3d9a", "#33a02c", "#b15928"]),
    )
    dash = alt.StrokeDash(
        "measure:N",
        title="Measure",
        legend=alt.Legend(orient="top"),
        scale=alt.Scale(range=[[1, 0], [6, 3], [2, 2]]),
    )
    line = base.mark_line(point=True).encode(
        y=alt.Y("value:Q", title="Value (0 to 1)", scale=alt.Scale(domain=[0, 1])),
        color=colour,
        strokeDash=dash,
        detail="segment:N",
        tooltip=tooltip,
    )
    # the intervals carry the lines' colour and dash too: layers that share both encodings get
    # one legend instead of one per channel (and the dash tells them apart in grey print)
    bars = base.mark_rule(strokeWidth=2).encode(
        y="low:Q", y2="high:Q", color=colour, strokeDash=dash
    )
    # a partial period is shaded grey and not joined to the line (line_segments)
    layers: list[alt.Chart] = [
        partial_band(rows, year_axis("start", title, quarters=quarters), step),
        line,
        bars,
    ]
    pooled = [r for r in rows if r["pooled"]]
    if pooled:
        # a pooled period's point sits mid-span on a bar of its colour covering what it pools
        span = (
            alt.Chart(alt.Data(values=pooled))
            .mark_rule(strokeWidth=1)
            .encode(
                x=year_axis("first_year", title, quarters=quarters),
                x2="last_year:Q",
                y="value:Q",
                color=colour,
                strokeDash=dash,
            )
        )
        label = (
            alt.Chart(
                alt.Data(values=[r for r in pooled if r["measure"] == DIVERGENCE_MEASURES[0][0]])
            )
            .mark_text(dy=-10, fontSize=9, color="#222222")
            .encode(x=year_axis("x", title, quarters=quarters), y="high:Q", text="period:N")
        )
        layers += [span, label]
    measures = (
        "JSD (base 2) with bootstrap 95% interval; cosine of skill-share vectors; Jaccard of the "
        "top-20 skills"
    )
    subtitle: str | list[str] = measures
    if pooled:
        subtitle = [
            measures,
            f"thin runs of full {unit}s pooled until both roles reach {model.min_n} postings; "
            f"bars span a pooled period's {unit}s",
        ]
    chart = alt.layer(*layers, data=alt.Data(values=rows)).properties(
        width=WIDTH,
        height=200,
        title=_title(
            f"How far apart the roles' skill profiles are, by {model.divergence_kind}", subtitle
        ),
    )
    return _finish(
        "divergence",
        chart,
        "Divergence over time",
        "Lines of Jensen-Shannon divergence (with intervals), cosine similarity and top-20 Jaccard "
        "per period, pooled periods drawn mid-span with a bar over their years.",
    )


def distinctive_chart(model: ReportModel) -> Chart:
    """The most distinctive skills of each role in the period (weighted log-odds z-scores); bars
    short of the 95% line are pale, so a ranked tool is not read as a distinctive one."""
    panels = []
    for role in COMPARED_ROLES:
        rows = model.distinctive[role]
        bars = (
            alt.Chart(alt.Data(values=rows))
            .mark_bar(color=ROLE_COLORS[ROLE_LABELS[role]])
            .encode(
                y=alt.Y(
                    "skill:N", title=None, sort="-x", axis=alt.Axis(labelLimit=SKILL_LABEL_LIMIT)
                ),
                x=alt.X("z:Q", title="Log-odds z-score"),
                opacity=alt.condition(
                    alt.datum.distinctive, alt.value(1.0), alt.value(DISTINCTIVE_PALE)
                ),
                tooltip=[
                    alt.Tooltip("skill:N", title="Skill"),
                    alt.Tooltip("z:Q", format=".2f", title="z"),
                ],
            )
        )
        line = (
            alt.Chart(alt.Data(values=[{"z": DISTINCTIVE_Z}]))
            .mark_rule(color="#444444", strokeDash=[4, 3])
            .encode(x="z:Q")
        )
        panels.append(
            alt.layer(bars, line).properties(
                width=WIDTH // 2 - 90,
                height=max(40, 14 * len(rows)),
                title=alt.TitleParams(ROLE_LABELS[role], fontSize=12),
            )
        )
    chart = alt.hconcat(*panels, spacing=40).properties(
        title=_title(
            f"Most distinctive tools, {model.basis.title}",
            f"Weighted log-odds with an informative Dirichlet prior; dashed line: z = "
            f"{DISTINCTIVE_Z}, distinctive at 95% (pale bars fall short of it)",
        )
    )
    return _finish(
        "distinctive",
        chart,
        "Distinctive skills",
        "Bar charts of each role's most distinctive skills, with a line at the 95% level.",
    )


def claims_chart(model: ReportModel) -> Chart:
    """The claims' differences in share (AI engineer minus data scientist) with 95% intervals."""
    rows = []
    for claim in model.claims:
        for part in claim.parts:
            if part.diff is None or part.diff_interval is None:
                continue
            rows.append(
                {
                    "claim": f"{claim.number}. {part.label}",
                    "diff": part.diff,
                    "low": part.diff_interval[0],
                    "high": part.diff_interval[1],
                    "verdict": part.verdict,
                }
            )
    # symmetric about zero, to the next ten points beyond the widest interval: differences of a few
    # points on a -100..+100 axis are specks
    reach = max(
        (
            abs(b)
            for claim in model.claims
            for part in claim.parts
            if part.diff is not None and part.diff_interval is not None
            for b in part.diff_interval
        ),
        default=1.0,
    )
    bound = min(1.0, max(0.1, math.ceil(10 * reach) / 10))
    base = alt.Chart().encode(
        y=alt.Y("claim:N", title=None, sort=None, axis=alt.Axis(labelLimit=220))
    )
    colour = alt.Color(
        "verdict:N",
        title="Verdict",
        scale=alt.Scale(domain=list(VERDICT_COLORS), range=list(VERDICT_COLORS.values())),
        legend=alt.Legend(orient="top"),
    )
    rules = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(
            "low:Q",
            title="AI engineer share minus data scientist share (percentage points)",
            axis=alt.Axis(format="+%"),
            scale=alt.Scale(domain=[-bound, bound]),
        ),
        x2="high:Q",
        color=colour,
    )
    points = base.mark_point(filled=True, size=60).encode(
        x="diff:Q",
        color=colour,
        shape=alt.Shape(
            "verdict:N",
            title="Verdict",
            scale=alt.Scale(domain=list(VERDICT_SHAPES), range=list(VERDICT_SHAPES.values())),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=[
            alt.Tooltip("claim:N", title="Claim"),
            alt.Tooltip("diff:Q", format="+.1%", title="Difference"),
            alt.Tooltip("low:Q", format="+.1%", title="95% low"),
            alt.Tooltip("high:Q", format="+.1%", title="95% high"),
            alt.Tooltip("verdict:N", title="Verdict"),
        ],
    )
    zero = (
        alt.Chart(alt.Data(values=[{"x": 0}]))
        .mark_rule(color="#555555", strokeDash=[4, 3])
        .encode(x="x:Q")
    )
    chart = alt.layer(rules, points, data=alt.Data(values=rows)).properties(
        width=WIDTH - 200, height=max(40, 18 * len(rows))
    )
    chart = alt.layer(chart, zero).properties(
        title=_title(
            f"The received wisdom, tested on {(model.claims_basis or model.basis).title}",
            "Difference in share with Newcombe 95% interval; right of zero: AI engineers ask more",
        )
    )
    return _finish(
        "claims",
        chart,
        "Claims tested",
        "Dot-and-interval chart of the difference in share per claim; see the table.",
    )


def coverage_chart(model: ReportModel) -> Chart:
    """Postings seen per source and month: what the report's numbers stand on."""
    rows = _records(model.facts.coverage)
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X(
                "yearmonth(month):T", title="Month", axis=alt.Axis(format="%Y-%m", labelAngle=0)
            ),
            y=alt.Y("postings_seen:Q", title="Postings seen (count)"),
            color=alt.Color(
                "source:N",
                title="Source",
                scale=alt.Scale(scheme="set2"),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("month:T", format="%Y-%m", title="Month"),
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("postings_seen:Q", title="Seen"),
                alt.Tooltip("postings_kept:Q", title="Kept"),
            ],
        )
        .properties(
            width=WIDTH,
            height=150,
            title=_title(
                "Coverage: postings seen per source and month",
                "All postings of any role; kept = with an AI engineer or data scientist opening",
            ),
        )
    )
    return _finish(
        "coverage",
        chart,
        "Coverage by source",
        "Stacked bars of postings seen per source and month; see the table.",
    )
