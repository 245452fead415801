"""The Prefect flows: process (batches as tasks, cache, failures, runs recorded) and crawl
(one subprocess per source, one failure does not fail the others), in Prefect's ephemeral mode."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from jobtrends.config import Settings  # noqa: E402
from pipeline.flows.env import configure_prefect  # noqa: E402
from warehouse.db import session, table_checksums  # noqa: E402

pytestmark = pytest.mark.slow

RUN1 = "20260101T000000Z-00000001"
RUN2 = "20260201T000000Z-00000002"
TITLES = [
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "Backend Engineer",
    "AI Engineer",
    "Data Analyst",
]


@pytest.fixture(scope="module", autouse=True)
def prefect_ephemeral(
    tmp_path_factory: pytest.TempPathFactory, prefect_state: Path
) -> Iterator[None]:
    """Prefect in ephemeral mode with its home in a temporary folder, for this module only."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("PREFECT_")}
    data = tmp_path_factory.mktemp("prefect-data")
    shutil.copytree(prefect_state, data / "prefect")
    configure_prefect(Settings(data_dir=data))
    yield
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        del os.environ[key]
    os.environ.update(saved)


def _settings(root: Path, batch_size: int = 4, task_runner: str = "processes") -> Settings:
    return Settings.model_validate(
        {
            "data_dir": str(root),
            "process": {"batch_size": batch_size, "lock_timeout_s": 2, "task_runner": task_runner},
            "report": {"bootstrap_samples": 10},
        }
    )


def _records(n: int, run_id: str, offset: int = 0) -> list[dict[str, Any]]:
    out = []
    for i in range(offset, offset + n):
        title = TITLES[i % len(TITLES)]
        text = f"{title} at Acme. We use Python, SQL and Docker; Kubernetes is a plus. Role {i}."
        out.append(
            lf.record("greenhouse", str(i), title, text, f"2025-{1 + i % 12:02d}", run_id=run_id)
        )
    return out


def _landing(settings: Settings) -> None:
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, _records(13, RUN1), boards=["acme"])
    lf.write_run(
        settings.landing_dir, "greenhouse", RUN2, _records(6, RUN2, offset=10), boards=["acme"]
    )


def _checksums(settings: Settings) -> dict[str, Any]:
    """Table checksums, with landing_files compared by content (its paths differ per data dir)."""
    with session(settings, read_only=True) as con:
        sums: dict[str, Any] = table_checksums(con)
        sums["landing_files"] = con.execute(
            "select sha256, source, run_id, n_records from landing_files order by sha256"
        ).fetchall()
    return sums


def _query(settings: Settings, sql: str) -> list[tuple[Any, ...]]:
    with session(settings, read_only=True) as con:
        return con.execute(sql).fetchall()


def test_process_flow_loads_records_run_and_matches_sequential(tmp_path: Path) -> None:
    from pipeline.flows.common import run_flow
    from pipeline.flows.process import process_flow
    from pipeline.load import process_landing

    flow_settings = _settings(tmp_path / "flow")
    plain_settings = _settings(tmp_path / "plain")
    _landing(flow_settings)
    _landing(plain_settings)

    result = run_flow(process_flow, flow_settings)
    assert (result.files_in, result.files_loaded, result.failures) == (2, 2, [])
    assert result.postings_in == 19
    assert _query(flow_settings, "select count(*) from postings") == [(16,)]
    runs = _query(flow_settings, "select state, files_in, postings_in, failures from process_runs")
    assert runs == [("completed", 2, 19, 0)]
    assert _query(flow_settings, "select count(*) from crawl_runs") == [(2,)]

    process_landing(plain_settings)
    assert _checksums(flow_settings) == _checksums(plain_settings)

    before = _checksums(flow_settings)
    again = run_flow(process_flow, flow_settings)
    assert (again.files_in, again.postings_in) == (0, 0)
    assert _checksums(flow_settings) == before
    assert _query(flow_settings, "select count(*) from process_runs where state = 'completed'") == [
        (2,)
    ]


