"""The flows' plain parts: the run lock, the settings file handed to spiders, task runner choice,
cache keys, the Prefect environment and the progress lines."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from jobtrends.config import Settings, load_settings
from jobtrends.errors import UserError
from jobtrends.progress import Progress, format_progress
from pipeline.flows.common import as_settings, settings_toml, write_settings_file
from pipeline.flows.env import prefect_environment


def _settings(tmp_path: Path, **process: object) -> Settings:
    return Settings.model_validate(
        {
            "data_dir": str(tmp_path / "data"),
            "process": {"lock_timeout_s": 0.3, **process},
            "sources": [
                {"type": "hn_whoishiring", "since": "2015-01", "base_url": "http://127.0.0.1:8765"},
                {"type": "greenhouse", "name": "gh-eu", "boards": ["acme", 'beta "quoted" ü']},
                {
                    "type": "jsonld",
                    "urls": ["http://127.0.0.1:8765/jsonld/a.html"],
                    "enabled": False,
                },
            ],
        }
    )


def test_a_second_run_on_the_same_data_dir_stops_with_one_sentence(tmp_path: Path) -> None:
    from pipeline.flows.jobtrends import run_lock

    settings = _settings(tmp_path)
    with run_lock(settings):
        with pytest.raises(UserError) as caught:
            with run_lock(settings):
                pass
    message = str(caught.value)
    assert f"another jobtrends run (pid {os.getpid()})" in message
    assert str(settings.data_dir) in message and "wait for it to finish" in message
    with run_lock(settings):  # released: the next run goes ahead
        pass


def test_the_settings_file_reads_back_to_equal_settings(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    path = write_settings_file(settings, tmp_path / "runs")
    again = load_settings(path)
    assert again == settings.with_overrides(data_dir=settings.data_dir.resolve())
    assert again.source("gh-eu").boards == ["acme", 'beta "quoted" ü']
    assert "[[sources]]" in settings_toml(settings) and "[politeness]" in settings_toml(settings)
    assert as_settings(settings.model_dump(mode="json")) == settings


def test_task_runner_follows_workers_and_config(tmp_path: Path) -> None:
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from pipeline.flows.process import build_task_runner

    # processes (the default): each thread waits on a worker process, two batches per worker
    default = build_task_runner(_settings(tmp_path, workers=3))
    assert isinstance(default, ThreadPoolTaskRunner) and default._max_workers == 6
    assert build_task_runner(_settings(tmp_path), workers=4)._max_workers == 8
    threads = build_task_runner(_settings(tmp_path, task_runner="threads", workers=3))
    assert isinstance(threads, ThreadPoolTaskRunner) and threads._max_workers == 3
    local = build_task_runner(_settings(tmp_path, task_runner="dask"), workers=2)
    assert isinstance(local, DaskTaskRunner)
    assert local.cluster_kwargs["n_workers"] == 2 and local.cluster_kwargs["processes"] is True
    assert local.cluster_kwargs["threads_per_worker"] == 1
    remote = build_task_runner(_settings(tmp_path, dask_address="tcp://10.0.0.5:8786"), workers=4)
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://10.0.0.5:8786"
    configured = build_task_runner(_settings(tmp_path, task_runner="dask", workers=5))
    assert isinstance(configured, DaskTaskRunner) and configured.cluster_kwargs["n_workers"] == 5


def test_worker_pool_only_for_processes_without_a_dask_cluster(tmp_path: Path) -> None:
    from pipeline.flows.process import _POOLS, worker_pool

    with worker_pool(_settings(tmp_path, workers=3)) as pool_id:
        assert pool_id is not None and _POOLS[pool_id]._max_workers == 3
    assert pool_id not in _POOLS
    for settings in (
        _settings(tmp_path, task_runner="threads"),
        _settings(tmp_path, task_runner="dask"),
        _settings(tmp_path, dask_address="tcp://10.0.0.5:8786"),
    ):
        with worker_pool(settings) as none:
            assert none is None


def test_cache_key_changes_with_file_batch_size_and_versions(tmp_path: Path) -> None:
    from pipeline.flows.process import cache_token
    from pipeline.landing import LandingFile
    from pipeline.transform import Versions

    file = LandingFile(tmp_path / "a.jsonl.gz", "greenhouse", "r1", "ab" * 32)
    versions = Versions("rules-1", "tax-1", "ext-1")
    key = cache_token(file, 0, 5000, versions, None)
    assert key == cache_token(
        LandingFile(tmp_path / "elsewhere.jsonl.gz", "x", "r9", "ab" * 32), 0, 5000, versions, None
    )
    others = {
        cache_token(LandingFile(file.path, "greenhouse", "r1", "cd" * 32), 0, 5000, versions, None),
        cache_token(file, 1, 5000, versions, None),
        cache_token(file, 0, 1000, versions, None),
        cache_token(file, 0, 5000, Versions("rules-2", "tax-1", "ext-1"), None),
        cache_token(file, 0, 5000, Versions("rules-1", "tax-2", "ext-1"), None),
        cache_token(file, 0, 5000, Versions("rules-1", "tax-1", "ext-2"), None),
        cache_token(file, 0, 5000, versions, {("greenhouse:1", "h1")}),
    }
    assert key not in others and len(others) == 7


def test_prefect_state_stays_under_the_data_dir(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    env = prefect_environment(settings)
    assert env["PREFECT_HOME"] == str((settings.data_dir / "prefect").resolve())
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PREFECT_SERVER_ALLOW_EPHEMERAL_MODE"] == "true" and "PREFECT_API_URL" not in env
    assert env["PREFECT_LOCAL_STORAGE_PATH"].startswith(str(settings.data_dir.resolve()))
    served = prefect_environment(settings, api_url="http://127.0.0.1:4200/api")
    assert served["PREFECT_API_URL"] == "http://127.0.0.1:4200/api"


def test_progress_lines_give_stage_done_total_and_rate() -> None:
    assert (
        format_progress("process", 50, 200, 10.0, "batches")
        == "process: 50/200 batches 25% (5.0/s, about 30 s left, 10.0 s)"
    )
    # Under one unit a second: the seconds a unit takes, not "0.0/s"; minutes for a long rest.
    assert (
        format_progress("process", 2, 26, 49.1, "batches")
        == "process: 2/26 batches 8% (24.6 s each, about 10 min left, 49.1 s)"
    )
    assert format_progress("process", 0, 26, 0.0, "batches") == "process: 0/26 batches 0% (0.0 s)"
    assert format_progress("process", 26, 26, 600.0, "batches") == (
        "process: 26/26 batches 100% (23.1 s each, 600.0 s)"
    )
    out = io.StringIO()
    progress = Progress(stream=out, every_s=3600)
    progress("crawl", 0, 4)
    progress("crawl", 1, 4)  # throttled
    progress("crawl", 4, 4)  # the last one always prints
    lines = out.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == ["crawl: 0/4 0%", "crawl: 4/4 100%"]
