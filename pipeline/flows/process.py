"""The process flow: pending landing files -> transform batches as tasks -> load -> finalize.

Transforms fan out through a task runner (threads by default; a Dask LocalCluster with
`workers`; an existing Dask cluster from `process.dask_address`). Loading stays in the flow's
process, the warehouse's single writer, one transaction per batch, in landing order. The
transform of one batch is cached by Prefect under `<data_dir>/cache/prefect-results`, keyed by
the landing file's sha256, the batch index and size, and the rules/taxonomy/extractor versions.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.context import TaskRunContext
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from jobtrends.config import Settings
from jobtrends.errors import describe
from jobtrends.progress import Progress
from pipeline.flows.common import as_settings
from pipeline.landing import (
    LandingFile,
    LandingFileError,
    loaded_landing_hashes,
    pending_files,
    read_batches,
)
from pipeline.load import (
    ProcessResult,
    finalize,
    load_batch,
    load_pending_manifests,
    new_process_run_id,
    record_process_run,
    stale_postings,
    start_process_run,
)
from pipeline.transform import TableBatch, Versions, current_versions, transform_records

CACHE_EXPIRATION = timedelta(days=90)


class RecordBatch:
    """Landing records handed to a transform task as one opaque value.

    Prefect walks every list, dict and dataclass among a task's parameters looking for futures;
    over thousands of nested records that walk cost twice the transform itself. It does not look
    inside other objects. (prefect's `quote` does the same, but reaches Dask workers mangled.)
    """

    __slots__ = ("records",)

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records


def _batch_cache_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """File content + batch position + code versions decide a transform's output."""
    return "transform-" + parameters["cache_token"]


@task(
    name="transform-batch",
    cache_key_fn=_batch_cache_key,
    cache_expiration=CACHE_EXPIRATION,
    persist_result=True,
    # Held in memory, every batch's tables stay alive in Prefect's result cache until the run ends
    # (gigabytes at a million postings); the loader reads each once from the result storage.
    cache_result_in_memory=False,
    retries=0,
)
def transform_batch(
    batch: RecordBatch,
    cache_token: str,
    versions: Versions,
) -> TableBatch:
    """Classify openings and extract skills of one batch of landing records (deterministic)."""
    return transform_records(batch.records, versions=versions)


def result_storage(settings: Settings) -> Any:
    """Where cached transforms are kept: `<data_dir>/cache/prefect-results`."""
    path = settings.cache_dir.resolve() / "prefect-results"
    path.mkdir(parents=True, exist_ok=True)
    return path


def build_task_runner(settings: Settings, workers: int | None = None) -> Any:
    """The task runner for transforms: threads, a Dask LocalCluster of `workers`, or a cluster."""
    if settings.process.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.process.dask_address)
    n = workers if workers is not None else settings.process.workers
    if workers is not None or settings.process.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={
                "n_workers": n,
                "processes": True,
                "threads_per_worker": 1,
                "dashboard_address": None,
            },
        )
    return ThreadPoolTaskRunner(max_workers=n)


@dataclass
class _Item:
    landing_file: LandingFile
    index: int
    last: bool
    n_records: int
    future: Any


def cache_token(
    landing_file: LandingFile,
    index: int,
    batch_size: int,
    versions: Versions,
    keep: set[tuple[str, str]] | None,
) -> str:
    """The cache key of one transform: what determines its output, nothing else."""
    parts = [
        landing_file.sha256,
        str(index),
        str(batch_size),
        versions.rules,
        versions.taxonomy,
        versions.extractor,
    ]
    if keep is not None:
        parts.append(
            hashlib.sha256("\n".join(sorted(f"{g}\t{h}" for g, h in keep)).encode()).hexdigest()[
                :16
            ]
        )
    return "-".join(parts)


def _batches(
    files: list[LandingFile],
    batch_size: int,
    stale: set[tuple[str, str]] | None,
    loaded: set[str],
    failed: dict[str, str],
) -> Iterator[
    tuple[LandingFile, int, bool, int, list[dict[str, Any]], set[tuple[str, str]] | None]
]:
    """(file, batch index, is last, records so far, records, filter) over every pending file."""
    for landing_file in files:
        keep = stale if (stale is not None and landing_file.sha256 in loaded) else None
        n_records = 0
        try:
            for index, (records, last) in enumerate(read_batches(landing_file.path, batch_size)):
                n_records += len(records)
                if keep is not None:
                    records = [
                        r for r in records if (r.get("global_id"), r.get("content_hash")) in keep
                    ]
                yield landing_file, index, last, n_records, records, keep
                if str(landing_file.path) in failed:
                    break
        except LandingFileError as exc:
            failed[str(landing_file.path)] = f"LandingFileError: {exc}"


