"""What to generate: postings and chunks, months, and how many postings each source gets."""

from __future__ import annotations

import bisect
import calendar
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from jobtrends.errors import UserError
from jobtrends.generate import vocab as V
from jobtrends.vocabulary import COMPARED_ROLES

GENERATOR_VERSION = "generate-2026.12.1"
SOURCES = tuple(V.SOURCE_SHARES)
AI, DS = COMPARED_ROLES
_FIRST_MONTH = (2011, 1)
_FEEDS = ("remotive", "himalayas", "arbeitnow")


@dataclass(slots=True)
class _Spec:
    """One posting before it is rendered in a source's shape."""

    families: tuple[str, ...]
    titles: list[str]
    company: str
    domain: str
    location: str | None
    country: str
    currency: str
    tz: str
    workplace: str  # remote, onsite, hybrid or unstated
    salary: tuple[int, int, str, str] | None  # min, max, currency, period (year, month, hour)
    employment: str
    ts: int
    skills: list[str]
    intro: list[str]
    requirements: list[str]
    nice: list[str]
    outro: list[str]
    url: str = ""
    salary_raw: str | None = None
    html: str = ""  # the description as the source serves it, once rendered


@dataclass
class _Chunk:
    """Postings of one HN thread or one board, rendered, with what the truth needs."""

    source: str
    board: str
    specs: list[_Spec]
    objects: list[dict[str, Any]]
    months: list[str]
    file_name: str
    body: Any
    thread_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _parse_month(value: str, name: str) -> tuple[int, int]:
    try:
        year_s, month_s = value.split("-")
        year, month = int(year_s), int(month_s)
        if len(year_s) != 4 or not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise UserError(
            f"{name} {value!r} is not a month; write it as YYYY-MM, e.g. 2024-05"
        ) from None
    return year, month


def _months(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    year, month = start
    while (year, month) <= end:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _mkey(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _trend(table: dict[int, float], year: int) -> float:
    years = sorted(table)
    if year <= years[0]:
        return table[years[0]]
    if year >= years[-1]:
        return table[years[-1]]
    i = bisect.bisect_right(years, year)
    y0, y1 = years[i - 1], years[i]
    return table[y0] + (table[y1] - table[y0]) * (year - y0) / (y1 - y0)


def _epoch(year: int, month: int, day: int, seconds: int = 0) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0)) + seconds


def _iso_z(ts: int, millis: bool = False) -> str:
    t = time.gmtime(ts)
    stamp = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
    return stamp + (".000Z" if millis else "Z")


def _iso_offset(ts: int, tz: str) -> str:
    sign = 1 if tz[0] == "+" else -1
    offset = sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    local = datetime.fromtimestamp(ts + offset, UTC)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + tz


@dataclass
class _Plan:
    """How many postings each source, HN month and board gets."""

    seed: int
    months: list[tuple[int, int]]
    hn_counts: list[int]
    boards: dict[str, list[tuple[str, str, int]]]  # source -> [(board, company, n)]
    remoteok: int
    ats_weights: np.ndarray
    feeds: dict[str, int] = field(default_factory=dict)  # remotive, himalayas, arbeitnow

    @property
    def horizon(self) -> int:
        """The latest timestamp of the generated period (the last month is in progress)."""
        year, month = self.months[-1]
        return _epoch(year, month, 19)


def _company_names(prefixes: Sequence[str], rng: np.random.Generator) -> list[str]:
    names = [f"{p} {s}" for p in prefixes for s in V.COMPANY_SUFFIXES]
    order = rng.permutation(len(names)).tolist()
    return [names[i] for i in order]


# Board names of the later ATSs from the company name and its lower-case alphanumeric slug:
# SmartRecruiters ids are CamelCase with a digit ("Ubisoft2"), Personio names hyphenated.
_MORE_ATS_SLUGS = {
    "smartrecruiters": lambda company, slug: "".join(w.capitalize() for w in company.split()) + "1",
    "workable": lambda company, slug: slug,
    "recruitee": lambda company, slug: slug,
    "personio": lambda company, slug: "-".join(company.lower().split()),
}


def _plan(postings: int, seed: int, start: tuple[int, int], end: tuple[int, int]) -> _Plan:
    rng = np.random.default_rng([seed, 999])
    months = _months(start, end)
    shares = np.array([V.SOURCE_SHARES[s] for s in SOURCES])
    per_source = dict(
        zip(SOURCES, rng.multinomial(postings, shares / shares.sum()).tolist(), strict=True)
    )
    hn_w = np.array([_trend(V.HN_VOLUME, y) for y, _m in months]) * rng.uniform(
        0.85, 1.15, len(months)
    )
    hn_w[-1] *= 0.55  # the last month is the one in progress
    hn_counts = rng.multinomial(per_source["hn_whoishiring"], hn_w / hn_w.sum()).tolist()
    ats_w = np.array([_trend(V.ATS_VOLUME, y) for y, _m in months]) + 1e-6
    ats_w[-1] *= 0.55
    ats_w = ats_w / ats_w.sum()
    companies = _company_names(V.ATS_PREFIXES, rng)
    boards: dict[str, list[tuple[str, str, int]]] = {}
    used = 0
    for source in ("greenhouse", "lever", "ashby", "jsonld", *_MORE_ATS_SLUGS):
        total = per_source[source]
        count = max(V.DEFAULT_BOARDS[source], math.ceil(total / V.BOARD_CAP[source]))
        sizes = rng.multinomial(total, rng.dirichlet(np.full(count, 4.0))).tolist()
        rows = []
        for i in range(count):
            company = companies[used % len(companies)]
            if used >= len(companies):
                company = f"{company} {used // len(companies) + 1}"
            used += 1
            slug = "".join(ch for ch in company.lower() if ch.isalnum())
            if source == "lever":
                slug = "-".join(company.lower().split())
            elif source == "jsonld":
                slug = f"{slug}-careers"
            elif source in _MORE_ATS_SLUGS:
                slug = _MORE_ATS_SLUGS[source](company, slug)
            rows.append((slug, company, sizes[i]))
        boards[source] = rows
    feeds = {source: per_source[source] for source in _FEEDS}
    return _Plan(seed, months, hn_counts, boards, per_source["remoteok"], ats_w, feeds)


def _resolve_range(
    postings: int, start: str, end: str | None
) -> tuple[tuple[int, int], tuple[int, int]]:
    if postings < 1:
        raise UserError(f"postings must be at least 1 (got {postings}); pass a positive --postings")
    first = _parse_month(start, "start")
    now = datetime.now(UTC)
    last = _parse_month(end, "end") if end is not None else (now.year, now.month)
    if first < _FIRST_MONTH:
        raise UserError(
            f"start {start} is before the first 'Who is hiring?' thread; use 2011-01 or later"
        )
    if first > last:
        raise UserError(
            f"start {start} is after end {_mkey(*last)}; pass a start month before the end month"
        )
    return first, last
