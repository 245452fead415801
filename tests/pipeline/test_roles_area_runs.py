"""HN posts naming data science in a run of hired areas or as the discipline of their openings."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.area_runs import area_run_openings
from pipeline.roles.titles import classify_title

DS, OT = "data_scientist", "other"


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    openings = openings_of_posting("hn_whoishiring", None, post)
    return sorted({o.role_family for o in openings} - {OT})


@pytest.mark.parametrize(
    "line",
    [
        "We are hiring for all kinds of roles right now (backend, frontend, UX/UI & data science) "
        "but above all we want curious people.",
        "We're looking for a variety of engineers: frontend, backend, QA, devops, data science.",
        "We're hiring all sorts of roles - including engineering, program/project management, "
        "sales, data science, and site reliability - in Leeds and York.",
        "Curious? Check out all our roles (engineering, data science, platform) on our site.",
        "We're also hiring interns (data science, backend, frontend)!",
        "We're hiring for roles across the engineering department: product, backend, QA, and "
        "data science.",
    ],
)
def test_data_science_in_a_run_of_hired_areas(line: str) -> None:
    post = f"Fernhill Maps | Leeds | Full time | Onsite\n\nWe build maps for ferries.\n\n{line}"
    assert _families(post) == [DS]


@pytest.mark.parametrize(
    "line",
    [
        # a skill list after a requirement
        "We're looking for someone with experience in: Python, SQL, data science.",
        # the team's work, not the poster hiring
        "Our team works across backend, frontend, devops and data science.",
        # two items are a phrase as often as a list
        "We're looking for help on the frontend and data science sides.",
        # a run of prose items
        "We're hiring: people who love maps, people who build data science tooling, designers.",
        # a data engineer's team, named in a hiring run of people
        "We are looking for engineers (backend, devops, data engineering).",
    ],
)
def test_runs_that_are_no_data_science_opening(line: str) -> None:
    post = f"Fernhill Maps | Leeds | Full time | Onsite\n\nWe build maps for ferries.\n\n{line}"
    assert _families(post) == []


def test_a_found_data_scientist_is_not_repeated() -> None:
    found = [classify_title("Data Scientist")]
    line = "We're also hiring interns (data science, backend, frontend)!"
    assert area_run_openings(line, found) == []


def test_a_run_of_people_is_left_to_the_title_readers() -> None:
    line = "We're hiring: backend engineers, data science, designers."
    assert area_run_openings(line, []) == []


# data-science openings named by their discipline (`discipline_openings`)


@pytest.mark.parametrize(
    "line",
    [
        "We are looking for people to fill two roles, a data science role (research) and a "
        "research engineer role (prototypes).",
        "If interested in data science openings please email me directly.",
        "Engineering and data science roles: https://fernhill.example/careers",
        "We have a couple of Data Science positions open, some with a research focus.",
    ],
)
def test_data_science_openings_named_by_their_discipline(line: str) -> None:
    post = f"Fernhill Maps | Leeds | Full time | Onsite\n\nWe build maps for ferries.\n\n{line}"
    assert _families(post) == [DS]


@pytest.mark.parametrize(
    "line",
    [
        "We help companies fill data science roles faster.",
        "We run the largest job board for data science positions.",
        "This clinical data science role will answer questions from the wards.",
        "Onsite data engineer / data science position: https://fernhill.example/jobs/4",
    ],
)
def test_data_science_roles_of_others_are_no_opening(line: str) -> None:
    post = f"Fernhill Maps | Leeds | Full time | Onsite\n\nWe build maps for ferries.\n\n{line}"
    assert _families(post) == []
