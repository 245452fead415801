"""Per-role shares of skills by year, each role's thin full years pooled on its own n."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from jobtrends.vocabulary import COMPARED_ROLES
from reports.claims import wilson
from reports.divergence_periods import pool_thin_years
from reports.period import years_label
from reports.reading import Row


def role_share_periods(
    n_role: Mapping[tuple[str, int], int],
    n_skill: Mapping[tuple[str, int, str], int],
    skill_ids: Sequence[str],
    full: Collection[int],
    min_n: int,
    label: Callable[[list[int]], str] = years_label,
    position: Callable[[int], float] = int,
) -> list[Row]:
    """Per skill, role and period: the share of the role's postings with skills that mention the
    skill, with its Wilson 95% interval; `n_role` is per (role, year), `n_skill` per (role, year,
    skill). Each role's thin full years are pooled on its own n (pool_thin_years, the divergence's
    rule); a year not in `full` stays alone, marked partial; a period without postings is left out.
    Quarters pool the same way, numbered (quarter_periods) and given their `label` and axis
    `position` in years."""
    years = sorted({year for _role, year in n_role})
    periods = {
        role: pool_thin_years([(y, n_role.get((role, y), 0)) for y in years], min_n, full)
        for role in COMPARED_ROLES
    }
    out = []
    for skill_id in skill_ids:
        for role in COMPARED_ROLES:
            for period in periods[role]:
                n = sum(n_role.get((role, y), 0) for y in period)
                if n == 0:
                    continue
                k = sum(n_skill.get((role, y, skill_id), 0) for y in period)
                low, high = wilson(k, n)
                first, last = position(period[0]), position(period[-1])
                out.append(
                    {
                        "skill_id": skill_id,
                        "role": role,
                        "period": label(period),
                        "first_year": first,
                        "last_year": last,
                        "midpoint": (first + last) / 2,
                        "pooled": len(period) > 1,
                        "partial": period[0] not in full,
                        "n_role": n,
                        "n_skill": k,
                        "share": k / n,
                        "low": low,
                        "high": high,
                        "small": n < min_n,
                    }
                )
    return out


def pooled_periods_note(rows: Sequence[Row], labels: Mapping[str, str]) -> str:
    """Which periods were pooled for which role (from role_share_periods rows, `labels` naming
    the roles), e.g. "data scientist 2022–2024"; empty when none is."""
    named = []
    for role in COMPARED_ROLES:
        periods = list(
            dict.fromkeys(r["period"] for r in rows if r["role"] == role and r["pooled"])
        )
        if periods:
            named.append(f"{labels[role]} {', '.join(periods)}")
    return "; ".join(named)
