"""Openings named by a bare run of areas in the header or on the line after a cue, and look-alikes."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.area_lines import area_line_openings, area_run
from pipeline.roles.titles import classify_title

_COMPANY = "Birchfield Ferries"
_BODY_HEAD = "We build scheduling software for ferry lines.\n\n"


def _post(header_fields: str, body: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    header = f"{_COMPANY} | {header_fields}"
    text = f"{header}\n\n{_BODY_HEAD}{body}\n"
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", header, text)]


def _families(header_fields: str, body: str) -> set[str]:
    """The families of a post's openings."""
    return {family for _, family in _post(header_fields, body)}


def test_pipe_run_under_a_roles_line_names_its_openings() -> None:
    body = (
        "Write to us about the following roles:\n"
        "Tools Engineering | Data Mining and Machine Learning | Payments Engineering"
    )
    assert "ai_engineer" in _families("Oslo | Onsite", body)
    got = area_line_openings(f"{_COMPANY} | Oslo\n{body}", [])
    assert [(o.title, o.role_family) for o in got] == [
        ("Machine Learning", "ai_engineer"),
        ("Tools Engineering", "other"),
        ("Payments Engineering", "other"),
    ]


def test_dashed_run_under_positions_line() -> None:
    got = _post(
        "Oslo",
        "Positions open across our teams: https://jobs.example.com/birchfield\n"
        "Artificial Intelligence - Marketing -- Operations -- Hardware -- Software",
    )
    assert ("Artificial Intelligence", "ai_engineer") in got
    assert len([t for t, f in got if f == "other"]) == 4


def test_two_areas_under_we_are_hiring() -> None:
    got = _post(
        "Oslo", "We are hiring at Birchfield!\nComputer Vision and Sales\nhttps://example.com/jobs"
    )
    assert got == [("Computer Vision", "ai_engineer"), ("Sales", "other")]


def test_header_parenthesis_of_a_founding_team() -> None:
    got = _post("Founding team (NLP, infrastructure, frontend, designer) | Oslo", "Write to us.")
    # the header reader reads the field as one opening; the run adds only the family it lacks
    assert got == [
        ("Founding team (NLP, infrastructure, frontend, designer)", "other"),
        ("NLP", "ai_engineer"),
    ]


@pytest.mark.parametrize(
    "field",
    [
        "Series C (mapping, NLP, routing)",
        "The engine (pricing, AI, fraud)",
        "Lisbon (Analytics, AI)",
    ],
)
def test_parenthesis_of_a_field_naming_no_team_is_no_run(field: str) -> None:
    assert area_line_openings(f"{_COMPANY} | {field} | Onsite", []) == []


@pytest.mark.parametrize(
    "field",
    [
        "Made for data scientists, ML engineers, analysts",
        "Trusted by ML teams, data science teams",
        "Notebooks with AI, analytics, search",
    ],
)
def test_a_field_telling_what_the_company_makes_and_for_whom_is_no_run(field: str) -> None:
    assert area_line_openings(f"{_COMPANY} | {field} | Onsite", []) == []


def test_header_bullet_field_of_areas_gives_data_science() -> None:
    assert "data_scientist" in _families("Backend • Data Science • DevOps | Oslo", "Write to us.")


def test_stack_after_a_cue_is_no_opening() -> None:
    body = "We're looking for someone who knows:\nPython, Go, machine learning"
    assert "ai_engineer" not in _families("Oslo", body)
    assert area_run("Python, Go, machine learning") == ()


def test_requirement_run_with_a_label_is_no_opening() -> None:
    body = "What we offer: equity and a founding engineer role\nYour skills: drones, computer vision, robotics"
    assert "ai_engineer" not in _families("Founding Engineer | Oslo", body)


def test_title_with_its_team_gives_no_second_family() -> None:
    assert "data_scientist" not in _families("Test Engineer - Data Science | Oslo", "Apply below.")
    got = _post("Oslo", "We are hiring:\nProduct Manager, ML")
    assert "ai_engineer" not in {f for _, f in got}


def test_company_description_and_perks_are_no_run() -> None:
    body = "Our openings are listed below.\nWe work across ML and infra, with great people."
    assert "ai_engineer" not in _families("Oslo", body)
    perks = "Join us for the perks:\nHealth, dental, vision and 401k"
    assert _families("Oslo", perks) == set()