@pytest.mark.parametrize("task_runner", ["processes", "threads"])
def test_transform_is_cached_by_file_hash_batch_and_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, task_runner: str
) -> None:
    import pipeline.flows.process as process
    from pipeline.flows.common import run_flow

    calls: list[int] = []
    real = process.run_transform

    def counting(records: Any, *args: Any) -> Any:
        calls.append(len(records))
        return real(records, *args)

    monkeypatch.setattr(process, "run_transform", counting)
    settings = _settings(tmp_path / "cached", task_runner=task_runner)
    _landing(settings)
    first = run_flow(process.process_flow, settings)
    assert sum(calls) == 19 and len(calls) == 6  # 13 records in 4 batches of 4, 6 in 2
    checksums = _checksums(settings)

    # A rebuilt warehouse reloads every file; the transforms come from the cache.
    settings.warehouse_path.unlink()
    second = run_flow(process.process_flow, settings)
    assert len(calls) == 6
    assert second.postings_loaded == first.postings_loaded
    assert _checksums(settings) == checksums
    assert any((settings.cache_dir / "prefect-results").iterdir())
    assert len(list((settings.cache_dir / "transforms").iterdir())) == 6

    # Cached results whose tables are gone (a cleaned cache) are transformed again.
    shutil.rmtree(settings.cache_dir / "transforms")
    settings.warehouse_path.unlink()
    third = run_flow(process.process_flow, settings)
    assert len(calls) == 12
    assert third.postings_loaded == first.postings_loaded
    assert _checksums(settings) == checksums


def test_a_broken_landing_file_fails_the_run_but_not_the_others(tmp_path: Path) -> None:
    from pipeline.flows.process import process_flow

    settings = _settings(tmp_path / "broken")
    _landing(settings)
    bad = settings.landing_dir / "lever" / "20260102T000000Z-0000000b.jsonl.gz"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(gzip.compress(b'{"source": "lever"}\n')[:-9])  # truncated gzip

    state = process_flow(settings, return_state=True)
    assert state.is_failed()
    result = state.result(raise_on_failure=False)
    assert result.files_in == 3 and result.files_loaded == 2
    assert [f["path"] for f in result.failures] == [str(bad)]
    assert _query(settings, "select count(*) from postings") == [(16,)]
    assert _query(settings, "select state, failures from process_runs") == [("failed", 1)]
    assert bad.name not in {
        r[0].rsplit("/", 1)[-1] for r in _query(settings, "select path from landing_files")
    }
    # the good files stay loaded; the broken one is tried again next time and fails again
    again = process_flow(settings, return_state=True)
    assert again.is_failed() and again.result(raise_on_failure=False).files_in == 1


@pytest.mark.parametrize("task_runner", ["processes", "threads"])
def test_the_flow_rejects_broken_lines_by_file_and_line_as_the_sequential_run_does(
    tmp_path: Path, task_runner: str
) -> None:
    """The workers decode the landing lines; what they reject is named as read_landing names it."""
    from pipeline.flows.common import run_flow
    from pipeline.flows.process import process_flow
    from pipeline.load import process_landing

    results, checksums = [], []
    for name in ("flow", "plain"):
        settings = _settings(tmp_path / name, batch_size=3, task_runner=task_runner)
        good = _records(5, RUN1)
        landing = lf.write_run(settings.landing_dir, "greenhouse", RUN1, good, boards=["acme"])
        undated = {**good[4], "source_id": "99", "global_id": "greenhouse:99", "month": "x"}
        undated.update(posted_at="never", fetched_at=None)
        landing.write_bytes(
            gzip.compress(
                b"\n".join(
                    [
                        *(json.dumps(r).encode() for r in good[:2]),
                        b'{"source": "greenhouse", "source_id": ',
                        b"",
                        b"[1, 2]",
                        json.dumps({**good[2], "source_id": " ", "global_id": None}).encode(),
                        b'{"source": "greenhouse", "title": "caf\xe9"}',
                        json.dumps(undated).encode(),
                        *(json.dumps(r).encode() for r in good[2:]),
                    ]
                ),
                mtime=0,
            )
        )
        run = (lambda s: run_flow(process_flow, s)) if name == "flow" else process_landing
        result = run(settings)
        results.append([r.replace(str(landing), "<file>") for r in result.rejected])
        results.append(result.records_rejected)
        checksums.append(_checksums(settings))
    flow_rejected, flow_count, plain_rejected, plain_count = results
    assert (
        flow_rejected
        == plain_rejected
        == [
            "<file>:3: not JSON (Expecting value: line 1 column 39 (char 38))",
            "<file>:5: not a JSON object",
            "<file>:6: source_id is blank",
            "<file>:7: not UTF-8 (byte 39 of the line)",
            "<file>:8: neither a month nor a date that parses",
        ]
    )
    assert flow_count == plain_count == 5
    assert checksums[0] == checksums[1]


def test_a_file_cut_short_after_many_batches_puts_nothing_in_the_warehouse(
    tmp_path: Path,
) -> None:
    from pipeline.flows.process import process_flow

    settings = _settings(tmp_path / "cut")
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, _records(8, RUN1), boards=["acme"])
    big = lf.write_run(settings.landing_dir, "lever", RUN2, _lever_records(60, RUN2))
    whole = big.read_bytes()
    big.write_bytes(whole[: len(whole) * 95 // 100])  # 15 batches of 4, the tail cut off

    state = process_flow(settings, return_state=True)
    assert state.is_failed()
    result = state.result(raise_on_failure=False)
    assert [f["path"] for f in result.failures] == [str(big)]
    # The transforms ran ahead in their window, but nothing of the file was committed.
    assert _query(settings, "select source, count(*) from v_postings group by 1") == [
        ("greenhouse", 8)
    ]
    assert _query(settings, "select source from landing_files") == [("greenhouse",)]
    assert (result.files_loaded, result.postings_loaded) == (1, 8)

    big.write_bytes(whole)
    again = process_flow(settings, return_state=True)
    assert again.is_completed()
    assert _query(settings, "select count(*) from v_postings where source = 'lever'") == [(60,)]


def _lever_records(n: int, run_id: str) -> list[dict[str, Any]]:
    return [
        lf.record(
            "lever",
            str(i),
            TITLES[i % len(TITLES)],
            f"Role {i}: Python and SQL; reference {i * 7919 % 10007}.",
            f"2025-{1 + i % 12:02d}",
            run_id=run_id,
        )
        for i in range(n)
    ]


FAKE_SPIDER = textwrap.dedent(
    """
    import json, os, pathlib, sys
    args = sys.argv[1:]
    source = args[args.index("--source") + 1]
    run_id = args[args.index("--run-id") + 1]
    if source == "lever":
        sys.exit("lever: board host unreachable")
    folder = pathlib.Path(os.environ["JOBTRENDS_DATA_DIR"]) / "landing" / source
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"source": source, "run_id": run_id, "complete": True, "items_seen": 3, "items_landed": 2,
                "errors": [], "config": args[args.index("--config") + 1]}
    (folder / f"{run_id}.manifest.json").write_text(json.dumps(manifest))
    """
)


def test_crawl_flow_runs_each_source_in_a_subprocess_and_isolates_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.flows.crawl as crawl

    script = tmp_path / "fake_spider.py"
    script.write_text(FAKE_SPIDER, encoding="utf-8")

    def command(config_path: Path, source_key: str, run_id: str, *rest: Any) -> list[str]:
        return [
            sys.executable,
            str(script),
            "--config",
            str(config_path),
            "--source",
            source_key,
            "--run-id",
            run_id,
        ]

    monkeypatch.setattr(crawl, "spider_command", command)
    monkeypatch.setattr(
        crawl, "crawl_source", crawl.crawl_source.with_options(retries=1, retry_delay_seconds=0)
    )
    settings = Settings.model_validate(
        {
            "data_dir": str(tmp_path / "data"),
            "sources": [
                {"type": "greenhouse", "boards": ["acme"]},
                {"type": "lever", "boards": ["beta"]},
                {"type": "ashby", "boards": ["gamma"]},
            ],
        }
    )
    state = crawl.crawl_flow(settings, return_state=True)
    assert state.is_failed()
    result = state.result(raise_on_failure=False)
    assert sorted(result.manifests) == ["ashby", "greenhouse"]
    assert result.failed == ["lever"]
    assert "board host unreachable" in result.errors["lever"]
    assert result.items_landed == 4
    # the subprocess read a config file holding the effective settings; it is removed afterwards
    config = Path(result.manifests["greenhouse"]["config"])
    assert config.parent == settings.data_dir / "runs" and not config.exists()

    only = crawl.crawl_flow(settings, sources=["ashby"], return_state=True)
    assert only.is_completed() and list(only.result().manifests) == ["ashby"]


def test_process_flow_on_a_two_worker_dask_cluster_equals_the_sequential_run(
    tmp_path: Path,
) -> None:
    from pipeline.flows.common import run_flow
    from pipeline.flows.process import process_flow
    from pipeline.load import process_landing

    dask_settings = _settings(tmp_path / "dask", batch_size=3, task_runner="dask")
    plain_settings = _settings(tmp_path / "plain", batch_size=3)
    _landing(dask_settings)
    _landing(plain_settings)

    result = run_flow(process_flow, dask_settings, workers=2)
    assert (result.files_loaded, result.postings_in, result.failures) == (2, 19, [])
    process_landing(plain_settings)
    assert _checksums(dask_settings) == _checksums(plain_settings)
    assert _query(dask_settings, "select count(*) from posting_skills")[0][0] > 0
