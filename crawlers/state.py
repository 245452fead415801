"""What earlier runs of a source landed: read from the landing zone only, never the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

from jobtrends.landing import landing_files, manifests
from jobtrends.sql import query


def previous_hashes(landing_dir: Path, source: str) -> dict[str, str]:
    """global_id -> content_hash of its most recent landed version, over every earlier run."""
    files = [str(path) for path in landing_files(landing_dir, source)]
    if not files:
        return {}
    with duckdb.connect() as con:
        rows = con.execute(query("crawlers", "state", "latest_hashes"), [files]).fetchall()
    return {global_id: digest for global_id, digest in rows if global_id}


def finished_threads(landing_dir: Path, source: str) -> set[str]:
    """HN threads a complete run landed after their month was over (so nothing more will come)."""
    done: set[str] = set()
    for _path, manifest in manifests(landing_dir, source):
        if not manifest.get("complete"):
            continue
        run_month = str(manifest.get("started_at", ""))[:7]
        months = manifest.get("thread_months") or {}
        for thread_id in (manifest.get("scope") or {}).get("boards") or []:
            month = months.get(str(thread_id))
            if month and run_month > month:
                done.add(str(thread_id))
    return done
