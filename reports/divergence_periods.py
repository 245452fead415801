"""The divergence periods of the history and period reports: single years, and runs of thin full
years pooled until both roles reach the minimum n."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, TypedDict

import duckdb

from reports.period import years_label
from reports.reading import define_posting_employer, query_rows, sql

# A year counts as full when there is data before and after it and in at least 9 of its 12
# months: the recorded HN corpus misses a thread now and then, and a year's share pools its
# months, so a missing month or three widens the interval without biasing the share. A year with
# data in fewer months is partial: it is shown alone and never pooled with full years.
FULL_YEAR_MONTHS = 9


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


def full_years(months: set[date], first: int, last: int) -> list[int]:
    """Years in [first, last] with data before and after them and in FULL_YEAR_MONTHS months."""
    if not months:
        return []
    lo, hi = min(months), max(months)
    out = []
    for year in range(first, last + 1):
        inside = (lo <= date(year, 1, 1) or lo.month == 1 and lo.year == year) and (
            hi >= date(year, 12, 1)
        )
        if inside and sum(1 for m in months if m.year == year) >= FULL_YEAR_MONTHS:
            out.append(year)
    return out


def warehouse_months(con: duckdb.DuckDBPyConnection) -> set[date]:
    """The warehouse's months with postings."""
    return {
        m
        for (m,) in con.execute("select month from month_postings where n_postings > 0").fetchall()
    }


def warehouse_full_years(
    con: duckdb.DuckDBPyConnection,
    first: int,
    last: int,
    end: date | None = None,
    since: date | None = None,
) -> list[int]:
    """The full years in [first, last] (full_years), the data before and after a year judged on
    all the warehouse's months, less any year `since` or `end` cuts short: that one is partial
    whatever the warehouse holds outside them (a start on January 1 cuts nothing, so a year
    whose first month's thread is missing stays full)."""
    return [
        year
        for year in full_years(warehouse_months(con), first, last)
        if not cut_short(year, end, since)
    ]


def cut_short(year: int, end: date | None = None, since: date | None = None) -> bool:
    """Whether a report starting at `since` or ending at `end` (open when None) leaves out some of
    `year`'s months: such a year is partial whatever data it holds."""
    return (since is not None and date(year, 1, 1) < since) or (
        end is not None and date(year + 1, 1, 1) > end
    )


def year_span(
    years: list[int], end: date | None = None, since: date | None = None
) -> tuple[date, date]:
    """The months [start, stop) of a run of years, started at `since` and stopped at `end` when
    they cut it short."""
    start, stop = date(years[0], 1, 1), date(years[-1] + 1, 1, 1)
    return (
        start if since is None else max(start, since),
        stop if end is None else min(stop, end),
    )


def pool_thin_years(
    counts: Sequence[tuple[int, ...]], min_n: int, full: Collection[int]
) -> list[list[int]]:
    """Group years (or any numbered periods, consecutive numbers adjacent: quarters as
    quarter_periods numbers them) into periods; each of `counts` is (year, n, ...), one n per
    series the periods serve (both roles for the divergence, one role for its own line). A year where every n reaches
    min_n stands alone, and so does a year not in `full` (a partial year is never pooled with full
    ones). A run of consecutive thin full years is pooled from its start until every n reaches
    min_n, then a new period starts; a remainder still short joins the run's last pooled period.
    A run that never reaches min_n keeps its years apart (shown as too small)."""
    periods: list[list[int]] = []
    run: list[tuple[int, ...]] = []

    def close_run() -> None:
        pooled: list[list[int]] = []
        current: list[int] = []
        totals: list[int] = []
        for year, *ns in run:
            current.append(year)
            totals = [t + n for t, n in zip(totals or [0] * len(ns), ns, strict=True)]
            if all(t >= min_n for t in totals):
                pooled.append(current)
                current, totals = [], []
        if current and pooled:
            pooled[-1].extend(current)
        elif current:
            pooled.extend([y] for y in current)
        periods.extend(pooled)
        run.clear()

    for year, *ns in counts:
        if run and run[-1][0] != year - 1:
            close_run()
        if year not in full or all(n >= min_n for n in ns):
            close_run()
            periods.append([year])
        else:
            run.append((year, *ns))
    close_run()
    return periods


