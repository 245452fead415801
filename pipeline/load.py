"""Table batches -> DuckDB, one transaction per batch, then the set-based finishing steps; and
run_process, the one skeleton of a process run (the sequential path and the Prefect flow share it)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa

from jobtrends.config import Settings
from jobtrends.errors import describe
from jobtrends.landing import (
    LandingFileError,
    LandingRecord,
    Manifest,
    read_batches,
    read_seen,
    run_id_of,
    seen_file_of,
)
from jobtrends.sql import query
from pipeline.landing import LandingFile, list_landing_files, list_manifests
from pipeline.transform import (
    Classifier,
    SkillExtractorLike,
    TableBatch,
    Versions,
    current_versions,
    transform_records,
)

Progress = Callable[[str, int, int], None]


class TaxonomySkill(Protocol):
    """What the skills table takes of a taxonomy entry (pipeline.skills.Skill)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def category(self) -> str: ...


def _sql(name: str) -> str:
    return query("pipeline", "load", name)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: TableBatch,
    landing_file: LandingFile | None,
    *,
    final: bool = True,
    n_records: int | None = None,
    process_run_id: str | None = None,
) -> dict[str, int]:
    """Load one batch in ONE transaction; with `final`, record the landing file as loaded.

    Upserts postings by global_id (first_seen kept, last_seen advanced, fields from the latest
    fetch), adds a posting_versions row per new content hash, and replaces the openings and skill
    mentions of every posting the batch (re)loads. Pass final=False for all but a file's last batch
    so that a crash between batches makes the whole file load again (which is idempotent).
    """
    con.execute("begin transaction")
    try:
        con.register("batch_postings", batch.postings)
        con.register("batch_openings", batch.openings)
        con.register("batch_posting_skills", batch.posting_skills)
        con.execute(_sql("stage_postings"))
        con.execute(_sql("stage_winners"))
        counts = _counts(con)
        if counts["replaced"]:
            con.execute(_sql("delete_replaced_openings"))
            con.execute(_sql("delete_replaced_skills"))
        con.execute(_sql("upsert_postings"))
        con.execute(_sql("upsert_posting_versions"))
        con.execute(_sql("insert_openings"))
        skills_row = con.execute(_sql("insert_posting_skills")).fetchall()[0]
        counts["skills_loaded"] = int(skills_row[0]) if skills_row else 0
        con.execute(_sql("upsert_sources"))
        if final and landing_file is not None:
            con.execute(
                _sql("record_landing_file"),
                [
                    str(landing_file.path),
                    landing_file.sha256,
                    landing_file.source,
                    landing_file.run_id,
                    n_records if n_records is not None else batch.n_postings,
                    process_run_id,
                ],
            )
        con.execute("drop table stage_postings")
        con.execute("drop table stage_winners")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    finally:
        for name in ("batch_postings", "batch_openings", "batch_posting_skills"):
            try:
                con.unregister(name)
            except duckdb.Error:
                pass
    return counts


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    row = con.execute(_sql("batch_counts")).fetchall()[0]
    assert row is not None
    return {
        "postings_in": int(row[0]),
        "rejected": int(row[0]) - int(row[1]) if row[1] <= row[0] else 0,
        "postings_loaded": int(row[2]),
        "replaced": int(row[3]),
    }


