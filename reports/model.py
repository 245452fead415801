"""The report model: plain numbers, tables and chart data, read only from the warehouse."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import Any

import duckdb

from jobtrends.errors import UserError
from jobtrends.vocabulary import (
    AI_ENGINEER,
    COMPARED_ROLES,
    DATA_SCIENTIST,
    ROLE_LABELS,
    TOOL_CATEGORIES,
)
from reports.accuracy import Accuracy, accuracy_for, corrected_share, corrected_skill_share
from reports.claims import CLAIMS, combine_verdicts, difference_interval, part_verdict, wilson
from reports.period import Period, PeriodKind, add_months, parse_month, parse_period, period_of

TOP_SKILLS = 20
TOP_OTHER = 8
TOP_DISTINCTIVE = 15
# A period where a role has fewer than min_n postings with skills borrows the trailing window
# ending with it: 12 months first, widened a year at a time up to three years when a role is still
# short (HN brings only a few dozen data-science posts with skills a year since 2023); beyond
# three years the window would describe another market, so the report says "not enough data".
POOL_MONTHS = (12, 24, 36)
# The claims compare shares against a 10-point margin ("similar rates"): with 150 postings with
# skills per role the 95% interval of a difference of shares near 20% and 10% is about +-8 points,
# narrow enough to decide. A period short of that pools trailing windows up to five years.
CLAIMS_MIN_N = 150
CLAIMS_POOL_MONTHS = (12, 24, 36, 48, 60)
# Where sources are compared side by side: Hacker News against the ATS job boards together.
SOURCE_GROUPS = {
    "hn_whoishiring": "Hacker News",
    "greenhouse": "ATS boards",
    "lever": "ATS boards",
    "ashby": "ATS boards",
}
TOP_SOURCE_TOOLS = 5
MAIN_TITLES = 4
KEY_CATEGORIES = 6
SKILLS_PER_CATEGORY = 2

Row = dict[str, Any]
# Sources whose terms ask every report that uses their jobs to credit them with a link: source key
# (or the start of a configured name, such as "remotive-eu") -> (credit text, link).
SOURCE_CREDITS: dict[str, tuple[str, str]] = {
    "remotive": ("Jobs from Remotive", "https://remotive.com"),
}


@cache
def sql(name: str) -> str:
    """The text of reports/queries/report/<name>.sql."""
    path = resources.files("reports").joinpath("queries", "report", f"{name}.sql")
    return path.read_text(encoding="utf-8")


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: list[Any] | None = None) -> list[Row]:
    cursor = con.execute(sql(name), params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = ?", [name]
    ).fetchone()
    return bool(found and found[0])


def _relation_columns(con: duckdb.DuckDBPyConnection, name: str) -> set[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_name = ?", [name]
    ).fetchall()
    return {r[0] for r in rows}


def change(now: int, before: int | None) -> float | None:
    """Relative change from `before` to `now` (None when there is nothing to compare with)."""
    if not before:
        return None
    return (now - before) / before


@dataclass
class RoleVolume:
    """Postings of one role in the period, the previous period and the same period a year earlier."""

    role: str
    n: int
    n_previous: int
    n_year_earlier: int

    @property
    def change_previous(self) -> float | None:
        """Relative change from the previous period."""
        return change(self.n, self.n_previous)

    @property
    def change_year(self) -> float | None:
        """Relative change from the same period a year earlier."""
        return change(self.n, self.n_year_earlier)


def is_tool(category: str) -> bool:
    """Whether a skill category names tools and technologies (not concepts, domains or methods)."""
    return category in TOOL_CATEGORIES


@dataclass
class Basis:
    """The months the skills, divergence and claims sections read: the period itself, or, where a
    role has too few postings with skills in it, the trailing pooled window ending with it."""

    start: date
    end: date
    pooled: bool
    n_ai: int
    n_ds: int
    min_n: int

    @property
    def enough(self) -> bool:
        """Whether both roles have at least min_n postings with skills in the basis."""
        return self.n_ai >= self.min_n and self.n_ds >= self.min_n

    @property
    def months(self) -> int:
        """How many months the basis spans."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    @property
    def title(self) -> str:
        """The basis for a sentence: May 2026, or the 12 months June 2025 to May 2026."""
        last = add_months(self.end, -1)
        if self.months == 1:
            return f"{self.start:%B %Y}"
        if self.start.month == 1 and self.months == 12:
            return str(self.start.year)
        return f"the {self.months} months {self.start:%B %Y} to {last:%B %Y}"

    @property
    def label(self) -> str:
        """The basis as YYYY-MM..YYYY-MM."""
        return f"{self.start:%Y-%m}..{add_months(self.end, -1):%Y-%m}"


@dataclass
class SkillShare:
    """The share of a role's postings that mention a skill, with its Wilson 95% interval."""

    role: str
    skill_id: str
    skill: str
    category: str
    n_role: int
    n_skill: int
    share: float
    low: float
    high: float
    small: bool = False
    corrected: tuple[float, float, float] | None = None


