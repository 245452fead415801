"""The process flow's view of the landing zone: its landing files, each named by its content hash.

File names, formats and reading are jobtrends.landing's; this adds what the loader tracks files
by (their sha256) and the configured landing directory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from jobtrends.config import Settings
from jobtrends.landing import (
    Manifest,
    landing_files,
    manifest_problem,
    manifests,
    read_manifest,
    run_files,
    run_id_of,
)


@dataclass(frozen=True)
class LandingFile:
    """One landing file of one crawl run, with its content hash and its manifest, or why that
    cannot be read (`missing`, `not JSON (...)`)."""

    path: Path
    source: str
    run_id: str
    sha256: str
    manifest: Manifest | None = None
    manifest_problem: str | None = None

    @property
    def manifest_path(self) -> Path:
        """Where the run's manifest is (or belongs)."""
        return run_files(self.path.parent.parent, self.source, self.run_id).manifest


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
        manifest_path = run_files(settings.landing_dir, source, run_id).manifest
        manifest = read_manifest(manifest_path)
        problem = manifest_problem(manifest_path) if manifest is None else None
        found.append(LandingFile(path, source, run_id, file_sha256(path), manifest, problem))
    return found


def list_manifests(settings: Settings) -> list[tuple[Path, Manifest]]:
    """Every readable manifest in the landing zone with its path, oldest run first."""
    return manifests(settings.landing_dir)
