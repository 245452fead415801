"""Synthetic postings written directly as landing files, one complete run per file."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from jobtrends.errors import UserError
from jobtrends.generate import vocab as V
from jobtrends.generate.corpus import _chunks
from jobtrends.generate.feeds import _pages
from jobtrends.generate.more_ats import _MORE_ATS
from jobtrends.generate.plan import (
    GENERATOR_VERSION,
    SOURCES,
    _Chunk,
    _iso_z,
    _Plan,
    _plan,
    _resolve_range,
    _Spec,
)
from jobtrends.generate.text import _html, _plain
from jobtrends.landing import Manifest, RunWriter

_REMOTE_FLAG = {"remote": True, "onsite": False, "hybrid": False, "unstated": None}
_PER_YEAR = {"year": 1, "month": 12, "hour": 2080}
_LONG_KEYS = (
    "text",
    "content",
    "description",
    "descriptionHtml",
    "descriptionPlain",
    "descriptionBody",
    "descriptionBodyPlain",
    "additional",
    "additionalPlain",
    "lists",
    "opening",
    "openingPlain",
    "children",
)


def _salary_record(spec: _Spec) -> dict[str, Any] | None:
    if spec.salary is None:
        return None
    low, high, currency, period = spec.salary
    factor = _PER_YEAR[period]
    return {
        "min": low,
        "max": high,
        "currency": currency,
        "period": period,
        "annual_min": low * factor,
        "annual_max": high * factor,
        "raw": spec.salary_raw,
    }


def _landing_records(chunk: _Chunk, run_id: str, fetched_at: str) -> Iterator[dict[str, Any]]:
    """The landing records of a chunk, in the landing-record shape, not yet classified."""
    headers, plains = chunk.extra.get("headers", []), chunk.extra.get("plains", [])
    for i, (spec, obj, month) in enumerate(
        zip(chunk.specs, chunk.objects, chunk.months, strict=True)
    ):
        if chunk.source == "hn_whoishiring":
            source_id = str(obj["id"])
            title, location = headers[i], spec.location
            url = f"https://news.ycombinator.com/item?id={source_id}"
            description_html = obj["text"]
            text = plains[i]
        elif "source_ids" in chunk.extra:
            source_id = chunk.extra["source_ids"][i]
            title, location, url = spec.titles[0], spec.location, spec.url
            description_html = spec.html or _html(spec)
            text = _plain(spec)
        else:
            source_id = str(
                obj.get("id")
                or obj.get("guid")  # himalayas
                or obj.get("slug")  # arbeitnow
                or obj.get("identifier", {}).get("value")
            )
            title, location, url = spec.titles[0], spec.location, spec.url
            description_html = spec.html or _html(spec)
            text = _plain(spec)
        digest = hashlib.sha256(
            "\x1f".join((title, spec.company, location or "", text)).encode()
        ).hexdigest()
        raw = {k: v for k, v in obj.items() if k not in _LONG_KEYS}
        yield {
            "source": chunk.source,
            "source_id": source_id,
            "global_id": f"{chunk.source}:{source_id}",
            "board": chunk.board,
            "url": url,
            "company": spec.company,
            "title": title,
            "openings": [],
            "role_families": [],
            "location": location,
            "remote": _REMOTE_FLAG[spec.workplace],
            "salary": _salary_record(spec),
            "employment_type": spec.employment,
            "requisition_id": obj.get("requisition_id")
            or (obj.get("identifier") or {}).get("value"),
            "posted_at": _iso_z(spec.ts),
            "month": month,
            "thread_id": chunk.thread_id,
            "fetched_at": fetched_at,
            "description_html": description_html,
            "description_text": text,
            "content_hash": digest,
            "crawl_run_id": run_id,
            "rules_version": None,
            "is_synthetic": True,
            "raw": raw,
        }


def _run_ids(
    run_id: str | None, seed: int, postings: int, end: tuple[int, int], count: int
) -> list[str]:
    if run_id is not None:
        try:
            start = datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            if len(run_id) != 25 or run_id[16] != "-":
                raise ValueError
            int(run_id[17:], 16)
        except ValueError:
            raise UserError(
                f"run_id {run_id!r} is not of the form YYYYMMDDTHHMMSSZ-<8 hex>; pass e.g. 20261101T000000Z-0a1b2c3d"
            ) from None
    else:
        year, month = end
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start = datetime(year, month, 1, tzinfo=UTC)
    out = []
    for i in range(count):
        if i == 0 and run_id is not None:
            out.append(run_id)
            continue
        tag = hashlib.sha256(f"{seed}:{postings}:{i}".encode()).hexdigest()[:8]
        out.append((start + timedelta(seconds=i)).strftime("%Y%m%dT%H%M%SZ") + "-" + tag)
    return out


class _LandingWriter:
    """One landing file of one source: records, seen ids and, on close, the manifest."""

    def __init__(self, folder: Path, source: str, run_id: str) -> None:
        self.folder, self.source, self.run_id = folder, source, run_id
        self.started = datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        self.fetched_at = _iso_z(int(self.started.timestamp()))
        self.run = RunWriter(folder.parent, source, run_id)
        self.seen: list[str] = []
        self.boards: list[str] = []
        self.months: set[str] = set()

    def write(self, chunk: _Chunk) -> None:
        for record in _landing_records(chunk, self.run_id, self.fetched_at):
            self.seen.append(record["global_id"])
            self.run.write(record)
        if chunk.source == "hn_whoishiring":
            self.months.update(chunk.months[:1])
        elif chunk.board not in self.boards:
            self.boards.append(chunk.board)

    def close(self) -> Path:
        manifest: Manifest = {
            "source": self.source,
            "run_id": self.run_id,
            "started_at": _iso_z(int(self.started.timestamp())),
            "finished_at": _iso_z(int(self.started.timestamp()) + 60),
            "complete": True,
            "requests": 0,
            "responses_by_status": {},
            "items_seen": len(self.seen),
            "items_landed": len(self.seen),
            "duplicates_in_run": 0,
            "scope": {
                "boards": [] if self.source == "hn_whoishiring" else self.boards,
                "months": sorted(self.months),
            },
            "errors": [],
            "synthetic": True,
            "generator_version": GENERATOR_VERSION,
        }
        self.run.finish(self.seen, manifest)
        return self.run.files.landing


def _chunk_sizes(plan: _Plan) -> dict[str, list[int]]:
    sizes = {"hn_whoishiring": list(plan.hn_counts), "remoteok": [plan.remoteok]}
    for source in ("greenhouse", "lever", "ashby", "jsonld", *_MORE_ATS):
        sizes[source] = [n for _b, _c, n in plan.boards[source]]
    n = plan.feeds.get("remotive", 0)
    sizes["remotive"] = [n]
    for source in ("himalayas", "arbeitnow"):
        n = plan.feeds.get(source, 0)
        sizes[source] = [end - start for start, end in _pages(n, V.FEED_PAGE_SIZE[source])]
    return sizes


def generate_landing(
    landing_dir: Path,
    postings: int,
    seed: int = 7,
    *,
    run_id: str | None = None,
    files: int | None = None,
) -> list[Path]:
    """Write synthetic postings directly as landing files (one complete run per file), unclassified.

    Each source gets `files` landing files (default: one per 200,000 postings); a file holds whole
    HN months or whole boards, and its manifest's scope names exactly those, so no run closes
    postings of another. Returns the landing files written, in order.
    """
    if files is not None and files < 1:
        raise UserError(
            f"files must be at least 1 (got {files}); pass a positive number of landing files"
        )
    first, last = _resolve_range(postings, "2015-01", None)
    plan = _plan(postings, seed, first, last)
    sizes = _chunk_sizes(plan)
    totals = {s: sum(v) for s, v in sizes.items()}
    n_files = {s: files or max(1, math.ceil(totals[s] / 200_000)) for s in SOURCES}
    run_ids = _run_ids(run_id, seed, postings, last, max(n_files.values()))
    written: list[Path] = []
    writers: dict[str, _LandingWriter] = {}
    done = {s: 0 for s in SOURCES}
    for chunk in _chunks(plan):
        source = chunk.source
        if not chunk.specs:
            continue
        index = min(n_files[source] - 1, done[source] * n_files[source] // max(1, totals[source]))
        done[source] += len(chunk.specs)
        writer = writers.get(source)
        if writer is not None and writer.run_id != run_ids[index]:
            written.append(writer.close())
            writer = None
        if writer is None:
            folder = Path(landing_dir) / source
            folder.mkdir(parents=True, exist_ok=True)
            writer = writers[source] = _LandingWriter(folder, source, run_ids[index])
        writer.write(chunk)
    written += [w.close() for w in writers.values()]
    return written
