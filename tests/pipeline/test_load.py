"""Loading landing files into the warehouse: upserts, versions, closing, duplicates, idempotency
and crash safety."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from jobtrends.config import Settings  # noqa: E402
from pipeline.load import (  # noqa: E402
    BATCH_NAMES,
    ProcessResult,
    ShadowedBatchName,
    process_landing,
)
from warehouse.db import session, table_checksums  # noqa: E402
from warehouse.query import run_query  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RUN0 = "20251201T000000Z-00000000"
RUN1 = "20260101T000000Z-00000001"
RUN2 = "20260201T000000Z-00000002"


def _settings(tmp_path: Path, warehouse: str = "warehouse.duckdb", batch_size: int = 2) -> Settings:
    return Settings.model_validate(
        {
            "data_dir": str(tmp_path / "data"),
            "warehouse": str(tmp_path / warehouse),
            "process": {"batch_size": batch_size, "lock_timeout_s": 5},
            "report": {"bootstrap_samples": 20},
        }
    )


def _process(settings: Settings, **kwargs: Any) -> ProcessResult:
    return process_landing(
        settings,
        extractor=lf.FakeExtractor(),
        classify=lf.classify,
        versions=kwargs.pop("versions", lf.VERSIONS),
        taxonomy=lf.TAXONOMY,
        **kwargs,
    )


def _first_run(settings: Settings) -> None:
    records = [
        lf.record(
            "greenhouse",
            "1",
            "Machine Learning Engineer",
            "Python, PyTorch and k8s on AWS.",
            "2024-01",
            run_id=RUN1,
        ),
        lf.record(
            "greenhouse",
            "2",
            "Senior Data Scientist",
            "Python, SQL, R and Tableau. Python again.",
            "2024-01",
            run_id=RUN1,
        ),
        lf.record("greenhouse", "3", "Backend Engineer", "Go and SQL.", "2024-02", run_id=RUN1),
        lf.record("greenhouse", "4", "Data Scientist", "pandas and SQL.", "2024-02", run_id=RUN1),
        lf.record("greenhouse", "5", "Designer", "Figma.", "2024-02", run_id=RUN1),
    ]
    hn = [
        lf.record(
            "hn_whoishiring",
            "100",
            "Acme | ML Engineer, Data Scientist | Berlin",
            "ML Engineer: PyTorch and Docker\nData Scientist: SQL and R\nWe use Python.",
            "2024-01",
            board="999",
            run_id=RUN1,
        ),
        lf.record(
            "hn_whoishiring",
            "101",
            "Beta | Frontend Engineer | Remote",
            "React.",
            "2024-01",
            board="999",
            run_id=RUN1,
        ),
    ]
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, records, boards=["acme"])
    lf.write_run(settings.landing_dir, "hn_whoishiring", RUN1, hn)


def _second_run(settings: Settings) -> None:
    # posting 1 changes its text; 2 is unchanged (seen, not landed); 3, 4, 5 are gone from the board;
    # a lever posting duplicates greenhouse:2 by company, title, location and near-identical text.
    changed = lf.record(
        "greenhouse",
        "1",
        "Machine Learning Engineer",
        "Python, PyTorch and Docker.",
        "2024-01",
        run_id=RUN2,
    )
    lf.write_run(
        settings.landing_dir,
        "greenhouse",
        RUN2,
        [changed],
        boards=["acme"],
        seen=["greenhouse:1", "greenhouse:2"],
    )
    duplicate = lf.record(
        "lever",
        "x9",
        "Senior Data Scientist",
        "Python, SQL, R and Tableau. Python again!",
        "2024-01",
        board="acme-lever",
        run_id=RUN2,
    )
    lf.write_run(settings.landing_dir, "lever", RUN2, [duplicate], boards=["acme-lever"])


def test_first_load_counts_rows_and_source_months(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    result = _process(settings)
    assert (result.files_in, result.files_loaded, result.postings_loaded, result.failed) == (
        2,
        2,
        7,
        False,
    )
    with session(settings, read_only=True) as con:
        assert con.execute("select count(*) from postings").fetchall()[0][0] == 7
        months = con.execute(
            "select source, month::varchar, postings_seen, postings_kept from source_months order by 1, 2"
        ).fetchall()
        assert months == [
            ("greenhouse", "2024-01-01", 2, 2),
            ("greenhouse", "2024-02-01", 3, 1),
            ("hn_whoishiring", "2024-01-01", 2, 1),
        ]
        # the HN post has two openings; its mentions inside an opening's section belong to it
        skills = con.execute(
            "select skill_id, opening_idx from posting_skills where global_id = 'hn_whoishiring:100' order by start_char"
        ).fetchall()
        assert skills == [("pytorch", 0), ("docker", 0), ("sql", 1), ("r", 1), ("python", None)]
        roles = con.execute(
            "select role_families from v_postings where global_id = 'hn_whoishiring:100'"
        ).fetchall()
        assert roles == [(["ai_engineer", "data_scientist"],)]
        # a skill counts once per posting: greenhouse:2 mentions Python twice; the HN post's
        # Python sits in text both its openings share, so it speaks for neither role
        assert con.execute(
            "select n_skill from v_skill_share_monthly where role = 'data_scientist' and skill = 'python' and period = '2024-01-01'"
        ).fetchall() == [(1,)]
        assert con.execute("select count(*) from crawl_runs where complete").fetchall()[0][0] == 2
        assert con.execute("select sum(n_records) from landing_files").fetchall()[0][0] == 7
        assert con.execute(
            "select state, files_in, postings_loaded from process_runs"
        ).fetchall() == [("completed", 2, 7)]


def test_second_run_versions_closes_and_links_duplicates(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    _process(settings)
    _second_run(settings)
    result = _process(settings)
    assert (result.files_in, result.postings_loaded) == (2, 2)
    with session(settings, read_only=True) as con:
        versions = con.execute(
            "select global_id, count(*) from posting_versions group by 1 having count(*) > 1"
        ).fetchall()
        assert versions == [("greenhouse:1", 2)]
        first_seen, last_seen = con.execute(
            "select first_seen::varchar, last_seen::varchar from postings where global_id = 'greenhouse:1'"
        ).fetchall()[0]
        assert first_seen.startswith("2026-01-01 00:00:00") and last_seen.startswith(
            "2026-02-01 00:00:00"
        )
        # the new text replaced the skills: k8s and AWS went, Docker came
        assert [
            r[0]
            for r in con.execute(
                "select skill_id from posting_skills where global_id = 'greenhouse:1' order by start_char"
            ).fetchall()
        ] == ["python", "pytorch", "docker"]
        # seen-but-unchanged greenhouse:2 stays open and its last_seen advanced to the run's end
        closed = con.execute(
            "select global_id from postings where closed_at is not null order by 1"
        ).fetchall()
        assert closed == [("greenhouse:3",), ("greenhouse:4",), ("greenhouse:5",)]
        assert (
            con.execute("select last_seen::varchar from postings where global_id = 'greenhouse:2'")
            .fetchall()[0][0]
            .startswith("2026-02-01 00:00:00.5")
        )
        assert con.execute(
            "select global_id, canonical_id from postings where canonical_id <> global_id"
        ).fetchall() == [("lever:x9", "greenhouse:2")]
        assert con.execute("select count(*) from v_postings").fetchall()[0][0] == 7


def test_incomplete_run_closes_nothing(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    lf.write_run(
        settings.landing_dir, "greenhouse", RUN2, [], boards=["acme"], seen=[], complete=False
    )
    _process(settings)
    with session(settings, read_only=True) as con:
        assert (
            con.execute("select count(*) from postings where closed_at is not null").fetchall()[0][
                0
            ]
            == 0
        )


def test_loading_twice_changes_nothing(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    _second_run(settings)
    _process(settings)
    with session(settings, read_only=True) as con:
        once = table_checksums(con)
    again = _process(settings)
    assert (again.files_in, again.postings_loaded) == (0, 0)
    with session(settings, read_only=True) as con:
        assert table_checksums(con) == once
    assert once["postings"][0] == 8 and once["posting_versions"][0] == 9


def test_reextract_recomputes_only_stale_postings(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    _process(settings)
    newer = lf.VERSIONS.__class__(
        rules=lf.VERSIONS.rules, taxonomy=lf.VERSIONS.taxonomy, extractor="test-ext-2"
    )
    result = _process(settings, reextract=True, versions=newer)
    assert result.postings_loaded == 7
    with session(settings, read_only=True) as con:
        assert con.execute("select distinct extractor_version from postings").fetchall() == [
            ("test-ext-2",)
        ]
        assert con.execute("select distinct extractor_version from posting_skills").fetchall() == [
            ("test-ext-2",)
        ]
    assert _process(settings, reextract=True, versions=newer).postings_loaded == 0


def test_a_broken_landing_file_fails_alone(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    broken = settings.landing_dir / "lever" / f"{RUN2}.jsonl.gz"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\x1f\x8b\x08\x00 truncated")
    result = _process(settings)
    assert result.failed and result.files_loaded == 2
    assert result.failures[0]["path"] == str(broken)
    assert result.failures[0]["error"].startswith("cut short or corrupt (")
    assert result.failures[0]["error"].endswith(
        "; nothing of it was loaded: move it out of the landing zone and crawl lever again"
    )
    with session(settings, read_only=True) as con:
        assert con.execute("select state, failures from process_runs").fetchall() == [("failed", 1)]


def test_a_transform_that_raises_fails_its_file_alone(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)

    class BrokenOnReact(lf.FakeExtractor):
        def extract_many(self, texts: Any) -> Any:
            texts = list(texts)
            if any("React" in text for text in texts):
                raise RuntimeError("extractor bug")
            return super().extract_many(texts)

    result = process_landing(
        settings,
        extractor=BrokenOnReact(),
        classify=lf.classify,
        versions=lf.VERSIONS,
        taxonomy=lf.TAXONOMY,
    )
    hn = settings.landing_dir / "hn_whoishiring" / f"{RUN1}.jsonl.gz"
    assert result.failures == [{"path": str(hn), "error": "RuntimeError: extractor bug"}]
    assert result.files_loaded == 1
    with session(settings, read_only=True) as con:
        assert con.execute("select count(*) from landing_files").fetchall() == [(1,)]
        assert con.execute(
            "select count(*) from postings where source = 'hn_whoishiring'"
        ).fetchall() == [(0,)]
    assert _process(settings).files_in == 1  # tried again next time


CRASHING_LOAD = """
import os, signal, sys
sys.path.insert(0, sys.argv[3])
import landing_factory as lf
import pipeline.load as load
from jobtrends.config import Settings

