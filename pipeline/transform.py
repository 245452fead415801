"""Landing records -> table batches: openings from the role rules, skill mentions from the extractor."""

from __future__ import annotations

import bisect
import gc
import os
import shutil
import signal
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.ipc

from jobtrends.landing import LandingBatch, LandingLines, LandingRecord, decode_lines

# Stored batches are a cache kept for months: zstd makes them 6x smaller than plain Arrow for
# about 2% of a batch's transform time (writing) and under 1% (reading).
STORED_COMPRESSION = "zstd"
_STORED_TABLES = ("postings", "openings", "posting_skills")
# Stored beside the tables of a batch transformed from undecoded landing lines.
_STORED_LINES = "landing_lines"

# Real postings stay far below this; a hostile 50 MB description would hold a load for minutes.
# The text is stored whole; skills are read from its first MAX_EXTRACTED_CHARS characters.
MAX_EXTRACTED_CHARS = 200_000


class SkillExtractorLike(Protocol):
    """What transform needs of a skill extractor: mentions per text, in order."""

    def extract_many(self, texts: Iterable[str]) -> Iterable[Sequence[Any]]:
        """One list of mentions (skill_id, start, end, text) per text."""
        ...


Classifier = Callable[[str, str | None, str], Sequence[Any]]


@dataclass(frozen=True)
class Versions:
    """The versions of the rules, taxonomy and extractor a batch was made with."""

    rules: str
    taxonomy: str
    extractor: str


def current_versions() -> Versions:
    """The versions of the installed role rules and skill extractor."""
    from pipeline import roles, skills

    return Versions(roles.RULES_VERSION, skills.TAXONOMY_VERSION, skills.EXTRACTOR_VERSION)