def pooled_divergence(
    con: duckdb.DuckDBPyConnection,
    years: list[int],
    samples: int,
    seed: int,
    by_employer: bool = False,
    end: date | None = None,
    since: date | None = None,
) -> Divergence:
    """JSD of the roles' skill profiles over the pooled years (from `since` and up to `end` when
    they cut them short), with its bootstrap 95% interval: resampling postings, or with
    `by_employer` one profile per employer and role, resampling employers
    (divergence_employer_pool.sql)."""
    start, stop = year_span(years, end, since)
    return span_divergence(con, start, stop, samples, seed, by_employer)


def span_divergence(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    samples: int,
    seed: int,
    by_employer: bool = False,
) -> Divergence:
    """JSD of the roles' skill profiles over the months [start, end) as one period, with its
    bootstrap 95% interval (pooled_divergence's measure over any span of months)."""
    import pyarrow as pa

    from warehouse import stats

    if by_employer:
        define_posting_employer(con)
    query = "divergence_employer_pool" if by_employer else "divergence_pool"
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
    return _divergence(frame.iloc[0])


def _divergence(row: Mapping[str, Any]) -> Divergence:
    return Divergence(
        jsd=_clean(row["jsd"]),
        jsd_low=_clean(row["jsd_low"]),
        jsd_high=_clean(row["jsd_high"]),
        n_ai=int(row["n_ai"]),
        n_ds=int(row["n_ds"]),
        samples=int(row["samples"]),
        seed=int(row["seed"]),
    )


def month_counts(
    con: duckdb.DuckDBPyConnection, since: date | None = None, end: date | None = None
) -> dict[date, tuple[int, int]]:
    """Per month with postings in [since, end) (either bound open when None): the postings the
    divergence bootstrap resamples, per role (divergence_month_n.sql)."""
    params = {"start": since or date(1, 1, 1), "end": end or date(9999, 1, 1)}
    return {
        r["month"]: (int(r["n_ai"]), int(r["n_ds"]))
        for r in query_rows(con, "divergence_month_n", params)
    }


def warehouse_periods(
    con: duckdb.DuckDBPyConnection, period_type: str, wanted: Collection[str], samples: int
) -> dict[str, Divergence]:
    """The rows the warehouse's refresh would store for the `wanted` periods of `period_type`
    (year or quarter, labelled as the warehouse labels them: 2024, 2024-Q3): its own bootstrap of
    that period type, over all periods at once and with its seed, so the draws are the ones its
    table would hold."""
    from warehouse import stats

    if not wanted:
        return {}
    frame = stats.bootstrap_divergence(stats.role_postings(con), period_type, samples, stats.SEED)
    return {
        str(r["period"]): _divergence(r)
        for r in frame.to_dict("records")
        if str(r["period"]) in wanted
    }


def is_stale(row: Divergence | None, counts: tuple[int, int] | None) -> bool:
    """Whether a stored bootstrap row is missing or counts other postings than the warehouse now
    holds for its period (a refresh behind): then the report redoes the refresh's row."""
    return row is None or (row["n_ai"], row["n_ds"]) != counts


class Grain(NamedTuple):
    """A kind of period as the warehouse stores it: its period type (year or quarter), its label
    of a period's number (2024, 2024-Q3) and the months [start, stop) of a number."""

    period_type: str
    label: Callable[[int], str]
    months: Callable[[int], tuple[date, date]]


def year_months(year: int) -> tuple[date, date]:
    """The months [start, stop) of a year."""
    return date(year, 1, 1), date(year + 1, 1, 1)


YEARS = Grain("year", str, year_months)


def period_divergences(
    con: duckdb.DuckDBPyConnection,
    periods: list[list[int]],
    stored: Mapping[int, Divergence],
    now: Mapping[int, tuple[int, int]],
    grain: Grain,
    span: Callable[[list[int]], tuple[date, date]],
    samples: int,
) -> list[Divergence]:
    """Each period's JSD row (periods numbered as pool_thin_years numbers them). A single period
    whose months `span` (cut to the report's range) leaves whole keeps the warehouse's `stored`
    row, or, unstored or stale against `now` (is_stale), the row its refresh would store
    (warehouse_periods); any other period is bootstrapped over the months `span` gives."""
    from warehouse import stats

    period_type, label, months = grain
    whole = {ns[0] for ns in periods if len(ns) == 1 and span(ns) == months(ns[0])}
    redo = {p for p in whole if is_stale(stored.get(p), now.get(p))}
    redone = warehouse_periods(con, period_type, {label(p) for p in redo}, samples)
    out = []
    for numbers in periods:
        first = numbers[0]
        if first in whole and first not in redo:
            out.append(stored[first])
        elif first in whole and label(first) in redone:
            out.append(redone[label(first)])
        else:
            out.append(span_divergence(con, *span(numbers), samples, stats.SEED))
    return out


