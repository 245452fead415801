"""The process flow: pending landing files -> transform batches as tasks -> load -> finalize.

Transforms fan out through a task runner. By default (`task_runner = "processes"`) each batch is a
Prefect task on a thread of the flow's process that hands the batch's landing lines, undecoded, to
a pool of `workers` worker processes (which decode and check them too), so the pure-Python
transforms use every core while Prefect's task runs, states and cache stay in the flow's process.
`threads` transforms on the threads themselves (one core, the GIL); `dask` uses a Dask
LocalCluster of `workers` processes, or the existing Dask cluster of `process.dask_address`.
Loading stays in the flow's process, the warehouse's single writer, one transaction per landing
file, in landing order.

A transformed batch is stored as Arrow IPC files under `<data_dir>/cache/transforms/<key>/`; the
task's result is only that folder, which Prefect caches under `<data_dir>/cache/prefect-results`,
keyed by the landing file's sha256, the batch index and size, and the rules/taxonomy/extractor
versions. The loader reads each batch's tables back from its folder.

The run itself (manifests, pending files, loading in order, finalize, the run's record) is
pipeline.load.run_process, which the sequential `process_landing` shares; this module supplies
its Prefect way of mapping transforms over the batches (`prefect_batches`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.context import TaskRunContext
from prefect.futures import PrefectFuture
from prefect.states import Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from jobtrends.config import Settings
from jobtrends.landing import LandingLines, LandingRecord
from jobtrends.progress import Progress
from pipeline.flows.common import as_settings
from pipeline.landing import LandingFile
from pipeline.load import BatchJob, MapBatches, run_process
from pipeline.transform import TableBatch, Versions, start_worker, transform_to_folder

CACHE_EXPIRATION = timedelta(days=90)
# Part of every cache key: which records a batch of the same file and size holds. 2 leaves out the
# lines that break the record contract (1 transformed records without ids), so results cached by 1
# are not reused; 3 stores what decoding the batch's lines found beside its tables (the loader
# names rejected lines from it), which results cached by 2 lack.
BATCHING_VERSION = "3"
# Batches in flight per worker ahead of the loader: one transforming, one waiting, so a worker
# never idles while the loader takes a batch; more would only hold more records in memory.
IN_FLIGHT_PER_WORKER = 2

# Worker pools of the flow runs in this process, by the id their tasks are given.
_POOLS: dict[str, ProcessPoolExecutor] = {}


class RecordBatch:
    """A batch's undecoded landing lines (or, on a reextract, its records) handed to a transform
    task as one opaque value.

    Prefect walks every list, dict and dataclass among a task's parameters looking for futures;
    over thousands of nested records that walk cost twice the transform itself. It does not look
    inside other objects. (prefect's `quote` does the same, but reaches Dask workers mangled.)
    """

    __slots__ = ("records",)

    def __init__(self, records: list[LandingRecord] | LandingLines) -> None:
        self.records = records


@dataclass(frozen=True)
class StoredBatch:
    """A transform task's result: the folder holding the batch's tables (see TableBatch.write)."""

    folder: str

    def read(self) -> TableBatch:
        """The batch's tables."""
        return TableBatch.read(Path(self.folder))


def _batch_cache_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """File content + batch position + code versions decide a transform's output."""
    # Not "transform-": results cached under that prefix hold the tables themselves, not a folder.
    return "transform-stored-" + parameters["cache_token"]


@task(
    name="transform-batch",
    cache_key_fn=_batch_cache_key,
    cache_expiration=CACHE_EXPIRATION,
    persist_result=True,
    retries=0,
)
def transform_batch(
    batch: RecordBatch,
    cache_token: str,
    versions: Versions,
    store: str,
    pool_id: str | None = None,
) -> StoredBatch:
    """Decode one batch of landing lines, classify openings and extract skills (deterministic),
    in the flow's worker pool `pool_id` when this process has it, else right here."""
    pool = _POOLS.get(pool_id) if pool_id is not None else None
    return StoredBatch(run_transform(batch.records, versions, str(Path(store) / cache_token), pool))


def run_transform(
    records: list[LandingRecord] | LandingLines,
    versions: Versions,
    folder: str,
    pool: ProcessPoolExecutor | None,
) -> str:
    """Transform one batch into `folder` on a worker of `pool`, or here without one."""
    if pool is not None:
        return pool.submit(transform_to_folder, records, versions, folder).result()
    return transform_to_folder(records, versions, folder)


def result_storage(settings: Settings) -> Path:
    """Where Prefect keeps the transform tasks' results: `<data_dir>/cache/prefect-results`."""
    path = settings.cache_dir.resolve() / "prefect-results"
    path.mkdir(parents=True, exist_ok=True)
    return path


def table_store(settings: Settings) -> Path:
    """Where transformed batches are stored: `<data_dir>/cache/transforms`."""
    return settings.cache_dir.resolve() / "transforms"


def worker_count(settings: Settings, workers: int | None = None) -> int:
    """How many workers transform: `workers` if given, else `[process] workers`."""
    return workers if workers is not None else settings.process.workers


def build_task_runner(settings: Settings, workers: int | None = None) -> TaskRunner[Any]:
    """The task runner for transforms: threads (waiting on the worker processes, or transforming
    themselves with `threads`), a Dask LocalCluster of `workers`, or an existing Dask cluster."""
    n = worker_count(settings, workers)
    if settings.process.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.process.dask_address)
    if settings.process.task_runner == "dask":
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
    if settings.process.task_runner == "processes":
        return ThreadPoolTaskRunner(max_workers=IN_FLIGHT_PER_WORKER * n)
    return ThreadPoolTaskRunner(max_workers=n)


