"""Find and read the landing zone: landing files, their manifests and seen lists."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import orjson

from jobtrends.config import Settings
from pipeline.surrogates import may_hold_surrogates, replace_lone_surrogates

LANDING_SUFFIX = ".jsonl.gz"
MANIFEST_SUFFIX = ".manifest.json"
SEEN_SUFFIX = ".seen.txt.gz"


class LandingFileError(Exception):
    """A landing file that cannot be read (truncated gzip, a line that is not a JSON object)."""


@dataclass(frozen=True)
class LandingFile:
    """One landing file of one crawl run, with its content hash and (when written) its manifest."""

    path: Path
    source: str
    run_id: str
    sha256: str
    manifest: dict[str, Any] | None = None


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _run_id(path: Path, suffix: str) -> str:
    return path.name[: -len(suffix)]


def read_manifest(path: Path) -> dict[str, Any] | None:
    """A manifest as a dict, or None when it is absent or unreadable."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def list_landing_files(settings: Settings) -> list[LandingFile]:
    """Every complete landing file (temporary `.name.tmp` files excluded), oldest run first."""
    root = settings.landing_dir
    if not root.is_dir():
        return []
    found = []
    for path in root.glob(f"*/*{LANDING_SUFFIX}"):
        if path.name.startswith("."):
            continue
        run_id = _run_id(path, LANDING_SUFFIX)
        manifest = read_manifest(path.with_name(run_id + MANIFEST_SUFFIX))
        found.append(LandingFile(path, path.parent.name, run_id, file_sha256(path), manifest))
    # run ids start with the UTC start time, so this is the order the runs happened in
    return sorted(found, key=lambda f: (f.run_id, f.source, f.path.name))


def list_manifests(settings: Settings) -> list[tuple[Path, dict[str, Any]]]:
    """Every readable manifest in the landing zone with its path, oldest run first."""
    root = settings.landing_dir
    if not root.is_dir():
        return []
    found = []
    for path in root.glob(f"*/*{MANIFEST_SUFFIX}"):
        if path.name.startswith("."):
            continue
        manifest = read_manifest(path)
        if manifest is not None:
            found.append((path, manifest))
    return sorted(found, key=lambda item: (_run_id(item[0], MANIFEST_SUFFIX), str(item[0])))


def loaded_landing_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """sha256 of every landing file already loaded."""
    rows = con.execute("select sha256 from landing_files where loaded_at is not null").fetchall()
    return {r[0] for r in rows}


def pending_files(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    reextract: bool = False,
    versions: Any = None,
) -> list[LandingFile]:
    """Landing files not loaded yet (by sha256); with `reextract`, also those holding the latest
    version of a posting whose rules, taxonomy or extractor version differs from `versions`
    (default: the installed ones)."""
    files = list_landing_files(settings)
    loaded = loaded_landing_hashes(con)
    pending = [f for f in files if f.sha256 not in loaded]
    if reextract:
        from pipeline.load import stale_runs

        runs = stale_runs(con, versions)
        pending += [f for f in files if f.sha256 in loaded and (f.source, f.run_id) in runs]
        pending.sort(key=lambda f: (f.run_id, f.source, f.path.name))
    return pending


def read_records(path: Path, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    """The landing records of a file, `batch_size` at a time."""
    batch: list[dict[str, Any]] = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    try:
                        record = orjson.loads(line)
                    except orjson.JSONDecodeError:
                        record = json.loads(line)  # what orjson refuses (lone surrogates, NaN)
                    if may_hold_surrogates(line):
                        record = replace_lone_surrogates(record)
                except ValueError as exc:
                    raise LandingFileError(f"{path} line {number} is not JSON ({exc})") from None
                if not isinstance(record, dict):
                    raise LandingFileError(f"{path} line {number} is not a JSON object")
                batch.append(record)
                if len(batch) >= batch_size:
                    yield batch
                    batch = []
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise LandingFileError(f"{path} cannot be read ({exc})") from None
    if batch:
        yield batch


def read_batches(path: Path, batch_size: int) -> Iterator[tuple[list[dict[str, Any]], bool]]:
    """Like read_records, each batch paired with whether it is the file's last."""
    previous: list[dict[str, Any]] | None = None
    for batch in read_records(path, batch_size):
        if previous is not None:
            yield previous, False
        previous = batch
    yield (previous if previous is not None else []), True


def read_seen(path: Path) -> list[str]:
    """The global ids listed in a run's seen file (one a line)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip()]
