"""Table batches -> DuckDB, one transaction per batch, then the set-based finishing steps."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from jobtrends.config import Settings
from jobtrends.landing import (
    LandingFileError,
    LandingRecord,
    Manifest,
    read_batches,
    read_seen,
    run_id_of,
    seen_file_of,
)
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

# The batch, deduplicated by global_id (latest fetch wins) and cast to the warehouse's types.
_STAGE_POSTINGS = """
create or replace temp table stage_postings as
with typed as (
    select
        * exclude (posted_at, month, fetched_at),
        try_cast(posted_at as timestamptz) as posted_at,
        coalesce(
            try_cast(month || '-01' as date),
            date_trunc('month', try_cast(posted_at as timestamptz))::date
        ) as month,
        coalesce(try_cast(fetched_at as timestamptz), try_cast(posted_at as timestamptz)) as fetched_at
    from batch_postings
)
select * from typed
where month is not null and fetched_at is not null and global_id <> ''
qualify row_number() over (partition by global_id order by fetched_at desc, content_hash desc) = 1
"""

# Postings whose rows this batch replaces: new ones, and known ones fetched no earlier than stored.
_STAGE_WINNERS = """
create or replace temp table stage_winners as
select s.global_id, p.global_id is not null as existed
from stage_postings s
left join postings p using (global_id)
where p.global_id is null or s.fetched_at >= p.fetched_at
"""

_CONTENT_COLUMNS = (
    "source",
    "source_id",
    "board",
    "url",
    "company",
    "title",
    "location",
    "remote",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "salary_annual_min",
    "salary_annual_max",
    "salary_raw",
    "employment_type",
    "requisition_id",
    "posted_at",
    "month",
    "thread_id",
    "description_text",
    "content_hash",
    "fetched_at",
    "is_synthetic",
    "rules_version",
    "taxonomy_version",
    "extractor_version",
    "crawl_run_id",
)

_UPSERT_POSTINGS = (
    "insert into postings (global_id, "
    + ", ".join(_CONTENT_COLUMNS)
    + ", first_seen, last_seen)\nselect global_id, "
    + ", ".join(_CONTENT_COLUMNS)
    + ", fetched_at, fetched_at from stage_postings\n"
    + "on conflict (global_id) do update set\n"
    + ",\n".join(
        f"    {c} = case when excluded.fetched_at >= postings.fetched_at then excluded.{c} else postings.{c} end"
        for c in _CONTENT_COLUMNS
    )
    + ",\n    first_seen = least(postings.first_seen, excluded.first_seen),"
    + "\n    last_seen = greatest(postings.last_seen, excluded.last_seen)"
)

_UPSERT_VERSIONS = """
insert into posting_versions (global_id, content_hash, first_seen, crawl_run_id)
select global_id, content_hash, fetched_at, crawl_run_id from stage_postings
on conflict (global_id, content_hash) do update set
    crawl_run_id = case when excluded.first_seen < posting_versions.first_seen
        then excluded.crawl_run_id else posting_versions.crawl_run_id end,
    first_seen = least(posting_versions.first_seen, excluded.first_seen)
