"""Hiring sentences with "roles now open:" or "eager <title>", and look-alikes kept out."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.hiring_lists import _line_lists
from pipeline.roles.list_items import item_specs

_HEAD = "Fjordlight | Bergen | Onsite\n\nWe make sensors for fish farms.\n\n"
# A hostile line four times as long may take at most this many times as long: linear time gives
# 4, quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_HOSTILE_CHARS = 20_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 5
# Below this a read's time is the shared machine's noise, not the pattern's.
_NOISE_SECONDS = 0.02


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", _HEAD.split("\n")[0], _HEAD + text + "\n")
    return [(o.title, o.role_family) for o in openings]


def test_an_adverb_between_the_openings_noun_and_open() -> None:
    assert _openings(
        "Three positions now open: - A Staff ML Engineer for our ranking models. - A Backend "
        "Engineer for the billing service."
    ) == [("Staff ML Engineer", "ai_engineer"), ("Backend Engineer", "other")]
    assert _openings("Our roles currently open: Data Scientist, Firmware Engineer") == [
        ("Data Scientist", "data_scientist"),
        ("Firmware Engineer", "other"),
    ]


def test_an_adjective_that_starts_prose_elsewhere_before_the_roles() -> None:
    assert _openings(
        "We're hiring curious, eager (and patient!) data scientists, analytics engineers, and "
        "ML engineers for our forecasting work."
    ) == [
        ("data scientists", "data_scientist"),
        ("ML engineers", "ai_engineer"),
        ("analytics engineers", "other"),
    ]
    assert _openings("Seeking excited senior data scientists or designers.") == [
        ("senior data scientists", "data_scientist"),
        ("designers", "other"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the adjective before anything but a whole title ends the list
        ("We're looking for excited users among data scientists and ML engineers for a beta.", []),
        ("We're looking for excited data scientists users to try our beta.", []),
        ("We're looking for excited about data scientists? Write.", []),
        ("We're looking for eager to learn data scientists.", []),
        # an adverb before "open" only with the list after a colon
        ("Jobs now open for data scientists on our job board", []),
        ("Our roles currently open are listed on our site; our data scientists love it.", []),
        # counts in a parenthesis after an openings noun: team sizes and past hires
        (
            "We're a team of 7 in many roles (3 data scientists, 2 ML engineers, 2 developers) "
            "and are hiring a Product Designer.",
            [("Product Designer", "other")],
        ),
        ("We have filled many roles (4 data scientists and 1 ML engineer) this year.", []),
        ("We're hiring for several roles (12 Data Scientists already on the team!) - a PM.", []),
        ("Jobs (6 data scientists hired so far through our board!) - post yours free.", []),
        # "across the board" is the reach of the hiring, the rest is prose
        ("We're hiring across the board, data scientists love our notebooks.", []),
        (
            "We're hiring across the board: our clients include data scientists and ML engineers.",
            [],
        ),
        ("We're hiring across the board - our ML engineers and data scientists pair daily.", []),
        # "to" between levels that are verbs or nouns ("to lead", "staff to")
        ("We're hiring senior to lead data scientists and ML engineers on the core team.", []),
        ("We are hiring staff to lead engineers, data scientists and designers", []),
        # a range of levels before a colon is not read (see docs/roles.md): only the last
        # reader (later_items) gives the list's AI and data-science titles; a range before its
        # role is read at its top level, in a later item too
        (
            "Looking for mid to senior level: Backend Engineer, Data Scientist, ML Engineer.",
            [("Data Scientist", "data_scientist"), ("ML Engineer", "ai_engineer")],
        ),
        (
            "Looking for Jr to Mid Level Platform Engineers, Mid level to Sr Data Scientists, as "
            "well as Designers.",
            [
                ("Mid Level Platform Engineers", "other"),
                ("Sr Data Scientists", "data_scientist"),
                ("Designers", "other"),
            ],
        ),
    ],
)
def test_look_alike_sentences_keep_their_exact_openings(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _openings(text) == expected


@pytest.mark.parametrize(
    "make_line",
    [
        lambda n: "hiring " + "excited, " * (n // 9),
        lambda n: "looking for " + "excited " * (n // 8),
        lambda n: "hiring " + "eager senior " * (n // 13) + "engineers",
        lambda n: "roles " + "currently " * (n // 10) + "open: a",
        lambda n: "Hiring " + "now " * (n // 4),
        lambda n: "positions now open" + " " * n + ": data scientists",
    ],
)
def test_hostile_lines_are_read_in_linear_time(make_line: Callable[[int], str]) -> None:
    timings = [
        _fastest_read(make_line(chars))
        for chars in (_HOSTILE_CHARS, _GROWTH_FACTOR * _HOSTILE_CHARS)
    ]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS


def _fastest_read(line: str) -> float:
    """CPU seconds of the fastest of a few uncached reads of line (the least disturbed)."""
    timings = []
    for _ in range(_READS):
        item_specs.cache_clear()
        _line_lists.cache_clear()
        started = time.process_time()
        _line_lists(line)
        timings.append(time.process_time() - started)
    return min(timings)
