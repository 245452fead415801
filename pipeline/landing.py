"""The process flow's view of the landing zone: its landing files, each named by its content hash.

File names, formats and reading are jobtrends.landing's; this adds what the loader tracks files
by (their sha256) and the configured landing directory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from jobtrends.config import Settings
from jobtrends.landing import (
    Manifest,
    landing_files,
    manifests,
    read_manifest,
    run_files,
    run_id_of,
)


@dataclass(frozen=True)
class LandingFile:
    """One landing file of one crawl run, with its content hash and (when written) its manifest."""

    path: Path
    source: str
    run_id: str
    sha256: str
    manifest: Manifest | None = None


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def list_landing_files(settings: Settings) -> list[LandingFile]:
    """Every complete landing file (temporary `.name.tmp` files excluded), oldest run first."""
    found = []
    for path in landing_files(settings.landing_dir):
        source, run_id = path.parent.name, run_id_of(path)
        manifest = read_manifest(run_files(settings.landing_dir, source, run_id).manifest)
        found.append(LandingFile(path, source, run_id, file_sha256(path), manifest))
    return found


def list_manifests(settings: Settings) -> list[tuple[Path, Manifest]]:
    """Every readable manifest in the landing zone with its path, oldest run first."""
    return manifests(settings.landing_dir)


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