@contextlib.contextmanager
def worker_pool(settings: Settings, workers: int | None = None) -> Iterator[str | None]:
    """With `task_runner = "processes"` (and no Dask cluster), `workers` worker processes for the
    transforms, yielded as the id a task finds them by; else None."""
    if settings.process.dask_address or settings.process.task_runner != "processes":
        yield None
        return
    # spawn: the flow's process runs threads (Prefect's), which a forked child must not inherit.
    pool = ProcessPoolExecutor(
        max_workers=worker_count(settings, workers),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
    )
    pool_id = uuid.uuid4().hex
    _POOLS[pool_id] = pool
    try:
        yield pool_id
    finally:
        del _POOLS[pool_id]
        pool.shutdown(wait=True, cancel_futures=True)


def cache_token(
    landing_file: LandingFile,
    index: int,
    batch_size: int,
    versions: Versions,
    keep: set[tuple[str, str]] | None,
) -> str:
    """The cache key of one transform: what determines its output, nothing else."""
    parts = [
        BATCHING_VERSION,
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


def prefect_batches(settings: Settings, workers: int | None = None) -> MapBatches:
    """Transform batches as Prefect tasks on the task runner, at most IN_FLIGHT_PER_WORKER per
    worker ahead of the loader, results handed back in submission order."""

    def map_batches(
        jobs: Iterator[BatchJob], versions: Versions
    ) -> Iterator[tuple[BatchJob, TableBatch | Exception]]:
        first = next(jobs, None)
        if first is None:  # nothing to transform: start no workers
            return
        runner = build_task_runner(settings, workers)
        transform = transform_batch.with_options(result_storage=result_storage(settings))
        window = IN_FLIGHT_PER_WORKER * max(1, worker_count(settings, workers))
        batch_size = settings.process.batch_size
        store = str(table_store(settings))
        with (
            _frozen_heap(),
            worker_pool(settings, workers) as pool_id,
            _workers_reach_this_api(runner),
            runner,
        ):
            queue: deque[tuple[BatchJob, PrefectFuture[StoredBatch], dict[str, Any]]] = deque()
            for job in _chain(first, jobs):
                token = cache_token(job.landing_file, job.index, batch_size, versions, job.keep)
                parameters: dict[str, Any] = {
                    "batch": RecordBatch(job.payload),
                    "cache_token": token,
                    "versions": versions,
                    "store": store,
                    "pool_id": pool_id,
                }
                queue.append((job, runner.submit(transform, parameters=parameters), parameters))
                while len(queue) > window:
                    yield _outcome(runner, transform, *queue.popleft())
            while queue:
                yield _outcome(runner, transform, *queue.popleft())

    return map_batches


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the objects alive before the batches (modules, Prefect, DuckDB) out of the garbage
    collector's passes while the batches run.

    Every batch decodes thousands of records, and each collection it triggers used to walk the
    whole heap: 15% of reading the landing files. Unfrozen afterwards, so a long-lived process
    (`jobtrends serve`) still collects what becomes garbage later.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _chain(first: BatchJob, rest: Iterator[BatchJob]) -> Iterator[BatchJob]:
    yield first
    yield from rest


def _outcome(
    runner: TaskRunner[Any],
    transform: Any,
    job: BatchJob,
    future: PrefectFuture[StoredBatch],
    parameters: dict[str, Any],
) -> tuple[BatchJob, TableBatch | Exception]:
    try:
        try:
            return job, future.result().read()
        except FileNotFoundError:
            # The cached result names a folder that is gone (a cleaned cache): transform again.
            again = transform.with_options(refresh_cache=True)
            return job, runner.submit(again, parameters=parameters).result().read()
    except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the others
        return job, exc


@flow(name="process", log_prints=False, validate_parameters=False)
def process_flow(settings: Settings, reextract: bool = False, workers: int | None = None) -> Any:
    """Load every landing file not yet in the warehouse; ends Failed when any file failed."""
    settings = as_settings(settings)
    result = run_process(
        settings,
        prefect_batches(settings, workers),
        reextract=reextract,
        progress=Progress(unit="batches"),
    )
    logger = get_run_logger()
    logger.info(
        "process run %s: %d files, %d postings loaded, %d landing records rejected",
        result.process_run_id,
        result.files_loaded,
        result.postings_loaded,
        result.records_rejected,
    )
    for warning in result.warnings:
        logger.warning("%s", warning)
    if result.failed:
        return Failed(message=f"{len(result.failures)} landing file(s) failed to load", data=result)
    return result


@contextlib.contextmanager
def _workers_reach_this_api(runner: Any) -> Iterator[None]:
    """Let Dask worker processes report to this process's Prefect API.

    In ephemeral mode the API server belongs to this process; without its URL each worker would
    start a server of its own, which outlives the worker. Workers of a LocalCluster inherit the
    environment when the cluster starts; workers of an existing cluster (`dask_address`) get the
    URL with the settings each task carries.
    """
    if type(runner).__name__ != "DaskTaskRunner" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with get_client(sync_client=True) as client:
        api_url = str(client.api_url)
    os.environ["PREFECT_API_URL"] = api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
