"""Partial periods in the period report's charts: each partial period greyed on its own, a cut
year of the titles greyed and unjoined, the PDF naming it."""

from __future__ import annotations

import re

import altair as alt
import vl_convert as vlc

from reports.model import Row
from reports.pooled_charts import pooled_share_layers, tool_line_segments

GREY_RECT = re.compile(
    r'<path aria-label="[^"]*" [^>]*d="M[^"]*h(\d+(?:\.\d+)?)v[^"]*" fill="#d9d9d9"'
)


def _share_rows(partial: set[int]) -> list[Row]:
    """One panel's yearly shares of both roles, 2017 to 2022, the `partial` years partial."""
    return [
        {
            "skill": "SQL",
            "role": role,
            "role_label": label,
            "period": str(year),
            "first_year": year,
            "last_year": year,
            "midpoint": float(year),
            "share": 0.3,
            "low": 0.2,
            "high": 0.4,
            "pooled": False,
            "partial": year in partial,
        }
        for role, label in (("ai_engineer", "AI engineer"), ("data_scientist", "Data scientist"))
        for year in range(2017, 2023)
    ]


def test_a_partial_first_and_last_period_are_two_bands_in_one_panel() -> None:
    drawn = tool_line_segments(_share_rows({2017, 2022}))
    chart = alt.layer(*pooled_share_layers(drawn, "skill", []), data=alt.Data(values=drawn))
    svg = vlc.vegalite_to_svg(chart.facet(facet="skill:N").to_dict())
    # the panel is six years wide (2016.5 to 2022.5): each band one year of it, not all six
    # (before the fix one band ran from 2016.5 to 2022.5 over the full years between)
    widths = [float(w) for w in GREY_RECT.findall(svg)]
    assert len(widths) == 2
    assert widths[0] == widths[1]
    domain = pooled_share_layers(drawn, "skill", [])[1].to_dict()["encoding"]["x"]["scale"]
    assert domain["domain"] == [2016.5, 2022.5]
