"""Table batches -> DuckDB, one transaction per landing file, then the set-based finishing steps; and
run_process, the one skeleton of a process run (the sequential path and the Prefect flow share it)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from jobtrends.config import Settings
from jobtrends.errors import UserError, describe
from jobtrends.landing import (
    LandingFileError,
    LandingLines,
    LandingRecord,
    Manifest,
    decode_lines,
    new_run_id,
    read_landing_lines,
    read_seen,
    run_id_of,
    seen_file_of,
    unreadable_manifests,
)
from jobtrends.sql import query
from pipeline.landing import LandingFile, list_landing_files, list_manifests
from pipeline.transform import (
    Classifier,
    SkillExtractorLike,
    TableBatch,
    Versions,
    current_versions,
    posting_id,
    transform_lines,
    transform_records,
)

Progress = Callable[[str, int, int], None]

# A run names this many rejected landing records, file and line each, and counts the rest: enough
# to find the pattern, and a file of a million broken lines must not flood the terminal.
MAX_NAMED_REJECTS = 20


# The names under which the load's SQL reads a batch's Arrow tables and its staged rows: Python
# variables of load_batch, which DuckDB scans when no table or view of the name exists. A relation
# of the same name would be read in their place without a word, so check_batch_names refuses one.
BATCH_NAMES = (
    "_load_batch_postings",
    "_load_batch_openings",
    "_load_batch_posting_skills",
    "_load_staged_postings",
    "_load_staged_winners",
)


class ShadowedBatchName(UserError):
    """A table or view in the warehouse named like one of the load's BATCH_NAMES."""


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


@dataclass(frozen=True)
class BatchLoad:
    """What loading one batch did: its postings, those loaded and replaced, the skill mentions
    loaded, and the global_ids staging dropped (neither month nor a date that parses)."""

    postings_in: int
    postings_loaded: int
    replaced: int
    skills_loaded: int
    unstaged: list[str]


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: TableBatch,
    landing_file: LandingFile | None,
    *,
    final: bool = True,
    n_records: int | None = None,
    process_run_id: str | None = None,
    transaction: bool = True,
) -> BatchLoad:
    """Load one batch; with `final`, record the landing file as loaded.

    Upserts postings by global_id (first_seen kept, last_seen advanced, fields from the latest
    fetch), adds a posting_versions row per new content hash, and replaces the openings and skill
    mentions of every posting the batch (re)loads. With `transaction` the batch is one transaction
    of its own; without, it runs in the caller's, which run_process holds open for a whole
    landing file (final=False for all but its last batch) so that a file loads whole or not at all.
    """
    # The batch's tables and its staged rows are Arrow tables that the SQL reads by these names
    # (BATCH_NAMES; DuckDB's scan of the calling frame's variables), freed when the batch is
    # loaded. Registered views or temp tables dropped inside a transaction stay in memory until it
    # commits, and a landing file's batches share one: 22 MB a batch of 5,000 HN posts, 0.7 GB for
    # a file of 160,000 held by the writer until the file's commit.
    check_batch_names(con)
    _load_batch_postings, _load_batch_openings, _load_batch_posting_skills = (  # noqa: F841
        batch.postings,
        batch.openings,
        batch.posting_skills,
    )
    if transaction:
        con.execute("begin transaction")
    try:
        _load_staged_postings = con.sql(_sql("stage_postings")).to_arrow_table()
        _load_staged_winners = con.sql(_sql("stage_winners")).to_arrow_table()
        counts = _counts(_load_batch_postings, _load_staged_postings, _load_staged_winners)
        unstaged = (
            [r[0] for r in con.execute(_sql("unstaged_postings")).fetchall()]
            if counts["postings_staged"] < counts["postings_in"]
            else []
        )
        if counts["replaced"]:
            con.execute(_sql("delete_replaced_openings"))
            con.execute(_sql("delete_replaced_skills"))
        # Known rows updated, then new ones inserted: DuckDB's insert ... on conflict do update,
        # and an update, cost in proportion to the table's size (0.3 and 0.2 CPU s a batch of
        # 5,000 against 300,000 postings, whose plain insert costs 0.05), so a run's loading grew
        # with the square of the warehouse. Most batches hold no known posting.
        if con.execute(_sql("known_staged")).fetchall()[0][0]:
            con.execute(_sql("update_postings"))
            con.execute(_sql("update_posting_versions"))
        con.execute(_sql("insert_postings"))
        con.execute(_sql("insert_posting_versions"))
        con.execute(_sql("insert_openings"))
        skills_row = con.execute(_sql("insert_posting_skills")).fetchall()[0]
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
        if transaction:
            con.execute("commit")
    except BaseException:
        if transaction:
            con.execute("rollback")
        raise
    return BatchLoad(
        postings_in=counts["postings_in"],
        postings_loaded=counts["postings_loaded"],
        replaced=counts["replaced"],
        skills_loaded=int(skills_row[0]) if skills_row else 0,
        unstaged=unstaged,
    )


