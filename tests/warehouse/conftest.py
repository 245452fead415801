"""Fixtures for warehouse tests: an empty migrated database and settings on a temporary data dir."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jobtrends.config import Settings  # noqa: E402
from warehouse.migrate import migrate  # noqa: E402


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Settings on an empty data directory, with a short lock timeout."""
    return Settings.model_validate(
        {"data_dir": str(tmp_path / "data"), "process": {"lock_timeout_s": 1.0}}
    )


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse with the schema and views applied."""
    connection = duckdb.connect()
    migrate(connection)
    yield connection
    connection.close()