"""

_DELETE_OPENINGS = (
    "delete from openings where global_id in (select global_id from stage_winners where existed)"
)
_DELETE_SKILLS = "delete from posting_skills where global_id in (select global_id from stage_winners where existed)"
_INSERT_OPENINGS = """
insert into openings
select o.global_id, o.opening_idx, o.title, o.normalized_title, o.role_family, o.seniority, o.rules_version
from batch_openings o
semi join stage_winners w using (global_id)
"""
_INSERT_SKILLS = """
insert into posting_skills
select s.global_id, s.opening_idx, s.skill_id, s.start_char, s.end_char, s.evidence, s.extractor_version
from batch_posting_skills s
semi join stage_winners w using (global_id)
"""
_UPSERT_SOURCES = """
insert into sources (source, first_loaded_at, last_loaded_at)
select distinct source, current_timestamp, current_timestamp from stage_postings
on conflict (source) do update set last_loaded_at = excluded.last_loaded_at
"""
_RECORD_FILE = """
insert or replace into landing_files (path, sha256, source, run_id, n_records, loaded_at, process_run_id)
values (?, ?, ?, ?, ?, current_timestamp, ?)
"""


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
        con.execute(_STAGE_POSTINGS)
        con.execute(_STAGE_WINNERS)
        counts = _counts(con)
        if counts["replaced"]:
            con.execute(_DELETE_OPENINGS)
            con.execute(_DELETE_SKILLS)
        con.execute(_UPSERT_POSTINGS)
        con.execute(_UPSERT_VERSIONS)
        con.execute(_INSERT_OPENINGS)
        skills_row = con.execute(_INSERT_SKILLS).fetchall()[0]
        counts["skills_loaded"] = int(skills_row[0]) if skills_row else 0
        con.execute(_UPSERT_SOURCES)
        if final and landing_file is not None:
            con.execute(
                _RECORD_FILE,
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
    row = con.execute(
        "select (select count(*) from batch_postings), (select count(*) from stage_postings), "
        "count(*), count(*) filter (where existed) from stage_winners"
    ).fetchall()[0]
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
        con.execute(
            "insert or replace into crawl_runs values (?, ?, try_cast(? as timestamptz), "
            "try_cast(? as timestamptz), ?, ?, ?::json, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?, current_timestamp)",
            values,
        )
        con.execute("delete from crawl_run_seen where source = ? and run_id = ?", [source, run_id])
        if seen:
            seen_table = pa.table(
                {
                    "source": pa.array([source] * len(seen)),
                    "run_id": pa.array([run_id] * len(seen)),
                    "global_id": pa.array(seen),
                }
            )
            con.register("batch_seen", seen_table)
            con.execute(
                "insert into crawl_run_seen select distinct source, run_id, global_id from batch_seen"
            )
            con.unregister("batch_seen")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def loaded_landing_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """sha256 of every landing file already loaded."""
    rows = con.execute("select sha256 from landing_files where loaded_at is not null").fetchall()
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
        "select distinct source, crawl_run_id from postings "
        "where rules_version is distinct from ? or taxonomy_version is distinct from ? "
        "or extractor_version is distinct from ?",
        [versions.rules, versions.taxonomy, versions.extractor],
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


def stale_postings(con: duckdb.DuckDBPyConnection, versions: Versions) -> set[tuple[str, str]]:
    """(global_id, content_hash) of postings classified or extracted by other versions."""
    rows = con.execute(
        "select global_id, content_hash from postings "
        "where rules_version is distinct from ? or taxonomy_version is distinct from ? "
        "or extractor_version is distinct from ?",
        [versions.rules, versions.taxonomy, versions.extractor],
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
    con.execute(
        "insert into process_runs (process_run_id, started_at, state) "
        "values (?, current_timestamp, 'running')",
        [process_run_id],
    )


def load_pending_manifests(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Load every manifest not yet in crawl_runs (with its seen list); return how many."""
    known = {(r[0], r[1]) for r in con.execute("select source, run_id from crawl_runs").fetchall()}
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
    taxonomy: list[Any] | None = None,
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
    taxonomy: list[Any] | None = None,
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
        failed[path] = f"{type(transformed).__name__}: {transformed}"
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
        failed[path] = f"{type(exc).__name__}: {exc}"
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
    row = con.execute(
        "select state from process_runs where process_run_id <> ? order by started_at desc limit 1",
        [process_run_id],
    ).fetchone()
    return row is not None and row[0] == "completed"


def _record_crash(
    con: duckdb.DuckDBPyConnection, result: ProcessResult, started: float, exc: BaseException
) -> None:
    result.failures.append({"path": "", "error": f"{type(exc).__name__}: {exc}"})
    result.duration_s = time.monotonic() - started
    try:
        record_process_run(con, result)
    except duckdb.Error:
        pass