point, settings = sys.argv[1], Settings.model_validate_json(sys.argv[2])
calls = {"n": 0}
if point == "transform":
    class Dying(lf.FakeExtractor):
        def extract_many(self, texts):
            calls["n"] += 1
            if calls["n"] == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            return super().extract_many(texts)
    extractor = Dying()
else:
    extractor = lf.FakeExtractor()
    original = load.load_batch
    def dying_load(con, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # inside the third batch's transaction
            con.execute("insert into postings select * replace ('zombie' as global_id) from postings limit 1")
            os.kill(os.getpid(), signal.SIGKILL)
        return original(con, *args, **kwargs)
    load.load_batch = dying_load
load.process_landing(settings, extractor=extractor, classify=lf.classify, versions=lf.VERSIONS, taxonomy=lf.TAXONOMY)
"""


@pytest.mark.slow
@pytest.mark.parametrize("point", ["transform", "transaction"])
def test_killed_mid_load_then_reloaded_equals_uninterrupted(tmp_path: Path, point: str) -> None:
    clean = _settings(tmp_path, "clean.duckdb")
    _first_run(clean)
    _second_run(clean)
    _process(clean)
    with session(clean, read_only=True) as con:
        expected = table_checksums(con)

    crashed = _settings(tmp_path, "crashed.duckdb")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASHING_LOAD,
            point,
            crashed.model_dump_json(),
            str(ROOT / "tests" / "warehouse"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr
    with session(crashed, read_only=True) as con:
        partial = table_checksums(con)
        assert (
            con.execute("select count(*) from postings where global_id = 'zombie'").fetchall()[0][0]
            == 0
        )
    assert partial != expected  # the kill did interrupt the load
    _process(crashed)
    with session(crashed, read_only=True) as con:
        assert table_checksums(con) == expected


def test_the_load_sql_reads_by_name_only_the_kept_names() -> None:
    read = {
        name
        for path in (ROOT / "pipeline" / "queries" / "load").glob("*.sql")
        for name in re.findall(r"\b_load_\w+", path.read_text(encoding="utf-8"))
    }
    assert read == set(BATCH_NAMES)


@pytest.mark.parametrize(
    ("ddl", "named"),
    [
        (
            ["create table _load_staged_winners (global_id varchar, existed boolean)"],
            "the table main._load_staged_winners",
        ),
        (
            ["create schema scratch", "create view scratch._LOAD_batch_openings as select 1 as x"],
            "the view scratch._LOAD_batch_openings",
        ),
    ],
)
def test_a_relation_named_like_a_batch_table_is_refused_before_anything_loads(
    tmp_path: Path, ddl: list[str], named: str
) -> None:
    settings = _settings(tmp_path)
    _first_run(settings)
    for statement in ddl:
        run_query(settings, statement, write=True)
    with pytest.raises(ShadowedBatchName) as refused:
        _process(settings)
    assert str(refused.value) == (
        f"the warehouse holds {named}, whose name the load keeps for a batch's rows (it would "
        "read them from that relation instead); rename or drop it, then process again (nothing "
        "was loaded)"
    )
    with session(settings, read_only=True) as con:
        assert _row_counts(con) == (0, 0, 0, 0, 0, 0, 0)

    run_query(settings, f"drop {named.split()[1]} {named.split()[2]}", write=True)
    result = _process(settings)
    assert (result.files_in, result.files_loaded, result.postings_loaded, result.failed) == (
        2,
        2,
        7,
        False,
    )
    with session(settings, read_only=True) as con:
        assert _row_counts(con) == (7, 7, 8, 17, 2, 2, 1)


def _row_counts(con: Any) -> tuple[int, ...]:
    """Postings, posting versions, openings, skill mentions, landing files, crawl runs, process runs."""
    tables = (
        "postings",
        "posting_versions",
        "openings",
        "posting_skills",
        "landing_files",
        "crawl_runs",
        "process_runs",
    )
    return tuple(con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in tables)


def test_refetches_older_and_newer_update_postings_and_versions(tmp_path: Path) -> None:
    # Runs land without seen lists: finalize's seen-based last_seen would hide the load's own.
    settings = _settings(tmp_path)
    texts = {
        "1": "Python and AWS.",
        "2": "SQL and R.",
        "3": "Go and SQL.",
        "4": "pandas.",
        "5": "Tableau.",
    }
    first = [
        lf.record("greenhouse", sid, "Data Scientist", text, "2024-01", run_id=RUN1)
        for sid, text in texts.items()
    ]
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, first, seen=[], complete=False)
    _process(settings)
    # a late-landed earlier crawl: posting 1 with another text and company, 4 unchanged
    older = [
        lf.record(
            "greenhouse", "1", "Data Scientist", "R only.", "2024-01", run_id=RUN0, company="Zeta"
        ),
        lf.record("greenhouse", "4", "Data Scientist", texts["4"], "2024-01", run_id=RUN0),
    ]
    lf.write_run(settings.landing_dir, "greenhouse", RUN0, older, seen=[], complete=False)
    # a later crawl: posting 3 changed (its source renamed too), 2 unchanged, 5 changed and
    # fetched at the same instant as stored (the batch wins a tie)
    changed = lf.record(
        "greenhouse",
        "3",
        "Data Scientist",
        "Go, SQL and R.",
        "2024-01",
        run_id=RUN2,
        company="Beta",
    )
    changed["source"] = "greenhouse-eu"
    tie = lf.record("greenhouse", "5", "Data Scientist", "Tableau and SQL.", "2024-01", run_id=RUN2)
    tie["fetched_at"] = first[4]["fetched_at"]
    newer = [
        changed,
        lf.record("greenhouse", "2", "Data Scientist", texts["2"], "2024-01", run_id=RUN2),
        tie,
    ]
    lf.write_run(settings.landing_dir, "greenhouse", RUN2, newer, seen=[], complete=False)
    assert _process(settings).postings_loaded == 3  # the older fetches replace nothing

    def digest(text: str, company: str = "Acme") -> str:
        return lf.content_hash("Data Scientist", company, "Berlin", text)

    jan, dec, feb = "2026-01-01 00:00:00+00", "2025-12-01 00:00:00+00", "2026-02-01 00:00:00+00"
    with session(settings, read_only=True) as con:
        postings = con.execute(
            "select global_id, source, company, description_text, content_hash, crawl_run_id,"
            " first_seen::varchar, last_seen::varchar from postings order by 1"
        ).fetchall()
        versions = con.execute(
            "select global_id, content_hash, first_seen::varchar, crawl_run_id"
            " from posting_versions order by 1, 3, 4"
        ).fetchall()
    assert postings == [
        ("greenhouse:1", "greenhouse", "Acme", texts["1"], digest(texts["1"]), RUN1, dec, jan),
        ("greenhouse:2", "greenhouse", "Acme", texts["2"], digest(texts["2"]), RUN2, jan, feb),
        (
            "greenhouse:3",
            "greenhouse-eu",
            "Beta",
            "Go, SQL and R.",
            digest("Go, SQL and R.", "Beta"),
            RUN2,
            jan,
            feb,
        ),
        ("greenhouse:4", "greenhouse", "Acme", texts["4"], digest(texts["4"]), RUN1, dec, jan),
        (
            "greenhouse:5",
            "greenhouse",
            "Acme",
            "Tableau and SQL.",
            digest("Tableau and SQL."),
            RUN2,
            jan,
            jan,
        ),
    ]
    assert versions == [
        ("greenhouse:1", digest("R only.", "Zeta"), dec, RUN0),
        ("greenhouse:1", digest(texts["1"]), jan, RUN1),
        ("greenhouse:2", digest(texts["2"]), jan, RUN1),
        ("greenhouse:3", digest(texts["3"]), jan, RUN1),
        ("greenhouse:3", digest("Go, SQL and R.", "Beta"), feb, RUN2),
        ("greenhouse:4", digest(texts["4"]), dec, RUN0),
        ("greenhouse:5", digest(texts["5"]), jan, RUN1),
        ("greenhouse:5", digest("Tableau and SQL."), jan, RUN2),
    ]
