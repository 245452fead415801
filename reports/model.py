"""The report model: plain numbers, tables and chart data, read only from the warehouse.

The skills and divergence sections are read in reports/skills_section.py, the sources side by
side and the data facts in reports/sources.py; this module assembles them with the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import duckdb

from jobtrends.errors import UserError
from jobtrends.vocabulary import COMPARED_ROLES, ROLE_LABELS
from reports.accuracy import Accuracy, accuracy_for, corrected_skill_share
from reports.claims import CLAIMS, combine_verdicts, difference_interval, part_verdict, wilson
from reports.divergence_periods import (
    divergence_periods,
    pooled_note,
    warehouse_full_years,
    with_overlap,
)
from reports.movers import skill_changes
from reports.period import Period, PeriodKind, add_months, parse_month, parse_period
from reports.quarter_periods import quarter_divergence
from reports.reading import Row, is_tool, query_rows, sql
from reports.share_periods import pooled_periods_note
from reports.skills_section import (
    DISTINCTIVE_Z,
    Basis,
    SkillGap,
    SkillShare,
    _distinctive,
    _key_skills,
    _skill_series,
    choose_basis,
    shifted_basis,
    skill_gaps,
    skill_shares,
    trend_window,
    window_divergence,
    window_trends,
)
from reports.sources import DataFacts, _facts, correct_sources, sources_side_by_side

TOP_SKILLS = 20
TOP_OTHER = 8
# The claims compare shares against a 10-point margin ("similar rates"): with 150 postings with
# skills per role the 95% interval of a difference of shares near 20% and 10% is about +-8 points,
# narrow enough to decide. A period short of that pools trailing windows up to five years.
CLAIMS_MIN_N = 150
CLAIMS_POOL_MONTHS = (12, 24, 36, 48, 60)
MAIN_TITLES = 4


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
    trend_n: dict[str, tuple[int, int]]
    claims: list[ClaimResult]
    facts: DataFacts
    basis: Basis
    claims_basis: Basis | None = None
    other_skills: dict[str, list[SkillShare]] = field(default_factory=dict)
    basis_divergence: Row | None = None
    # what the yearly divergence rows pool and why (empty when no row is pooled)
    divergence_pooled: str = ""
    sources: list[Row] = field(default_factory=list)
    sources_basis: Basis | None = None
    accuracy: Accuracy | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def skill_series_pooled(self) -> str:
        """Which periods of the key skills each role's line pools (empty when none)."""
        return pooled_periods_note(self.skill_series, ROLE_LABELS)

    @property
    def titles_partial_years(self) -> list[int]:
        """The years of the titles chart that are partial, in order."""
        return sorted({int(r["year"]) for r in self.titles if r["partial"]})

    @property
    def distinctive_z(self) -> float:
        """The z-score at which a tool sets its role apart at 95%."""
        return DISTINCTIVE_Z

    @property
    def synthetic(self) -> bool:
        """Whether any posting in the warehouse is synthetic."""
        return self.facts.synthetic > 0


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Materialise the role postings as a temporary table of this connection."""
    con.execute("create or replace temp table report_postings as\n" + sql("role_postings"))


def choose_period(
    con: duckdb.DuckDBPyConnection, period: str | None, today: date, min_n: int = 1
) -> Period:
    """The requested period, or the last full month before `today`'s month with at least `min_n`
    role postings (else the last full month with any).

    A month that only a few feed postings reach (a recording's or a board's newest jobs, after the
    main source's last month) would make a headline of one or two postings.
    """
    current = date(today.year, today.month, 1)
    first, last, last_full, last_with_data = con.execute(  # type: ignore[misc]
        sql("data_range"), [current, current, min_n]
    ).fetchone()
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
        return Period("month", last_with_data or last_full)
    chosen = parse_period(period)
    if chosen.end <= first or chosen.start > last:
        raise UserError(
            f"the period {chosen.label} has no postings in the warehouse (it holds {first:%Y-%m} to "
            f"{last:%Y-%m}); pass a --period in that range"
        )
    return chosen


def _counts(con: duckdb.DuckDBPyConnection, period: Period) -> dict[str, int]:
    rows = query_rows(con, "role_counts", [period.start, period.end])
    found = {r["role"]: int(r["n"]) for r in rows}
    return {role: found.get(role, 0) for role in COMPARED_ROLES}


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
    rows = query_rows(con, "monthly_volume", [since, end])
    for r in rows:
        r["partial"] = partial is not None and r["month"] == partial
    return rows


def _titles(con: duckdb.DuckDBPyConnection, since: date, end: date) -> list[Row]:
    """The main titles' yearly shares over the months from `since` to `end` (its last month,
    included); a year either cuts short, or with data in too few months, is marked partial."""
    stop = add_months(end, 1)
    rows = query_rows(con, "title_shares", [since, stop])
    full = set(warehouse_full_years(con, since.year, end.year, stop, since))
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
                    "partial": r["year"] not in full,
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
    for r in query_rows(con, "remote", [period.start, period.end]):
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
        for r in query_rows(con, "salary", [period.start, period.end])
    ]


def _companies(
    con: duckdb.DuckDBPyConnection, period: Period, top: int = 8
) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {role: [] for role in COMPARED_ROLES}
    for r in query_rows(con, "companies", [period.start, period.end, top]):
        out[r["role"]].append({"company": r["company"], "n": int(r["n"])})
    return out


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
            (int(r["part"]), r["role"]): int(r["n_any"])
            for r in query_rows(con, "group_share", params)
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


def _divergence_rows(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    since: date,
    end: date,
    min_n: int,
    samples: int,
) -> tuple[list[Row], str]:
    """The divergence table's rows and what they pool: by year, runs of thin full years pooled as
    the history report pools them (every measure over the pooled years); by quarter, runs of thin
    full quarters pooled by the same rule (quarter_periods)."""
    if kind != "year":
        quarters, note = quarter_divergence(con, since, end, min_n, samples)
        return [dict(r) for r in quarters], note
    first, last = since.year, add_months(end, -1).year
    # a year either cuts short is partial and measured over its months inside: no figure counts
    # a month outside the report's range (full years' data before and after is judged on all
    # the warehouse's months)
    full = warehouse_full_years(con, first, last, end, since)
    periods = divergence_periods(con, first, last, full, min_n, samples, end, since)
    return [dict(r) for r in with_overlap(con, periods, end, since)], pooled_note(periods)


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
    chosen = choose_period(con, period, today, min_n)
    if since_day >= chosen.end:
        raise UserError(
            f"--since {since_day:%Y-%m} starts after the period {chosen.label} ends "
            f"({add_months(chosen.end, -1):%Y-%m}); pass a --since on or before it"
        )
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
    # the divergence table follows the series' grain: a long series by quarter is mostly rows
    # too small to read
    divergence_kind = "year" if chosen.kind == "year" or series_kind == "year" else "quarter"
    before = shifted_basis(con, basis, chosen.months)
    distinctive, distinctive_changes = _distinctive(
        shares, skill_shares(con, before.start, before.end, min_n)
    )
    compared = trend_window(con, basis)
    trend_n = {
        "ai_engineer": (compared.n_ai, basis.n_ai),
        "data_scientist": (compared.n_ds, basis.n_ds),
    }
    employers = {
        (role, c["skill_id"]): c
        for role in COMPARED_ROLES
        if min(trend_n[role]) >= min_n
        for c in skill_changes(con, role, (compared.start, compared.end), (basis.start, basis.end))
    }
    trends = window_trends(
        skill_shares(con, compared.start, compared.end, min_n),
        shares,
        {role: n[0] for role, n in trend_n.items()},
        n_basis,
        min_n,
        employers,
    )
    trend_periods = (compared.title, basis.title)
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
    divergence, divergence_pooled = _divergence_rows(
        con, divergence_kind, since_day, chosen.end, min_n, bootstrap_samples
    )
    claims_basis = choose_basis(con, chosen, max(min_n, claims_min_n), CLAIMS_POOL_MONTHS)
    claims_basis.min_n = min_n
    facts = _facts(con, chosen, since_day, chosen.end)
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
        # the monthly series alone runs on to the newest data (series_end); the titles, key
        # skills and divergence, by year or quarter, all stop at the period's end
        titles=_titles(con, since_day, add_months(chosen.end, -1)),
        seniority=_with_share(
            query_rows(con, "seniority", [chosen.start, chosen.end]), n_roles, min_n
        ),
        remote=_remote(con, chosen, min_n),
        salary=_salary(con, chosen, min_n),
        companies=_companies(con, chosen),
        top_skills=top,
        shared_skills=shared,
        series_kind=series_kind,
        skill_series=_skill_series(con, series_kind, since_day, chosen.end, key_skills, min_n),
        divergence_kind=divergence_kind,
        divergence=divergence,
        divergence_pooled=divergence_pooled,
        distinctive=distinctive,
        distinctive_changes=distinctive_changes,
        trends=trends,
        trend_periods=trend_periods,
        trend_n=trend_n,
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
