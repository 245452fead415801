"""A title's words about the company or the people it leads give it no family
(foreign_qualifiers.py)."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.foreign_qualifiers import job_reading, without_foreign_qualifiers
from pipeline.roles.titles import classify_title


def _families(header: str) -> dict[str, str]:
    """Title to family of the openings of a post with this header and a plain body."""
    text = header + "\n\nWe make invoicing software for bakeries."
    return {o.title: o.role_family for o in openings_of_posting("hn_whoishiring", None, text)}


@pytest.mark.parametrize(
    "header",
    [
        "Fernhill | Software Engineer (AI startup, Series A) | Austin | Onsite",
        "Fernhill | Backend Engineer (AI-powered startup, YC W24) | Remote",
        "Fernhill | Founding Engineer for AI-Based Dual-Use Startup | Remote",
        "Fernhill | Software Engineer (Series A ML company) | Boston",
        "Fernhill | Software Engineer - Seed, YC, AI | Denver",
        "Fernhill | Full Stack Developer (Seed stage, 12 people, AI) | Remote",
        "Fernhill | Research Team Lead (leading world-class ML engineers) | Zurich",
        "Fernhill | Research Team Lead [hands-on] (leading world-class ML engineers | Zurich",
        "Fernhill | Product Manager (managing a team of data scientists) | Oslo",
    ],
)
def test_words_about_the_company_or_the_people_led_give_no_family(header: str) -> None:
    families = _families(header)
    assert families, header
    assert set(families.values()) == {"other"}, families


@pytest.mark.parametrize(
    ("header", "family"),
    [
        # the job's own team, area or stack keeps its AI qualifier
        ("Fernhill | Software Engineer (ML platform) | Austin", "ai_engineer"),
        ("Fernhill | Backend Engineer - LLM infrastructure | Remote", "ai_engineer"),
        ("Fernhill | Full Stack Engineer (Python, LLMs) | Remote", "ai_engineer"),
        ("Fernhill | Software Engineer, AI Startup Tools | Remote", "ai_engineer"),
        ("Fernhill | Software Engineer (Remote, ML) | Denver", "ai_engineer"),
        ("Fernhill | Software Engineer (Applied AI) | Denver", "ai_engineer"),
        # an AI engineer stays one at any company
        ("Fernhill | Machine Learning Engineer (AI startup) | Austin", "ai_engineer"),
        ("Fernhill | AI Engineer - Seed, YC | Austin", "ai_engineer"),
        ("Fernhill | Data Scientist (Series A, AI) | Austin", "data_scientist"),
        # the people led are not the role: the ML engineer leads the data scientists
        ("Fernhill | Machine Learning Engineer (leading data scientists) | Oslo", "ai_engineer"),
        # an engineering manager of ML engineers manages the ML team
        ("Fernhill | Engineering Manager (leading ML engineers) | Austin", "ai_engineer"),
    ],
)
def test_the_jobs_own_ai_words_keep_the_family(header: str, family: str) -> None:
    assert family in _families(header).values(), header


def test_reading_sets_aside_only_the_foreign_words() -> None:
    assert job_reading("Software Engineer (ML platform)") == "Software Engineer (ML platform)"
    assert job_reading("Founding Engineer for AI-Based Dual-Use Startup") == (
        "Founding Engineer for"
    )
    assert job_reading("Research Team Lead (leading world-class ML engineers)") == (
        "Research Team Lead (world-class ML)"
    )


@pytest.mark.parametrize(
    "title",
    [
        # a noun after the company noun makes the phrase a team's or a product's subject
        "Full Stack Engineer - AI Company Research Tools",
        "Software Engineer (AI company internal tools)",
        "Software Engineer, Generative AI Startup Studio",
        "Software Engineer (ML infrastructure for startups)",
    ],
)
def test_a_company_noun_inside_a_team_name_stays(title: str) -> None:
    assert job_reading(title) == title


@pytest.mark.parametrize(
    "title",
    [
        "Software Engineer (AI startup in Berlin)",
        "Software Engineer - AI startup",
        "Software Engineer (AI startup NORDA)",
        "Software Engineer (ML company) - Remote",
    ],
)
def test_a_company_noun_ending_its_phrase_is_the_employer(title: str) -> None:
    opening = classify_title(title)
    assert opening.role_family == "ai_engineer"
    assert without_foreign_qualifiers((opening,))[0].role_family == "other"


def test_the_title_stays_as_written() -> None:
    opening = classify_title("Software Engineer (AI startup, Series A)")
    assert opening.role_family == "ai_engineer"
    (read,) = without_foreign_qualifiers((opening,))
    assert read.title == opening.title
    assert read.role_family == "other"
