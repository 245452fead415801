"""The process flow: pending landing files -> transform batches as tasks -> load -> finalize.

Transforms fan out through a task runner (threads by default; a Dask LocalCluster with
`workers`; an existing Dask cluster from `process.dask_address`). Loading stays in the flow's
process, the warehouse's single writer, one transaction per landing file, in landing order. The
transform of one batch is cached by Prefect under `<data_dir>/cache/prefect-results`, keyed by
the landing file's sha256, the batch index and size, and the rules/taxonomy/extractor versions.

The run itself (manifests, pending files, loading in order, finalize, the run's record) is
pipeline.load.run_process, which the sequential `process_landing` shares; this module supplies
its Prefect way of mapping transforms over the batches (`prefect_batches`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import deque
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.context import TaskRunContext
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from jobtrends.config import Settings
from jobtrends.landing import LandingRecord
from jobtrends.progress import Progress
from pipeline.flows.common import as_settings
from pipeline.landing import LandingFile
from pipeline.load import BatchJob, MapBatches, run_process
from pipeline.transform import TableBatch, Versions, transform_records

CACHE_EXPIRATION = timedelta(days=90)
# Part of every cache key: which records a batch of the same file and size holds. 2 leaves out the
# lines that break the record contract (1 transformed records without ids), so results cached by 1
# are not reused.
BATCHING_VERSION = "2"


class RecordBatch:
    """Landing records handed to a transform task as one opaque value.

    Prefect walks every list, dict and dataclass among a task's parameters looking for futures;
    over thousands of nested records that walk cost twice the transform itself. It does not look
    inside other objects. (prefect's `quote` does the same, but reaches Dask workers mangled.)
    """

    __slots__ = ("records",)

    def __init__(self, records: list[LandingRecord]) -> None:
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
    """Transform batches as Prefect tasks on the task runner, at most two per worker ahead of
    the loader, results handed back in submission order."""

    def map_batches(
        jobs: Iterator[BatchJob], versions: Versions
    ) -> Iterator[tuple[BatchJob, TableBatch | Exception]]:
        runner = build_task_runner(settings, workers)
        transform = transform_batch.with_options(result_storage=result_storage(settings))
        window = 2 * max(1, workers or settings.process.workers)
        batch_size = settings.process.batch_size
        with _workers_reach_this_api(runner), runner:
            queue: deque[tuple[BatchJob, Any]] = deque()
            for job in jobs:
                token = cache_token(job.landing_file, job.index, batch_size, versions, job.keep)
                future = runner.submit(
                    transform,
                    parameters={
                        "batch": RecordBatch(job.records),
                        "cache_token": token,
                        "versions": versions,
                    },
                )
                queue.append((job, future))
                while len(queue) > window:
                    yield _outcome(*queue.popleft())
            while queue:
                yield _outcome(*queue.popleft())

    return map_batches


def _outcome(job: BatchJob, future: Any) -> tuple[BatchJob, TableBatch | Exception]:
    try:
        return job, future.result()
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
