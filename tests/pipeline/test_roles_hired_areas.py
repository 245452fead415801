"""The areas of the experts, talent or people a post hires are its openings (hired_areas.py)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting


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
