"""The landing zone: its file names, formats and record contract, written and read only here.

Layout, under `Settings.landing_dir` (`<data_dir>/landing`)::

    <source>/<run_id>.jsonl.gz        the postings a run landed, one JSON object a line
    <source>/<run_id>.seen.txt.gz     every global_id the run saw (landed or unchanged), one a line
    <source>/<run_id>.manifest.json   the run's manifest, written last

`<source>` is the source key (a configured name, else the source type); `run_id` is
`YYYYMMDDTHHMMSSZ-<8 hex>`, the UTC start time first and the hex digits beginning with its
microsecond, so names sort by time. Every file is written under a temporary name in the same
folder (`.<name>.tmp`) and renamed when complete, the landing file first and the manifest last, so
a reader never sees half a file nor a manifest without its files. Landing files are never modified
afterwards.

The landing record (one line of `<run_id>.jsonl.gz`, `LandingRecord`):

==================  ==============  =========================================================
field               type            meaning
==================  ==============  =========================================================
source              str             source key (`hn_whoishiring`, `greenhouse`, `lever`,
                                    `ashby`, `remoteok`, `jsonld`, `remotive`, `himalayas`,
                                    `arbeitnow`, `smartrecruiters`, `workable`, `recruitee`,
                                    `personio`, or a configured name)
source_type         str             the spider that crawled it; the process flow classifies
                                    the posting's openings by it
source_id           str             the source's own id of the posting
global_id           str             `"<source>:<source_id>"`
board               str or null     board token / Lever site / Ashby board / SmartRecruiters
                                    company id / Workable account / Recruitee or Personio
                                    company / HN thread id / page host / the feed's name
                                    (`remoteok`, `remotive`, `himalayas`, `arbeitnow`)
url                 str or null     canonical URL (tracking parameters stripped)
company             str or null
title               str or null     the ATS title; for HN the post's first (header) line
location            str or null
remote              bool or null    null when the posting does not say
salary              object or null  `{"min", "max", "currency", "period", "annual_min",
                                    "annual_max", "raw"}`
employment_type     str or null
requisition_id      str or null
posted_at           str             ISO 8601 UTC (`2026-05-01T15:00:00Z`)
month               str             `YYYY-MM` the posting counts in (HN: the thread's month)
thread_id           int or null     HN thread
fetched_at          str             ISO 8601 UTC
description_html    str or null     as served, entities unescaped
description_text    str             clean text, paragraph and list breaks kept as newlines
content_hash        str             sha256 of title, company, location and description_text;
                                    a change means a new version
crawl_run_id        str             the run that landed it
is_synthetic        bool            true for generated corpora
raw                 object          the source's JSON object, untouched
==================  ==============  =========================================================

Formats (`landing_version` in the manifest): 2 is the above. 1 (manifests without
`landing_version`) had no `source_type` and carried crawl-time `openings`, `role_families` and
`rules_version`, which readers ignore; its records are classified by their `source`.

A line that is not UTF-8 JSON, not an object, or lacks a non-blank `source` or `source_id` breaks
the contract: `read_landing` rejects it by line number and reason, and nothing gives it an id. A
landing file that is empty, not gzip or cut short cannot be read at all (`LandingFileError`).
"""

from __future__ import annotations

import gzip
import json
import os
import secrets
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypedDict, cast

import orjson

from jobtrends.surrogates import may_hold_surrogates, replace_lone_surrogates

LANDING_VERSION = 2

_RECORDS = ".jsonl.gz"
_SEEN = ".seen.txt.gz"
_MANIFEST = ".manifest.json"
# gzip 1 is several times faster than 9; landing files are written once and read rarely.
_COMPRESSLEVEL = 1
_FLUSH_EVERY = 500


class Salary(TypedDict):
    """A posting's pay as parsed: the range, its currency and period, and the yearly range."""

    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    annual_min: float | None
    annual_max: float | None
    raw: str | None


class LandingRecord(TypedDict, total=False):
    """One landed posting (see the table above). Not total: files of format 1 and hostile input
    may lack fields, so readers look each one up with `.get`."""

    source: str
    source_type: str
    source_id: str
    global_id: str
    board: str | None
    url: str | None
    company: str | None
    title: str | None
    location: str | None
    remote: bool | None
    salary: Salary | None
    employment_type: str | None
    requisition_id: str | None
    posted_at: str
    month: str
    thread_id: int | None
    fetched_at: str
    description_html: str | None
    description_text: str
    content_hash: str
    crawl_run_id: str
    is_synthetic: bool
    raw: Any


RECORD_FIELDS: tuple[str, ...] = tuple(LandingRecord.__annotations__)


class RunScope(TypedDict, total=False):
    """What a run covered: a complete run closes the postings of these boards it did not see."""

    boards: list[str]
    months: list[str]