@dataclass
class SkillGap:
    """A skill both roles are compared on: shares, their difference and its 95% interval."""

    skill_id: str
    skill: str
    category: str
    share_ai: float
    share_ds: float
    diff: float
    diff_low: float
    diff_high: float
    n_ai: int
    n_ds: int


@dataclass
class ClaimPartResult:
    """One part of a claim checked against the period's postings."""

    label: str
    direction: str
    skills: list[str]
    n_ai: int
    k_ai: int
    n_ds: int
    k_ds: int
    share_ai: float | None
    share_ds: float | None
    ai_interval: tuple[float, float] | None
    ds_interval: tuple[float, float] | None
    diff: float | None
    diff_interval: tuple[float, float] | None
    verdict: str
    reason: str


@dataclass
class ClaimResult:
    """A claim with the verdict of each part and of the whole."""

    number: int
    text: str
    parts: list[ClaimPartResult]
    verdict: str


@dataclass
class Headline:
    """The first section: volumes and their changes, and the three biggest divergences."""

    volumes: list[RoleVolume]
    divergences: list[SkillGap]
    basis: Basis | None = None
    jsd: Row | None = None


@dataclass
class Credit:
    """A credit line a source's terms ask for: its text and the link it carries."""

    text: str
    url: str


def credits_for(sources: list[str]) -> list[Credit]:
    """The credits owed by a report showing postings of these sources, once each."""
    found: dict[str, Credit] = {}
    for source in sorted(sources):
        for key, (text, url) in SOURCE_CREDITS.items():
            if source == key or source.startswith((f"{key}-", f"{key}_")):
                found.setdefault(key, Credit(text, url))
    return [found[key] for key in sorted(found)]


@dataclass
class DataFacts:
    """What the methods section says about the data behind the report."""

    postings: int
    duplicates: int
    synthetic: int
    synthetic_in_period: int
    first_month: date | None
    last_month: date | None
    crawl_runs: int
    crawl_runs_complete: int
    versions: dict[str, list[tuple[str, int]]]
    coverage: list[Row]
    coverage_by_year: list[Row]
    coverage_sources: list[str]
    coverage_pivot: list[Row]
    # Owed by the sources the report shows: those of its source table, which covers the months
    # from `since` on (the period among them), so a source is credited wherever its jobs appear.
    credits: list[Credit] = field(default_factory=list)


@dataclass
class ReportModel:
    """Everything the report shows, as plain data."""

    period: Period
    previous: Period
    year_earlier: Period
    since: date
    series_end: date
    partial_month: date | None
    generated_at: datetime
    min_n: int
    headline: Headline
    volume: list[Row]
    titles: list[Row]
    seniority: list[Row]
    remote: list[Row]
    salary: list[Row]
    companies: dict[str, list[Row]]
    top_skills: dict[str, list[SkillShare]]
    shared_skills: list[SkillGap]
    series_kind: str
    skill_series: list[Row]
    divergence_kind: str
    divergence: list[Row]
    distinctive: dict[str, list[Row]]
    distinctive_changes: dict[str, dict[str, list[str]]]
    trends: list[Row]
    trend_periods: tuple[str, str] | None
    claims: list[ClaimResult]
    facts: DataFacts
    basis: Basis
    claims_basis: Basis | None = None
    other_skills: dict[str, list[SkillShare]] = field(default_factory=dict)
    basis_divergence: Row | None = None
    sources: list[Row] = field(default_factory=list)
    sources_basis: Basis | None = None
    accuracy: Accuracy | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def synthetic(self) -> bool:
        """Whether any posting in the warehouse is synthetic."""
        return self.facts.synthetic > 0


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Materialise the role postings as a temporary table of this connection."""
    con.execute("create or replace temp table report_postings as\n" + sql("role_postings"))


def choose_period(con: duckdb.DuckDBPyConnection, period: str | None, today: date) -> Period:
    """The requested period, or the last full month with role postings before `today`'s month."""
    current = date(today.year, today.month, 1)
    first, last, last_full = con.execute(sql("data_range"), [current]).fetchone()  # type: ignore[misc]
    if last is None:
        raise UserError(
            "the warehouse holds no AI engineer or data scientist postings yet; "
            "run `jobtrends process` (or `jobtrends demo`) before `jobtrends report`"
        )
    if period is None:
        if last_full is None:
            raise UserError(
                f"the warehouse has postings only in the current month {current:%Y-%m}, which is not "
                "complete yet; pass --period to report on it anyway"
            )
        return Period("month", last_full)
    chosen = parse_period(period)
    if chosen.end <= first or chosen.start > last:
        raise UserError(
            f"the period {chosen.label} has no postings in the warehouse (it holds {first:%Y-%m} to "
            f"{last:%Y-%m}); pass a --period in that range"
        )
    return chosen


def _counts(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, int]:
    rows = _rows(con, "role_counts", [period.start, period.end])
    found = {r["role"]: int(r["n"]) for r in rows}
    return {role: found.get(role, 0) for role in COMPARED_ROLES}


