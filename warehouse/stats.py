"""Statistics SQL alone makes awkward: bootstrap intervals of the Jensen-Shannon divergence."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from jobtrends.config import Settings
from jobtrends.vocabulary import COMPARED_ROLES, PERIOD_TYPES

SEED = 20_150_101
_QUERY = Path(__file__).resolve().parent / "queries" / "role_posting_skills.sql"
# Weights of this many resamples are held at once: memory ~ 4 bytes x role postings x chunk.
_CHUNK = 25
# The columns of divergence_bootstrap, the table the report reads its JSD intervals from.
BOOTSTRAP_COLUMNS = [
    "period_type",
    "period",
    "jsd",
    "jsd_low",
    "jsd_high",
    "n_ai",
    "n_ds",
    "samples",
    "seed",
]


@dataclass(frozen=True)
class RolePostings:
    """Canonical (posting, role) rows as integer codes, with their skills in compressed rows."""

    role: np.ndarray  # index into COMPARED_ROLES (0 ai_engineer, 1 data_scientist), per row
    month: np.ndarray  # months since 1970-01, per row
    mention_row: np.ndarray  # the row of each (row, skill) mention
    mention_skill: np.ndarray  # the skill code of each mention
    n_skills: int

    @property
    def n_rows(self) -> int:
        """How many (posting, role) rows there are."""
        return len(self.role)


def role_postings(con: duckdb.DuckDBPyConnection) -> RolePostings:
    """Read the canonical role postings and their distinct skills from posting_lists."""
    table = con.sql(_QUERY.read_text(encoding="utf-8")).to_arrow_table()
    return role_postings_from_arrow(table)


def role_postings_from_arrow(table: pa.Table) -> RolePostings:
    """Encode an Arrow table of (role, month, skills) rows as integer arrays."""
    roles = table.column("role").to_numpy(zero_copy_only=False).astype(str)
    keep = np.isin(roles, COMPARED_ROLES)
    role = (roles[keep] == COMPARED_ROLES[1]).astype(np.int8)
    month = table.column("month").to_numpy().astype("datetime64[M]").astype(np.int64)[keep]
    skills = table.column("skills").filter(pa.array(keep))
    flat = pc.list_flatten(skills)
    parent = pc.list_parent_indices(skills).to_numpy().astype(np.int64)
    if len(flat) == 0:
        return RolePostings(role, month, parent, np.zeros(0, np.int64), 0)
    encoded = pc.dictionary_encode(flat).combine_chunks()
    # codes in skill id order, not order of first appearance, so sums run in the same order
    names = encoded.dictionary.to_numpy(zero_copy_only=False).astype(str)
    rank = np.empty(len(names), np.int64)
    rank[np.argsort(names, kind="stable")] = np.arange(len(names))
    return RolePostings(role, month, parent, rank[encoded.indices.to_numpy()], len(names))


def jsd(counts_a: np.ndarray, counts_b: np.ndarray) -> np.ndarray:
    """Jensen-Shannon divergence (base 2) between count vectors (last axis), each normalised to sum 1."""
    total_a, total_b = counts_a.sum(axis=-1, keepdims=True), counts_b.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(total_a > 0, counts_a / total_a, 0.0)
        q = np.where(total_b > 0, counts_b / total_b, 0.0)
        m = (p + q) / 2
        term_p = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1) / np.where(m > 0, m, 1)), 0.0)
        term_q = np.where(q > 0, q * np.log2(np.where(q > 0, q, 1) / np.where(m > 0, m, 1)), 0.0)
    value = 0.5 * term_p.sum(axis=-1) + 0.5 * term_q.sum(axis=-1)
    return np.clip(value, 0.0, 1.0)


def period_codes(months: np.ndarray, period_type: str) -> np.ndarray:
    """Months since 1970-01 as month, quarter or year numbers."""
    if period_type == "month":
        return months
    return months // (3 if period_type == "quarter" else 12)


def period_label(code: int, period_type: str) -> str:
    """A period number as the reports name it: 2026-05, 2026-Q2 or 2026."""
    if period_type == "month":
        return f"{1970 + code // 12}-{code % 12 + 1:02d}"
    if period_type == "quarter":
        return f"{1970 + code // 4}-Q{code % 4 + 1}"
    return str(1970 + code)


def resample_weights(sizes: np.ndarray, samples: int, rng: np.random.Generator) -> np.ndarray:
    """(rows, samples) float32 weights of rows laid out group after group (`sizes` rows each): per
    sample, how often each row is drawn when every group's n rows are drawn n times with
    replacement, i.e. a multinomial resample of the postings within each group."""
    n_rows = int(sizes.sum())
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    first = np.repeat(starts, sizes)
    size = np.repeat(sizes, sizes).astype(np.float32)
    last = first + np.repeat(sizes, sizes) - 1
    weights = np.empty((n_rows, samples), np.float32)
    for s in range(samples):
        # slot j of a group draws one of the group's rows uniformly; the minimum guards rounding
        picks = np.minimum(
            first + (rng.random(n_rows, dtype=np.float32) * size).astype(np.int64), last
        )
        weights[:, s] = np.bincount(picks, minlength=n_rows)
    return weights


def interval(values: np.ndarray, draws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile interval of each row of `draws`, shifted by the draws' mean excess over `values`.

    A plug-in JSD is biased upwards, more so in resamples (a resample repeats postings, which
    sharpens both profiles), so raw percentiles can lie wholly above the estimate; removing the
    bootstrap estimate of that bias centres the interval on the estimate's own sampling spread.
    """
    bias = draws.mean(axis=1) - values
    low, high = np.percentile(draws, [2.5, 97.5], axis=1)
    return np.clip(low - bias, 0.0, 1.0), np.clip(high - bias, 0.0, 1.0)