class RunError(TypedDict, total=False):
    """One failure of a run: the URL, a kind such as `http_404`, and whether it made the run
    incomplete."""

    url: str | None
    kind: str
    message: str
    fatal: bool


class Manifest(TypedDict, total=False):
    """A run's manifest. `complete` is false when any request failed for good; only complete
    runs may close postings in the warehouse."""

    landing_version: int
    source: str
    source_type: str
    run_id: str
    started_at: str
    finished_at: str
    complete: bool
    finish_reason: str
    requests: int
    responses_by_status: dict[str, int]
    items_seen: int
    items_landed: int
    items_unchanged: int
    duplicates_in_run: int
    landing_file: str
    seen_file: str
    scope: RunScope
    seen_by_month: dict[str, int]
    seen_by_board: dict[str, int]
    thread_months: dict[str, str]
    options: dict[str, Any]
    errors: list[RunError]
    errors_by_kind: dict[str, dict[str, Any]]
    skipped_boards: dict[str, str]
    missing_fields: dict[str, int]
    invalid_jsonld_blocks: int
    synthetic: bool
    generator_version: str


class LandingFileError(Exception):
    """A landing file that cannot be read (empty, not gzip, cut short; for `read_records`, also a
    line that is not a JSON object): `reason` says which, after the file's path and a colon."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class LandingBatch:
    """Records of a landing file that keep the record contract, each with its line number; the
    lines rejected since the batch before, each with why; and whether the file ends here."""

    records: list[LandingRecord]
    lines: list[int]
    rejected: list[tuple[int, str]]
    last: bool


# The 8 hex digits after the second are the microsecond (5 digits, zero-padded, so they sort as
# numbers) and 3 random digits: runs started within one second still sort by start time, and two
# runs started in the same microsecond still get different ids.
_MICROSECOND_DIGITS = 5
_RANDOM_BYTES_HEX = 3


def new_run_id(now: datetime | None = None) -> str:
    """`YYYYMMDDTHHMMSSZ-<8 hex>`: the UTC start time to the microsecond, so run files sort by time."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    tail = secrets.token_hex(2)[:_RANDOM_BYTES_HEX]
    return f"{moment:%Y%m%dT%H%M%SZ}-{moment.microsecond:0{_MICROSECOND_DIGITS}x}{tail}"


@dataclass(frozen=True)
class RunFiles:
    """The three files of one run of one source."""

    landing: Path
    seen: Path
    manifest: Path


def run_files(landing_dir: Path, source: str, run_id: str) -> RunFiles:
    """Where the files of run `run_id` of `source` are (or will be)."""
    folder = Path(landing_dir) / source
    return RunFiles(
        folder / f"{run_id}{_RECORDS}", folder / f"{run_id}{_SEEN}", folder / f"{run_id}{_MANIFEST}"
    )


def run_id_of(path: Path) -> str:
    """The run id in the name of a landing, seen or manifest file."""
    for suffix in (_RECORDS, _SEEN, _MANIFEST):
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    raise ValueError(f"{path.name} is not a landing zone file name")


def seen_file_of(manifest_path: Path, manifest: Manifest) -> Path:
    """The seen list a manifest names (its `seen_file`, else its run's own)."""
    name = (
        manifest.get("seen_file") or f"{manifest.get('run_id') or run_id_of(manifest_path)}{_SEEN}"
    )
    return manifest_path.with_name(name)


def _temporary(path: Path) -> Path:
    """The name a file is written under before its atomic rename: `.<name>.tmp`."""
    return path.with_name(f".{path.name}.tmp")


def _finished(landing_dir: Path, source: str | None, suffix: str) -> list[Path]:
    root = Path(landing_dir)
    if not root.is_dir():
        return []
    pattern = f"{source}/*{suffix}" if source is not None else f"*/*{suffix}"
    found = [path for path in root.glob(pattern) if not path.name.startswith(".")]
    # Run ids start with the UTC start time: this is the order the runs happened in.
    return sorted(found, key=lambda path: (run_id_of(path), path.parent.name, path.name))


def landing_files(landing_dir: Path, source: str | None = None) -> list[Path]:
    """The finished landing files of one source (or of every source), oldest run first."""
    return _finished(landing_dir, source, _RECORDS)


def manifests(landing_dir: Path, source: str | None = None) -> list[tuple[Path, Manifest]]:
    """Every readable manifest of one source (or of every source) with its path, oldest first."""
    found = []
    for path in _finished(landing_dir, source, _MANIFEST):
        manifest = read_manifest(path)
        if manifest is not None:
            found.append((path, manifest))
    return found


def unreadable_manifests(landing_dir: Path, source: str | None = None) -> list[tuple[Path, str]]:
    """Every manifest that cannot be read, with why (`not JSON (...)`), oldest first."""
    found = []
    for path in _finished(landing_dir, source, _MANIFEST):
        problem = manifest_problem(path)
        if problem is not None:
            found.append((path, problem))
    return found