def skill_shares(
    con: duckdb.DuckDBPyConnection, start: date, end: date, min_n: int
) -> list[SkillShare]:
    """Every skill's share of each role's postings in [start, end)."""
    rows = _rows(con, "skill_shares", [start, end, start, end])
    return [
        SkillShare(
            role=r["role"],
            skill_id=r["skill_id"],
            skill=r["skill"],
            category=r["category"],
            n_role=int(r["n_role"]),
            n_skill=int(r["n_skill"]),
            share=float(r["share"]),
            low=max(0.0, float(r["wilson_low"])),
            high=min(1.0, float(r["wilson_high"])),
            small=int(r["n_role"]) < min_n,
        )
        for r in rows
    ]


def skill_gaps(shares: list[SkillShare], n_roles: dict[str, int]) -> list[SkillGap]:
    """Per skill mentioned by either role: both shares and their difference with its interval."""
    by_skill: dict[str, dict[str, SkillShare]] = {}
    for s in shares:
        by_skill.setdefault(s.skill_id, {})[s.role] = s
    gaps = []
    n_ai, n_ds = n_roles.get(AI_ENGINEER, 0), n_roles.get(DATA_SCIENTIST, 0)
    if not n_ai or not n_ds:
        return []
    for skill_id, pair in by_skill.items():
        any_share = next(iter(pair.values()))
        k_ai = pair[AI_ENGINEER].n_skill if AI_ENGINEER in pair else 0
        k_ds = pair[DATA_SCIENTIST].n_skill if DATA_SCIENTIST in pair else 0
        diff, low, high = difference_interval(k_ai, n_ai, k_ds, n_ds)
        gaps.append(
            SkillGap(
                skill_id=skill_id,
                skill=any_share.skill,
                category=any_share.category,
                share_ai=k_ai / n_ai,
                share_ds=k_ds / n_ds,
                diff=diff,
                diff_low=low,
                diff_high=high,
                n_ai=n_ai,
                n_ds=n_ds,
            )
        )
    return gaps


def skill_postings(con: duckdb.DuckDBPyConnection, start: date, end: date) -> dict[str, int]:
    """Per role, postings in [start, end) whose text speaks for it (the skill shares' denominator)."""
    found = {
        r["role"]: int(r["n_skill_postings"]) for r in _rows(con, "skill_postings", [start, end])
    }
    return {role: found.get(role, 0) for role in COMPARED_ROLES}


def choose_basis(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    min_n: int,
    steps: tuple[int, ...] = POOL_MONTHS,
) -> Basis:
    """The period, or the shortest trailing POOL_MONTHS window ending with it in which both roles
    have min_n postings with skills (the widest one when none has)."""
    n = skill_postings(con, period.start, period.end)
    basis = Basis(period.start, period.end, False, n["ai_engineer"], n["data_scientist"], min_n)
    for months in steps:
        if basis.enough:
            break
        if months <= period.months:
            continue
        start = add_months(period.end, -months)
        pooled = skill_postings(con, start, period.end)
        basis = Basis(
            start, period.end, True, pooled["ai_engineer"], pooled["data_scientist"], min_n
        )
    return basis


def shifted_basis(con: duckdb.DuckDBPyConnection, basis: Basis, months: int) -> Basis:
    """The same window `months` earlier, with its own counts."""
    start, end = add_months(basis.start, -months), add_months(basis.end, -months)
    n = skill_postings(con, start, end)
    return Basis(start, end, basis.pooled, n["ai_engineer"], n["data_scientist"], basis.min_n)


def window_divergence(
    con: duckdb.DuckDBPyConnection, basis: Basis, samples: int, seed: int | None = None
) -> Row | None:
    """JSD of the roles' skill profiles pooled over the basis, with its bootstrap 95% interval."""
    import pyarrow as pa

    from warehouse import stats

    table = con.sql(
        "select role, month, skills from role_postings where attribution <> 'shared_text' "
        "and month >= ? and month < ? order by month, role, global_id",
        params=[basis.start, basis.end],
    ).to_arrow_table()
    if table.num_rows == 0:
        return None
    # one pooled period: every row gets the basis's first month
    months = pa.array([basis.start] * table.num_rows, type=table.schema.field("month").type)
    table = table.set_column(table.schema.get_field_index("month"), "month", months)
    data = stats.role_postings_from_arrow(table)
    frame = stats.bootstrap_divergence(data, "month", samples, stats.SEED if seed is None else seed)
    if frame.empty:
        return None
    row = frame.iloc[0]
    jsd = row["jsd"]
    return {
        "window": basis.label,
        "jsd": None if jsd is None else float(jsd),
        "jsd_low": None if row["jsd_low"] is None else float(row["jsd_low"]),
        "jsd_high": None if row["jsd_high"] is None else float(row["jsd_high"]),
        "n_ai": int(row["n_ai"]),
        "n_ds": int(row["n_ds"]),
        "samples": int(row["samples"]),
    }