def divergence_periods(
    con: duckdb.DuckDBPyConnection,
    first: int,
    last: int,
    full: list[int],
    min_n: int,
    samples: int,
    end: date | None = None,
    since: date | None = None,
) -> list[DivergencePeriod]:
    """The warehouse's yearly JSD rows in [first, last], thin full years pooled (pool_thin_years);
    a year not in `full` stays its own row, marked partial. A year `since` or `end` cuts short is
    computed over its months in [since, end): no row counts a month outside them."""

    rows = [r for r in query_rows(con, "divergence_years") if first <= int(r["period"]) <= last]
    stored = {int(r["period"]): _divergence(r) for r in rows if r["samples"] is not None}
    # the postings the warehouse holds now per year (a stored row may be a refresh behind)
    now: dict[int, tuple[int, int]] = {}
    for month, (n_ai, n_ds) in month_counts(con).items():
        ai, ds = now.get(month.year, (0, 0))
        now[month.year] = (ai + n_ai, ds + n_ds)
    counts = [
        (int(r["period"]), *now.get(int(r["period"]), (int(r["n_ai"]), int(r["n_ds"]))))
        for r in rows
    ]
    periods = pool_thin_years(counts, min_n, full)
    rows_of = period_divergences(
        con, periods, stored, now, YEARS, lambda years: year_span(years, end, since), samples
    )
    out = []
    for years, row in zip(periods, rows_of, strict=True):
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


class OverlapPeriod(DivergencePeriod):
    """A divergence period with the cosine of the roles' skill-share vectors and the Jaccard
    overlap of their top-20 skills over the same years (None when a role names no skill)."""

    cosine: float | None
    jaccard_top20: float | None


def span_overlap(
    con: duckdb.DuckDBPyConnection, start: date, end: date
) -> tuple[float | None, float | None]:
    """The cosine and top-20 Jaccard of the months [start, end) pooled into one period
    (divergence_overlap_pool.sql)."""
    (found,) = query_rows(con, "divergence_overlap_pool", {"start": start, "end": end})
    return _clean(found["cosine"]), _clean(found["jaccard_top20"])


def with_overlap(
    con: duckdb.DuckDBPyConnection,
    periods: list[DivergencePeriod],
    end: date | None = None,
    since: date | None = None,
) -> list[OverlapPeriod]:
    """Each period with its cosine and top-20 Jaccard computed over all of its years (within
    [since, end) when they cut it short), pooled as its JSD is."""
    out = []
    for row in periods:
        cosine, jaccard = span_overlap(con, *year_span(row["years"], end, since))
        out.append(OverlapPeriod(**row, cosine=cosine, jaccard_top20=jaccard))
    return out


def pooled_note(periods: Sequence[Mapping[str, Any]], unit: str = "years") -> str:
    """The pooled periods named for the divergence chart's one-sentence caption (the table gives
    the why and the bootstrap), `unit` naming what is pooled; empty when none is pooled."""
    named = ", ".join(r["period"] for r in periods if r["pooled"])
    if not named:
        return ""
    return (
        f"thin full {unit} pooled (‡ {named}: every measure over all the postings of its {unit}, "
        "its point mid-span on a bar covering them)"
    )


def employer_divergence(
    con: duckdb.DuckDBPyConnection, years: list[int], samples: int, seed: int | None = None
) -> Divergence:
    """The JSD of a period with each employer counted once per role (one profile of every skill
    its postings of the role name), bootstrapped over employers with `seed` (the warehouse's
    bootstrap seed unless given): the employer check of a change in divergence. n_ai and n_ds are
    employers."""
    from warehouse import stats

    return pooled_divergence(
        con, years, samples, stats.SEED if seed is None else seed, by_employer=True
    )


def _interval(row: Divergence) -> tuple[float, float] | None:
    low, high = row["jsd_low"], row["jsd_high"]
    return None if low is None or high is None else (low, high)


def intervals_apart(a: Divergence, b: Divergence) -> int:
    """+1 when b's 95% interval lies wholly above a's, -1 wholly below, 0 when they overlap or
    either is missing."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return 0
    if ib[0] > ia[1]:
        return 1
    if ib[1] < ia[0]:
        return -1
    return 0
