"""Employment types written with a spaced hyphen: 'Full - Time', 'Full- time', 'Part -time'."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_header import employment_types, parse_hn_header


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Full - Time", {"Full-time"}),
        ("Full- time", {"Full-time"}),
        ("Part -time", {"Part-time"}),
        ("Full - time or Part - time", {"Full-time", "Part-time"}),
    ],
)
def test_a_spaced_hyphen_joins_the_type(text: str, types: set[str]) -> None:
    assert employment_types(text) == types


@pytest.mark.parametrize("text", ["the full - timeline", "Fuller - Time Inc", "full  -  time"])
def test_other_words_and_wide_gaps_are_no_type(text: str) -> None:
    assert employment_types(text) == set()


def test_a_header_with_a_spaced_hyphen_reads_full_time() -> None:
    header = parse_hn_header("Quillwork | Backend Engineer | Remote (UK Only) | Full - Time")
    assert header.employment_type == "Full-time"
