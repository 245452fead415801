"""Data checks over a loaded warehouse, and the query and export entry points."""

from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb
import landing_factory as lf
import pytest

from jobtrends.config import Settings
from jobtrends.errors import UserError
from jobtrends.vocabulary import ROLE_FAMILIES, SENIORITIES
from pipeline.load import process_landing
from warehouse.db import session
from warehouse.export import export_warehouse
from warehouse.query import run_query

TITLES = [
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "Backend Engineer",
    "Staff ML Engineer",
    "Data Scientist",
    "Designer",
]
WORDS = [
    "Python",
    "SQL",
    "R",
    "PyTorch",
    "k8s",
    "Docker",
    "pandas",
    "Tableau",
    "AWS",
    "Go",
    "Rust",
    "teamwork",
]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A warehouse loaded from 120 seeded postings over 2023-2024 from two sources."""
    tmp = tmp_path_factory.mktemp("loaded")
    settings = Settings.model_validate(
        {"data_dir": str(tmp / "data"), "report": {"bootstrap_samples": 30}}
    )
    rng = random.Random(3)
    for source, run_id in (
        ("greenhouse", "20250101T000000Z-0000000a"),
        ("lever", "20250101T000000Z-0000000b"),
    ):
        records = [
            lf.record(
                source,
                str(i),
                rng.choice(TITLES),
                " ".join(rng.sample(WORDS, 5)) + ".",
                f"{rng.choice([2023, 2024])}-{rng.randint(1, 12):02d}",
                run_id=run_id,
                company=f"Co{i % 7}",
            )
            for i in range(60)
        ]
        lf.write_run(settings.landing_dir, source, run_id, records, boards=["acme"])
    result = process_landing(
        settings,
        extractor=lf.FakeExtractor(),
        classify=lf.classify,
        versions=lf.VERSIONS,
        taxonomy=lf.TAXONOMY,
    )
    assert result.postings_loaded == 120 and not result.failed
    return settings


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> object:
    return con.execute(sql).fetchall()[0][0]


def test_keys_are_unique_and_not_null(loaded: Settings) -> None:
    with session(loaded, read_only=True) as con:
        assert _one(con, "select count(*) - count(distinct global_id) from postings") == 0
        assert (
            _one(con, "select count(*) - count(distinct (global_id, opening_idx)) from openings")
            == 0
        )
        assert (
            _one(con, "select count(*) - count(distinct (source, month)) from source_months") == 0
        )
        assert (
            _one(
                con,
                "select count(*) from postings where month is null or content_hash is null or first_seen is null",
            )
            == 0
        )
        assert _one(con, "select count(*) from postings where canonical_id is null") == 0
        assert _one(con, "select count(*) from postings where day(month) <> 1") == 0


def test_accepted_values_and_references(loaded: Settings) -> None:
    with session(loaded, read_only=True) as con:
        families = {
            r[0] for r in con.execute("select distinct role_family from openings").fetchall()
        }
        assert families == set(ROLE_FAMILIES)
        seniorities = {
            r[0] for r in con.execute("select distinct seniority from openings").fetchall()
        }
        assert seniorities <= set(SENIORITIES)
        categories = {r[0] for r in con.execute("select distinct category from skills").fetchall()}
        assert categories == {s.category for s in lf.TAXONOMY}
        assert (
            _one(con, "select count(*) from posting_skills anti join postings using (global_id)")
            == 0
        )
        assert (
            _one(con, "select count(*) from posting_skills anti join skills using (skill_id)") == 0
        )
        assert (
            _one(
                con,
                "select count(*) from postings p anti join postings c on c.global_id = p.canonical_id",
            )
            == 0
        )


def test_shares_and_intervals_are_consistent(loaded: Settings) -> None:
    with session(loaded, read_only=True) as con:
        for view in ("v_skill_share_monthly", "v_skill_share_yearly"):
            bad = _one(
                con,
                f"select count(*) from {view} where share not between 0 and 1 "
                "or not (wilson_low <= share and share <= wilson_high) or n_skill > n_role",
            )
            assert bad == 0
            assert _one(con, f"select count(*) from {view}") > 0
        assert (
            _one(con, "select count(*) from v_monthly_role_counts where share not between 0 and 1")
            == 0
        )
        assert (
            _one(
                con,
                "select count(*) from v_role_divergence where jsd not between 0 and 1 or cosine not between 0 and 1",
            )
            == 0
        )
        # postings_kept / seen add up to what the postings say
        assert _one(con, "select sum(postings_seen) from source_months") == 120
        kept = _one(
            con, "select count(distinct global_id) from openings where role_family <> 'other'"
        )
        assert _one(con, "select sum(postings_kept) from source_months") == kept
        # the bootstrap interval brackets its point estimate
        rows = con.execute(
            "select jsd, jsd_low, jsd_high, samples from divergence_bootstrap where period_type = 'year'"
        ).fetchall()
        assert len(rows) == 2 and all(
            low <= jsd <= high and samples == 30 for jsd, low, high, samples in rows
        )
        view = dict(
            con.execute(
                "select period, jsd from v_role_divergence where period_type = 'year'"
            ).fetchall()
        )
        table = dict(
            con.execute(
                "select period, jsd from divergence_bootstrap where period_type = 'year'"
            ).fetchall()
        )
        assert view == pytest.approx(table)


def test_query_formats_and_read_only(loaded: Settings) -> None:
    sql = "select source, sum(postings_seen) as n from source_months group by 1 order by 1"
    assert json.loads(run_query(loaded, sql, fmt="json")) == [
        {"source": "greenhouse", "n": 60},
        {"source": "lever", "n": 60},
    ]
    assert run_query(loaded, sql, fmt="csv") == "source,n\ngreenhouse,60\nlever,60"
    table = run_query(loaded, sql).splitlines()
    assert table[0].split() == ["source", "|", "n"] and table[-1] == "(2 rows)"
    with pytest.raises(UserError, match="read-only; pass --write"):
        run_query(loaded, "delete from postings")
    with pytest.raises(UserError, match="--format 'xml' is not known"):
        run_query(loaded, sql, fmt="xml")


def test_export_writes_parquet_partitioned_by_month(loaded: Settings, tmp_path: Path) -> None:
    written = export_warehouse(loaded, tmp_path / "export")
    names = {p.name for p in written}
    assert {
        "postings",
        "source_months",
        "v_monthly_role_counts",
        "v_skill_share_monthly",
        "skills.parquet",
        "v_role_divergence.parquet",
        "v_skill_trends.parquet",
    } <= names
    assert (tmp_path / "export" / "postings").is_dir()
    assert any(
        p.name.startswith("month=2023-") for p in (tmp_path / "export" / "postings").iterdir()
    )
    con = duckdb.connect()
    count = con.execute(
        "select count(*) from read_parquet(?, hive_partitioning = true)",
        [str(tmp_path / "export" / "postings" / "**" / "*.parquet")],
    ).fetchall()[0][0]
    assert count == 120
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "export" / "skills.parquet")) == len(lf.TAXONOMY)