def _headline(
    con: duckdb.DuckDBPyConnection, period: Period, gaps: list[SkillGap], basis: Basis
) -> Headline:
    now, before, year = (
        _counts(con, period),
        _counts(con, period.previous()),
        _counts(con, period.year_earlier()),
    )
    volumes = [RoleVolume(role, now[role], before[role], year[role]) for role in COMPARED_ROLES]
    tools = [g for g in gaps if is_tool(g.category)] if basis.enough else []
    # Differences whose interval excludes zero come first; among them the largest.
    biggest = sorted(
        tools, key=lambda g: (not (g.diff_low > 0 or g.diff_high < 0), -abs(g.diff), g.skill_id)
    )[:3]
    return Headline(volumes, biggest, basis)


def _volume(
    con: duckdb.DuckDBPyConnection, since: date, end: date, partial: date | None
) -> list[Row]:
    rows = _rows(con, "monthly_volume", [since, end])
    for r in rows:
        r["partial"] = partial is not None and r["month"] == partial
    return rows


def _titles(con: duckdb.DuckDBPyConnection, since: date, end: date) -> list[Row]:
    rows = [r for r in _rows(con, "title_shares", [since]) if r["year"] <= end.year]
    totals: dict[tuple[str, str], int] = {}
    for r in rows:
        totals[(r["role"], r["title"])] = totals.get((r["role"], r["title"]), 0) + int(r["n_title"])
    main: dict[str, list[str]] = {}
    for (role, title), _n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(main.setdefault(role, [])) < MAIN_TITLES:
            main[role].append(title)
    out = []
    for r in rows:
        if r["title"] in main.get(r["role"], []):
            out.append(
                {
                    **r,
                    "share": r["n_title"] / r["n_role"],
                    "n_title": int(r["n_title"]),
                    "n_role": int(r["n_role"]),
                }
            )
    return out


def _with_share(rows: list[Row], n_roles: dict[str, int], min_n: int) -> list[Row]:
    out = []
    for r in rows:
        n_role = n_roles.get(r["role"], 0)
        share = r["n"] / n_role if n_role else None
        out.append(
            {**r, "n": int(r["n"]), "n_role": n_role, "share": share, "small": n_role < min_n}
        )
    return out


def _remote(con: duckdb.DuckDBPyConnection, period: Period, min_n: int) -> list[Row]:
    out = []
    for r in _rows(con, "remote", [period.start, period.end]):
        known, k = int(r["n_known"]), int(r["n_remote"])
        low, high = wilson(k, known) if known else (None, None)
        out.append(
            {
                "role": r["role"],
                "n_role": int(r["n_role"]),
                "n_known": known,
                "n_remote": k,
                "share": k / known if known else None,
                "low": low,
                "high": high,
                "small": known < min_n,
            }
        )
    return out


def _salary(con: duckdb.DuckDBPyConnection, period: Period, min_n: int) -> list[Row]:
    return [
        {**r, "n": int(r["n"]), "small": int(r["n"]) < min_n}
        for r in _rows(con, "salary", [period.start, period.end])
    ]


def _companies(
    con: duckdb.DuckDBPyConnection, period: Period, top: int = 8
) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    for r in _rows(con, "companies", [period.start, period.end, top]):
        out[r["role"]].append({"company": r["company"], "n": int(r["n"])})
    return out


def _key_skills(shares: list[SkillShare]) -> list[tuple[str, str, str]]:
    totals: dict[str, int] = {}
    meta: dict[str, tuple[str, str]] = {}
    for s in shares:
        if not is_tool(s.category):
            continue
        totals[s.skill_id] = totals.get(s.skill_id, 0) + s.n_skill
        meta[s.skill_id] = (s.skill, s.category)
    by_category: dict[str, list[str]] = {}
    for skill_id in sorted(totals, key=lambda k: (-totals[k], k)):
        by_category.setdefault(meta[skill_id][1], []).append(skill_id)
    category_totals = {
        c: sum(totals[k] for k in ids) for c, ids in by_category.items() if c != "other"
    }
    chosen = sorted(category_totals, key=lambda c: (-category_totals[c], c))[:KEY_CATEGORIES]
    return [
        (skill_id, meta[skill_id][0], category)
        for category in chosen
        for skill_id in by_category[category][:SKILLS_PER_CATEGORY]
    ]


def _skill_series(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    since: date,
    end: date,
    key_skills: list[tuple[str, str, str]],
    min_n: int,
) -> list[Row]:
    ids = [k[0] for k in key_skills]
    if not ids:
        return []
    meta = {k[0]: (k[1], k[2]) for k in key_skills}
    rows = _rows(con, "skill_series", [kind, since, end, kind, since, end, ids, ids])
    out = []
    for r in rows:
        n_role, k = int(r["n_role"]), int(r["n_skill"])
        low, high = wilson(k, n_role)
        skill, category = meta[r["skill_id"]]
        out.append(
            {
                "skill_id": r["skill_id"],
                "skill": skill,
                "category": category,
                "role": r["role"],
                "period": r["period"],
                "n_role": n_role,
                "n_skill": k,
                "share": k / n_role,
                "low": low,
                "high": high,
                "small": n_role < min_n,
            }
        )
    order = {skill_id: i for i, skill_id in enumerate(ids)}
    return sorted(out, key=lambda r: (order[r["skill_id"]], r["role"], r["period"]))


