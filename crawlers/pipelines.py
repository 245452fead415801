"""The landing writer: every posting of a run to one gzip JSONL file, then the seen list and manifest."""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
from scrapy import signals
from scrapy.crawler import Crawler
from twisted.python.failure import Failure

from crawlers.items import JobPosting
from crawlers.parsing.dates import now_iso
from crawlers.spiders.base import JobSpider
from crawlers.state import previous_hashes
from jobtrends.run_errors import errors_by_kind

_FLUSH_EVERY = 500
_COMPRESSLEVEL = (
    1  # gzip 1 is several times faster than 9; landing files are written once, read rarely
)


class LandingPipeline:
    """Lands new or changed postings of a run; counts duplicates and unchanged ones."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started_at = now_iso()
        self.previous: dict[str, str] = {}
        self.seen: dict[str, tuple[str, str | None]] = {}
        self.duplicates = 0
        self.landed = 0
        self._buffer: list[bytes] = []
        self._file: Any = None
        self._closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LandingPipeline:
        """Connect to the spider's close (to write the manifest last) and to callback errors."""
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.spider_error, signal=signals.spider_error)
        return pipeline

    def open_spider(self, spider: JobSpider | None = None) -> None:
        """Open the temporary landing file and read what earlier runs landed."""
        spider = spider or self.crawler.spider  # type: ignore[assignment]
        assert isinstance(spider, JobSpider)
        self.source_dir: Path = Path(spider.landing_dir) / spider.source_key
        self.source_dir.mkdir(parents=True, exist_ok=True)
        self.run_id: str = spider.run_id
        self.landing_path = self.source_dir / f"{self.run_id}.jsonl.gz"
        self.seen_path = self.source_dir / f"{self.run_id}.seen.txt.gz"
        self.manifest_path = self.source_dir / f"{self.run_id}.manifest.json"
        self.previous = previous_hashes(self.source_dir)
        self._file = gzip.open(_tmp(self.landing_path), "wb", compresslevel=_COMPRESSLEVEL)

    def process_item(self, item: JobPosting, spider: JobSpider | None = None) -> JobPosting:
        """Land the posting unless it was already seen in this run or landed unchanged before."""
        global_id = item["global_id"]
        if global_id in self.seen:
            self.duplicates += 1
            return item
        self.seen[global_id] = (item["month"], item.get("board"))
        if self.previous.get(global_id) == item["content_hash"]:
            return item
        self._buffer.append(_json_line(dict(item)))
        self.landed += 1
        if len(self._buffer) >= _FLUSH_EVERY:
            self._flush()
        return item

    def spider_error(self, failure: Failure, response: Any, spider: JobSpider) -> None:
        """A callback that raised: the page's postings may be missing, so the run is incomplete."""
        spider.record_error(
            getattr(response, "url", None), "spider_error", failure.getErrorMessage()
        )

    def spider_closed(self, spider: JobSpider, reason: str) -> None:
        """Finish the landing file, write the seen list, then the manifest, each atomically."""
        if self._closed or self._file is None:
            return
        self._closed = True
        self._flush()
        self._file.close()
        os.replace(_tmp(self.landing_path), self.landing_path)
        with gzip.open(_tmp(self.seen_path), "wb", compresslevel=_COMPRESSLEVEL) as seen_file:
            seen_file.write(
                "".join(f"{gid}\n" for gid in self.seen).encode("utf-8", "backslashreplace")
            )
        os.replace(_tmp(self.seen_path), self.seen_path)
        manifest = self._manifest(spider, reason)
        tmp = _tmp(self.manifest_path)
        tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    def _flush(self) -> None:
        if self._buffer:
            self._file.write(b"".join(self._buffer))
            self._buffer.clear()

    def _manifest(self, spider: JobSpider, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        prefix = "downloader/response_status_count/"
        by_status = {
            key[len(prefix) :]: value
            for key, value in sorted(stats.items())
            if key.startswith(prefix)
        }
        if reason != "finished":
            spider.record_error(None, "aborted", f"the crawl stopped early ({reason})")
        errors = list(spider.errors)
        months = Counter(month for month, _ in self.seen.values())
        boards = Counter(board for _, board in self.seen.values() if board is not None)
        return {
            "source": spider.source_key,
            "source_type": spider.source_type,
            "run_id": self.run_id,
            "started_at": self.started_at,
            "finished_at": now_iso(),
            "complete": not any(error.get("fatal", True) for error in errors),
            "finish_reason": reason,
            "requests": int(stats.get("downloader/request_count", 0)),
            "responses_by_status": by_status,
            "items_seen": len(self.seen),
            "items_landed": self.landed,
            "items_unchanged": len(self.seen) - self.landed,
            "duplicates_in_run": self.duplicates,
            "landing_file": self.landing_path.name,
            "seen_file": self.seen_path.name,
            "scope": {"boards": sorted(spider.scope_boards), "months": sorted(spider.scope_months)},
            "seen_by_month": dict(sorted(months.items())),
            "seen_by_board": dict(sorted(boards.items())),
            "thread_months": dict(spider.thread_months),
            "options": spider.options,
            "errors": errors,
            "errors_by_kind": errors_by_kind(errors),
            **spider.manifest_notes,
        }


def _json_line(record: dict[str, Any]) -> bytes:
    """One landing line: UTF-8 JSON from orjson (the landing writer's main cost with json); what
    orjson refuses (a lone surrogate, an integer beyond 64 bits) goes out as ASCII JSON, escaped."""
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        return json.dumps(record, separators=(",", ":")).encode("ascii") + b"\n"


def _tmp(path: Path) -> Path:
    """The temporary name a file is written under before its atomic rename: `.<name>.tmp`."""
    return path.with_name(f".{path.name}.tmp")