def test_run_without_a_cue_line_is_no_opening() -> None:
    body = "Our customers include banks and insurers.\nMachine Learning and Marketing"
    assert _families("Oslo", body) == set()


def test_mention_in_prose_after_a_cue_is_no_run() -> None:
    body = "We are hiring engineers.\nOur product uses machine learning and clever search to plan routes"
    assert "ai_engineer" not in _families("Oslo", body)


def test_header_areas_beside_a_body_list_are_left_to_the_list() -> None:
    text = f"{_COMPANY} | Backend, Machine Learning, Frontend | Oslo\nOpen roles: see below"
    listed = [classify_title(t) for t in ("Senior Backend Engineer", "Frontend Engineer")]
    assert area_line_openings(text, listed) == []
    assert [o.title for o in area_line_openings(text, listed[:1])] == [
        "Machine Learning",
        "Backend",
        "Frontend",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "We want a platform engineer.\nData science, ML, analytics",
        "Nice to have - NLP - Data Science",
        "We want a platform engineer with experience in\nML, NLP and analytics",
        "We are seeking to change freight with\nAI, data science and design",
        "Join us!\nData • AI • Design",
        "Why join our team? We are hiring!\nML, data science, and kind people",
        "Come see our open roles at our booth at the summit!\nMachine Learning | Data Science",
        "Role overview\nData Science and Analytics",
        "Meet our hiring team at the meetup:\nComputer Vision | Data Science | Cloud",
    ],
)
def test_line_after_no_hiring_cue_is_no_run(body: str) -> None:
    assert area_line_openings(f"{_COMPANY} | Oslo\n{body}", []) == []


def test_cue_line_ending_in_a_link_is_read_without_it() -> None:
    text = f"{_COMPANY} | Oslo\nOpen roles: https://example.com/jobs\nComputer Vision | Sales"
    assert [o.title for o in area_line_openings(text, [])] == ["Computer Vision", "Sales"]


def test_header_title_is_matched_field_by_field() -> None:
    text = f"{_COMPANY} | Data Science, NLP, Payments | Oslo\nWrite to us."
    # "Scientist" is within the header's text but is none of its fields: it is a body opening
    body = [classify_title(t) for t in ("Scientist", "Designer")]
    assert area_line_openings(text, body) == []
    header = [classify_title(t) for t in ("Oslo", "Designer")]
    assert [(o.title, o.role_family) for o in area_line_openings(text, header)] == [
        ("Data Science", "data_scientist"),
        ("NLP", "ai_engineer"),
    ]


def test_area_run_needs_a_whole_word_and() -> None:
    assert area_run("Machine Learning Brandon") == ()


def test_area_run_counts_known_items() -> None:
    assert [s[2] for s in area_run("Machine Learning | Talent | Electrical | Software")] == []
    assert [s[2] for s in area_run("Machine Learning - Marketing - Talent - Software")] == [
        "Machine Learning Engineer",
        "Marketing",
        "Software",
    ]
    assert area_run("Machine Learning") == ()


def test_reader_adds_only_missing_families() -> None:
    text = "Acme | Oslo\nWe are hiring!\nMachine Learning and Marketing"
    assert [(o.title, o.role_family) for o in area_line_openings(text, [])] == [
        ("Machine Learning", "ai_engineer"),
        ("Marketing", "other"),
    ]
    have = [classify_title("ML Engineer"), classify_title("Data Scientist")]
    assert area_line_openings(text, have) == []


# Below this a read's time is the shared machine's noise, not the reading's.
_NOISE_SECONDS = 0.02


def _fastest_read(line: str) -> float:
    """CPU seconds of the fastest of three uncached reads of a body line after a cue."""
    timings = []
    for read in range(3):
        text = f"{_COMPANY} | Oslo\nWe are hiring:\n{read} {line}"
        started = time.process_time()
        area_line_openings(text, [])
        timings.append(time.process_time() - started)
    return min(timings)


@pytest.mark.parametrize(
    "make_line",
    [
        lambda n: "Machine Learning" + " " * n + "x, Sales",
        lambda n: "Machine Learning" + " x" * (n // 2) + ", Sales",
        lambda n: "ML, " * (n // 4),
        lambda n: "Acme" + " " * n + "| ML, Sales",
    ],
)
def test_long_lines_are_read_in_linear_time(make_line: Callable[[int], str]) -> None:
    short, long = _fastest_read(make_line(20_000)), _fastest_read(make_line(40_000))
    assert long < 3 * short + _NOISE_SECONDS