@flow(name="process", log_prints=False, validate_parameters=False)
def process_flow(settings: Settings, reextract: bool = False, workers: int | None = None) -> Any:
    """Load every landing file not yet in the warehouse; ends Failed when any file failed."""
    from warehouse.db import close, connect

    settings = as_settings(settings)
    logger = get_run_logger()
    started = time.monotonic()
    result = ProcessResult(new_process_run_id())
    progress = Progress(unit="batches")
    versions = current_versions()
    batch_size = settings.process.batch_size
    con = connect(settings)
    try:
        start_process_run(con, result.process_run_id)
        result.manifests_loaded = load_pending_manifests(con, settings)
        files = pending_files(con, settings, reextract=reextract)
        result.files_in = len(files)
        loaded = loaded_landing_hashes(con)
        stale = stale_postings(con, versions) if reextract and files else None
        failed: dict[str, str] = {}
        runner = build_task_runner(settings, workers)
        transform = transform_batch.with_options(result_storage=result_storage(settings))
        window = 2 * max(1, workers or settings.process.workers)
        # batch count is only known after reading; estimate from record counts in manifests
        total = sum(_estimated_batches(f, batch_size) for f in files)
        done = 0
        progress("process", 0, total)
        with _workers_reach_this_api(runner), runner:
            queue: deque[_Item] = deque()

            def drain(limit: int) -> None:
                nonlocal done
                while len(queue) > limit:
                    item = queue.popleft()
                    _load_item(con, item, failed, result)
                    done += 1
                    progress("process", done, max(total, done))

            for landing_file, index, last, n_records, records, keep in _batches(
                files, batch_size, stale, loaded, failed
            ):
                if str(landing_file.path) in failed:
                    continue
                token = cache_token(landing_file, index, batch_size, versions, keep)
                future = runner.submit(
                    transform,
                    parameters={
                        "batch": RecordBatch(records),
                        "cache_token": token,
                        "versions": versions,
                    },
                )
                queue.append(_Item(landing_file, index, last, n_records, future))
                drain(window)
            drain(0)
        result.failures = [{"path": path, "error": error} for path, error in failed.items()]
        loaded_paths = {str(f.path) for f in files} - set(failed)
        result.files_loaded = len(loaded_paths)
        if (
            files
            or result.manifests_loaded
            or not _previous_run_completed(con, result.process_run_id)
        ):
            finalize(con, settings)
        result.duration_s = time.monotonic() - started
        record_process_run(con, result)
    except BaseException as exc:
        _record_crash(con, result, started, exc)
        raise
    finally:
        close(con)
    logger.info(
        "process run %s: %d files, %d postings loaded",
        result.process_run_id,
        result.files_loaded,
        result.postings_loaded,
    )
    if result.failed:
        return Failed(message=f"{len(result.failures)} landing file(s) failed to load", data=result)
    return result


@contextlib.contextmanager
def _workers_reach_this_api(runner: Any) -> Iterator[None]:
    """Let Dask worker processes report to this process's Prefect API.

    In ephemeral mode the API server belongs to this process; without its URL each worker would
    start a server of its own. Workers inherit the environment when the cluster starts.
    """
    if type(runner).__name__ != "DaskTaskRunner" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    os.environ["PREFECT_API_URL"] = api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _previous_run_completed(con: duckdb.DuckDBPyConnection, process_run_id: str) -> bool:
    """True when the last process run before this one finished cleanly (its derived tables hold)."""
    row = con.execute(
        "select state from process_runs where process_run_id <> ? order by started_at desc limit 1",
        [process_run_id],
    ).fetchone()
    return row is not None and row[0] == "completed"


def _estimated_batches(landing_file: LandingFile, batch_size: int) -> int:
    landed = (landing_file.manifest or {}).get("items_landed")
    if isinstance(landed, int) and landed >= 0:
        return max(1, -(-landed // batch_size))
    return 1


def _load_item(
    con: duckdb.DuckDBPyConnection, item: _Item, failed: dict[str, str], result: ProcessResult
) -> None:
    """Wait for one transform and load it; a failure marks its whole file failed."""
    path = str(item.landing_file.path)
    if path in failed:
        item.future.wait()
        return
    try:
        batch = item.future.result()
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the others
        failed[path] = describe(exc)
        return
    try:
        counts = load_batch(
            con,
            batch,
            item.landing_file,
            final=item.last,
            n_records=item.n_records,
            process_run_id=result.process_run_id,
        )
    except (duckdb.Error, ValueError, TypeError, KeyError) as exc:
        failed[path] = describe(exc)
        return
    result.postings_in += counts.get("postings_in", 0)
    result.postings_loaded += counts.get("postings_loaded", 0)
    result.skills_loaded += counts.get("skills_loaded", 0)


def _record_crash(
    con: duckdb.DuckDBPyConnection, result: ProcessResult, started: float, exc: BaseException
) -> None:
    result.failures.append({"path": "", "error": describe(exc)})
    result.duration_s = time.monotonic() - started
    try:
        record_process_run(con, result)
    except duckdb.Error:
        pass
