"""Helpers for spider tests: spiders built from a config entry, responses from fixture files."""

from __future__ import annotations

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
        return spider_class(source_type)(source=source, app_settings=settings, run_id="20260101T000000Z-00000000")

    return build


@pytest.fixture
def response_from() -> Callable[..., TextResponse]:
    """A response carrying a file's bytes, as the engine would hand it to a callback."""

    def build(path: Path, url: str, **cb_kwargs: Any) -> TextResponse:
        cls = HtmlResponse if path.suffix == ".html" else TextResponse
        return cls(url=url, body=path.read_bytes(), encoding="utf-8", request=Request(url, cb_kwargs=cb_kwargs))

    return build
