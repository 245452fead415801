"""Openings of hiring sentences the list reader stopped short of: the cue's adverb ("roles
currently open"), counted titles in the openings' parenthesis, "hiring across the board - ...",
an adjective that otherwise starts prose ("excited engineers"), and whole titles slashed together
with role nouns the vocabulary lacks; and the traps kept out."""

from __future__ import annotations

import time

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.hiring_lists import _line_lists
from pipeline.roles.list_items import item_specs

_HEAD = "Kelpworks | Oslo | Full time\n\nWe build maps for ships.\n\n"
# A hostile line of this length is read in under this many seconds.
_HOSTILE_CHARS = 40_000
_HOSTILE_SECONDS = 0.5


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


def test_an_adverb_between_the_openings_noun_and_open() -> None:
    assert _openings(
        _HEAD + "We have 2 engineering roles currently open: - A Senior ML Engineer to build "
        "our models. - A Full Stack Engineer to help build our web features.\n"
    ) == [("Senior ML Engineer", "ai_engineer"), ("Full Stack Engineer", "other")]


def test_counted_titles_in_the_openings_parenthesis() -> None:
    assert _openings(
        _HEAD + "We are opening three positions (2 Senior Go Developers + 1 Machine Learning "
        "Engineer): https://example.com/jobs\n"
    ) == [("Machine Learning Engineer", "ai_engineer"), ("Senior Go Developers", "other")]
    # a parenthesis of counts that names no role is no list
    assert _openings(_HEAD + "We have two positions (2 years of Go a plus).\n") == []


def test_hiring_across_the_board_then_the_list() -> None:
    expected = [
        ("data scientists", "data_scientist"),
        ("frontend", "other"),
        ("mobile", "other"),
        ("devops", "other"),
    ]
    for joiner in (" - ", ": "):
        assert (
            _openings(
                _HEAD + f"We're hiring across the board{joiner}frontend, mobile, devops, data "
                "scientists, and more.\n"
            )
            == expected
        )
    # the reach of hiring alone names no opening
    assert _openings(_HEAD + "We're hiring across the board, come say hi.\n") == []


def test_an_adjective_that_starts_prose_elsewhere_before_the_roles() -> None:
    assert _openings(
        _HEAD + "We're looking for experienced, excited (and keen!) engineers, data scientists, "
        "and data engineers at all levels to help us build.\n"
    ) == [("data scientists", "data_scientist"), ("data engineers", "other")]
    # excited about, excited to: a clause, no list
    assert _openings(_HEAD + "We're looking for excited about data scientists? Write.\n") == []
    assert _openings(_HEAD + "We're looking for eager to learn data scientists.\n") == []


def test_a_range_of_levels_before_the_roles() -> None:
    assert _openings(
        _HEAD
        + "We are looking for junior to mid-level Data Scientists and Full stack developers.\n"
    ) == [("Data Scientists", "data_scientist"), ("Full stack developers", "other")]
    assert _openings(_HEAD + "We are hiring mid to senior level ML Engineers and designers.\n") == [
        ("ML Engineers", "ai_engineer"),
        ("designers", "other"),
    ]
    # a level word before "to" that starts prose: no list
    assert _openings(_HEAD + "We are hiring a PM reporting senior to our data scientists.\n") == []


def test_whole_titles_slashed_with_unknown_role_nouns() -> None:
    assert _openings(
        _HEAD + "Multiple openings: Software Engineer / Bioinformatician / Data Scientist:\n\n"
        "- Possible projects include mining genomes\n"
    ) == [("Data Scientist", "data_scientist"), ("Software Engineer", "other")]
    assert [
        (s[1], s[0].family) for s in item_specs("Senior Engineer / Python / Data Scientist")
    ] == [
        ("Senior Engineer", "other"),
        ("Python/Data Scientist", "data_scientist"),
    ]
    # one title with its areas stays whole
    assert [(s[1], s[0].family) for s in item_specs("Data Science/ML Engineer")] == [
        ("Data Science/ML Engineer", "ai_engineer")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a product's users, the team, the author's own role: no openings
        _HEAD + "We're hiring across the board. Our tools serve ML engineers and data scientists.",
        _HEAD + "Our roles currently open are listed on our site; our data scientists love it.",
        _HEAD + "I am a machine learning engineer and we are hiring a Product Designer.",
        _HEAD + "We build developer tools for ML engineers (2 products + 1 library) and hire none.",
    ],
)
def test_mentions_around_the_new_forms_are_no_openings(text: str) -> None:
    assert [f for _t, f in _openings(text) if f != "other"] == []


@pytest.mark.parametrize(
    "line",
    [
        "We're hiring across the board" + " " * _HOSTILE_CHARS,
        "hiring " + "across the board - " * 2_200,
        "positions (" + "1 " * 20_000,
        "open roles: " + "12 a " * 8_000,
        "hiring " + "excited, " * 4_400,
        "looking for " + "excited " * 5_000,
        "roles " + "currently " * 4_000 + "open: a",
        "Hiring " + "now " * 10_000,
        "roles (" + " " * _HOSTILE_CHARS + "1 a",
        "hiring " + "junior to " * 5_000,
        "hiring junior" + " " * _HOSTILE_CHARS + "to senior engineers",
    ],
)
def test_hostile_lines_are_read_in_linear_time(line: str) -> None:
    line = line[:_HOSTILE_CHARS]
    started = time.perf_counter()
    _line_lists(line)
    item_specs("Software Engineer / " + "Bioinformatician / " * 2_000 + "Data Scientist")
    assert time.perf_counter() - started < _HOSTILE_SECONDS
