"""Runs of titles joined by marks, chains of titles with articles, comma lists under a cue,
the people a team grows with, and a seeker's phrase addressed to the reader."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.resume_posts import looks_like_resume


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_titles_joined_by_dashes_after_a_label() -> None:
    text = (
        "Kelpworks - Oslo - Onsite\n\nAvailable Positions:\niOS Engineer - Android Engineer - "
        "Machine Learning Engineer - Data Scientist - Product Designer\n\nWe build maps."
    )
    got = _families(text)
    assert got["Machine Learning Engineer"] == "ai_engineer"
    assert got["Data Scientist"] == "data_scientist"


def test_titles_joined_by_angle_marks_and_bullets() -> None:
    marks = _families(
        "Kelpworks\n\nOpen Roles:\nBackend Engineers <> Security Engineer <> ML Engineers <> "
        "Product Designers\n\nPerks: lunch"
    )
    assert marks["ML Engineers"] == "ai_engineer"
    bullets = _families(
        "Kelpworks | Oslo\n\nOpen now: • Infrastructure Engineer - (NY) • Machine Learning "
        "Engineer (Oslo) • Technical Project Manager (Oslo) •\n\nSee our site."
    )
    assert bullets["Machine Learning Engineer"] == "ai_engineer"


def test_header_field_of_titles_joined_by_stars() -> None:
    got = _families(
        "Backend Engineer (python) * Data Engineer * Data Scientist | OSLO\n\nWe have an opening "
        "for a data engineer who likes search."
    )
    assert got["Data Scientist"] == "data_scientist"


def test_a_title_and_its_team_and_place_is_no_run() -> None:
    got = _families(
        "Kelpworks | Oslo\n\nWe build maps.\n\nSenior Backend Engineer - Machine Learning "
        "Platform - Oslo\n\nEmail us."
    )
    assert "Machine Learning Platform" not in got


def test_chain_of_titles_with_articles() -> None:
    got = _families(
        "Kelpworks | engineers | Oslo\n\nWe run boats.\n\nWe're looking for a software engineer "
        "to develop the autopilot, an ML Engineer / Data Scientist, a Safety Engineer, and an "
        "office manager. Write to us."
    )
    assert got["ML Engineer"] == "ai_engineer"
    assert got["Data Scientist"] == "data_scientist"


def test_chain_with_places_joined_by_ampersand() -> None:
    got = _families(
        "Kelpworks | Oslo & Bergen | Onsite\n\nWe are looking to hire a senior UX designer in "
        "Oslo & an ML engineer in Bergen. It's a high impact role."
    )
    assert got["ML engineer"] == "ai_engineer"


def test_chain_stops_at_the_colleagues_of_the_hire() -> None:
    got = _families(
        "Kelpworks | Oslo\n\nWe're looking for a developer to work closely with the CTO, a data "
        "scientist and a designer."
    )
    assert "data_scientist" not in got.values()


def test_comma_list_under_a_cue_line() -> None:
    got = _families(
        "Software Engineers - Oslo\n\nWe are building new products and have opened quite a few "
        "engineering roles up:\n\nMachine Learning Engineer, Frontend Engineer, Senior Backend "
        "Software Engineer, Senior Desktop App Engineer\n\nDetails on our site."
    )
    assert got["Machine Learning Engineer"] == "ai_engineer"
    assert got["Frontend Engineer"] == "other"


def test_comma_list_under_a_stack_line_is_no_opening() -> None:
    got = _families(
        "Kelpworks | Backend Engineer | Oslo\n\nOur stack:\n\nPython, machine learning, "
        "Postgres\n\nEmail us."
    )
    assert "ai_engineer" not in got.values()


def test_people_a_team_grows_with() -> None:
    got = _families(
        "Kelpworks | Data Scientist | Oslo\n\nWe’re looking to add to our early team with "
        "experienced data scientists or applied ML engineers who would enjoy modelling."
    )
    assert got["applied ML engineers"] == "ai_engineer"
    grown = _families(
        "Kelpworks | Oslo\n\nWe are growing our technical team with engineers interested in "
        "data science automation."
    )
    assert "data_scientist" not in grown.values()


def test_seeker_phrase_addressed_to_the_reader() -> None:
    assert not looks_like_resume("Are you looking for a job with a direct impact on health?")
    assert not looks_like_resume("You’re not just looking for a job, you want impact.")
    assert looks_like_resume("I am looking for a job as a data scientist.")
    got = _families(
        "Kelpworks | NLP Data Scientist | Oslo | Onsite\n\nAre you looking for a job with a "
        "direct impact on healthcare?\n\n* Stack: Python"
    )
    assert got["NLP Data Scientist"] == "data_scientist"


def test_wish_to_hire_and_current_openings() -> None:
    wish = _families(
        "Kelpworks | Oslo\n\nWe are seeking to hire a highly motivated Associate Data Scientist "
        "to join our team. You will work with our researchers."
    )
    assert wish["highly motivated Associate Data Scientist"] == "data_scientist"
    current = _families(
        "Kelpworks | Oslo\n\nWe stop intrusions.\n\nCurrent openings are malware analyst, data "
        "scientist and software engineer.\n\nMore on our blog."
    )
    assert current["data scientist"] == "data_scientist"
    assert current["malware analyst"] == "other"


def test_open_positions_listed_elsewhere_are_no_opening() -> None:
    got = _families(
        "Kelpworks | Backend Engineer | Oslo\n\nOur open positions are listed on our site; we "
        "love data science."
    )
    assert "data_scientist" not in got.values()


def test_described_titles_with_a_salary_after_a_bar() -> None:
    got = _families(
        "Kelpworks | REMOTE | Full-Time\n\nRoles\n\nSenior AI Engineer | $180k-220k: Own the LLM "
        "product surfaces and run evals across prompts.\n\nSenior Product Manager | $140k-180k: "
        "Own the roadmap across two product lines."
    )
    assert got["Senior AI Engineer"] == "ai_engineer"
    assert got["Senior Product Manager"] == "other"