def load_manifest(
    con: duckdb.DuckDBPyConnection, manifest: Manifest, path: Path | None = None
) -> None:
    """Record a crawl run's manifest in crawl_runs and, when its file `path` is given and its
    seen list is beside it, the seen list."""
    run_id = str(manifest.get("run_id") or "")
    if not run_id:
        return
    seen: list[str] | None = None
    seen_path = seen_file_of(path, manifest) if path is not None else None
    if seen_path is not None and seen_path.is_file():
        try:
            seen = read_seen(seen_path)
        except (OSError, EOFError, UnicodeDecodeError):
            seen = None
    errors = manifest.get("errors") or []
    source = str(manifest.get("source") or (path.parent.name if path else ""))
    values = [
        run_id,
        source,
        manifest.get("started_at"),
        manifest.get("finished_at"),
        bool(manifest.get("complete", False)),
        manifest.get("requests"),
        json.dumps(manifest.get("responses_by_status") or {}, sort_keys=True),
        manifest.get("items_seen"),
        manifest.get("items_landed"),
        manifest.get("duplicates_in_run"),
        manifest.get("landing_file"),
        manifest.get("seen_file"),
        json.dumps(manifest.get("scope") or {}, sort_keys=True),
        json.dumps(errors, sort_keys=True),
        len(errors) if isinstance(errors, list) else None,
        len(seen) if seen is not None else None,
    ]
    con.execute("begin transaction")
    try:
        con.execute(_sql("insert_crawl_run"), values)
        con.execute(_sql("delete_crawl_run_seen"), [source, run_id])
        if seen:
            seen_table = pa.table(
                {
                    "source": pa.array([source] * len(seen)),
                    "run_id": pa.array([run_id] * len(seen)),
                    "global_id": pa.array(seen),
                }
            )
            con.register("batch_seen", seen_table)
            con.execute(_sql("insert_crawl_run_seen"))
            con.unregister("batch_seen")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def loaded_landing_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """sha256 of every landing file already loaded."""
    rows = con.execute(_sql("loaded_landing_hashes")).fetchall()
    return {r[0] for r in rows}


def pending_files(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    reextract: bool = False,
    versions: Versions | None = None,
) -> list[LandingFile]:
    """Landing files not loaded yet (by sha256); with `reextract`, also those holding the latest
    version of a posting whose rules, taxonomy or extractor version differs from `versions`
    (default: the installed ones)."""
    files = list_landing_files(settings)
    loaded = loaded_landing_hashes(con)
    pending = [f for f in files if f.sha256 not in loaded]
    if reextract:
        runs = stale_runs(con, versions)
        pending += [f for f in files if f.sha256 in loaded and (f.source, f.run_id) in runs]
        pending.sort(key=lambda f: (f.run_id, f.source, f.path.name))
    return pending