def json_line(record: Mapping[str, Any]) -> bytes:
    """One landing line: UTF-8 JSON from orjson (json costs the writer several times more); what
    orjson refuses (a lone surrogate, an integer beyond 64 bits) goes out as ASCII JSON, escaped."""
    plain = record if isinstance(record, dict) else dict(record)  # e.g. a Scrapy item
    try:
        return orjson.dumps(plain, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        return json.dumps(plain, separators=(",", ":")).encode("ascii") + b"\n"


def _gzip_writer(raw: IO[bytes]) -> gzip.GzipFile:
    # No name and no time in the header: the same records give the same bytes.
    return gzip.GzipFile(filename="", mode="wb", compresslevel=_COMPRESSLEVEL, fileobj=raw, mtime=0)


def write_seen(path: Path, global_ids: Iterable[str]) -> None:
    """Write a seen list atomically, one global_id a line."""
    tmp = _temporary(path)
    with open(tmp, "wb") as raw, _gzip_writer(raw) as handle:
        text = "".join(f"{global_id}\n" for global_id in global_ids)
        handle.write(text.encode("utf-8", "backslashreplace"))
    os.replace(tmp, path)


def read_seen(path: Path) -> list[str]:
    """The global ids listed in a run's seen file."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]


def write_manifest(path: Path, manifest: Manifest) -> None:
    """Write a manifest atomically."""
    tmp = _temporary(path)
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(path: Path) -> Manifest | None:
    """A manifest, or None when it is absent or unreadable."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return cast(Manifest, manifest) if isinstance(manifest, dict) else None


def manifest_problem(path: Path) -> str | None:
    """Why a manifest cannot be read (`missing`, `not JSON (...)`, ...), or None when it can."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "missing"
    except (OSError, ValueError) as exc:
        return f"unreadable ({exc})"
    try:
        value = json.loads(text)
    except ValueError as exc:
        return f"not JSON ({exc})"
    return None if isinstance(value, dict) else "not a JSON object"


class RunWriter:
    """Lands one run of one source: records go to a temporary landing file as they come; `finish`
    renames it into place, then writes the seen list and the manifest."""

    def __init__(self, landing_dir: Path, source: str, run_id: str) -> None:
        self.files = run_files(landing_dir, source, run_id)
        self.files.landing.parent.mkdir(parents=True, exist_ok=True)
        self.written = 0
        self._buffer: list[bytes] = []
        self._raw = open(_temporary(self.files.landing), "wb")  # noqa: SIM115 - closed in finish
        self._gzip = _gzip_writer(self._raw)

    def write(self, record: Mapping[str, Any]) -> None:
        """Add one record to the landing file."""
        self._buffer.append(json_line(record))
        self.written += 1
        if len(self._buffer) >= _FLUSH_EVERY:
            self._flush()

    def finish(self, seen: Iterable[str], manifest: Manifest) -> Manifest:
        """Complete the run: landing file, seen list, then the manifest (naming both files), each
        renamed into place when whole. Returns the manifest as written."""
        self._flush()
        self._gzip.close()
        self._raw.close()
        os.replace(_temporary(self.files.landing), self.files.landing)
        write_seen(self.files.seen, seen)
        written: Manifest = {
            **manifest,
            "landing_file": self.files.landing.name,
            "seen_file": self.files.seen.name,
        }
        write_manifest(self.files.manifest, written)
        return written

    def _flush(self) -> None:
        if self._buffer:
            self._gzip.write(b"".join(self._buffer))
            self._buffer.clear()


_GZIP_MAGIC = b"\x1f\x8b"


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a landing file with their numbers; LandingFileError when the file
    is empty, not gzip, or cut short."""
    try:
        with open(path, "rb") as raw:
            head = raw.read(len(_GZIP_MAGIC))
    except OSError as exc:
        raise LandingFileError(path, f"unreadable ({exc.strerror or exc})") from None
    if not head:
        raise LandingFileError(path, "empty (0 bytes), not a gzip file of JSON lines")
    if head != _GZIP_MAGIC:
        raise LandingFileError(path, f"not gzip (it starts with bytes {head.hex(' ')})")
    try:
        with gzip.open(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except (OSError, EOFError, zlib.error) as exc:
        raise LandingFileError(path, f"cut short or corrupt ({exc})") from None


def _parse(line: bytes) -> Any:
    """The JSON value of one landing line, lone surrogates replaced by U+FFFD; ValueError (a
    UnicodeDecodeError when the bytes are not UTF-8) when it is not JSON."""
    try:
        # From the bytes: no UTF-8 decode to a str first, and no search for surrogate escapes,
        # since orjson refuses lone surrogates: 40% less CPU to decode a batch of landing lines.
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return _parse_text(line)  # the rarer lines, and the reasons for rejecting them


def _parse_text(line: bytes) -> Any:
    text = line.decode("utf-8").rstrip("\r\n")
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        value = json.loads(text)  # what orjson refuses (lone surrogates, NaN)
    return replace_lone_surrogates(value) if may_hold_surrogates(text) else value


def _not_json(exc: ValueError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 (byte {exc.start + 1} of the line)"
    return f"not JSON ({exc})"


# The fields without which a record is no posting: its global_id is `<source>:<source_id>`.
_IDENTITY = ("source", "source_id")


def record_problem(record: Any) -> str | None:
    """Why a parsed landing line breaks the record contract, or None when it keeps it."""
    if not isinstance(record, dict):
        return "not a JSON object"
    problems = []
    for name in _IDENTITY:
        value = record.get(name)
        if value is None:
            problems.append(f"no {name}")
        elif isinstance(value, bool) or not isinstance(value, str | int):
            problems.append(f"{name} is not a string ({type(value).__name__})")
        elif not str(value).strip():
            problems.append(f"{name} is blank")
    return " and ".join(problems) or None


def read_records(path: Path, batch_size: int) -> Iterator[list[LandingRecord]]:
    """The records of a landing file, `batch_size` at a time; lone surrogates become U+FFFD. A
    line that is not a JSON object ends the file in a LandingFileError."""
    batch: list[LandingRecord] = []
    for number, line in _lines(path):
        try:
            record = _parse(line)
        except ValueError as exc:
            raise LandingFileError(path, f"line {number}: {_not_json(exc)}") from None
        if not isinstance(record, dict):
            raise LandingFileError(path, f"line {number}: not a JSON object")
        batch.append(cast(LandingRecord, record))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def read_batches(path: Path, batch_size: int) -> Iterator[tuple[list[LandingRecord], bool]]:
    """Like read_records, each batch paired with whether it is the file's last."""
    previous: list[LandingRecord] | None = None
    for batch in read_records(path, batch_size):
        if previous is not None:
            yield previous, False
        previous = batch
    yield (previous if previous is not None else []), True


@dataclass(frozen=True)
class LandingLines:
    """Non-blank lines of a landing file as read, not yet decoded: their bytes joined, each ending
    in a newline; their line numbers; and whether the file ends here. Decoding them is
    `decode_lines`, wherever it runs (a transform worker, or read_landing here)."""

    data: bytes
    numbers: list[int]
    last: bool

    def __len__(self) -> int:
        return len(self.numbers)


def decode_lines(lines: LandingLines) -> LandingBatch:
    """The records of `lines` that keep the record contract, each with its line number, and every
    other line rejected by number and reason (not UTF-8, not JSON, not an object, without a
    source or source_id)."""
    records: list[LandingRecord] = []
    numbers: list[int] = []
    rejected: list[tuple[int, str]] = []
    for number, line in zip(lines.numbers, lines.data.split(b"\n"), strict=False):
        try:
            record = _parse(line)
            problem = record_problem(record)
        except ValueError as exc:
            problem = _not_json(exc)
        if problem is not None:
            rejected.append((number, problem))
        else:
            records.append(cast(LandingRecord, record))
            numbers.append(number)
    return LandingBatch(records, numbers, rejected, lines.last)


def read_landing_lines(path: Path, batch_size: int) -> Iterator[LandingLines]:
    """The non-blank lines of a landing file, `batch_size` at a time, undecoded: the batches of
    read_landing, line for line. The last batch, possibly empty, says so; a file that cannot be
    read whole ends in a LandingFileError instead."""
    previous: LandingLines | None = None
    chunks: list[bytes] = []
    numbers: list[int] = []
    for number, line in _lines(path):
        chunks.append(line if line.endswith(b"\n") else line + b"\n")
        numbers.append(number)
        # Rejected lines count toward the batch too, so a file of broken lines stays bounded.
        if len(numbers) >= batch_size:
            if previous is not None:
                yield previous
            previous = LandingLines(b"".join(chunks), numbers, last=False)
            chunks, numbers = [], []
    if previous is not None and numbers:
        yield previous
        previous = None
    if previous is not None:
        yield LandingLines(previous.data, previous.numbers, last=True)
    else:
        yield LandingLines(b"".join(chunks), numbers, last=True)


def read_landing(path: Path, batch_size: int) -> Iterator[LandingBatch]:
    """The records of a landing file that keep the record contract, `batch_size` lines at a time,
    with every other line rejected by number and reason (not UTF-8, not JSON, not an object,
    without a source or source_id). The last batch, possibly empty, says so; a file that cannot
    be read whole ends in a LandingFileError instead."""
    for lines in read_landing_lines(path, batch_size):
        yield decode_lines(lines)
