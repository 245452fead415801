"""A list item of engineers and their kinds names the AI engineer among them (engineer_kinds.py)."""

from __future__ import annotations

import time

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.engineer_kinds import engineer_kind_openings
from tests.pipeline.timing import collector_paused


def _families(text: str) -> set[str]:
    """The families of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.role_family for o in openings}


@pytest.mark.parametrize(
    "item",
    [
        "—Engineers of all kinds (FE, BE, Android, iOS, ML, Data, etc...)",
        "- Software engineers: QA engineers, mobile developers, computer vision, streaming media",
        "* Engineers - Data Platform, DevOps, NLP, Security, Front-end (mostly Go)",
    ],
)
def test_an_ai_kind_of_the_engineers_listed_is_an_opening(item: str) -> None:
    text = f"Marrowby | Leeds | Onsite\nMarrowby is hiring many people:\n- Product Managers\n{item}"
    assert "ai_engineer" in _families(text)


@pytest.mark.parametrize(
    "item",
    [
        # skills and tools, not kinds of engineers
        "* Robotics Software Engineers: ROS2, gazebo, SLAM, deep learning",
        # a stack beside the area
        "* Backend engineers: Python, Django, Postgres, machine learning",
        # two kinds: as often a title and its team
        "* Engineers: Backend, ML",
        # a requirement sentence, not a list
        "* Engineers: you will use machine learning daily, with Go and Rust.",
        # no bullet: a sentence about the team
        "Our engineers (backend, mobile, ML, data) ship weekly.",
        # the kinds of engineers for a data role stay other
        "* Data engineers: pipelines, warehousing, machine learning",
    ],
)
def test_other_lists_after_engineers_name_no_ai_engineer(item: str) -> None:
    text = f"Marrowby | Backend Engineer | Leeds\nWe sell wool.\n{item}"
    assert engineer_kind_openings(text, []) == []


# A bullet four times as long may take at most this many times as long: linear time gives 4,
# quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_BULLET_CHARS = 20_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 3
# Below this a read's time is the shared machine's noise, not the reading's.
_NOISE_SECONDS = 0.02


def _fastest_read(items: int) -> float:
    """CPU seconds of the fastest of a few reads of a bullet of `items` kinds, each uncached."""
    timings = []
    for read in range(_READS):
        # a different first kind per read, so no read finds the last one's line cached
        text = f"Marrowby | Leeds\n- engineers: kind{read}, " + "ml, " * items
        with collector_paused():
            started = time.process_time()
            engineer_kind_openings(text, [])
            timings.append(time.process_time() - started)
    return min(timings)


def test_a_long_bullet_is_read_in_linear_time() -> None:
    timings = [_fastest_read(n // 4) for n in (_BULLET_CHARS, _GROWTH_FACTOR * _BULLET_CHARS)]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS
