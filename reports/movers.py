"""Skills that moved between a role's first and last full years, and the employer check that
decides which of them the report calls a change."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from jobtrends.vocabulary import COMPARED_ROLES
from reports.claims import difference_interval
from reports.reading import _rows, is_tool

TOP_MOVERS = 5
MOVER_YEARS = 2
TOP_OTHER_MOVERS = 4

Row = dict[str, Any]


def excludes_zero(low: float, high: float) -> bool:
    """Whether a 95% interval of a change lies wholly on one side of zero."""
    return low > 0 or high < 0


def called_a_change(row: Row) -> bool:
    """The employer check: a share is called risen or fallen only when the change in postings and
    the change in employers (each employer counted once per period) both have Newcombe 95%
    intervals excluding zero, in the same direction. HN companies repost their post month after
    month, so one employer's reposts alone can make a posting-level interval exclude zero."""
    return (
        excludes_zero(row["change_low"], row["change_high"])
        and excludes_zero(row["employer_change_low"], row["employer_change_high"])
        and (row["change"] > 0) == (row["employer_change"] > 0)
    )


def years_label(years: list[int]) -> str:
    """One year as 2016, consecutive years as 2016–2017."""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def skill_changes(
    con: duckdb.DuckDBPyConnection, role: str, first: list[int], last: list[int]
) -> list[Row]:
    """Per skill of `role`: its share of postings and of employers in both pooled year ranges, and
    both changes with their Newcombe 95% intervals."""
    params = {
        "role": role,
        "first_start": date(first[0], 1, 1),
        "first_end": date(first[-1] + 1, 1, 1),
        "last_start": date(last[0], 1, 1),
        "last_end": date(last[-1] + 1, 1, 1),
    }
    out = []
    for r in _rows(con, "mover_counts", params):
        ka, kb, na, nb = (int(r[k]) for k in ("k_first", "k_last", "n_first", "n_last"))
        ea, eb = int(r["employer_k_first"]), int(r["employer_k_last"])
        ma, mb = int(r["employers_first"]), int(r["employers_last"])
        diff, low, high = difference_interval(kb, nb, ka, na)
        e_diff, e_low, e_high = difference_interval(eb, mb, ea, ma)
        out.append(
            {
                "skill_id": r["skill_id"],
                "skill": r["skill"],
                "category": r["category"],
                "share_first": ka / na,
                "share_last": kb / nb,
                "k_first": ka,
                "k_last": kb,
                "n_first": na,
                "n_last": nb,
                "change": diff,
                "change_low": low,
                "change_high": high,
                "employer_k_first": ea,
                "employer_k_last": eb,
                "employers_first": ma,
                "employers_last": mb,
                "employer_change": e_diff,
                "employer_change_low": e_low,
                "employer_change_high": e_high,
            }
        )
    return out


def _yearly_n(con: duckdb.DuckDBPyConnection, years: list[int]) -> dict[tuple[str, int], int]:
    if not years:
        return {}
    return {
        (role, int(year)): int(n)
        for role, year, n in con.execute(
            "select role, year(month), sum(n_skill_postings) from role_months "
            "where month >= ? and month < ? group by all",
            [date(years[0], 1, 1), date(years[-1] + 1, 1, 1)],
        ).fetchall()
    }


def find_movers(
    con: duckdb.DuckDBPyConnection, full: list[int], min_n: int
) -> tuple[
    dict[str, list[Row]], dict[str, list[Row]], dict[str, list[Row]], dict[str, tuple[str, str]]
]:
    """Per role, the tools and the other skills whose share changed most between the first two
    and the last two full years (pooled: one year's few dozen postings make noisy shares), moving
    inwards until each end has min_n postings with skills of the role. Only changes passing the
    employer check are listed; those whose posting interval alone excludes zero are held back."""
    yearly = _yearly_n(con, full)
    tools: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    other: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    held: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    years: dict[str, tuple[str, str]] = {}
    ends = [full[i : i + MOVER_YEARS] for i in range(len(full) - MOVER_YEARS + 1)]
    for role in COMPARED_ROLES:
        usable = [e for e in ends if sum(yearly.get((role, y), 0) for y in e) >= min_n]
        if len(usable) < 2 or usable[0][-1] >= usable[-1][0]:
            continue
        years[role] = (years_label(usable[0]), years_label(usable[-1]))
        rows = skill_changes(con, role, usable[0], usable[-1])
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
