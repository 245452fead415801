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


def test_hiring_across_areas_names_each_area() -> None:
    text = (
        "Fernlight | Many Roles | Lisbon | Full-time\n\nFernlight maps peat bogs from orbit. We "
        "are hiring across ML engineering, data science, front-end, back-end, and finance."
    )
    got = _families(text)
    assert got["ML engineering"] == "ai_engineer"
    assert got["data science"] == "data_scientist"
    assert {got["front-end"], got["back-end"], got["finance"]} == {"other"}
    assert len(got) == 5


def test_engineers_across_the_team_after_a_dash() -> None:
    text = (
        "Fernlight | Lisbon | Hybrid\n\nFernlight is hiring engineers across the team - Applied "
        "AI, Full Stack, Backend.\nApply on our site."
    )
    got = _families(text)
    assert got["Applied AI"] == "ai_engineer"
    assert {got["Full Stack"], got["Backend"]} == {"other"}


def test_talent_across_areas() -> None:
    text = (
        "Fernlight | Lisbon | Onsite\n\nWe are looking for talent across Data, Computer Vision, "
        "Machine Learning and Infrastructure. See our careers page."
    )
    got = _families(text)
    assert got["Computer Vision"] == "ai_engineer"
    assert got["Machine Learning"] == "ai_engineer"
    assert "data_scientist" not in got.values()


def test_working_across_areas_is_no_hire() -> None:
    text = (
        "Fernlight | Backend Engineer | Lisbon\n\nOur engineers work across machine learning, "
        "data science and backend. We help teams hiring across data science and ML."
    )
    assert set(_families(text).values()) == {"other"}


def test_areas_in_the_parenthesis_of_roles_hired() -> None:
    text = (
        "Fernlight | Lisbon | Onsite\n\nFernlight maps peat bogs from orbit and sells the maps to "
        "farmers and councils across the region. We are hiring for all sorts of roles right now "
        "(Android, Frontend, UX/UI & Data Science) but mostly we want curious people.\nWrite to us."
    )
    got = _families(text)
    assert got["Data Science"] == "data_scientist"
    assert {got["Android"], got["Frontend"], got["UX/UI"]} == {"other"}


def test_areas_in_the_parenthesis_of_other_positions() -> None:
    text = (
        "Fernlight | Frontend | Lisbon\n\nWe need a frontend developer first. We are also hiring "
        "for other positions (design, machine learning, back-end): see our site."
    )
    assert _families(text)["machine learning"] == "ai_engineer"


def test_engineers_parenthesis_of_areas_in_a_long_sentence() -> None:
    text = (
        "Fernlight | Lisbon\n\nFernlight maps peat bogs from orbit, and our maps already cover "
        "half of the wetlands of the peninsula. We're hiring engineers (web, mobile, data "
        "science), product designers, and an office manager to help us cover the rest."
    )
    got = _families(text)
    assert got["data science"] == "data_scientist"
    assert got["product designers"] == "other"


def test_a_requirement_parenthesis_names_no_areas() -> None:
    text = (
        "Fernlight | Lisbon\n\nWe are looking for engineers (with experience in ML, data science "
        "or backend) to build our pipeline."
    )
    assert set(_families(text).values()) <= {"other"}


def test_bullets_under_people_who_want_to_work_with() -> None:
    text = (
        "Fernlight | Lisbon | Full-time\n\nWe're looking for people who want to work with:\n"
        "* Data science / data analysis (mining ten years of bog surveys)\n"
        "* iOS OR Android\n"
        "* Machine Learning / image segmentation - think satellite tiles\n"
        "Either way, we care more about curiosity than languages."
    )
    got = _families(text)
    assert got["Data science"] == "data_scientist"
    assert got["Machine Learning"] == "ai_engineer"
    assert got["iOS OR Android"] == "other"


def test_bullets_under_people_interested_in() -> None:
    text = (
        "Fernlight | Lisbon\n\nWe're looking for people who are interested in:\n"
        "* Search / Data Science - ranking, classification, crawling\n"
        "* Mobile (iOS, Android) - native apps\n"
    )
    got = _families(text)
    assert got["Data Science"] == "data_scientist"
    assert got["Mobile"] == "other"


def test_bullets_of_experience_stay_requirements() -> None:
    text = (
        "Fernlight | Backend Engineer | Lisbon\n\nWe're looking for engineers who have "
        "experience with:\n* Machine Learning\n* Data science\n"
    )
    assert set(_families(text).values()) == {"other"}
