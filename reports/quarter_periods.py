"""The period report's quarters: numbered so that consecutive quarters are consecutive numbers,
full or partial within the report's months, and thin runs pooled by pool_thin_years as the
years are."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import duckdb

from reports.divergence_periods import (
    Divergence,
    Grain,
    _divergence,
    month_counts,
    period_divergences,
    pool_thin_years,
    pooled_note,
    span_overlap,
    warehouse_months,
)
from reports.period import add_months

# A quarter counts as full when all three of its months lie within the report's months, the
# warehouse's data runs from its first month or before to its last month or after (judged on all
# the warehouse's months, not only the report's), and at least 2 of its 3 months hold data: the
# allowance of a full year (FULL_YEAR_MONTHS of 12, a missed thread or three) scaled to a quarter,
# rounded to one missed month (round(3 * 9 / 12) = 2). A quarter with data in fewer months, or cut
# short by the report's start or end, is partial: shown alone, never pooled with full quarters.
FULL_QUARTER_MONTHS = 2


def quarter_number(month: date) -> int:
    """The quarter holding `month` as a number: year * 4 + quarter - 1."""
    return month.year * 4 + (month.month - 1) // 3


def quarter_start(number: int) -> date:
    """The first day of quarter `number`."""
    return date(number // 4, number % 4 * 3 + 1, 1)


def quarter_label(number: int) -> str:
    """A quarter as 2024Q3."""
    return f"{number // 4}Q{number % 4 + 1}"


def quarters_label(numbers: list[int]) -> str:
    """One quarter as 2024Q3, consecutive quarters as 2024Q3–2025Q2."""
    first, last = quarter_label(numbers[0]), quarter_label(numbers[-1])
    return first if len(numbers) == 1 else f"{first}–{last}"


def quarter_position(number: int) -> float:
    """Where a quarter sits on an axis of years: its year plus a quarter per quarter before it
    (2024Q3 at 2024.5), so quarter and year charts share one axis."""
    return number / 4


def quarter_span(numbers: list[int], since: date, end: date) -> tuple[date, date]:
    """The months [start, stop) of a run of quarters, cut to the report's [since, end)."""
    return max(quarter_start(numbers[0]), since), min(quarter_start(numbers[-1] + 1), end)


def report_quarters(since: date, end: date) -> list[int]:
    """The quarters holding a month of [since, end), in order."""
    return list(range(quarter_number(since), quarter_number(add_months(end, -1)) + 1))


def full_quarters(months: Collection[date], since: date, end: date) -> set[int]:
    """The quarters of [since, end) that lie wholly inside it, with data before and after them
    among `months` (all the warehouse's months: a start on a quarter's first day cuts nothing,
    so its missing first month leaves it full) and in FULL_QUARTER_MONTHS of their own."""
    if not months:
        return set()
    lo, hi = min(months), max(months)
    out = set()
    for number in report_quarters(since, end):
        start, stop = quarter_start(number), quarter_start(number + 1)
        inside = since <= start and stop <= end
        if not inside or lo > start or hi < add_months(stop, -1):
            continue
        if sum(1 for m in months if start <= m < stop) >= FULL_QUARTER_MONTHS:
            out.add(number)
    return out


class QuarterPeriod(Divergence):
    """One row of the divergence table by quarter: a quarter, or thin full quarters pooled, with
    its axis positions (quarter_position) and the cosine and top-20 Jaccard over its months."""

    period: str
    quarters: list[str]
    first_year: float
    last_year: float
    midpoint: float
    pooled: bool
    partial: bool
    small: bool
    cosine: float | None
    jaccard_top20: float | None


def _quarter_counts(
    con: duckdb.DuckDBPyConnection, since: date, end: date
) -> dict[int, tuple[int, int]]:
    """Per quarter of [since, end): the postings the divergence resamples, per role."""
    out: dict[int, tuple[int, int]] = {}
    for month, (n_ai, n_ds) in month_counts(con, since, end).items():
        ai, ds = out.get(quarter_number(month), (0, 0))
        out[quarter_number(month)] = (ai + n_ai, ds + n_ds)
    return out


def _stored_quarters(con: duckdb.DuckDBPyConnection) -> dict[int, Divergence]:
    """The warehouse's quarterly bootstrap rows (labelled 2024-Q3 there), by quarter number."""
    rows = con.execute(
        "select period, jsd, jsd_low, jsd_high, n_ai, n_ds, samples, seed "
        "from divergence_bootstrap where period_type = 'quarter' and samples is not null"
    ).fetchall()
    names = ("jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed")
    return {
        int(str(r[0])[:4]) * 4 + int(str(r[0])[-1]) - 1: _divergence(
            dict(zip(names, r[1:], strict=True))
        )
        for r in rows
    }


def warehouse_quarter(number: int) -> str:
    """A quarter as the warehouse labels it: 2024-Q3."""
    return f"{number // 4}-Q{number % 4 + 1}"


def quarter_months(number: int) -> tuple[date, date]:
    """The months [start, stop) of quarter `number`."""
    return quarter_start(number), quarter_start(number + 1)


QUARTERS = Grain("quarter", warehouse_quarter, quarter_months)


def quarter_divergence(
    con: duckdb.DuckDBPyConnection, since: date, end: date, min_n: int, samples: int
) -> tuple[list[QuarterPeriod], str]:
    """The divergence by quarter over [since, end) and what it pools: runs of thin full quarters
    pooled until both roles reach `min_n` (pool_thin_years, the years' rule), every measure over
    the pooled months; a whole single quarter keeps the warehouse's stored bootstrap (unstored or
    stale, the row its refresh would store), any other period is bootstrapped over its months in
    [since, end)."""
    counts = _quarter_counts(con, since, end)
    full = full_quarters(warehouse_months(con), since, end)
    periods = pool_thin_years(
        [(q, *counts[q]) for q in report_quarters(since, end) if q in counts], min_n, full
    )
    rows = period_divergences(
        con,
        periods,
        _stored_quarters(con),
        counts,
        QUARTERS,
        lambda ns: quarter_span(ns, since, end),
        samples,
    )
    out: list[QuarterPeriod] = []
    for numbers, row in zip(periods, rows, strict=True):
        first, last = quarter_position(numbers[0]), quarter_position(numbers[-1])
        cosine, jaccard = span_overlap(con, *quarter_span(numbers, since, end))
        out.append(
            QuarterPeriod(
                **row,
                period=quarters_label(numbers),
                quarters=[quarter_label(n) for n in numbers],
                first_year=first,
                last_year=last,
                midpoint=(first + last) / 2,
                pooled=len(numbers) > 1,
                partial=numbers[0] not in full,
                cosine=cosine,
                jaccard_top20=jaccard,
                small=row["n_ai"] < min_n or row["n_ds"] < min_n,
            )
        )
    return out, pooled_note(out, "quarters")