@dataclass(frozen=True)
class Draws:
    """Per period: its number, the two roles' skill counts and posting counts, and resampled JSDs."""

    codes: np.ndarray  # (periods,) period numbers
    point: np.ndarray  # (periods, 2, skills) skill counts of ai_engineer and data_scientist
    sizes: np.ndarray  # (periods, 2) postings of each role
    draws: np.ndarray  # (periods, samples) JSD of each resample


def bootstrap_draws(data: RolePostings, period_type: str, samples: int, seed: int) -> Draws:
    """JSD of `samples` resamples per period, each resampling the postings within each role."""
    codes, period_idx = np.unique(period_codes(data.month, period_type), return_inverse=True)
    n_periods, n_skills = len(codes), max(data.n_skills, 1)
    n_groups = 2 * n_periods
    group = period_idx.astype(np.int64) * 2 + data.role
    # rows laid out group after group, so a group's resample draws from one contiguous range
    order = np.argsort(group, kind="stable")
    position = np.empty_like(order)
    position[order] = np.arange(len(order))
    sizes = np.bincount(group, minlength=n_groups)
    mention_row = position[data.mention_row]
    cell = group[data.mention_row] * n_skills + data.mention_skill
    # skill counts of every (period, role) group = a sparse (cells x rows) incidence times row weights
    incidence = sparse.csc_matrix(
        (np.ones(len(cell), np.float32), (cell, mention_row)),
        shape=(n_groups * n_skills, data.n_rows),
    )
    point = (
        np.bincount(cell, minlength=n_groups * n_skills)
        .reshape(n_periods, 2, n_skills)
        .astype(float)
    )
    rng = np.random.default_rng([seed, zlib.crc32(period_type.encode())])
    draws = np.empty((n_periods, samples))
    done = 0
    while done < samples:
        chunk = min(_CHUNK, samples - done)
        counts = incidence @ resample_weights(sizes, chunk, rng)  # (cells, chunk)
        cube = np.asarray(counts, dtype=float).reshape(n_periods, 2, n_skills, chunk)
        draws[:, done : done + chunk] = jsd(
            cube[:, 0].transpose(0, 2, 1), cube[:, 1].transpose(0, 2, 1)
        )
        done += chunk
    return Draws(codes, point, sizes.reshape(n_periods, 2), draws)


def bootstrap_divergence(
    data: RolePostings, period_type: str, samples: int, seed: int
) -> pd.DataFrame:
    """JSD per period with a 95% interval from resampling postings within each role."""
    if data.n_rows == 0:
        return pd.DataFrame(columns=BOOTSTRAP_COLUMNS)
    found = bootstrap_draws(data, period_type, samples, seed)
    codes, point, sizes, draws = found.codes, found.point, found.sizes, found.draws
    values = jsd(point[:, 0], point[:, 1])
    low, high = interval(values, draws)
    both = (point[:, 0].sum(axis=1) > 0) & (point[:, 1].sum(axis=1) > 0)
    # metrics are null (not NaN) unless both roles mention skills in the period
    return pd.DataFrame(
        {
            "period_type": period_type,
            "period": [period_label(int(c), period_type) for c in codes],
            "jsd": _nullable(values, both),
            "jsd_low": _nullable(low, both),
            "jsd_high": _nullable(high, both),
            "n_ai": sizes[:, 0],
            "n_ds": sizes[:, 1],
            "samples": samples,
            "seed": seed,
        },
        columns=BOOTSTRAP_COLUMNS,
    )


def _nullable(values: np.ndarray, keep: np.ndarray) -> pd.Series:
    return pd.Series(
        [float(v) if k else None for v, k in zip(values, keep, strict=True)], dtype=object
    )


def refresh(con: duckdb.DuckDBPyConnection, settings: Settings, seed: int = SEED) -> int:
    """Recompute divergence_bootstrap from posting_lists (refresh the aggregates first); return the rows written."""
    samples = settings.report.bootstrap_samples
    data = role_postings(con)
    frames = [
        bootstrap_divergence(data, period_type, samples, seed) for period_type in PERIOD_TYPES
    ]
    table = pd.concat(frames, ignore_index=True)
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