def finalize(
    con: duckdb.DuckDBPyConnection, settings: Settings, *, taxonomy: list[Any] | None = None
) -> None:
    """The set-based finishing steps: seen-based last_seen and closed_at, source_months,
    cross-source duplicates, the skills table and the aggregate tables the views read (one
    transaction), then the bootstrap statistics."""
    from warehouse import aggregates, stats
    from warehouse.dedupe import canonical_ids

    con.execute("begin transaction")
    try:
        con.execute(_ADVANCE_LAST_SEEN)
        con.execute(_CLOSE_POSTINGS)
        con.execute("delete from source_months")
        con.execute(_SOURCE_MONTHS)
        duplicates = canonical_ids(con)
        con.execute(
            "update postings set canonical_id = global_id where canonical_id is distinct from global_id"
        )
        if duplicates.num_rows:
            con.register("batch_duplicates", duplicates)
            con.execute(
                "update postings set canonical_id = d.canonical_id from batch_duplicates d "
                "where postings.global_id = d.global_id"
            )
            con.unregister("batch_duplicates")
        _refresh_skills(con, taxonomy)
        aggregates.refresh(con, transaction=False)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    stats.refresh(con, settings)


_ADVANCE_LAST_SEEN = """
update postings set last_seen = s.last_seen
from (
    select seen.global_id, max(runs.finished_at) as last_seen
    from crawl_run_seen as seen
    join crawl_runs as runs using (source, run_id)
    where runs.finished_at is not null
    group by seen.global_id
) as s
where postings.global_id = s.global_id and s.last_seen > postings.last_seen
"""

# A posting is closed by the first complete run, started after it was last seen, whose scope
# covers its board and whose seen list lacks it. Runs without a loaded seen list close nothing.
_CLOSE_POSTINGS = """
update postings set closed_at = c.closed_at
from (
    with runs as (
        select source, run_id, started_at, finished_at,
            unnest(coalesce(try_cast(scope -> '$.boards' as varchar[]), []::varchar[])) as board
        from crawl_runs
        where complete and n_seen is not null and started_at is not null
    ),
    closing as (
        select p.global_id, min(r.finished_at) as closed_at
        from postings as p
        join runs as r on r.source = p.source and r.board = p.board and r.started_at > p.last_seen
        where not exists (
            select 1 from crawl_run_seen as s
            where s.source = r.source and s.run_id = r.run_id and s.global_id = p.global_id
        )
        group by p.global_id
    )
    select p.global_id, closing.closed_at
    from postings as p
    left join closing using (global_id)
) as c
where postings.global_id = c.global_id and postings.closed_at is distinct from c.closed_at
"""

_SOURCE_MONTHS = """
insert into source_months (source, month, postings_seen, postings_kept)
with kept as (
    select distinct global_id from openings where role_family in ('ai_engineer', 'data_scientist')
)
select p.source, p.month, count(*) as postings_seen, count(kept.global_id) as postings_kept
from postings as p
left join kept using (global_id)
group by p.source, p.month
"""


def _refresh_skills(con: duckdb.DuckDBPyConnection, taxonomy: list[Any] | None) -> None:
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
    con.execute("delete from skills")
    con.register("batch_skills", rows)
    con.execute(
        "insert into skills select distinct on (skill_id) * from batch_skills order by skill_id"
    )
    con.unregister("batch_skills")
    # Mentions of skills a changed taxonomy no longer lists keep a placeholder row until reextracted.
    con.execute(
        "insert into skills select distinct skill_id, skill_id, 'unknown', null from posting_skills "
        "where skill_id not in (select skill_id from skills)"
    )


def record_process_run(con: duckdb.DuckDBPyConnection, result: ProcessResult) -> None:
    """Close the run's row in process_runs with its state, counts, failures and duration."""
    con.execute(
        "update process_runs set finished_at = current_timestamp, state = ?, files_in = ?, "
        "postings_in = ?, postings_loaded = ?, skills_loaded = ?, failures = ?, errors = ?::json, "
        "duration_s = ? where process_run_id = ?",
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
