"""The history report's divergence periods: single years, and runs of thin full years pooled until
both roles reach the minimum n."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from datetime import date
from typing import TypedDict

import duckdb

from reports.period import years_label
from reports.reading import query_rows, sql


class Divergence(TypedDict):
    """A JSD of the roles' skill profiles with its bootstrap 95% interval and the n behind it."""

    jsd: float | None
    jsd_low: float | None
    jsd_high: float | None
    n_ai: int
    n_ds: int
    samples: int
    seed: int


class DivergencePeriod(Divergence):
    """One row of the divergence table: a year, or thin full years pooled into one period."""

    period: str
    years: list[int]
    midpoint: float
    first_year: int
    last_year: int
    pooled: bool
    partial: bool
    small: bool


def _clean(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    return float(value)


def pool_thin_years(
    counts: list[tuple[int, int, int]], min_n: int, full: Collection[int]
) -> list[list[int]]:
    """Group years (year, n_ai, n_ds) into periods. A year where both roles have min_n postings
    stands alone, and so does a year not in `full` (a partial year is never pooled with full ones).
    A run of consecutive thin full years is pooled from its start until both roles reach min_n,
    then a new period starts; a remainder still short joins the run's last pooled period. A run
    that never reaches min_n keeps its years apart (shown as too small)."""
    periods: list[list[int]] = []
    run: list[tuple[int, int, int]] = []

    def close_run() -> None:
        pooled: list[list[int]] = []
        current: list[int] = []
        n_ai = n_ds = 0
        for year, a, d in run:
            current.append(year)
            n_ai, n_ds = n_ai + a, n_ds + d
            if n_ai >= min_n and n_ds >= min_n:
                pooled.append(current)
                current, n_ai, n_ds = [], 0, 0
        if current and pooled:
            pooled[-1].extend(current)
        elif current:
            pooled.extend([y] for y in current)
        periods.extend(pooled)
        run.clear()

    for year, a, d in counts:
        if run and run[-1][0] != year - 1:
            close_run()
        if year not in full or (a >= min_n and d >= min_n):
            close_run()
            periods.append([year])
        else:
            run.append((year, a, d))
    close_run()
    return periods


def pooled_divergence(
    con: duckdb.DuckDBPyConnection,
    years: list[int],
    samples: int,
    seed: int,
    query: str = "divergence_pool",
) -> Divergence:
    """JSD of the roles' skill profiles over the pooled years, with its bootstrap 95% interval
    (`query`: divergence_pool resamples postings, divergence_employer_pool employers)."""
    import pyarrow as pa

    from warehouse import stats

    start, end = date(years[0], 1, 1), date(years[-1] + 1, 1, 1)
    table = con.sql(sql(query), params={"start": start, "end": end}).to_arrow_table()
    # one pooled period: every row gets the period's first month
    months = pa.array([start] * table.num_rows, type=table.schema.field("month").type)
    table = table.set_column(table.schema.get_field_index("month"), "month", months)
    frame = stats.bootstrap_divergence(
        stats.role_postings_from_arrow(table), "month", samples, seed
    )
    if frame.empty:
        return Divergence(
            jsd=None, jsd_low=None, jsd_high=None, n_ai=0, n_ds=0, samples=samples, seed=seed
        )
    row = frame.iloc[0]
    return Divergence(
        jsd=_clean(row["jsd"]),
        jsd_low=_clean(row["jsd_low"]),
        jsd_high=_clean(row["jsd_high"]),
        n_ai=int(row["n_ai"]),
        n_ds=int(row["n_ds"]),
        samples=samples,
        seed=seed,
    )


def divergence_periods(
    con: duckdb.DuckDBPyConnection,
    first: int,
    last: int,
    full: list[int],
    min_n: int,
    samples: int,
) -> list[DivergencePeriod]:
    """The warehouse's yearly JSD rows in [first, last], thin full years pooled (pool_thin_years);
    a year not in `full` stays its own row, marked partial."""
    from warehouse import stats

    yearly = {
        int(r["period"]): Divergence(
            jsd=_clean(r["jsd"]),
            jsd_low=_clean(r["jsd_low"]),
            jsd_high=_clean(r["jsd_high"]),
            n_ai=int(r["n_ai"]),
            n_ds=int(r["n_ds"]),
            samples=int(r["samples"]),
            seed=int(r["seed"]),
        )
        for r in query_rows(con, "divergence_years")
        if first <= int(r["period"]) <= last
    }
    counts = [(y, r["n_ai"], r["n_ds"]) for y, r in sorted(yearly.items())]
    out = []
    for years in pool_thin_years(counts, min_n, full):
        row = (
            yearly[years[0]]
            if len(years) == 1
            else pooled_divergence(con, years, samples, stats.SEED)
        )
        out.append(
            DivergencePeriod(
                jsd=row["jsd"],
                jsd_low=row["jsd_low"],
                jsd_high=row["jsd_high"],
                n_ai=row["n_ai"],
                n_ds=row["n_ds"],
                samples=row["samples"],
                seed=row["seed"],
                period=years_label(years),
                years=years,
                midpoint=(years[0] + years[-1]) / 2,
                first_year=years[0],
                last_year=years[-1],
                pooled=len(years) > 1,
                partial=years[0] not in full,
                small=row["n_ai"] < min_n or row["n_ds"] < min_n,
            )
        )
    return out


def period_years(divergence: list[DivergencePeriod], years: Iterable[int]) -> list[list[int]]:
    """The divergence's periods as lists of years, covering `years` in order; a year that no
    divergence period holds stands alone. Yearly series that sit beside the divergence pool these
    periods rather than pooling again, so every chart pools the same years."""
    held = {year: period["years"] for period in divergence for year in period["years"]}
    out: list[list[int]] = []
    for year in sorted(set(years)):
        group = held.get(year, [year])
        if not out or out[-1] != group:
            out.append(group)
    return out


def employer_divergence(
    con: duckdb.DuckDBPyConnection, years: list[int], samples: int
) -> Divergence:
    """The JSD of a period with each employer counted once per role (one profile of every skill
    its postings of the role name), bootstrapped over employers: the employer check of a change
    in divergence. n_ai and n_ds are employers."""
    from reports.movers import define_posting_employer
    from warehouse import stats

    define_posting_employer(con)
    return pooled_divergence(con, years, samples, stats.SEED, "divergence_employer_pool")


def intervals_apart(a: Divergence, b: Divergence) -> int:
    """+1 when b's 95% interval lies wholly above a's, -1 wholly below, 0 when they overlap."""
    if a["jsd_low"] is None or a["jsd_high"] is None or b["jsd_low"] is None:
        return 0
    if b["jsd_high"] is None:
        return 0
    if b["jsd_low"] > a["jsd_high"]:
        return 1
    if b["jsd_high"] < a["jsd_low"]:
        return -1
    return 0
