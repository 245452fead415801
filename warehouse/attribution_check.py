"""Each role's top skills against the share among postings that hire that family alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

_QUERY = Path(__file__).resolve().parent / "queries" / "top_skills_against_single_family.sql"


@dataclass(frozen=True)
class TopSkill:
    """One of a role's top skills: its attributed share and the single-family interval."""

    role: str
    rank: int
    skill_id: str
    share: float
    k_alone: int
    n_alone: int
    low: float
    high: float

    @property
    def inside(self) -> bool:
        """Whether the attributed share lies within the single-family Wilson 95% interval."""
        return self.low <= self.share <= self.high


def top_skills_against_single_family(
    con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date, top: int
) -> list[TopSkill]:
    """The `top` skills of each role over months `first`..`last`, ordered by role and rank."""
    rows = con.execute(
        _QUERY.read_text(encoding="utf-8"), {"first": first, "last": last, "top": top}
    ).fetchall()
    return [TopSkill(*row) for row in rows]