def period_key(kind: str, value: Any) -> str:
    """A period value from a view (date, year, or text) as a label: 2026-05, 2026-Q2 or 2026."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return period_of(kind, value).label  # type: ignore[arg-type]
    if isinstance(value, int):
        return str(value)
    text = str(value)
    try:
        return parse_period(text).label
    except UserError:
        try:
            return period_of(kind, date.fromisoformat(text[:10])).label  # type: ignore[arg-type]
        except ValueError:
            return text


def _divergence(con: duckdb.DuckDBPyConnection, kind: str, since: date, end: date) -> list[Row]:
    by_period: dict[str, Row] = {}
    first, last = period_of(kind, since).label, period_of(kind, add_months(end, -1)).label  # type: ignore[arg-type]
    if _has_relation(con, "v_role_divergence"):
        cur = con.execute(
            "select period, jsd, cosine, jaccard_top20, n_ai, n_ds from v_role_divergence where period_type = ?",
            [kind],
        )
        for period, jsd, cosine, jaccard, n_ai, n_ds in cur.fetchall():
            key = period_key(kind, period)
            by_period[key] = {
                "period": key,
                "jsd": jsd,
                "cosine": cosine,
                "jaccard_top20": jaccard,
                "n_ai": n_ai,
                "n_ds": n_ds,
                "jsd_low": None,
                "jsd_high": None,
            }
    if _has_relation(con, "divergence_bootstrap"):
        cur = con.execute(
            "select period, jsd, jsd_low, jsd_high, n_ai, n_ds, samples from divergence_bootstrap where period_type = ?",
            [kind],
        )
        for period, jsd, low, high, n_ai, n_ds, samples in cur.fetchall():
            key = period_key(kind, period)
            row = by_period.setdefault(
                key,
                {
                    "period": key,
                    "jsd": jsd,
                    "cosine": None,
                    "jaccard_top20": None,
                    "n_ai": n_ai,
                    "n_ds": n_ds,
                },
            )
            row.update({"jsd_low": low, "jsd_high": high, "samples": samples})
            if row.get("jsd") is None:
                row["jsd"] = jsd
    rows = [r for k, r in sorted(by_period.items()) if first <= k <= last]
    for r in rows:
        for name in ("jsd", "cosine", "jaccard_top20", "jsd_low", "jsd_high"):
            value = r.get(name)
            r[name] = (
                None
                if value is None or (isinstance(value, float) and math.isnan(value))
                else float(value)
            )
        r["n_ai"], r["n_ds"] = int(r["n_ai"] or 0), int(r["n_ds"] or 0)
    return rows


def log_odds(shares: list[SkillShare]) -> dict[str, list[Row]]:
    """Per role, tools ranked by Monroe et al.'s weighted log-odds z-score against the other role.

    The informative Dirichlet prior is each skill's count in both roles, as in v_distinctive_skills.
    """
    counts: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for s in shares:
        if is_tool(s.category):
            counts.setdefault(s.skill_id, {})[s.role] = s.n_skill
            names[s.skill_id] = s.skill
    n_ai = sum(c.get("ai_engineer", 0) for c in counts.values())
    n_ds = sum(c.get("data_scientist", 0) for c in counts.values())
    out: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    if not n_ai or not n_ds:
        return out
    total = n_ai + n_ds
    for skill_id, c in counts.items():
        y_ai, y_ds = c.get("ai_engineer", 0), c.get("data_scientist", 0)
        alpha = y_ai + y_ds
        rest_ai, rest_ds = n_ai + total - y_ai - alpha, n_ds + total - y_ds - alpha
        if rest_ai <= 0 or rest_ds <= 0:
            continue
        delta = math.log((y_ai + alpha) / rest_ai) - math.log((y_ds + alpha) / rest_ds)
        z = delta / math.sqrt(1 / (y_ai + alpha) + 1 / (y_ds + alpha))
        out["ai_engineer"].append({"skill_id": skill_id, "skill": names[skill_id], "z": z})
        out["data_scientist"].append({"skill_id": skill_id, "skill": names[skill_id], "z": -z})
    for role in COMPARED_ROLES:
        out[role] = sorted(out[role], key=lambda r: (-r["z"], r["skill_id"]))[:TOP_DISTINCTIVE]
        out[role] = [r for r in out[role] if r["z"] > 0]
    return out


def _distinctive(
    now_shares: list[SkillShare], before_shares: list[SkillShare]
) -> tuple[dict[str, list[Row]], dict[str, dict[str, list[str]]]]:
    lists, before = log_odds(now_shares), log_odds(before_shares)
    changes: dict[str, dict[str, list[str]]] = {
        role: {"entered": [], "left": []} for role in COMPARED_ROLES
    }
    for role in COMPARED_ROLES:
        if before[role] and lists[role]:
            now_ids = {r["skill_id"] for r in lists[role]}
            before_ids = {r["skill_id"] for r in before[role]}
            changes[role]["entered"] = [
                r["skill"] for r in lists[role] if r["skill_id"] not in before_ids
            ]
            changes[role]["left"] = [
                r["skill"] for r in before[role] if r["skill_id"] not in now_ids
            ]
    return lists, changes


def correct_sources(sources: list[Row], accuracy: Accuracy) -> None:
    """Add Rogan-Gladen corrected shares to the Hacker News rows where accuracy is below par."""
    for group in sources:
        if group["source"] != "Hacker News":
            continue
        for role, r in group["roles"].items():
            measured = accuracy.roles.get(role)
            if measured is not None and measured.needs_correction and group["postings_seen"]:
                r["corrected"] = corrected_share(r["n"], group["postings_seen"], measured)


def source_group(source: str) -> str:
    """The group a source is compared in: Hacker News, ATS boards, or the source itself."""
    return SOURCE_GROUPS.get(source, source)


def sources_side_by_side(
    con: duckdb.DuckDBPyConnection, start: date, end: date, min_n: int
) -> list[Row]:
    """Per source group with data in [start, end): each family's share of the postings seen there
    (duplicates included: a share is read within one source) and its top tools, with n."""
    groups: dict[str, Row] = {}
    seen_months: dict[tuple[str, date], int] = {}
    for r in _rows(con, "source_shares", [start, end, start, end]):
        name = source_group(r["source"])
        group = groups.setdefault(
            name,
            {"source": name, "seen": 0, "n": {role: 0 for role in COMPARED_ROLES}, "months": set()},
        )
        key = (r["source"], r["month"])
        if key not in seen_months:
            seen_months[key] = int(r["postings_seen"])
            group["seen"] += int(r["postings_seen"])
            group["months"].add(r["month"])
        if r["role"] in COMPARED_ROLES:
            group["n"][r["role"]] += int(r["n"])
    names = dict(con.execute("select skill_id, name from skills").fetchall())
    categories = dict(con.execute("select skill_id, category from skills").fetchall())
    speaking: dict[tuple[str, str], int] = {}
    mentions: dict[tuple[str, str], dict[str, int]] = {}
    for r in _rows(con, "source_skills", [start, end]):
        key = (source_group(r["source"]), r["role"])
        if r["skill_id"] is None:
            speaking[key] = speaking.get(key, 0) + int(r["n"])
        elif is_tool(categories.get(r["skill_id"], "other")):
            found = mentions.setdefault(key, {})
            found[r["skill_id"]] = found.get(r["skill_id"], 0) + int(r["n"])
    out = []
    for name in sorted(groups, key=lambda g: (g != "Hacker News", g)):
        group = groups[name]
        roles = {}
        for role in COMPARED_ROLES:
            k, n = group["n"][role], group["seen"]
            low, high = wilson(k, n) if n else (None, None)
            n_speaking = speaking.get((name, role), 0)
            top = sorted(mentions.get((name, role), {}).items(), key=lambda kv: (-kv[1], kv[0]))
            roles[role] = {
                "n": k,
                "share": k / n if n else None,
                "low": low,
                "high": high,
                "n_with_skills": n_speaking,
                "small": n_speaking < min_n,
                "top_tools": [
                    {
                        "skill_id": sid,
                        "skill": names.get(sid, sid),
                        "n_skill": c,
                        "share": c / n_speaking if n_speaking else None,
                    }
                    for sid, c in top[:TOP_SOURCE_TOOLS]
                ],
            }
        out.append(
            {
                "source": name,
                "months": len(group["months"]),
                "postings_seen": group["seen"],
                "roles": roles,
            }
        )
    return out


def _trends(con: duckdb.DuckDBPyConnection) -> tuple[list[Row], tuple[str, str] | None]:
    if not _has_relation(con, "v_skill_trends"):
        return [], None
    cur = con.execute(
        "select t.skill, coalesce(s.name, t.skill) as name, coalesce(s.category, 'other') as category, t.role, "
        "t.first_period, t.last_period, t.share_first, t.share_last, t.change, t.change_low, t.change_high, "
        "t.direction from v_skill_trends as t left join skills as s on s.skill_id = t.skill "
        "where t.direction in ('rising', 'falling') and (t.change_low > 0 or t.change_high < 0) "
        "order by t.role, t.direction desc, abs(t.change) desc, t.skill"
    )
    columns = [
        "skill_id",
        "skill",
        "category",
        "role",
        "first_period",
        "last_period",
        "share_first",
        "share_last",
        "change",
        "change_low",
        "change_high",
        "direction",
    ]
    rows = [dict(zip(columns, values, strict=True)) for values in cur.fetchall()]
    rows = [r for r in rows if is_tool(r["category"])]
    periods = (str(rows[0]["first_period"]), str(rows[0]["last_period"])) if rows else None
    return rows, periods


def term_key(text: str) -> str:
    """A skill id or name reduced for matching: case, spaces, hyphens and underscores ignored."""
    return re.sub(r"[^a-z0-9+#]", "", text.lower())


def _claim_skills(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Per matching key, the (skill_id, name) pairs whose id or name reduces to it."""
    index: dict[str, list[tuple[str, str]]] = {}
    for skill_id, name in con.execute("select skill_id, name from skills").fetchall():
        for key in {term_key(str(skill_id)), term_key(str(name))}:
            index.setdefault(key, []).append((skill_id, name))
    return index


