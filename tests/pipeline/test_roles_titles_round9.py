"""Opening titles, ninth round: a title's parenthesis of areas kept whole, its items matched
exactly, and the merge read in linear time; no post's families change."""

from __future__ import annotations

import time

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.title_merges import merged_parentheses
from pipeline.roles.titles import classify_title
from tests.pipeline.timing import collector_paused

_HEAD = "Quillmoor | Tromso | Onsite | Full-time"
# A text four times as long may take at most this many times as long: linear time gives 4,
# quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_LINE_CHARS = 50_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 3
# One merge of the short text takes about a millisecond: a read merges it this many times, so
# its time stands above the noise below.
_MERGES_PER_READ = 20
# Below this a read's time is the shared machine's noise, not the reading's.
_NOISE_SECONDS = 0.02


def _openings(line: str) -> list[tuple[str, str]]:
    """(title, family) of the openings of a post listing line and a product manager."""
    text = f"{_HEAD}\nOpen roles:\n{line}\n- Product Manager"
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", _HEAD, text)]


@pytest.mark.parametrize(
    "title",
    [
        # areas
        "Senior Software Engineer (ferries/ledger/kiosks/payments)",
        "2x Software Engineers (Fullstack, Frontend, Backend)",
        "Mobile software engineers (Android and iOS)",
        # a stack whose items hold one another as text: each item is matched whole
        "Senior Kiosk Engineer (Rust, C/C++)",
        "Kiosk Engineer (Java, Javascript)",
        "Harbour Architect (Go / Golang)",
        "Senior Ledger Engineers (Go, Java, C, C++)",
        "Ledger Developer (Python and/or Go)",
        # a bracketed first word is the title's level, not a run of titles
        "(Senior) Front-End Engineers (React, TypeScript)",
    ],
)
def test_a_parenthesis_of_areas_or_stack_stays_in_its_title(title: str) -> None:
    assert _openings(f"- {title}") == [(title, "other"), ("Product Manager", "other")]


@pytest.mark.parametrize(
    ("lines", "titles"),
    [
        (
            "- Senior Frontend Engineer (React)\n- Senior Frontend Engineer (React Native)",
            ["Senior Frontend Engineer (React)", "Senior Frontend Engineer (React Native)"],
        ),
        (
            "- Kiosk Engineer (C)\n- Kiosk Engineer (C++)",
            ["Kiosk Engineer (C)", "Kiosk Engineer (C++)"],
        ),
        (
            "- Kiosk Engineer (Java)\n- Kiosk Engineer (JavaScript)",
            ["Kiosk Engineer (Java)", "Kiosk Engineer (JavaScript)"],
        ),
    ],
)
def test_titles_on_two_lines_whose_items_hold_one_another_stay_two(
    lines: str, titles: list[str]
) -> None:
    expected = [(title, "other") for title in titles] + [("Product Manager", "other")]
    assert _openings(lines) == expected


def test_a_bare_role_noun_before_the_parenthesis_names_one_opening_per_area() -> None:
    assert _openings("- Engineers (iOS, Android)") == [
        ("Engineers (iOS)", "other"),
        ("Engineers (Android)", "other"),
        ("Product Manager", "other"),
    ]


def test_a_run_of_titles_joined_by_stars_is_not_merged_as_one_stem() -> None:
    stem = "Kiosk Engineer (KE) * Ledger Analyst * Account Executive"
    # the run is read as its titles (`title_splits.run_splits`), the last keeping its bracket
    assert _openings(f"- {stem} (Sales & Partnerships)") == [
        ("Kiosk Engineer (KE)", "other"),
        ("Ledger Analyst", "other"),
        ("Account Executive (Sales & Partnerships)", "other"),
        ("Product Manager", "other"),
    ]


def test_openings_whose_parts_the_post_does_not_write_stay_split() -> None:
    openings = [classify_title("Kiosk Engineer (Rust)"), classify_title("Kiosk Engineer (C)")]
    merged = merged_parentheses(openings, "We hire a Kiosk Engineer (Rust, C++).")
    assert [o.title for o in merged] == ["Kiosk Engineer (Rust)", "Kiosk Engineer (C)"]


def test_openings_split_from_one_parenthesis_are_merged_as_written() -> None:
    openings = [classify_title("Kiosk Engineer (Rust)"), classify_title("Kiosk Engineer (C)")]
    merged = merged_parentheses(openings, "We hire a Kiosk Engineer (Rust  and  C/C++).")
    assert [(o.title, o.role_family) for o in merged] == [
        ("Kiosk Engineer (Rust  and  C/C++)", "other")
    ]


def _fastest_merge(text: str) -> float:
    """CPU seconds of the fastest of a few reads, each merging text a number of times, the
    collector paused."""
    openings = [classify_title("Kiosk Engineer (Rust)"), classify_title("Kiosk Engineer (Go)")]
    timings = []
    for _ in range(_READS):
        with collector_paused():
            started = time.process_time()
            for _ in range(_MERGES_PER_READ):
                merged_parentheses(openings, text)
            timings.append(time.process_time() - started)
    return min(timings)


@pytest.mark.parametrize(
    "unit",
    [
        "Kiosk Engineer (Rust, C) ",
        "Kiosk Engineer ",
        "Kiosk Engineer (",
        "Kiosk Engineer (Rust,  ,  ",
        "Kiosk Engineer                ",
    ],
)
def test_a_long_line_is_merged_in_linear_time(unit: str) -> None:
    timings = [
        _fastest_merge(unit * (chars // len(unit)))
        for chars in (_LINE_CHARS, _GROWTH_FACTOR * _LINE_CHARS)
    ]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS
