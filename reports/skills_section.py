"""The skills, divergence and trends sections: skill shares per role, the basis they are read
over, the gaps between the roles, distinctive tools and the divergence series."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

import duckdb

from jobtrends.vocabulary import AI_ENGINEER, COMPARED_ROLES, DATA_SCIENTIST
from reports.claims import difference_interval
from reports.divergence_periods import warehouse_full_years, warehouse_months
from reports.movers import Interval, SkillChange, called_a_change
from reports.period import Period, add_months
from reports.quarter_periods import full_quarters, quarter_number, quarter_position, quarters_label
from reports.reading import Row, is_tool, query_rows
from reports.share_periods import role_share_periods

TOP_DISTINCTIVE = 15
# a z-score at or above this sets a tool apart at the two-sided 95% level
DISTINCTIVE_Z = 1.96
# A period where a role has fewer than min_n postings with skills borrows the trailing window
# ending with it: 12 months first, widened a year at a time up to three years when a role is still
# short (HN brings only a few dozen data-science posts with skills a year since 2023); beyond
# three years the window would describe another market, so the report says "not enough data".
POOL_MONTHS = (12, 24, 36)
KEY_CATEGORIES = 6
SKILLS_PER_CATEGORY = 2


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


def skill_shares(
    con: duckdb.DuckDBPyConnection, start: date, end: date, min_n: int
) -> list[SkillShare]:
    """Every skill's share of each role's postings in [start, end)."""
    rows = query_rows(con, "skill_shares", [start, end, start, end])
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
        r["role"]: int(r["n_skill_postings"])
        for r in query_rows(con, "skill_postings", [start, end])
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
    """Per key skill, role and period from `since` up to `end`: the share of the role's postings
    with skills that mention it, with its Wilson 95% interval. By year or by quarter, each role's
    thin full periods pooled on its own n as the history report's tools chart pools its years
    (role_share_periods); full years and quarters are judged as the divergence judges them (the
    data before and after on all the warehouse's months), and a period the report's start or end
    cuts short is partial and counts only its months inside."""
    ids = [k[0] for k in key_skills]
    if not ids:
        return []
    meta = {k[0]: (k[1], k[2]) for k in key_skills}
    rows = query_rows(con, "skill_series", [since, end, since, end, ids, ids])
    if kind == "year":
        first, last = since.year, add_months(end, -1).year
        full: Collection[int] = warehouse_full_years(con, first, last, end, since)

        def number(month: date) -> int:
            return month.year

        shares = role_share_periods(*_series_counts(rows, number), ids, full, min_n)
    else:
        full = full_quarters(warehouse_months(con), since, end)
        shares = role_share_periods(
            *_series_counts(rows, quarter_number),
            ids,
            full,
            min_n,
            quarters_label,
            quarter_position,
        )
    return [
        {
            "skill_id": r["skill_id"],
            "skill": meta[r["skill_id"]][0],
            "category": meta[r["skill_id"]][1],
            **r,
            "label": r["period"] + (" (part)" if r["partial"] else ""),
        }
        for r in shares
    ]


def _series_counts(
    rows: list[Row], number: Callable[[date], int]
) -> tuple[dict[tuple[str, int], int], dict[tuple[str, int, str], int]]:
    """skill_series.sql's monthly rows summed per (role, period) and (role, period, skill), each
    month given its period's `number`."""
    n_role: dict[tuple[str, int], int] = {}
    n_skill: dict[tuple[str, int, str], int] = {}
    months: set[tuple[str, date]] = set()
    for r in rows:
        key = (r["role"], number(r["month"]))
        if (r["role"], r["month"]) not in months:
            months.add((r["role"], r["month"]))
            n_role[key] = n_role.get(key, 0) + int(r["n_role"])
        n_skill[(*key, r["skill_id"])] = n_skill.get((*key, r["skill_id"]), 0) + int(r["n_skill"])
    return n_role, n_skill


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
        out[role] = [{**r, "distinctive": r["z"] >= DISTINCTIVE_Z} for r in out[role] if r["z"] > 0]
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


# Rising and falling compare the basis with an earlier window of the same length: the window just
# before it, or the same months a year earlier when the basis is shorter than a year (a month set
# against the month before it would mostly measure the season and the noise of a few dozen posts).
TRENDS_MIN_SHIFT_MONTHS = 12


def _employer_fields(found: SkillChange | None) -> Row:
    if found is None:
        return {
            "employer_k_first": 0,
            "employer_k_last": 0,
            "employers_first": 0,
            "employers_last": 0,
            "employer_change": 0.0,
            "employer_change_low": 0.0,
            "employer_change_high": 0.0,
        }
    return {
        "employer_k_first": found["employer_k_first"],
        "employer_k_last": found["employer_k_last"],
        "employers_first": found["employers_first"],
        "employers_last": found["employers_last"],
        "employer_change": found["employer_change"],
        "employer_change_low": found["employer_change_low"],
        "employer_change_high": found["employer_change_high"],
    }


def trend_window(con: duckdb.DuckDBPyConnection, basis: Basis) -> Basis:
    """The window the basis is compared with in the rising-and-falling section."""
    return shifted_basis(con, basis, max(TRENDS_MIN_SHIFT_MONTHS, basis.months))


def window_trends(
    before: list[SkillShare],
    now: list[SkillShare],
    n_before: dict[str, int],
    n_now: dict[str, int],
    min_n: int,
    employers: Mapping[tuple[str, str], SkillChange],
) -> list[Row]:
    """Tools whose share of a role's postings changed between two windows by more than the
    Newcombe 95% interval of the change allows; a role with fewer than min_n postings with
    skills in either window is left out (its shares move by whole postings). Each row carries
    the employer counts of (role, skill) from `employers` and whether it passes the employer
    check (movers.called_a_change); a skill without employer counts does not."""
    rows: list[Row] = []
    for role in COMPARED_ROLES:
        n0, n1 = n_before.get(role, 0), n_now.get(role, 0)
        if n0 < min_n or n1 < min_n:
            continue
        k0 = {s.skill_id: s for s in before if s.role == role}
        k1 = {s.skill_id: s for s in now if s.role == role}
        for skill_id in sorted(k0.keys() | k1.keys()):
            share = k1.get(skill_id) or k0[skill_id]
            if not is_tool(share.category):
                continue
            a = k1[skill_id].n_skill if skill_id in k1 else 0
            b = k0[skill_id].n_skill if skill_id in k0 else 0
            change, low, high = difference_interval(a, n1, b, n0)
            if low <= 0 <= high:
                continue
            fields = _employer_fields(employers.get((role, skill_id)))
            called = called_a_change(
                Interval(
                    change=change,
                    change_low=low,
                    change_high=high,
                    employer_change=fields["employer_change"],
                    employer_change_low=fields["employer_change_low"],
                    employer_change_high=fields["employer_change_high"],
                )
            )
            rows.append(
                {
                    "skill_id": skill_id,
                    "skill": share.skill,
                    "category": share.category,
                    "role": role,
                    "share_first": b / n0,
                    "share_last": a / n1,
                    "n_first": n0,
                    "n_last": n1,
                    "change": change,
                    "change_low": low,
                    "change_high": high,
                    "direction": "rising" if low > 0 else "falling",
                    **fields,
                    "called": called,
                }
            )
    return sorted(
        rows,
        key=lambda r: (r["role"], r["direction"] != "rising", -abs(r["change"]), r["skill_id"]),
    )
