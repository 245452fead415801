"""Fixtures shared by the pipeline tests."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor


@pytest.fixture(scope="session")
def extractor() -> SkillExtractor:
    """One skill extractor for every module: building the matcher takes seconds, reading is pure."""
    return SkillExtractor()
