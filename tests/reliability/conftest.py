"""Fixtures of the reliability suite; its helper modules sit beside this file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import write_config  # noqa: E402


@pytest.fixture
def config_at(tmp_path: Path) -> Callable[..., Path]:
    """Write a test config for a data dir under tmp_path (or the one given)."""

    def build(
        sources: list[dict[str, Any]] | None = None, data_dir: Path | None = None, **sections: Any
    ) -> Path:
        data = data_dir or tmp_path / "data"
        name = f"jobtrends-{len(list(tmp_path.glob('jobtrends-*.toml')))}.toml"
        return write_config(tmp_path / name, data, sources, **sections)

    return build
