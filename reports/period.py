"""Report periods: a month (2026-05), a quarter (2026-Q2) or a year (2026), half-open date ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from jobtrends.errors import UserError

# jobtrends.vocabulary.PERIOD_TYPES as a Literal for mypy; tests/test_vocabulary.py compares them.
PeriodKind = Literal["month", "quarter", "year"]
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def years_label(years: list[int]) -> str:
    """One year as 2016, consecutive years as 2016–2017."""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def add_months(day: date, months: int) -> date:
    """The first of the month `months` after (or before) the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """A reporting period: [start, end) of whole months, named like the CLI writes it."""

    kind: PeriodKind
    start: date

    @property
    def months(self) -> int:
        """How many months the period spans."""
        return {"month": 1, "quarter": 3, "year": 12}[self.kind]

    @property
    def end(self) -> date:
        """The first day after the period."""
        return add_months(self.start, self.months)

    @property
    def label(self) -> str:
        """The period as written on the command line: 2026-05, 2026-Q2 or 2026."""
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)

    @property
    def title(self) -> str:
        """The period for a heading: May 2026, Q2 2026 or 2026."""
        if self.kind == "month":
            return f"{self.start:%B %Y}"
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        return str(self.start.year)

    def shifted(self, periods: int) -> Period:
        """The period `periods` steps later (negative: earlier) of the same kind."""
        return Period(self.kind, add_months(self.start, periods * self.months))

    def previous(self) -> Period:
        """The period just before this one."""
        return self.shifted(-1)

    def year_earlier(self) -> Period:
        """The same period one year earlier."""
        return Period(self.kind, add_months(self.start, -12))

    def contains(self, month: date) -> bool:
        """Whether the month starting `month` lies in the period."""
        return self.start <= month < self.end


def parse_period(text: str) -> Period:
    """Parse 2026-05, 2026-Q2 or 2026 into a Period."""
    value = text.strip()
    if match := _MONTH.match(value):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return Period("month", date(int(match.group(1)), month, 1))
    elif match := _QUARTER.match(value):
        return Period("quarter", date(int(match.group(1)), 3 * int(match.group(2)) - 2, 1))
    elif match := _YEAR.match(value):
        return Period("year", date(int(match.group(1)), 1, 1))
    raise UserError(
        f"the period {text!r} is not a month, quarter, year or span; write it as 2026-05, "
        "2026-Q2, 2026, 2016..2025 or all"
    )


def parse_month(text: str) -> date:
    """Parse YYYY-MM into the first day of that month."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(f"the month {text!r} is not valid; write it as YYYY-MM, e.g. 2015-01")
    return date(int(match.group(1)), int(match.group(2)), 1)


def period_of(kind: PeriodKind, month: date) -> Period:
    """The period of `kind` that contains `month`."""
    if kind == "month":
        return Period(kind, date(month.year, month.month, 1))
    if kind == "quarter":
        return Period(kind, date(month.year, (month.month - 1) // 3 * 3 + 1, 1))
    return Period(kind, date(month.year, 1, 1))
