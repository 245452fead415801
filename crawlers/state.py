"""What earlier runs of a source landed: read from the landing zone only, never the warehouse."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from pathlib import Path

import duckdb

_LATEST_HASHES_SQL = """
select global_id, arg_max(content_hash, filename) as content_hash
from read_json(?, format = 'newline_delimited', filename = true,
               columns = {'global_id': 'VARCHAR', 'content_hash': 'VARCHAR'})
group by global_id
"""


def new_run_id(now: datetime | None = None) -> str:
    """`YYYYMMDDTHHMMSSZ-<8 hex>`: the UTC start time first, so run files sort by time."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def landing_files(source_dir: Path) -> list[Path]:
    """The finished landing files of a source, oldest run first."""
    return sorted(source_dir.glob("*.jsonl.gz")) if source_dir.is_dir() else []


def previous_hashes(source_dir: Path) -> dict[str, str]:
    """global_id -> content_hash of its most recent landed version, over every earlier run."""
    files = [str(path) for path in landing_files(source_dir)]
    if not files:
        return {}
    # Run ids sort by time, so the greatest file name holds the latest version.
    with duckdb.connect() as con:
        rows = con.execute(_LATEST_HASHES_SQL, [files]).fetchall()
    return {global_id: digest for global_id, digest in rows if global_id}


def manifests(source_dir: Path) -> list[dict]:
    """Every readable manifest of a source, oldest run first."""
    found: list[dict] = []
    if not source_dir.is_dir():
        return found
    for path in sorted(source_dir.glob("*.manifest.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return found


def finished_threads(source_dir: Path) -> set[str]:
    """HN threads a complete run landed after their month was over (so nothing more will come)."""
    done: set[str] = set()
    for manifest in manifests(source_dir):
        if not manifest.get("complete"):
            continue
        run_month = str(manifest.get("started_at", ""))[:7]
        months = manifest.get("thread_months") or {}
        for thread_id in (manifest.get("scope") or {}).get("boards") or []:
            month = months.get(str(thread_id))
            if month and run_month > month:
                done.add(str(thread_id))
    return done