def check_batch_names(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse to load while a table or view, in any schema, bears one of the load's BATCH_NAMES."""
    found = con.execute(_sql("shadowing_relations"), [list(BATCH_NAMES)]).fetchall()
    if found:
        named = ", ".join(f"the {kind} {schema}.{name}" for kind, schema, name in found)
        raise ShadowedBatchName(
            f"the warehouse holds {named}, whose name the load keeps for a batch's rows (it "
            "would read them from that relation instead); rename or drop it, then process again "
            "(nothing was loaded)"
        )


def _counts(batch: pa.Table, staged: pa.Table, winners: pa.Table) -> dict[str, int]:
    """Postings in the batch, after staging, replacing stored rows, and of those, already known."""
    return {
        "postings_in": batch.num_rows,
        "postings_staged": staged.num_rows,
        "postings_loaded": winners.num_rows,
        "replaced": int(pc.sum(winners["existed"]).as_py() or 0),
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
    """What a processing run did: counts, per-file failures, the landing records rejected (file
    and line, the first MAX_NAMED_REJECTS named) and warnings; whether anything failed."""

    process_run_id: str
    files_in: int = 0
    files_loaded: int = 0
    postings_in: int = 0
    postings_loaded: int = 0
    skills_loaded: int = 0
    manifests_loaded: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    records_rejected: int = 0
    rejected: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duration_s: float = 0.0

    @property
    def failed(self) -> bool:
        """True when any landing file could not be loaded."""
        return bool(self.failures)

    def reject(self, where: str, reason: str) -> None:
        """Count one rejected landing record and name it while fewer than MAX_NAMED_REJECTS are."""
        self.records_rejected += 1
        if len(self.rejected) < MAX_NAMED_REJECTS:
            self.rejected.append(f"{where}: {reason}")


def new_process_run_id() -> str:
    """A process run id, of the same form as crawl run ids."""
    return new_run_id()


def start_process_run(con: duckdb.DuckDBPyConnection, process_run_id: str) -> None:
    """Record a process run as running (record_process_run or a crash record ends it)."""
    con.execute(_sql("start_process_run"), [process_run_id])


def load_pending_manifests(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Load every manifest not yet in crawl_runs (with its seen list); return how many."""
    known = _known_crawl_runs(con)
    loaded = 0
    for path, manifest in list_manifests(settings):
        manifest.setdefault("run_id", run_id_of(path))
        manifest.setdefault("source", path.parent.name)
        if (str(manifest["source"]), str(manifest["run_id"])) in known:
            continue
        load_manifest(con, manifest, path)
        loaded += 1
    return loaded


def _known_crawl_runs(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in con.execute(_sql("known_crawl_runs")).fetchall()}


def manifest_warnings(
    con: duckdb.DuckDBPyConnection, settings: Settings, files: list[LandingFile]
) -> list[str]:
    """One sentence per manifest that is missing beside a landing file loaded now, or that cannot
    be read and whose run is not in crawl_runs: its file loads, but the run closes no postings."""
    warnings: dict[Path, str] = {}
    for landing_file in files:
        if landing_file.manifest_problem is not None:
            warnings[landing_file.manifest_path] = _manifest_sentence(
                landing_file.manifest_path, landing_file.manifest_problem, landing_file.source
            )
    known = _known_crawl_runs(con)
    for path, problem in unreadable_manifests(settings.landing_dir):
        if (path.parent.name, run_id_of(path)) not in known and path not in warnings:
            warnings[path] = _manifest_sentence(path, problem, path.parent.name)
    return list(warnings.values())


def _manifest_sentence(path: Path, problem: str, source: str) -> str:
    return (
        f"the manifest {path} is {problem}: its run's postings load, but without its seen list "
        f"and scope the run closes no postings; restore the manifest or crawl {source} again"
    )


@dataclass(frozen=True)
class BatchJob:
    """One batch of one landing file to transform and then load, in landing order: its lines
    undecoded (`raw`, decoded where the batch is transformed, which reports what decoding found
    in its TableBatch's landing_lines), or on a reextract its records decoded and filtered here."""

    landing_file: LandingFile
    index: int
    last: bool
    n_records: int  # lines of the file up to and including this batch, rejected ones too
    records: list[LandingRecord]
    keep: set[tuple[str, str]] | None  # on a reextract: the (global_id, content_hash) kept
    lines: list[int] = field(default_factory=list)  # the line number of each record
    rejected: list[tuple[int, str]] = field(default_factory=list)  # lines left out, and why
    raw: LandingLines | None = None

    @property
    def payload(self) -> list[LandingRecord] | LandingLines:
        """What the transform takes: the undecoded lines, else the decoded records."""
        return self.raw if self.raw is not None else self.records


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
                if job.raw is not None:
                    batch = transform_lines(
                        job.raw, extractor, classify=classify, versions=versions
                    )
                elif job.records:
                    batch = transform_records(
                        job.records, extractor, classify=classify, versions=versions
                    )
                else:
                    batch = TableBatch.empty()
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
    """The batches of every pending file in order, undecoded unless only some records of the file
    are kept (a reextract); a file stops at its first failure (`failed`, by path, filled here for
    unreadable files and by the caller for failed loads)."""
    for landing_file in files:
        path = str(landing_file.path)
        keep = stale if (stale is not None and landing_file.sha256 in loaded) else None
        n_records = 0
        try:
            for index, raw in enumerate(read_landing_lines(landing_file.path, batch_size)):
                if path in failed:
                    break
                n_records += len(raw)
                if keep is None:
                    yield BatchJob(landing_file, index, raw.last, n_records, [], None, raw=raw)
                    continue
                batch = decode_lines(raw)
                records, lines = batch.records, batch.lines
                if keep is not None:
                    kept = [
                        (r, n)
                        for r, n in zip(records, lines, strict=True)
                        if (r.get("global_id"), r.get("content_hash")) in keep
                    ]
                    records, lines = [r for r, _ in kept], [n for _, n in kept]
                yield BatchJob(
                    landing_file, index, batch.last, n_records, records, keep, lines, batch.rejected
                )
        except LandingFileError as exc:
            failed[path] = unreadable_sentence(landing_file, exc)


def unreadable_sentence(landing_file: LandingFile, exc: LandingFileError) -> str:
    """Why a landing file failed to read, that nothing of it loaded, and the fix."""
    return (
        f"{exc.reason}; nothing of it was loaded: move it out of the landing zone and crawl "
        f"{landing_file.source} again"
    )


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
    through `map_batches`, load them in landing order (one transaction per file), finalize, and
    record the run. A file that fails is recorded and leaves nothing; the others load."""
    from warehouse.db import close, connect

    started = time.monotonic()
    result = ProcessResult(new_process_run_id())
    versions = versions if versions is not None else current_versions()
    batch_size = settings.process.batch_size
    con = connect(settings)
    try:
        check_batch_names(con)  # before the run writes anything
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
        if progress is not None and total:
            progress("process", 0, total)  # says the run has started before the first batch ends
        with FileLoader(con, result, failed) as loader:
            for done, (job, transformed) in enumerate(map_batches(jobs, versions), start=1):
                loader.load(job, transformed)
                if progress is not None:
                    progress("process", done, max(total, done))
        result.failures = [{"path": path, "error": error} for path, error in failed.items()]
        result.warnings = manifest_warnings(
            con, settings, [f for f in files if str(f.path) not in failed]
        )
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


@dataclass
class _FileCounts:
    """The open landing file's counts and rejected records, added to the run's on commit."""

    postings_in: int = 0
    postings_loaded: int = 0
    skills_loaded: int = 0
    n_rejected: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file:line, reason), capped


class FileLoader:
    """Loads the batches of each landing file in ONE transaction: begun before its first batch,
    committed after its last (with the file recorded as loaded), rolled back when a batch fails
    or the file turns out unreadable, so a failed file leaves nothing in the warehouse.

    The batches still stream and the transforms may run ahead of the loader as before; DuckDB
    holds the open file's uncommitted rows, so memory grows with the largest landing file.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, result: ProcessResult, failed: dict[str, str]
    ) -> None:
        self.con = con
        self.result = result
        self.failed = failed
        self.open: str | None = None
        self._file = _FileCounts()

    def __enter__(self) -> FileLoader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        # A file still open when the batches end (or the run is interrupted) did not load whole.
        try:
            self._rollback()
        except duckdb.Error:
            if exc_type is None:
                raise  # else the error that ended the run is the one to report

    def load(self, job: BatchJob, transformed: TableBatch | Exception) -> None:
        """Load one transformed batch into its file's transaction; a failure fails the file."""
        path = str(job.landing_file.path)
        if self.open is not None and self.open != path:
            self._rollback()  # the file before ended without its last batch: it was unreadable
        if path in self.failed:
            self._rollback()
            return
        if isinstance(transformed, Exception):
            self._fail(path, describe(transformed))
            return
        try:
            if self.open is None:
                self.con.execute("begin transaction")
                self.open = path
            loaded = load_batch(
                self.con,
                transformed,
                job.landing_file,
                final=job.last,
                n_records=job.n_records,
                process_run_id=self.result.process_run_id,
                transaction=False,
            )
            self._count(job, loaded, transformed)
            if job.last:
                self.con.execute("commit")
                self.open = None
        except (duckdb.Error, ValueError, TypeError, KeyError) as exc:
            self._fail(path, describe(exc))
            return
        if job.last:
            self._settle()

    def _count(self, job: BatchJob, loaded: BatchLoad, transformed: TableBatch) -> None:
        counts, path = self._file, str(job.landing_file.path)
        counts.postings_in += loaded.postings_in
        counts.postings_loaded += loaded.postings_loaded
        counts.skills_loaded += loaded.skills_loaded
        decoded = transformed.landing_lines if job.raw is not None else None
        rejected = list(job.rejected) if decoded is None else _rejected_lines(decoded)
        if loaded.unstaged:
            unstaged = set(loaded.unstaged)
            ids = (
                (
                    (line, posting_id(record))
                    for record, line in zip(job.records, job.lines, strict=True)
                )
                if decoded is None
                else _record_ids(decoded)
            )
            rejected += [
                (line, "neither a month nor a date that parses")
                for line, global_id in ids
                if global_id in unstaged
            ]
        counts.n_rejected += len(rejected)
        room = MAX_NAMED_REJECTS - len(counts.rejected)
        counts.rejected += [(f"{path}:{line}", why) for line, why in sorted(rejected)[:room]]

    def _settle(self) -> None:
        """Add the committed file's counts and rejected records to the run's."""
        counts, result = self._file, self.result
        result.postings_in += counts.postings_in
        result.postings_loaded += counts.postings_loaded
        result.skills_loaded += counts.skills_loaded
        for where, reason in counts.rejected:
            result.reject(where, reason)
        result.records_rejected += counts.n_rejected - len(counts.rejected)
        self._file = _FileCounts()

    def _fail(self, path: str, error: str) -> None:
        self.failed[path] = error
        self._rollback()

    def _rollback(self) -> None:
        if self.open is None:
            return
        self.open = None
        self._file = _FileCounts()
        try:
            self.con.execute("rollback")
        except duckdb.TransactionException:
            pass  # DuckDB already ended a transaction that a fatal error invalidated


def _rejected_lines(decoded: pa.Table) -> list[tuple[int, str]]:
    """The lines a batch's decoding rejected, and why (TableBatch.landing_lines)."""
    found = decoded.filter(pc.is_valid(decoded["rejected"]))
    return list(zip(found["line"].to_pylist(), found["rejected"].to_pylist(), strict=True))


def _record_ids(decoded: pa.Table) -> Iterator[tuple[int, str]]:
    """The line and posting id of each record a batch's decoding kept (TableBatch.landing_lines)."""
    found = decoded.filter(pc.is_valid(decoded["global_id"]))
    return zip(found["line"].to_pylist(), found["global_id"].to_pylist(), strict=True)


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
