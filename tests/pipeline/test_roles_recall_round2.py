"""HN posts naming openings by a shared qualifier, a long title run, or whom positions are for."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.positions_for import positions_for_openings
from pipeline.roles.shared_qualifiers import shared_qualifier_openings
from pipeline.roles.title_runs import title_run_openings
from pipeline.roles.titles import classify_title

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(title, family) of the openings a whole HN post gives, as the transform reads it."""
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, post)]


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    return sorted({family for _, family in _openings(post)} - {OT})


# the second noun of a qualified pair


def test_machine_learning_scientists_and_engineers_in_a_sentence() -> None:
    post = (
        "Harbourlight Clinics | Analytics Group | Leeds | Onsite\n\n"
        "Our analytics group is looking for curious Machine Learning Scientists and Engineers to "
        "help build a triage assistant for nurses."
    )
    assert _families(post) == [AI]
    assert ("Machine Learning Engineers", AI) in _openings(post)


def test_dl_scientists_and_engineers_on_a_list_line() -> None:
    post = (
        "Sonarwave | Oslo | Onsite\n\nWe build handheld scanners.\n\n"
        "Sr. Backend Engineers\n\nSr. Data Analyst\n\nDL Scientists & Engineers\n\nAnd more!"
    )
    assert _families(post) == [AI]
    assert ("DL Engineers", AI) in _openings(post)


def test_research_scientists_and_engineers_stay_other() -> None:
    post = (
        "Fernbrook Labs | Boston | Onsite\n\n"
        "We are looking for talented Research Scientists and Engineers to build battery models."
    )
    assert _families(post) == []


def test_second_noun_needs_the_found_title() -> None:
    found = [classify_title("Backend Engineer")]
    assert shared_qualifier_openings("We hire ML Scientists and Engineers.", found) == []


# long comma runs of titles


def test_long_run_of_titles_gives_its_nlp_engineer() -> None:
    post = (
        "Quillpost | Portland, OR | Full-Time | Onsite\n\n"
        "We help people write better letters.\n\n"
        "Open Roles: Data Platform Engineer, Backend Software Engineer, Infrastructure Engineer, "
        "Frontend Software Engineer, Full Stack Software Engineer, Senior Backend Software "
        "Engineer, Senior Frontend Software Engineer, Senior NLP Software Engineer, Senior UX "
        "Designer, Visual Designer, Account Executive, Account Manager, Technical Recruiter, "
        "Product Manager, Senior Product Manager, Marketing Campaign Manager, Director of Content"
    )
    assert _families(post) == [AI]
    assert ("Senior NLP Software Engineer", AI) in _openings(post)


def test_run_with_nested_parenthesis() -> None:
    line = (
        "Systems Technician, Video Engineer, Full-Stack Engineer, DevOps Engineer, Machine "
        "Learning Software Engineer (strong SE fundamentals (not a pure data scientist))"
    )
    got = title_run_openings(f"Acme\n\n{line}", [])
    assert [(o.title, o.role_family) for o in got] == [("Machine Learning Software Engineer", AI)]


def test_run_in_a_requirement_is_no_title_run() -> None:
    line = (
        "- You work well in small, mixed teams with other data scientists, data engineers, "
        "web engineers, designers, and product managers"
    )
    assert title_run_openings(f"Acme\n\n{line}", []) == []


def test_run_of_skills_is_no_title_run() -> None:
    line = "We use Python, machine learning, Kafka, Postgres, React, Terraform, and Data Scientists"
    assert title_run_openings(f"Acme\n\n{line}", []) == []


def test_short_run_is_left_to_the_list_readers() -> None:
    line = "Backend Engineer, ML Engineer, Designer"
    assert title_run_openings(f"Acme\n\n{line}", []) == []


# the people a post's positions are for


def test_positions_posted_for_data_scientists() -> None:
    post = (
        "Meridian Health Survey Institute - Tacoma, WA\n\n"
        "We measure clinic waiting times.\n"
        "We have several positions posted for data scientists, web developers and project "
        "officers. Email me for details."
    )
    assert _families(post) == [DS]
    assert ("data scientists", DS) in _openings(post)


def test_opportunities_for_engineers_and_ml_engineers() -> None:
    got = positions_for_openings(
        "Acme\n\nWe have open opportunities for Backend Engineers and ML Engineers who like trains.",
        [],
    )
    assert [(o.title, o.role_family) for o in got] == [("ML Engineers", AI)]


def test_opportunities_for_an_area_are_none() -> None:
    post = (
        "Acme | Remote\n\nWe find the best opportunities for AI in retail and make plans.\n"
        "We are hiring a Backend Engineer."
    )
    assert _families(post) == []
    assert positions_for_openings("Acme\n\nRoles for specialists in Machine Learning.", []) == []
