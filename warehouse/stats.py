"""Statistics SQL alone makes awkward: bootstrap intervals of the Jensen-Shannon divergence."""

from __future__ import annotations

import zlib

import duckdb
import numpy as np
import pandas as pd

from jobtrends.config import Settings

SEED = 20_150_101
_PERIOD_TYPES = ("month", "quarter", "year")

_MENTIONS = """
with postings as (
    select global_id, month from postings
    where coalesce(canonical_id, global_id) = global_id
),
roles as (
    select distinct global_id, role_family as role
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
),
role_postings as (
    select roles.role, postings.global_id, postings.month
    from postings
    join roles using (global_id)
)
select
    role_postings.role,
    role_postings.global_id,
    strftime(role_postings.month, '%Y-%m') as month,
    year(role_postings.month)::varchar || '-Q' || quarter(role_postings.month)::varchar as quarter,
    year(role_postings.month)::varchar as year,
    mentions.skill_id
from role_postings
left join (select distinct global_id, skill_id from posting_skills) as mentions using (global_id)
"""


def jsd(counts_a: np.ndarray, counts_b: np.ndarray) -> float:
    """Jensen-Shannon divergence (base 2) between two count vectors, each normalised to sum 1."""
    total_a, total_b = counts_a.sum(axis=-1, keepdims=True), counts_b.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(total_a > 0, counts_a / total_a, 0.0)
        q = np.where(total_b > 0, counts_b / total_b, 0.0)
        m = (p + q) / 2
        term_p = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1) / np.where(m > 0, m, 1)), 0.0)
        term_q = np.where(q > 0, q * np.log2(np.where(q > 0, q, 1) / np.where(m > 0, m, 1)), 0.0)
    value = 0.5 * term_p.sum(axis=-1) + 0.5 * term_q.sum(axis=-1)
    return np.clip(value, 0.0, 1.0)  # type: ignore[return-value]


def _bootstrap_counts(
    posting_idx: np.ndarray, skill_idx: np.ndarray, n_postings: int, n_skills: int,
    samples: int, rng: np.random.Generator,
) -> np.ndarray:
    """Skill counts of `samples` resamples (with replacement) of the role's postings."""
    out = np.zeros((samples, n_skills))
    if n_postings == 0:
        return out
    for s in range(samples):
        weights = rng.multinomial(n_postings, np.full(n_postings, 1.0 / n_postings))
        out[s] = np.bincount(skill_idx, weights=weights[posting_idx], minlength=n_skills)
    return out


def bootstrap_divergence(mentions: pd.DataFrame, period_type: str, samples: int, seed: int) -> pd.DataFrame:
    """JSD per period with a percentile 95% interval from resampling postings within each role."""
    rows = []
    for period, part in mentions.groupby(period_type, sort=True):
        skills = pd.Index(sorted(part["skill_id"].dropna().unique()))
        rng = np.random.default_rng([seed, zlib.crc32(f"{period_type}:{period}".encode())])
        point, counts, n = [], [], {}
        for role in ("ai_engineer", "data_scientist"):
            role_part = part[part["role"] == role]
            ids = pd.Index(sorted(role_part["global_id"].unique()))
            n[role] = len(ids)
            with_skill = role_part.dropna(subset=["skill_id"])
            posting_idx = ids.get_indexer(with_skill["global_id"])
            skill_idx = skills.get_indexer(with_skill["skill_id"])
            point.append(np.bincount(skill_idx, minlength=len(skills)).astype(float))
            counts.append(_bootstrap_counts(posting_idx, skill_idx, len(ids), len(skills), samples, rng))
        value = low = high = None
        if point[0].sum() > 0 and point[1].sum() > 0:
            value = float(jsd(point[0], point[1]))
            draws = jsd(counts[0], counts[1])
            low, high = (float(x) for x in np.percentile(draws, [2.5, 97.5]))
        rows.append(
            {
                "period_type": period_type, "period": str(period), "jsd": value, "jsd_low": low,
                "jsd_high": high, "n_ai": n["ai_engineer"], "n_ds": n["data_scientist"],
                "samples": samples, "seed": seed,
            }
        )
    return pd.DataFrame(
        rows, columns=["period_type", "period", "jsd", "jsd_low", "jsd_high", "n_ai", "n_ds", "samples", "seed"]
    )


def refresh(con: duckdb.DuckDBPyConnection, settings: Settings, seed: int = SEED) -> int:
    """Recompute divergence_bootstrap from the loaded postings; return the rows written."""
    samples = settings.report.bootstrap_samples
    mentions = con.execute(_MENTIONS).df()
    frames = [bootstrap_divergence(mentions, period_type, samples, seed) for period_type in _PERIOD_TYPES]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    con.execute("begin transaction")
    try:
        con.execute("delete from divergence_bootstrap")
        if len(table):
            con.register("batch_bootstrap", table)
            con.execute(
                "insert into divergence_bootstrap select period_type, period, jsd, jsd_low, jsd_high, "
                "n_ai, n_ds, samples, seed from batch_bootstrap"
            )
            con.unregister("batch_bootstrap")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return len(table)
