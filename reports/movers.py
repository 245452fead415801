"""Skills that moved between a role's first and last full years, and the employer check that
decides which of them the report calls a change."""

from __future__ import annotations

from datetime import date
from typing import TypedDict

import duckdb

from jobtrends.vocabulary import COMPARED_ROLES
from reports.claims import difference_interval
from reports.divergence_periods import year_span
from reports.period import years_label
from reports.reading import define_posting_employer, is_tool, query_rows

TOP_MOVERS = 5
MOVER_YEARS = 2
TOP_OTHER_MOVERS = 4


class Interval(TypedDict):
    """A change with its Newcombe 95% interval, for postings and for employers."""

    change: float
    change_low: float
    change_high: float
    employer_change: float
    employer_change_low: float
    employer_change_high: float


class SkillChange(Interval):
    """One skill's share of a role's postings and employers in the first and last years."""

    skill_id: str
    skill: str
    category: str
    share_first: float
    share_last: float
    k_first: int
    k_last: int
    n_first: int
    n_last: int
    employer_k_first: int
    employer_k_last: int
    employers_first: int
    employers_last: int


def excludes_zero(low: float, high: float) -> bool:
    """Whether a 95% interval of a change lies wholly on one side of zero."""
    return low > 0 or high < 0


def called_a_change(row: Interval) -> bool:
    """The employer check: a share is called risen or fallen only when the change in postings and
    the change in employers (each employer counted once per period) both have Newcombe 95%
    intervals excluding zero, in the same direction. HN companies repost their post month after
    month, so one employer's reposts alone can make a posting-level interval exclude zero."""
    return (
        excludes_zero(row["change_low"], row["change_high"])
        and excludes_zero(row["employer_change_low"], row["employer_change_high"])
        and (row["change"] > 0) == (row["employer_change"] > 0)
    )


def year_range(years: list[int]) -> tuple[date, date]:
    """Consecutive years as a half-open date range."""
    return date(years[0], 1, 1), date(years[-1] + 1, 1, 1)


def skill_changes(
    con: duckdb.DuckDBPyConnection,
    role: str,
    first: tuple[date, date],
    last: tuple[date, date],
) -> list[SkillChange]:
    """Per skill of `role`: its share of postings and of employers in two half-open date ranges
    (the first before the last), and both changes with their Newcombe 95% intervals; none when
    either range holds no posting of the role."""
    params = {
        "role": role,
        "first_start": first[0],
        "first_end": first[1],
        "last_start": last[0],
        "last_end": last[1],
    }
    define_posting_employer(con)
    out = []
    for r in query_rows(con, "mover_counts", params):
        ka, kb, na, nb = (int(r[k]) for k in ("k_first", "k_last", "n_first", "n_last"))
        ea, eb = int(r["employer_k_first"]), int(r["employer_k_last"])
        ma, mb = int(r["employers_first"]), int(r["employers_last"])
        if not (na and nb):
            return []
        diff, low, high = difference_interval(kb, nb, ka, na)
        e_diff, e_low, e_high = difference_interval(eb, mb, ea, ma)
        out.append(
            SkillChange(
                skill_id=r["skill_id"],
                skill=r["skill"],
                category=r["category"],
                share_first=ka / na,
                share_last=kb / nb,
                k_first=ka,
                k_last=kb,
                n_first=na,
                n_last=nb,
                change=diff,
                change_low=low,
                change_high=high,
                employer_k_first=ea,
                employer_k_last=eb,
                employers_first=ma,
                employers_last=mb,
                employer_change=e_diff,
                employer_change_low=e_low,
                employer_change_high=e_high,
            )
        )
    return out


def yearly_n(
    con: duckdb.DuckDBPyConnection, first: int, last: int, since: date | None = None
) -> dict[tuple[str, int], int]:
    """Per (role, year) in [first, last]: the postings with skills, from `since` on when given."""
    return {
        (r["role"], int(r["year"])): int(r["n"])
        for r in query_rows(con, "role_year_n", list(year_span([first, last], since=since)))
    }


def find_movers(
    con: duckdb.DuckDBPyConnection, full: list[int], min_n: int
) -> tuple[
    dict[str, list[SkillChange]],
    dict[str, list[SkillChange]],
    dict[str, list[SkillChange]],
    dict[str, tuple[str, str]],
]:
    """Per role, the tools and the other skills whose share changed most between the first two
    and the last two full years (pooled: one year's few dozen postings make noisy shares), moving
    inwards until each end has min_n postings with skills of the role. Only changes passing the
    employer check are listed; those whose posting interval alone excludes zero are held back."""
    yearly = yearly_n(con, full[0], full[-1]) if full else {}
    tools: dict[str, list[SkillChange]] = {role: [] for role in COMPARED_ROLES}
    other: dict[str, list[SkillChange]] = {role: [] for role in COMPARED_ROLES}
    held: dict[str, list[SkillChange]] = {role: [] for role in COMPARED_ROLES}
    years: dict[str, tuple[str, str]] = {}
    ends = [full[i : i + MOVER_YEARS] for i in range(len(full) - MOVER_YEARS + 1)]
    for role in COMPARED_ROLES:
        usable = [e for e in ends if sum(yearly.get((role, y), 0) for y in e) >= min_n]
        if len(usable) < 2 or usable[0][-1] >= usable[-1][0]:
            continue
        years[role] = (years_label(usable[0]), years_label(usable[-1]))
        rows = skill_changes(con, role, year_range(usable[0]), year_range(usable[-1]))
        ranked = sorted(
            (r for r in rows if excludes_zero(r["change_low"], r["change_high"])),
            key=lambda r: (-abs(r["change"]), r["skill_id"]),
        )
        called = [r for r in ranked if called_a_change(r)]
        held[role] = [r for r in ranked if not called_a_change(r)]
        for group, size, keep in ((tools, TOP_MOVERS, True), (other, TOP_OTHER_MOVERS, False)):
            chosen = [r for r in called if is_tool(r["category"]) == keep]
            up = [r for r in chosen if r["change"] > 0][:size]
            down = [r for r in chosen if r["change"] < 0][:size]
            group[role] = up + down
    return tools, other, held, years
