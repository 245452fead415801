"""Titles a hiring sentence governs: level ranges, "along with" and "we need", and look-alikes."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.hiring_sentences import prose_specs
from pipeline.roles.list_items import item_specs

_HEAD = "Fjordlight | Bergen | Onsite\n\nWe make sensors for fish farms.\n\n"
# A hostile line four times as long may take at most this many times as long: linear time gives
# 4, quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_HOSTILE_CHARS = 10_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 3
# Below this a read's time is the shared machine's noise, not the reading's.
_NOISE_SECONDS = 0.02


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", _HEAD.split("\n")[0], _HEAD + text + "\n")
    return [(o.title, o.role_family) for o in openings]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We are looking for mid to senior developers to build the dashboards our fish "
            "farmers use every morning.",
            [("senior developers", "other")],
        ),
        (
            "We're hiring junior to mid-level backend engineers with some experience of queues, "
            "caches and message brokers.",
            [("mid-level backend engineers", "other")],
        ),
        (
            "We are hiring mid to senior machine learning engineers to train the models "
            "behind our feeding forecasts.",
            [("senior machine learning engineers", "ai_engineer")],
        ),
    ],
)
def test_a_range_of_levels_before_the_role_is_read_at_its_top_level(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _openings(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We're hiring mid to senior developers.", [("Developer", "senior")]),
        ("We're hiring junior to senior to principal engineers.", [("Engineer", "principal")]),
        ("We're hiring Jr to Mid Level data engineers.", [("Data Engineer", "mid")]),
    ],
)
def test_a_range_of_levels_normalises_like_its_top_level(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    openings = openings_of_posting("hn_whoishiring", None, _HEAD + sentence + "\n")
    assert [(o.normalized_title, o.seniority) for o in openings] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "lead" is as often a verb and "staff" a noun: no range
        "We're hiring senior to lead data scientists and ML engineers on the core team.",
        "We are hiring staff to lead engineers, data scientists and designers",
    ],
)
def test_lead_and_staff_make_no_range(sentence: str) -> None:
    assert _openings(sentence) == []


def test_to_after_the_role_still_ends_it() -> None:
    # "to" between two levels joins them; after a role it starts the purpose
    assert _openings(
        "We're hiring senior engineers to grow from prototype to production with the pilot "
        "farms this year."
    ) == [("senior engineers", "other")]
    assert _openings(
        "We're looking for a designer who can take our app from sketches to shipped screens."
    ) == [("designer", "other")]


def test_roles_after_along_with_are_openings() -> None:
    assert _openings(
        "We are hiring iOS and Android developers along with a QA engineer for our "
        "farmer-facing mobile app."
    ) == [("iOS", "other"), ("Android developers", "other"), ("a QA engineer", "other")]


@pytest.mark.parametrize(
    "sentence",
    [
        "We are looking for a data scientist along with our partners at the marine institute "
        "to study fish growth.",
        "We're hiring a data scientist and offer a generous equity stake along with great "
        "benefits.",
    ],
)
def test_along_with_people_or_benefits_adds_nothing(sentence: str) -> None:
    assert _openings(sentence) == [("data scientist", "data_scientist")]


def test_roles_the_poster_needs_are_openings() -> None:
    assert _openings(
        "We need platform and mobile engineers. We also need a product designer for the app."
    ) == [
        ("platform", "other"),
        ("mobile engineers", "other"),
        ("product designer", "other"),
    ]
    # the list ends at the next "we"; the "and" before it is no part of the title
    assert _openings(
        "We need Rust back-end engineers and we need a front-end developer who knows React."
    ) == [("Rust back-end engineers", "other")]
    assert _openings(
        "We need a firmware engineer to own the feeder controllers and their nightly updates."
    ) == [("firmware engineer", "other")]


def test_an_article_after_and_opens_a_new_title_after_an_of_title() -> None:
    assert _openings("We also need a Director of Technology and a data scientist.") == [
        ("Director of Technology", "other"),
        ("data scientist", "data_scientist"),
    ]
    # the new title keeps no article in its normalised form
    assert [spec[2] for spec in item_specs("a VP of Data and a data scientist")] == [
        "Vice President of Data",
        "Data Scientist",
    ]
    # without an article the words after "and" complete the "of" title
    assert [spec[1] for spec in item_specs("Head of Sales and Marketing")] == [
        "Head of Sales and Marketing"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # people by what they are like, not a role's name
        "We need experienced engineers who can keep hundreds of sensors in the water online.",
        "We need experienced, generalist engineers who can build the systems behind it all.",
        # a plain head with no area or technology: people by what they are like
        "We need mission-driven engineers to come and help us with the hardest problems.",
        "We need an expert who can mentor our staff and plan the move to clusters.",
        "I need one or two really great developers, as it's more fun to build this together.",
        # counts in words, read before the fillers go
        "We need one more backend engineer for the feeder service.",
        "We need a couple of data engineers for the sensor warehouse.",
        "We need three frontend developers before the autumn season.",
        "We need more data engineers as the farms send more readings.",
        # a supposition, not a need
        "If you feel we need a data engineer, apply.",
        # technologies before a plain head: skills, not a role
        "We need Haskell, Postgres, and stream processing experts to read the sensor data.",
        # a generic title: a need restates the opening more often than it names one
        "We need a senior software engineer to own the billing service and its reports.",
        "Our pilots grew fast and we need an awesome engineer to help with the load.",
        # a count of heads or of help: growth, not an opening's title
        "Our pilots grew fast and we really need 1-2 more engineers to keep up with them.",
        "We hired three engineers, but we need mid-level engineering more help right away.",
        # a need that is no hire
        "We need to scale our ingestion quickly, so experience with queues is a plus.",
        "We need someone who can own our infrastructure and help the small team move faster.",
        "Fish farmers need better tools, and we need help with the mobile apps in React.",
        # someone else's need
        "Our customers need data engineers to read their warehouses, and our tool does that.",
        "You need a backend engineer's instincts to enjoy this role, since you own the service.",
    ],
)
def test_needs_that_name_no_role_add_nothing(sentence: str) -> None:
    assert _openings(sentence) == []


def test_a_needed_title_ends_before_a_contracted_who() -> None:
    assert _openings(
        "We need a Senior Backend Software Engineer who's eager to own the ingestion jobs."
    ) == [("Senior Backend Software Engineer", "other")]


@pytest.mark.parametrize(
    "sentence",
    [
        "We're hiring a VP of Engineering and an advisor for the board.",
        "We're hiring a Head of Research and an engineer to build the first tank.",
    ],
)
def test_a_bare_or_generic_head_after_and_an_adds_no_opening(sentence: str) -> None:
    assert len(_openings(sentence)) == 1


def test_a_needed_title_ends_at_a_comma_before_prose() -> None:
    assert _openings("We need a data engineer, apply with a short note.") == [
        ("data engineer", "other")
    ]


def test_a_trailing_but_is_no_part_of_the_title() -> None:
    assert _openings(
        "We're mainly looking to hire a senior DevOps engineer, but we'd love to hear from anyone."
    ) == [("senior DevOps engineer", "other")]


def test_a_need_listing_three_roles_keeps_each_head() -> None:
    # a plain head without a known area counts in a list of openings
    assert _openings(
        "We need Ops Engineers, Field Engineers, Account Managers and Data Scientists."
    ) == [
        ("Ops Engineers", "other"),
        ("Field Engineers", "other"),
        ("Account Managers", "other"),
        ("Data Scientists", "data_scientist"),
    ]


def _fastest_read(line: str) -> float:
    """CPU seconds of the fastest of a few uncached reads of line (the least disturbed)."""
    timings = []
    for _ in range(_READS):
        item_specs.cache_clear()
        prose_specs.cache_clear()
        started = time.process_time()
        prose_specs(line)
        timings.append(time.process_time() - started)
    return min(timings)


@pytest.mark.parametrize(
    "make_line",
    [
        lambda n: "we need" + " " * n + "engineers",
        lambda n: "we need " + "senior to " * (n // 10) + "engineers",
        lambda n: "hiring " + "mid level to " * (n // 13) + "engineers",
        lambda n: "we're hiring mid to senior engineers " + "along with " * (n // 11),
        lambda n: "we " + "really " * (n // 7) + "need data scientists",
        # the start words of a hiring verb are also its adverbs: a run of them
        lambda n: "hiring. " + "also " * (n // 5),
        lambda n: "hiring. " + "also " * (n // 5) + "café",  # not ASCII: the case-blind pattern
    ],
)
def test_hostile_lines_are_read_in_linear_time(make_line: Callable[[int], str]) -> None:
    timings = [
        _fastest_read(make_line(chars))
        for chars in (_HOSTILE_CHARS, _GROWTH_FACTOR * _HOSTILE_CHARS)
    ]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS
