"""The areas of the experts, talent or people a post hires are its openings (hired_areas.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.hired_areas import hired_area_openings
from tests.pipeline.timing import collector_paused


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_expertise_hired_names_each_area() -> None:
    text = (
        "Kelpworks | Oslo | Onsite\n\nA team of 30 engineers. We're looking for expertise in Go, "
        "Python, data science (ML and NLP), mobile, and web.\nEmail us."
    )
    got = _families(text)
    assert got["data science"] == "data_scientist"
    assert {got["Go"], got["Python"], got["mobile"], got["web"]} == {"other"}
    assert len(got) == 5


def test_talent_in_areas_after_an_adverb() -> None:
    text = (
        "Kelpworks | Oslo | Onsite\n\nWe are always looking for talent in machine learning, "
        "engineering and devops. Bonus points if you bridge two."
    )
    got = _families(text)
    assert got["machine learning"] == "ai_engineer"
    assert got["devops"] == "other"


def test_people_in_all_things_data_reads_the_parenthesis() -> None:
    text = (
        "Kelpworks | Data - Multiple | Oslo\n\nWe are looking for either mid or senior people "
        "in all things data (analysis, analytics, data engineering, data science) for hands-on "
        "work."
    )
    assert "data_scientist" in _families(text).values()


def test_expertise_a_candidate_brings_stays_a_requirement() -> None:
    text = (
        "Kelpworks | Backend Engineer | Oslo\n\nWe are looking for someone with deep expertise "
        "in machine learning systems. You have expertise in data science and Go."
    )
    got = _families(text)
    assert set(got.values()) == {"other"}


def test_others_looking_for_talent_is_no_opening() -> None:
    text = (
        "Kelpworks | Backend Engineer | Oslo\n\nWe help companies looking for talent in data "
        "science find it faster."
    )
    assert "data_scientist" not in _families(text).values()


def test_experts_in_areas_are_titles_of_their_own() -> None:
    text = (
        "Kelpworks | Oslo | Contract\n\nWe are looking for experts in machine learning and data "
        "science to create interactive courses."
    )
    assert _families(text) == {"experts": "other"}


def test_recruiting_across_areas_names_each_area() -> None:
    text = (
        "Quillmoor | Several Openings | Tallinn\n\nQuillmoor forecasts floods for river ports. "
        "Right now we're recruiting across firmware, computer vision, data science and customer "
        "support."
    )
    got = _families(text)
    assert got["computer vision"] == "ai_engineer"
    assert got["data science"] == "data_scientist"
    assert got["firmware"] == "other"
    assert set(got) == {"firmware", "computer vision", "data science", "customer support"}


def test_a_named_poster_hires_people_across_the_company_after_a_colon() -> None:
    text = (
        "Quillmoor | Tallinn | Remote OK\n\nSince the last round Quillmoor is looking for people "
        "across the company: Design, NLP, iOS.\nMail the founders."
    )
    got = _families(text)
    assert got["NLP"] == "ai_engineer"
    assert {got["Design"], got["iOS"]} == {"other"}
    assert len(got) == 3


def test_a_poster_that_grew_and_is_hiring_across_areas() -> None:
    text = (
        "Quillmoor | Tallinn\n\nWe doubled this year and are hiring across analytics, "
        "data science and mobile."
    )
    got = _families(text)
    assert got["data science"] == "data_scientist"
    assert "ai_engineer" not in got.values()


@pytest.mark.parametrize(
    "sentence",
    [
        "Several of our clients are hiring across computer vision and data science.",
        "We serve startups that are hiring across NLP and data science.",
        "The funds we advise are recruiting across data science, NLP and design.",
        "As our talent partner, you are hiring across data science and computer vision.",
        "This person is recruiting across NLP, data science and sales.",
        "Scaleups are always looking for talent across data science, NLP and design.",
        "Who is recruiting across NLP, data science or analytics?",
        "Our engineers work across computer vision, data science and billing.",
        "We are hiring across the board, and computer vision and data science run our product.",
        "We are hiring across the stack, so NLP and data science skills help.",
        "We are hiring across the globe, yet our NLP and data science work stays in Tartu.",
    ],
)
def test_someone_elses_hires_or_the_reach_of_hiring_name_no_areas(sentence: str) -> None:
    text = f"Quillmoor | Payments Engineer | Tallinn\n\nQuillmoor runs payments. {sentence}"
    assert _families(text) == {"Payments Engineer": "other"}


def test_areas_in_the_parenthesis_of_positions_recruited() -> None:
    text = (
        "Quillmoor | Tallinn | Hybrid\n\nBesides the roles above, Quillmoor is recruiting for "
        "several positions (NLP, design & data science) this spring, so do write."
    )
    got = _families(text)
    assert got["NLP"] == "ai_engineer"
    assert got["data science"] == "data_scientist"
    assert got["design"] == "other"
    assert len(got) == 3


def test_people_sought_for_roles_with_a_parenthesis_of_areas() -> None:
    text = (
        "Quillmoor | Tartu\n\nWe're seeking people for open roles (Rust, computer vision and "
        "embedded) at the Tartu office."
    )
    got = _families(text)
    assert got["computer vision"] == "ai_engineer"
    assert {got["Rust"], got["embedded"]} == {"other"}


def test_engineers_searched_for_now_with_areas_then_other_roles() -> None:
    text = (
        "Quillmoor | Tartu\n\nQuillmoor has grown its river network to 60 ports and counting. "
        "We are searching for senior engineers right now (analytics, data science, embedded), "
        "a recruiter and an accountant."
    )
    got = _families(text)
    assert got["data science"] == "data_scientist"
    assert got["embedded"] == "other"


def test_a_requirement_parenthesis_names_no_areas() -> None:
    text = (
        "Quillmoor | Tartu\n\nWe are recruiting developers (with a background in NLP, data "
        "science or Rust) to extend our ingestion."
    )
    assert _families(text) == {"developers": "other"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Quillmoor is recruiting developers (our app runs NLP, data science, and billing).",
        "We're looking for engineers (the team covers computer vision, data science, backend).",
        "We are recruiting for open positions (see https://quillmoor.example/jobs, NLP, design).",
        "We are hiring for several roles (e.g. NLP, data science, payments).",
        "We are seeking people for two roles (ideally computer vision, data science) in Tartu.",
        "We are hiring for new positions (preferably NLP, data science) in the core team.",
        "We are recruiting across the company: our stack is Rust, NLP, data science.",
    ],
)
def test_prose_about_the_product_or_a_link_names_no_areas(sentence: str) -> None:
    text = f"Quillmoor | Payments Engineer | Tallinn\n\nQuillmoor runs payments. {sentence}"
    # other readers take some of these parentheses as a title's areas: this reader reads none
    assert hired_area_openings(text, []) == []


def test_kinds_of_engineers_after_a_colon_are_areas() -> None:
    text = (
        "Fernhollow | Lisbon | Onsite\n\nWe're a profitable startup looking for all types of "
        "engineers: full-stack, backend, site reliability, data, machine learning.\nMail us."
    )
    got = _families(text)
    assert got["machine learning"] == "ai_engineer"
    assert got["backend"] == "other"


def test_engineers_across_disciplines_read_their_parenthesis() -> None:
    text = (
        "Fernhollow | Lisbon | Onsite\n\nWe're growing fast and are searching for engineers "
        "across multiple disciplines (computer vision, robotics, devops, and more)."
    )
    assert _families(text)["computer vision"] == "ai_engineer"


def test_engineers_joining_teams_in_a_variety_of_areas() -> None:
    text = (
        "Fernhollow | Lisbon | Onsite\n\nWe are looking for engineers to join our growing teams "
        "in a variety of areas (NLP, platform, front-end, data science, etc.)."
    )
    got = _families(text)
    assert got["NLP"] == "ai_engineer"
    assert got["data science"] == "data_scientist"


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence after the colon, not kinds of engineers
        "We are looking for engineers: you will build our machine learning pipeline.",
        "We are hiring engineers: machine learning is what we do.",
        # a requirement, not the kinds hired
        "We are looking for engineers with experience in areas such as ML, computer vision.",
        "We are looking for engineers in many areas (ideally with machine learning, NLP).",
        # the variety of someone else's engineers
        "Our engineers work across many areas (machine learning, robotics, devops).",
        # engineers with no variety phrase before a single area
        "We are hiring engineers (machine learning experience a plus).",
    ],
)
def test_kinds_of_engineers_need_a_list_of_areas(sentence: str) -> None:
    text = f"Fernhollow | Backend Engineer | Lisbon\n\nFernhollow routes parcels. {sentence}"
    assert "ai_engineer" not in _families(text).values()


@pytest.mark.parametrize(
    "sentence",
    [
        "We are not looking for engineers: backend, ML, data.",
        "We're no longer hiring engineers: backend, ML, data.",
        "Not hiring engineers: backend, ML, data.",
        "We are not currently seeking engineers of all kinds (backend, ML, data).",
    ],
)
def test_kinds_of_engineers_not_hired_name_no_areas(sentence: str) -> None:
    text = f"Fernhollow | Backend Engineer | Lisbon\n\nFernhollow routes parcels. {sentence}"
    assert "ai_engineer" not in _families(text).values()


@pytest.mark.parametrize(
    "sentence",
    [
        # the engineers other companies hire
        "We're a job board for companies looking for engineers across many fields (ML, backend, "
        "data).",
        "Our clients are looking for engineers of all kinds (backend, ML, data).",
        # the engineers a post meets, not those it hires
        "Looking for engineers from multiple teams (backend, ML, data) to interview users.",
    ],
)
def test_kinds_of_engineers_others_hire_name_no_areas(sentence: str) -> None:
    text = f"Fernhollow | Backend Engineer | Lisbon\n\nFernhollow routes parcels. {sentence}"
    assert hired_area_openings(text, []) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We are currently seeking engineers of all kinds (backend, ML, data).",
        "Our teams are hiring engineers of all kinds (backend, ML, data).",
        "We build tools for companies. We are looking for engineers: backend, ML, data.",
    ],
)
def test_the_posters_own_kinds_of_engineers_are_areas(sentence: str) -> None:
    text = f"Fernhollow | Lisbon | Onsite\n\nFernhollow routes parcels. {sentence}"
    assert {o.title: o.role_family for o in hired_area_openings(text, [])}["ML"] == "ai_engineer"


# A hostile line four times as long may take at most this many times as long: linear time gives
# 4, quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_HOSTILE_CHARS = 10_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 3
# Below this a read's time is the shared machine's noise, not the reading's.
_NOISE_SECONDS = 0.02


def _fastest_read(line: str) -> float:
    """CPU seconds of the fastest of a few reads of line (the least disturbed), each uncached."""
    timings = []
    for read in range(_READS):
        # a different first word per read, so no read finds the last one's line cached
        text = f"Quillmoor | Tallinn\n{read} {line}"
        with collector_paused():
            started = time.process_time()
            hired_area_openings(text, [])
            timings.append(time.process_time() - started)
    return min(timings)


@pytest.mark.parametrize(
    "make_line",
    [
        # a parenthesis left open over many commas
        lambda n: "we are hiring engineers (" + "ml, " * (n // 4),
        lambda n: "hiring roles (" + "a," * (n // 2),
        lambda n: "Acme is hiring across " + "data science, " * (n // 14),
        lambda n: "-".join(["a"] * (n // 2)) + " is",
        lambda n: "we are looking for people in " + "ml and " * (n // 7),
        lambda n: "we are hiring engineers: " + "ml, " * (n // 4),
        lambda n: "looking for engineers in various areas (" + "ml, " * (n // 4),
        lambda n: "hiring " + "a " * (n // 2) + "engineers",
        lambda n: "not currently " * (n // 14) + "hiring engineers: ml, data",
        lambda n: "clients are hiring engineers: ml, data; " * (n // 40),
        lambda n: "companies " * (n // 10) + "hiring engineers: ml, data",
    ],
)
def test_hostile_lines_are_read_in_linear_time(make_line: Callable[[int], str]) -> None:
    timings = [
        _fastest_read(make_line(chars))
        for chars in (_HOSTILE_CHARS, _GROWTH_FACTOR * _HOSTILE_CHARS)
    ]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS
