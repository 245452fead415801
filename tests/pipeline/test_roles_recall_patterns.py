"""HN post patterns that name openings as hiring teams, disciplines or lines (docs/roles.md)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(title, family) of the openings a whole HN post gives, as the transform reads it."""
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, post)]


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    return sorted({family for _, family in _openings(post)} - {OT})


def test_hiring_across_named_teams() -> None:
    post = (
        "Larkspur Pay | Lisbon or REMOTE | https://larkspur.example\n"
        "We move money for small shops.\n"
        "We are currently hiring across our Payments, Web, iOS, Risk and Data Science teams. "
        "See the careers page."
    )
    assert _families(post) == [DS]
    assert ("Data Science", DS) in _openings(post)


def test_a_sentence_about_one_team_is_no_list() -> None:
    post = (
        "Larkspur Pay | Lisbon\nWe are hiring engineers to work closely with our data science "
        "teams on fraud."
    )
    assert _families(post) == []


def test_discipline_list_items_read_before_their_detail() -> None:
    post = (
        "Gullwing | London, Madrid | ONSITE | full-time\n"
        "Hiring at a senior level in many key disciplines: backend with event sourcing & queues, "
        "big data & data science & machine learning, full stack (React + Go), designers, iOS & "
        "Android. We are growing fast."
    )
    assert _families(post) == [AI, DS]


def test_discipline_cue_before_a_sentence_is_no_list() -> None:
    post = (
        "Gullwing | London\nWe are looking for people strong in these areas: you will design "
        "pipelines with our data science group, own them, and ship."
    )
    assert _families(post) == []


def test_roles_joined_with_along_with() -> None:
    post = (
        "Seafoam Robotics | Oakland | ONSITE\n"
        "In software, we're hiring for an Engineering Manager along with Machine Learning, "
        "DevOps, Platform, and Embedded engineers. Stacks vary from team to team."
    )
    assert _families(post) == [AI]


def test_along_with_skills_is_no_opening() -> None:
    post = (
        "Seafoam Robotics | Oakland | Senior Backend Engineer\n"
        "We're hiring for a Go developer along with experience in machine learning."
    )
    assert _families(post) == []


def test_roles_the_poster_is_keen_to_talk_to() -> None:
    post = (
        "Brightfen Health | Senior Software Engineers | Oslo\n"
        "We're especially keen to talk to Staff Engineers (backend) and Senior AI Engineers "
        "(e.g. LLM agents)."
    )
    assert _families(post) == [AI]


def test_keen_to_talk_about_areas_is_no_opening() -> None:
    post = (
        "Brightfen Health | Senior Software Engineers | Oslo\n"
        "We'd love to talk to anyone curious about machine learning and data science."
    )
    assert _families(post) == []