POSTINGS_SCHEMA = pa.schema(
    [
        ("global_id", pa.string()),
        ("source", pa.string()),
        ("source_id", pa.string()),
        ("board", pa.string()),
        ("url", pa.string()),
        ("company", pa.string()),
        ("title", pa.string()),
        ("location", pa.string()),
        ("remote", pa.bool_()),
        ("salary_min", pa.float64()),
        ("salary_max", pa.float64()),
        ("salary_currency", pa.string()),
        ("salary_period", pa.string()),
        ("salary_annual_min", pa.float64()),
        ("salary_annual_max", pa.float64()),
        ("salary_raw", pa.string()),
        ("employment_type", pa.string()),
        ("requisition_id", pa.string()),
        ("posted_at", pa.string()),
        ("month", pa.string()),
        ("thread_id", pa.int64()),
        ("description_text", pa.string()),
        ("content_hash", pa.string()),
        ("fetched_at", pa.string()),
        ("is_synthetic", pa.bool_()),
        ("rules_version", pa.string()),
        ("taxonomy_version", pa.string()),
        ("extractor_version", pa.string()),
        ("crawl_run_id", pa.string()),
    ]
)
OPENINGS_SCHEMA = pa.schema(
    [
        ("global_id", pa.string()),
        ("opening_idx", pa.int32()),
        ("title", pa.string()),
        ("normalized_title", pa.string()),
        ("role_family", pa.string()),
        ("seniority", pa.string()),
        ("rules_version", pa.string()),
        ("section_start", pa.int32()),
        ("section_end", pa.int32()),
    ]
)
POSTING_SKILLS_SCHEMA = pa.schema(
    [
        ("global_id", pa.string()),
        ("opening_idx", pa.int32()),
        ("skill_id", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("evidence", pa.string()),
        ("extractor_version", pa.string()),
    ]
)
# What decoding a batch's landing lines found, one row a line: the posting id of a record that
# keeps the contract, else why the line was rejected (the loader names rejected records by line).
LANDING_LINES_SCHEMA = pa.schema(
    [("line", pa.int64()), ("global_id", pa.string()), ("rejected", pa.string())]
)


@dataclass
class TableBatch:
    """Rows for postings, openings and posting_skills made from one batch of landing records.

    posting_versions rows are derived from `postings` (global_id, content_hash, fetched_at,
    crawl_run_id) when loading. Timestamps and months stay ISO text until DuckDB casts them.
    """

    postings: pa.Table
    openings: pa.Table
    posting_skills: pa.Table
    landing_lines: pa.Table | None = None  # made from undecoded lines: what decoding found

    @property
    def n_postings(self) -> int:
        """Number of posting rows."""
        return self.postings.num_rows

    @staticmethod
    def empty() -> TableBatch:
        """A batch without rows."""
        return TableBatch(
            POSTINGS_SCHEMA.empty_table(),
            OPENINGS_SCHEMA.empty_table(),
            POSTING_SKILLS_SCHEMA.empty_table(),
        )

    def write(self, folder: Path) -> None:
        """Store the three tables as Arrow IPC files in `folder`, which appears whole or not at all."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial = folder.with_name(f".{folder.name}.{os.getpid()}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        options = pa.ipc.IpcWriteOptions(compression=STORED_COMPRESSION)
        for name in _STORED_TABLES:
            table: pa.Table = getattr(self, name)
            with (
                pa.OSFile(str(partial / f"{name}.arrow"), "wb") as sink,
                pa.ipc.new_file(sink, table.schema, options=options) as writer,
            ):
                writer.write_table(table)
        if self.landing_lines is not None:
            with (
                pa.OSFile(str(partial / f"{_STORED_LINES}.arrow"), "wb") as sink,
                pa.ipc.new_file(sink, self.landing_lines.schema, options=options) as writer,
            ):
                writer.write_table(self.landing_lines)
        try:
            partial.rename(folder)
        except OSError:
            # Another run stored the same batch first; transforms are deterministic, keep it.
            if not (folder / f"{_STORED_TABLES[-1]}.arrow").is_file():
                raise
            shutil.rmtree(partial, ignore_errors=True)

    @staticmethod
    def read(folder: Path) -> TableBatch:
        """The batch stored in `folder` by `write`."""
        tables = []
        for name in _STORED_TABLES:
            with pa.OSFile(str(folder / f"{name}.arrow"), "rb") as source:
                tables.append(pa.ipc.open_file(source).read_all())
        lines = folder / f"{_STORED_LINES}.arrow"
        if lines.is_file():
            with pa.OSFile(str(lines), "rb") as source:
                tables.append(pa.ipc.open_file(source).read_all())
        return TableBatch(*tables)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _integer(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _opening_at(sections: list[tuple[int, int, int]], starts: list[int], start: int) -> int | None:
    """The index of the opening whose section holds offset `start`, else None (shared text)."""
    i = bisect.bisect_right(starts, start) - 1
    while i >= 0:
        section_start, section_end, idx = sections[i]
        if section_start <= start < section_end:
            return idx
        i -= 1
    return None


def posting_id(record: LandingRecord) -> str:
    """A record's global_id, else `<source>:<source_id>`; never one made up from blanks."""
    global_id = _text(record.get("global_id"))
    if global_id and global_id.strip():
        return global_id
    source, source_id = _text(record.get("source")), _text(record.get("source_id"))
    if not (source and source.strip() and source_id and source_id.strip()):
        raise ValueError("a landing record without source or source_id has no posting id")
    return f"{source}:{source_id}"


def _latest_per_posting(records: Sequence[LandingRecord]) -> list[LandingRecord]:
    """One record per global_id: the latest fetch (the later record on a tie)."""
    latest: dict[str, tuple[str, int]] = {}
    for position, record in enumerate(records):
        key = posting_id(record)
        fetched = str(record.get("fetched_at") or "")
        if key not in latest or fetched >= latest[key][0]:
            latest[key] = (fetched, position)
    if len(latest) == len(records):
        return list(records)
    return [records[position] for _, position in sorted(latest.values(), key=lambda v: v[1])]


def _default_classifier() -> Classifier:
    from pipeline.roles import openings_of_posting

    return openings_of_posting


_EXTRACTOR: SkillExtractorLike | None = None


def default_extractor() -> SkillExtractorLike:
    """The pipeline's skill extractor, built once per process (loading patterns is not free)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from pipeline.skills import SkillExtractor

        _EXTRACTOR = SkillExtractor()
    return _EXTRACTOR


def transform_records(
    records: Sequence[LandingRecord],
    extractor: SkillExtractorLike | None = None,
    *,
    classify: Classifier | None = None,
    versions: Versions | None = None,
) -> TableBatch:
    """Classify the openings of each landing record and extract its skill mentions."""
    extractor = extractor if extractor is not None else default_extractor()
    classify = classify if classify is not None else _default_classifier()
    versions = versions if versions is not None else current_versions()

    postings: dict[str, list[Any]] = {name: [] for name in POSTINGS_SCHEMA.names}
    openings: dict[str, list[Any]] = {name: [] for name in OPENINGS_SCHEMA.names}
    skills: dict[str, list[Any]] = {name: [] for name in POSTING_SKILLS_SCHEMA.names}
    posting_columns = [postings[name] for name in POSTINGS_SCHEMA.names]
    texts: list[str] = []
    sections_of: list[tuple[list[tuple[int, int, int]], list[int]]] = []

    for record in _latest_per_posting(records):
        global_id = posting_id(record)
        source = _text(record.get("source")) or global_id.partition(":")[0]
        source_id = _text(record.get("source_id")) or global_id.partition(":")[2]
        text = _text(record.get("description_text")) or ""
        title = _text(record.get("title"))
        raw_salary = record.get("salary")
        salary: Mapping[str, object] = raw_salary if isinstance(raw_salary, dict) else {}
        # One value a column, in POSTINGS_SCHEMA order: no row dict is built.
        values = (
            global_id,
            source,
            source_id,
            _text(record.get("board")),
            _text(record.get("url")),
            _text(record.get("company")),
            title,
            _text(record.get("location")),
            record.get("remote") if isinstance(record.get("remote"), bool) else None,
            _number(salary.get("min")),
            _number(salary.get("max")),
            _text(salary.get("currency")),
            _text(salary.get("period")),
            _number(salary.get("annual_min")),
            _number(salary.get("annual_max")),
            _text(salary.get("raw")),
            _text(record.get("employment_type")),
            _text(record.get("requisition_id")),
            _text(record.get("posted_at")),
            _text(record.get("month")),
            _integer(record.get("thread_id")),
            text,
            _text(record.get("content_hash")) or "",
            _text(record.get("fetched_at")),
            bool(record.get("is_synthetic", False)),
            versions.rules,
            versions.taxonomy,
            versions.extractor,
            _text(record.get("crawl_run_id")),
        )
        for column, value in zip(posting_columns, values, strict=True):
            column.append(value)

        sections: list[tuple[int, int, int]] = []
        # Format 1 records lack source_type; their crawler classified by the source key.
        source_type = _text(record.get("source_type")) or source
        for idx, opening in enumerate(classify(source_type, title, text)):
            openings["global_id"].append(global_id)
            openings["opening_idx"].append(idx)
            openings["title"].append(opening.title)
            openings["normalized_title"].append(opening.normalized_title)
            openings["role_family"].append(opening.role_family)
            openings["seniority"].append(opening.seniority)
            openings["rules_version"].append(versions.rules)
            section = getattr(opening, "section", None)
            openings["section_start"].append(int(section[0]) if section is not None else None)
            openings["section_end"].append(int(section[1]) if section is not None else None)
            if section is not None:
                sections.append((int(section[0]), int(section[1]), idx))
        sections.sort()
        sections_of.append((sections, [s[0] for s in sections]))
        texts.append(text[:MAX_EXTRACTED_CHARS])

    for (sections, starts), global_id, mentions in zip(
        sections_of, postings["global_id"], extractor.extract_many(texts), strict=True
    ):
        for mention in mentions:
            skills["global_id"].append(global_id)
            skills["opening_idx"].append(
                _opening_at(sections, starts, mention.start) if sections else None
            )
            skills["skill_id"].append(mention.skill_id)
            skills["start_char"].append(mention.start)
            skills["end_char"].append(mention.end)
            skills["evidence"].append(mention.text)
            skills["extractor_version"].append(versions.extractor)

    return TableBatch(
        pa.table(postings, schema=POSTINGS_SCHEMA),
        pa.table(openings, schema=OPENINGS_SCHEMA),
        pa.table(skills, schema=POSTING_SKILLS_SCHEMA),
    )


# Set in worker processes by start_worker: they collect garbage once a batch, not during it.
_COLLECT_PER_BATCH = False


def transform_to_folder(
    batch: Sequence[LandingRecord] | LandingLines, versions: Versions, folder: str
) -> str:
    """Transform one batch of records or undecoded landing lines and store its tables in `folder`
    (what a worker process runs)."""
    _store_batch(batch, versions, folder)
    # Only after a batch that succeeded, with its tables released: a failure's traceback still
    # holds the batch's frames, which must stay collectable rather than be frozen.
    if _COLLECT_PER_BATCH:
        _collect_batch_garbage()
    return folder


def _store_batch(
    batch: Sequence[LandingRecord] | LandingLines, versions: Versions, folder: str
) -> None:
    """Transform one batch and write its tables to `folder`."""
    if isinstance(batch, LandingLines):
        tables = transform_lines(batch, versions=versions)
    else:
        tables = transform_records(batch, versions=versions) if batch else TableBatch.empty()
    tables.write(Path(folder))


def _collect_batch_garbage() -> None:
    """Free the reference cycles batches left, then freeze what survived (the entries they added
    to the readers' caches), so the next batch's collection passes over its own objects only."""
    gc.collect()
    gc.freeze()


def transform_lines(
    lines: LandingLines,
    extractor: SkillExtractorLike | None = None,
    *,
    classify: Classifier | None = None,
    versions: Versions | None = None,
) -> TableBatch:
    """Decode a batch of landing lines and transform its records; the batch says what decoding
    found (`landing_lines`)."""
    decoded = decode_lines(lines)
    tables = (
        transform_records(decoded.records, extractor, classify=classify, versions=versions)
        if decoded.records
        else TableBatch.empty()
    )
    tables.landing_lines = landing_lines_table(decoded)
    return tables


def landing_lines_table(decoded: LandingBatch) -> pa.Table:
    """One row per line of a decoded batch: its posting id when kept, else why it was rejected."""
    kept = len(decoded.records)
    return pa.table(
        {
            "line": decoded.lines + [line for line, _ in decoded.rejected],
            "global_id": [posting_id(r) for r in decoded.records] + [None] * len(decoded.rejected),
            "rejected": [None] * kept + [why for _, why in decoded.rejected],
        },
        schema=LANDING_LINES_SCHEMA,
    )


def start_worker() -> None:
    """Prepare a transform worker process: the extractor built once, Ctrl-C left to the parent.

    A terminal's SIGINT reaches the whole process group; the flow's process decides how to stop
    and shuts its workers down, so they must not die mid-batch on their own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for source in ("hn_whoishiring", "greenhouse"):  # imports both classifiers' rules
        record: LandingRecord = {
            "source": source,
            "source_id": "0",
            "title": "Data Scientist",
            "description_text": "Acme | Data Scientist | Remote\nPython and SQL.",
        }
        transform_records([record])
    # The extractor, rules and imported modules live as long as the process: leave them out of
    # every later garbage collection's passes.
    gc.freeze()
    # A batch makes millions of objects and no reference cycles: the collector's passes during
    # it cost 5-10% of its time and free nothing; one pass after it frees what they would.
    global _COLLECT_PER_BATCH
    _COLLECT_PER_BATCH = True
    gc.disable()
