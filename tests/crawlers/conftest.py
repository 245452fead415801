"""Helpers for spider tests: spiders built from a config entry, responses from fixture files."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse

from crawlers.run import spider_class
from jobtrends.config import Settings, Source


@pytest.fixture
def make_spider(tmp_path: Path) -> Callable[..., Any]:
    """A spider of the given source type, landing under a temporary data directory."""

    def build(source_type: str, **fields: Any) -> Any:
        source = Source(type=source_type, **fields)
        settings = Settings(data_dir=tmp_path / "data", sources=[source])
        return spider_class(source_type)(
            source=source, app_settings=settings, run_id="20260101T000000Z-00000000"
        )

    return build


@pytest.fixture
def response_from() -> Callable[..., TextResponse]:
    """A response carrying a file's bytes, as the engine would hand it to a callback."""

    def build(path: Path, url: str, **cb_kwargs: Any) -> TextResponse:
        cls = HtmlResponse if path.suffix == ".html" else TextResponse
        return cls(
            url=url,
            body=path.read_bytes(),
            encoding="utf-8",
            request=Request(url, cb_kwargs=cb_kwargs),
        )

    return build


ROOT = Path(__file__).resolve().parents[2]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value)
    return "[" + ", ".join(_toml_value(v) for v in value) + "]"


@pytest.fixture
def crawl(tmp_path: Path) -> Callable[..., list[dict[str, Any]]]:
    """Run `python -m crawlers.run` (the real engine, in a subprocess) and return the manifests."""

    def run(
        sources: list[dict[str, Any]],
        *args: str,
        politeness: dict[str, Any] | None = None,
        sets: dict[str, Any] | None = None,
        data_dir: Path | None = None,
    ) -> list[dict[str, Any]]:
        data = data_dir or tmp_path / "data"
        polite = {
            "download_delay_s": 0,
            "autothrottle": False,
            "concurrent_requests_per_domain": 8,
            **(politeness or {}),
        }
        lines = [f"data_dir = {_toml_value(str(data))}", "[politeness]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in polite.items()]
        for source in sources:
            lines.append("[[sources]]")
            lines += [f"{key} = {_toml_value(value)}" for key, value in source.items()]
        config = tmp_path / "crawl.toml"
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "crawlers.run", "--config", str(config)]
        for source in sources:
            command += ["--source", source.get("name") or source["type"]]
        for name, value in (sets or {}).items():
            command += ["--set", f"{name}={json.dumps(value)}"]
        done = subprocess.run(
            [*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr[-4000:]
        summaries = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        return [
            json.loads(
                (data / "landing" / s["source"] / f"{s['run_id']}.manifest.json").read_text()
            )
            for s in summaries
        ]

    return run


def landed(data_dir: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The records of a run's landing file."""
    path = data_dir / "landing" / manifest["source"] / manifest["landing_file"]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture
def read_landed() -> Callable[[Path, dict[str, Any]], list[dict[str, Any]]]:
    """Read the records a run landed."""
    return landed


class _NoSkills:
    """A skill extractor that finds nothing: these tests look at openings only."""

    def extract_many(self, texts: Any) -> Any:
        return ([] for _ in texts)


def _role_families(items: list[Any]) -> dict[str, list[str]]:
    from pipeline.transform import transform_records

    batch = transform_records([dict(item) for item in items], _NoSkills())
    families: dict[str, set[str]] = {str(item["global_id"]): set() for item in items}
    for row in batch.openings.to_pylist():
        families[row["global_id"]].add(row["role_family"])
    return {
        global_id: [f for f in ("ai_engineer", "data_scientist") if f in found]
        for global_id, found in families.items()
    }


@pytest.fixture
def role_families() -> Callable[[list[Any]], dict[str, list[str]]]:
    """global_id -> the role families of its openings as the process flow classifies the landed
    records for the warehouse (spiders land records unclassified)."""
    return _role_families