def stale_runs(
    con: duckdb.DuckDBPyConnection, versions: Versions | None = None
) -> set[tuple[str, str]]:
    """(source, crawl_run_id) of runs whose landing file holds a posting's latest version made
    with other rules, taxonomy or extractor versions than the current ones."""
    versions = versions if versions is not None else current_versions()
    rows = con.execute(
        _sql("stale_runs"), [versions.rules, versions.taxonomy, versions.extractor]
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


def stale_postings(con: duckdb.DuckDBPyConnection, versions: Versions) -> set[tuple[str, str]]:
    """(global_id, content_hash) of postings classified or extracted by other versions."""
    rows = con.execute(
        _sql("stale_postings"), [versions.rules, versions.taxonomy, versions.extractor]
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


@dataclass
class ProcessResult:
    """What a processing run did: counts, per-file failures and whether anything failed."""

    process_run_id: str
    files_in: int = 0
    files_loaded: int = 0
    postings_in: int = 0
    postings_loaded: int = 0
    skills_loaded: int = 0
    manifests_loaded: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    duration_s: float = 0.0

    @property
    def failed(self) -> bool:
        """True when any landing file could not be loaded."""
        return bool(self.failures)


def new_process_run_id() -> str:
    """A process run id: UTC start time plus 8 hex digits, like crawl run ids."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


def start_process_run(con: duckdb.DuckDBPyConnection, process_run_id: str) -> None:
    """Record a process run as running (record_process_run or a crash record ends it)."""
    con.execute(_sql("start_process_run"), [process_run_id])


def load_pending_manifests(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Load every manifest not yet in crawl_runs (with its seen list); return how many."""
    known = {(r[0], r[1]) for r in con.execute(_sql("known_crawl_runs")).fetchall()}
    loaded = 0
    for path, manifest in list_manifests(settings):
        manifest.setdefault("run_id", run_id_of(path))
        manifest.setdefault("source", path.parent.name)
        if (str(manifest["source"]), str(manifest["run_id"])) in known:
            continue
        load_manifest(con, manifest, path)
        loaded += 1
    return loaded


@dataclass(frozen=True)
class BatchJob:
    """One batch of one landing file to transform and then load, in landing order."""

    landing_file: LandingFile
    index: int
    last: bool
    n_records: int  # records of the file up to and including this batch
    records: list[LandingRecord]
    keep: set[tuple[str, str]] | None  # on a reextract: the (global_id, content_hash) kept


class MapBatches(Protocol):
    """How a process run transforms its batches: each job with its table batch (or the error
    that transform raised), in the order the jobs came."""

    def __call__(
        self, jobs: Iterator[BatchJob], versions: Versions
    ) -> Iterator[tuple[BatchJob, TableBatch | Exception]]: ...


def sequential_batches(
    extractor: SkillExtractorLike | None = None, classify: Classifier | None = None
) -> MapBatches:
    """Transform each batch in this process, one after the other."""

    def map_batches(
        jobs: Iterator[BatchJob], versions: Versions
    ) -> Iterator[tuple[BatchJob, TableBatch | Exception]]:
        for job in jobs:
            try:
                batch = (
                    transform_records(job.records, extractor, classify=classify, versions=versions)
                    if job.records
                    else TableBatch.empty()
                )
            except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the others
                yield job, exc
            else:
                yield job, batch

    return map_batches


def batch_jobs(
    files: list[LandingFile],
    batch_size: int,
    stale: set[tuple[str, str]] | None,
    loaded: set[str],
    failed: dict[str, str],
) -> Iterator[BatchJob]:
    """The batches of every pending file in order; a file stops at its first failure (`failed`,
    by path, filled here for unreadable files and by the caller for failed loads)."""
    for landing_file in files:
        path = str(landing_file.path)
        keep = stale if (stale is not None and landing_file.sha256 in loaded) else None
        n_records = 0
        try:
            for index, (records, last) in enumerate(read_batches(landing_file.path, batch_size)):
                if path in failed:
                    break
                n_records += len(records)
                if keep is not None:
                    records = [
                        r for r in records if (r.get("global_id"), r.get("content_hash")) in keep
                    ]
                yield BatchJob(landing_file, index, last, n_records, records, keep)
        except LandingFileError as exc:
            failed[path] = f"LandingFileError: {exc}"


def run_process(
    settings: Settings,
    map_batches: MapBatches,
    *,
    reextract: bool = False,
    versions: Versions | None = None,
    taxonomy: Sequence[TaxonomySkill] | None = None,
    progress: Progress | None = None,
) -> ProcessResult:
    """One process run: load new manifests, transform the batches of every pending landing file
    through `map_batches`, load them in landing order (one transaction each), finalize, and
    record the run. A file that fails is recorded and skipped; the others load."""
    from warehouse.db import close, connect

    started = time.monotonic()
    result = ProcessResult(new_process_run_id())
    versions = versions if versions is not None else current_versions()
    batch_size = settings.process.batch_size
    con = connect(settings)
    try:
        start_process_run(con, result.process_run_id)
        result.manifests_loaded = load_pending_manifests(con, settings)
        files = pending_files(con, settings, reextract=reextract, versions=versions)
        result.files_in = len(files)
        loaded = loaded_landing_hashes(con)
        stale = stale_postings(con, versions) if reextract and files else None
        failed: dict[str, str] = {}
        # The batch count is only known after reading; estimate it from the manifests.
        total = sum(_estimated_batches(f, batch_size) for f in files)
        jobs = batch_jobs(files, batch_size, stale, loaded, failed)
        for done, (job, transformed) in enumerate(map_batches(jobs, versions), start=1):
            _load_job(con, job, transformed, failed, result)
            if progress is not None:
                progress("process", done, max(total, done))
        result.failures = [{"path": path, "error": error} for path, error in failed.items()]
        result.files_loaded = len({str(f.path) for f in files} - set(failed))
        if (
            files
            or result.manifests_loaded
            or not _previous_run_completed(con, result.process_run_id)
        ):
            finalize(con, settings, taxonomy=taxonomy)
        result.duration_s = time.monotonic() - started
        record_process_run(con, result)
    except BaseException as exc:
        _record_crash(con, result, started, exc)
        raise
    finally:
        close(con)
    return result


def process_landing(
    settings: Settings,
    reextract: bool = False,
    progress: Progress | None = None,
    *,
    extractor: SkillExtractorLike | None = None,
    classify: Classifier | None = None,
    versions: Versions | None = None,
    taxonomy: Sequence[TaxonomySkill] | None = None,
) -> ProcessResult:
    """Load every pending landing file and manifest, then finalize; sequential, without Prefect."""
    return run_process(
        settings,
        sequential_batches(extractor, classify),
        reextract=reextract,
        versions=versions,
        taxonomy=taxonomy,
        progress=progress,
    )


def _load_job(
    con: duckdb.DuckDBPyConnection,
    job: BatchJob,
    transformed: TableBatch | Exception,
    failed: dict[str, str],
    result: ProcessResult,
) -> None:
    """Load one transformed batch; a failure marks its whole file failed."""
    path = str(job.landing_file.path)
    if path in failed:
        return
    if isinstance(transformed, Exception):
        failed[path] = describe(transformed)
        return
    try:
        counts = load_batch(
            con,
            transformed,
            job.landing_file,
            final=job.last,
            n_records=job.n_records,
            process_run_id=result.process_run_id,
        )
    except (duckdb.Error, ValueError, TypeError, KeyError) as exc:
        failed[path] = describe(exc)
        return
    result.postings_in += counts.get("postings_in", 0)
    result.postings_loaded += counts.get("postings_loaded", 0)
    result.skills_loaded += counts.get("skills_loaded", 0)


def _estimated_batches(landing_file: LandingFile, batch_size: int) -> int:
    landed = (landing_file.manifest or {}).get("items_landed")
    if isinstance(landed, int) and landed >= 0:
        return max(1, -(-landed // batch_size))
    return 1


def _previous_run_completed(con: duckdb.DuckDBPyConnection, process_run_id: str) -> bool:
    """True when the last process run before this one finished cleanly (its derived tables hold)."""
    row = con.execute(_sql("previous_process_run_state"), [process_run_id]).fetchone()
    return row is not None and row[0] == "completed"


def _record_crash(
    con: duckdb.DuckDBPyConnection, result: ProcessResult, started: float, exc: BaseException
) -> None:
    result.failures.append({"path": "", "error": describe(exc)})
    result.duration_s = time.monotonic() - started
    try:
        record_process_run(con, result)
    except duckdb.Error:
        pass


def finalize(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    *,
    taxonomy: Sequence[TaxonomySkill] | None = None,
) -> None:
    """The set-based finishing steps: seen-based last_seen and closed_at, source_months,
    cross-source duplicates, the skills table and the aggregate tables the views read (one
    transaction), then the bootstrap statistics."""
    from warehouse import aggregates, stats
    from warehouse.dedupe import canonical_ids

    con.execute("begin transaction")
    try:
        con.execute(_sql("advance_last_seen"))
        con.execute(_sql("close_postings"))
        con.execute(_sql("clear_source_months"))
        con.execute(_sql("source_months"))
        duplicates = canonical_ids(con)
        con.execute(_sql("reset_canonical_ids"))
        if duplicates.num_rows:
            con.register("batch_duplicates", duplicates)
            con.execute(_sql("set_canonical_ids"))
            con.unregister("batch_duplicates")
        _refresh_skills(con, taxonomy)
        aggregates.refresh(con, transaction=False)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    stats.refresh(con, settings)


def _refresh_skills(
    con: duckdb.DuckDBPyConnection, taxonomy: Sequence[TaxonomySkill] | None
) -> None:
    if taxonomy is None:
        try:
            from pipeline.skills import TAXONOMY_VERSION, load_taxonomy

            taxonomy = list(load_taxonomy())
            version: str | None = TAXONOMY_VERSION
        except ImportError:
            taxonomy, version = [], None
    else:
        version = getattr(taxonomy, "version", None)
    rows = pa.table(
        {
            "skill_id": pa.array([s.id for s in taxonomy], pa.string()),
            "name": pa.array([s.name for s in taxonomy], pa.string()),
            "category": pa.array([s.category for s in taxonomy], pa.string()),
            "taxonomy_version": pa.array([version] * len(taxonomy), pa.string()),
        }
    )
    con.execute(_sql("clear_skills"))
    con.register("batch_skills", rows)
    con.execute(_sql("insert_skills"))
    con.unregister("batch_skills")
    con.execute(_sql("insert_unknown_skills"))


def record_process_run(con: duckdb.DuckDBPyConnection, result: ProcessResult) -> None:
    """Close the run's row in process_runs with its state, counts, failures and duration."""
    con.execute(
        _sql("record_process_run"),
        [
            "failed" if result.failed else "completed",
            result.files_in,
            result.postings_in,
            result.postings_loaded,
            result.skills_loaded,
            len(result.failures),
            json.dumps(result.failures),
            result.duration_s,
            result.process_run_id,
        ],
    )