def _claims(con: duckdb.DuckDBPyConnection, basis: Basis, min_n: int) -> list[ClaimResult]:
    index = _claim_skills(con)
    parts = [(claim, part) for claim in CLAIMS for part in claim.parts]
    matched = [
        {sid: name for term in part.terms for sid, name in index.get(term_key(term), [])}
        for _, part in parts
    ]
    pairs = [(i, sid) for i, found in enumerate(matched) for sid in sorted(found)]
    hits: dict[tuple[int, str], int] = {}
    if pairs:
        params = [[p for p, _ in pairs], [s for _, s in pairs], basis.start, basis.end]
        hits = {
            (int(r["part"]), r["role"]): int(r["n_any"]) for r in _rows(con, "group_share", params)
        }
    results: dict[int, ClaimResult] = {}
    n_ai, n_ds = basis.n_ai, basis.n_ds
    for i, (claim, part) in enumerate(parts):
        k_ai, k_ds = hits.get((i, "ai_engineer"), 0), hits.get((i, "data_scientist"), 0)
        diff = diff_iv = None
        if not matched[i]:
            verdict, reason = "not enough data", "the skills taxonomy has none of these skills"
        elif n_ai < min_n or n_ds < min_n:
            verdict = "not enough data"
            reason = f"fewer than {min_n} postings with skills of a role in {basis.title}"
        else:
            diff, low, high = difference_interval(k_ai, n_ai, k_ds, n_ds)
            diff_iv = (low, high)
            verdict = part_verdict(part.direction, low, high)
            reason = (
                ""
                if verdict != "not enough data"
                else "the interval of the difference is inconclusive"
            )
        result = results.setdefault(
            claim.number, ClaimResult(claim.number, claim.text, [], "not enough data")
        )
        result.parts.append(
            ClaimPartResult(
                label=part.label,
                direction=part.direction,
                skills=sorted(matched[i].values()),
                n_ai=n_ai,
                k_ai=k_ai,
                n_ds=n_ds,
                k_ds=k_ds,
                share_ai=k_ai / n_ai if n_ai else None,
                share_ds=k_ds / n_ds if n_ds else None,
                ai_interval=wilson(k_ai, n_ai) if n_ai else None,
                ds_interval=wilson(k_ds, n_ds) if n_ds else None,
                diff=diff,
                diff_interval=diff_iv,
                verdict=verdict,
                reason=reason,
            )
        )
    for result in results.values():
        result.verdict = combine_verdicts([p.verdict for p in result.parts])  # type: ignore[misc]
    return [results[number] for number in sorted(results)]


