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


def _post(line: str) -> str:
    """A whole HN post whose last paragraph is line."""
    return f"Fernhill Maps | Leeds | Full time | Onsite\n\nWe build maps for ferries.\n\n{line}"


@pytest.mark.parametrize(
    "line",
    [
        "We have roles available on frontend, backend, engineering management, data science and "
        "product.",
        "We have openings on every team, including engineering, data science, operations and "
        "retail.",
        "We're looking for teammates in software engineering, data science, and product.",
        "We are looking for engineering talent all across the board: frontend and mobile, "
        "infrastructure, data science, payments, security.",
        "We are hiring for all manner of roles right not (backend, frontend, UX/UI & data "
        "science) but above all curious people.",
    ],
)
def test_area_runs_of_the_posters_openings_still_read(line: str) -> None:
    assert _families(_post(line)) == [DS]


@pytest.mark.parametrize(
    "line",
    [
        # the run is of another sentence
        "We're looking for a senior backend engineer. Our customers work in finance, healthcare, "
        "retail and data science.",
        "We're hiring a full-stack engineer. Bonus points: Python, SQL, data science.",
        "We're hiring! Tags: remote, python, data science",
        # one named hire's team, areas or skills
        "We are hiring a Data Engineer on our analytics, platform and data science team.",
        "We are looking for a backend engineer on our product, growth, data science team.",
        "We're hiring a product manager on growth, payments and data science.",
        "We're hiring analysts across product analytics, BI and data science.",
        "We're hiring a backend engineer in: Python, Go, data science.",
        "We're hiring an analytics engineer in: dbt, SQL, data science.",
        # clients, places and staff after "in"/"across"
        "We're a job board: we're hiring for clients in fintech, healthtech, and data science.",
        "We're hiring senior staff across Leeds, York, and data science.",
        # the areas not hired
        "We're hiring for everything except: data science, sales, design.",
    ],
)
def test_area_runs_that_are_not_the_posters_openings(line: str) -> None:
    assert _families(_post(line)) == []


@pytest.mark.parametrize(
    "line",
    [
        "We're hiring a data engineer; we have data science roles open too.",
        "Check out all our roles (engineering, data science, platform) here "
        "https://fernhill.example/careers",
        "Multiple engineering and data science roles. Including senior roles in Leeds.",
        "View all Data Science roles: https://fernhill.example/ds",
    ],
)
def test_discipline_openings_of_the_poster_still_read(line: str) -> None:
    assert _families(_post(line)) == [DS]


@pytest.mark.parametrize(
    "line",
    [
        # denied or filled
        "We have no data science roles open right now, but we're hiring iOS engineers.",
        "Our data science roles are filled; we're hiring a quant analyst and a data engineer.",
        "We are not hiring data science positions this round; only backend and frontend.",
        "Our open roles: backend, frontend, devops. No data science roles at the moment.",
        # someone else's roles, or the product's subject
        "We help startups hire: browse thousands of data science roles on our site.",
        "DataJobs.example lists data science positions from 400 companies. We're hiring a Rails "
        "engineer to build it.",
        "Our bootcamp graduates go on to data science roles at top companies. We're hiring "
        "instructors.",
        "Our alumni now work in data science roles at Google and Meta.",
        "Why join? Our engineers have moved into data science roles internally.",
        "We're hiring a backend engineer. Previous hires moved on to data science positions.",
        "We're hiring a backend engineer. Note: data science roles are posted separately by our "
        "parent company.",
        "We're hiring a frontend engineer to build dashboards for data science roles across our "
        "customers.",
        "We're hiring a frontend engineer. Our product: a data science positions tracker for "
        "universities.",
        "We're hiring a data engineer who will own pipelines for our data science roles and "
        "analysts.",
    ],
)
def test_discipline_roles_denied_or_of_others_are_no_opening(line: str) -> None:
    assert _families(_post(line)) == []