def _facts(con: duckdb.DuckDBPyConnection, period: Period, since: date) -> DataFacts:
    (postings, duplicates, synthetic, first, last, runs, runs_complete) = con.execute(
        sql("data_facts")
    ).fetchone()  # type: ignore[misc]
    in_period = con.execute(sql("synthetic"), [period.start, period.end]).fetchone()[0]  # type: ignore[index]
    versions: dict[str, list[tuple[str, int]]] = {}
    for kind, version, n in con.execute(sql("versions")).fetchall():
        versions.setdefault(kind, []).append((version or "unknown", int(n)))
    coverage = _rows(con, "coverage", [since])
    by_year: dict[tuple[int, str], Row] = {}
    for r in coverage:
        key = (r["month"].year, r["source"])
        row = by_year.setdefault(
            key,
            {"year": key[0], "source": key[1], "months": 0, "postings_seen": 0, "postings_kept": 0},
        )
        row["months"] += 1
        row["postings_seen"] += int(r["postings_seen"])
        row["postings_kept"] += int(r["postings_kept"])
    sources = sorted({r["source"] for r in coverage})
    pivot: dict[int, Row] = {}
    for (year, source), row in sorted(by_year.items()):
        pivot.setdefault(year, {"year": year, "sources": {}})["sources"][source] = row
    return DataFacts(
        postings=int(postings),
        duplicates=int(duplicates),
        synthetic=int(synthetic or 0),
        synthetic_in_period=int(in_period or 0),
        first_month=first,
        last_month=last,
        crawl_runs=int(runs),
        crawl_runs_complete=int(runs_complete),
        versions=versions,
        coverage=coverage,
        coverage_by_year=[by_year[k] for k in sorted(by_year)],
        coverage_sources=sources,
        coverage_pivot=[pivot[y] for y in sorted(pivot)],
        credits=credits_for(sources),
    )


def build_model(
    con: duckdb.DuckDBPyConnection,
    period: str | None = None,
    since: str | date = "2015-01",
    min_n: int = 20,
    today: date | None = None,
    bootstrap_samples: int = 200,
    claims_min_n: int = CLAIMS_MIN_N,
) -> ReportModel:
    """Read everything the report shows from an open warehouse connection."""
    today = today or datetime.now(UTC).date()
    since_day = since if isinstance(since, date) else parse_month(since)
    prepare(con)
    chosen = choose_period(con, period, today)
    last_month = con.execute("select max(month) from report_postings").fetchone()[0]  # type: ignore[index]
    current = date(today.year, today.month, 1)
    # The latest period's report runs its series up to the newest data, the unfinished month included.
    series_end = (
        last_month if chosen.end >= current else min(add_months(chosen.end, -1), last_month)
    )
    partial = current if since_day <= current <= series_end else None

    basis = choose_basis(con, chosen, min_n)
    shares = skill_shares(con, basis.start, basis.end, min_n)
    n_basis = {"ai_engineer": basis.n_ai, "data_scientist": basis.n_ds}
    gaps = skill_gaps(shares, n_basis)
    ranked = {
        role: sorted((s for s in shares if s.role == role), key=lambda s: (-s.n_skill, s.skill_id))
        for role in COMPARED_ROLES
    }
    top = {
        role: [s for s in ranked[role] if is_tool(s.category)][:TOP_SKILLS]
        for role in COMPARED_ROLES
    }
    other = {
        role: [s for s in ranked[role] if not is_tool(s.category)][:TOP_OTHER]
        for role in COMPARED_ROLES
    }
    top_ids = {role: {s.skill_id for s in top[role]} for role in COMPARED_ROLES}
    both = top_ids["ai_engineer"] & top_ids["data_scientist"]
    shared = sorted(
        (g for g in gaps if g.skill_id in both),
        key=lambda g: (-(g.share_ai + g.share_ds), g.skill_id),
    )

    span_months = (series_end.year - since_day.year) * 12 + series_end.month - since_day.month + 1
    series_kind: PeriodKind = "quarter" if span_months <= 48 else "year"
    range_shares = skill_shares(con, since_day, chosen.end, min_n)
    key_skills = _key_skills(range_shares)
    divergence_kind = "year" if chosen.kind == "year" else "quarter"
    before = shifted_basis(con, basis, chosen.months)
    distinctive, distinctive_changes = _distinctive(
        shares, skill_shares(con, before.start, before.end, min_n)
    )
    trends, trend_periods = _trends(con)
    n_roles = _counts(con, chosen)
    notes = []
    if not basis.enough:
        small = [
            ROLE_LABELS[r]
            for r, n in (("ai_engineer", basis.n_ai), ("data_scientist", basis.n_ds))
            if n < min_n
        ]
        notes.append(
            f"{' and '.join(small)} postings with skills number fewer than {min_n} even in "
            f"{basis.title}: their shares are greyed out and left out of comparisons."
        )
    jsd_row = window_divergence(con, basis, bootstrap_samples) if basis.enough else None
    claims_basis = choose_basis(con, chosen, max(min_n, claims_min_n), CLAIMS_POOL_MONTHS)
    claims_basis.min_n = min_n
    facts = _facts(con, chosen, since_day)
    accuracy = accuracy_for(
        [v for v, _n in facts.versions.get("rules", [])],
        [v for v, _n in facts.versions.get("extractor", [])],
    )
    if accuracy.skills is not None and accuracy.skills.needs_correction:
        for role in COMPARED_ROLES:
            for share in top[role]:
                share.corrected = corrected_skill_share(
                    share.n_skill, share.n_role, accuracy.skills
                )
    headline = _headline(con, chosen, gaps, basis)
    headline.jsd = jsd_row
    sources = sources_side_by_side(con, basis.start, basis.end, min_n)
    correct_sources(sources, accuracy)
    return ReportModel(
        period=chosen,
        previous=chosen.previous(),
        year_earlier=chosen.year_earlier(),
        since=since_day,
        series_end=series_end,
        partial_month=partial,
        generated_at=datetime.now(UTC).replace(microsecond=0),
        min_n=min_n,
        headline=headline,
        volume=_volume(con, since_day, series_end, partial),
        titles=_titles(con, since_day, series_end),
        seniority=_with_share(_rows(con, "seniority", [chosen.start, chosen.end]), n_roles, min_n),
        remote=_remote(con, chosen, min_n),
        salary=_salary(con, chosen, min_n),
        companies=_companies(con, chosen),
        top_skills=top,
        shared_skills=shared,
        series_kind=series_kind,
        skill_series=_skill_series(con, series_kind, since_day, chosen.end, key_skills, min_n),
        divergence_kind=divergence_kind,
        divergence=_divergence(con, divergence_kind, since_day, chosen.end),
        distinctive=distinctive,
        distinctive_changes=distinctive_changes,
        trends=trends,
        trend_periods=trend_periods,
        claims=_claims(con, claims_basis, min_n),
        claims_basis=claims_basis,
        facts=facts,
        basis=basis,
        other_skills=other,
        basis_divergence=jsd_row,
        sources=[g for g in sources] if len(sources) > 1 else [],
        sources_basis=basis,
        accuracy=accuracy,
        notes=notes,
    )
