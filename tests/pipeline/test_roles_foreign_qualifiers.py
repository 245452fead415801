"""A title's words about the company or the people it leads give it no family
(foreign_qualifiers.py)."""

from __future__ import annotations

import time

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
        # a funding stage or an accelerator beside a bare AI word leaves the word the job's area
        ("Fernhill | Software Engineer (Computer Vision, YC W24) | Denver", "ai_engineer"),
        ("Fernhill | Founding Engineer (AI, YC S23) | Remote", "ai_engineer"),
        ("Fernhill | Software Engineer - Seed, YC, AI | Denver", "ai_engineer"),
        # an AI engineer stays one at any company
        ("Fernhill | Machine Learning Engineer (AI startup) | Austin", "ai_engineer"),
        ("Fernhill | AI Engineer - Seed, YC | Austin", "ai_engineer"),
        ("Fernhill | Data Scientist (Series A, AI) | Austin", "data_scientist"),
        # the people led are not the role: the ML engineer leads the data scientists
        ("Fernhill | Machine Learning Engineer (leading data scientists) | Oslo", "ai_engineer"),
        # data scientists led keep their field: the lead heads the data science team
        ("Fernhill | Director (leading data scientists) | Oslo", "data_scientist"),
        ("Fernhill | Manager (managing data scientists & ML engineers) | Oslo", "data_scientist"),
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
    assert job_reading("Director (leading data scientists)") == "Director (data science)"


@pytest.mark.parametrize(
    "title",
    [
        # a noun after the company noun makes the phrase a team's or a product's subject
        "Full Stack Engineer - AI Company Research Tools",
        "Software Engineer (AI company internal tools)",
        "Software Engineer, Generative AI Startup Studio",
        "Software Engineer (ML infrastructure for startups)",
        # a product's acronym after the company noun is what the job builds, not a name
        "Software Engineer (AI company SDK)",
        "Software Engineer (AI company API)",
        # plural company nouns name the customers or users, not the employer
        "Software Engineer (AI startups)",
        "Software Engineer (AI startups and enterprises)",
        # a lower-case word is no name, whatever its letters
        "Software Engineer (AI startup für Ärzte)",
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
        "Software Engineer (AI startup ÖKO)",
        "Software Engineer (AI startup · Remote)",
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


# A detail of 20,000 spaces must be read in well under this (a quadratic reading takes seconds).
_LINEAR_BUDGET_SECONDS = 0.5


@pytest.mark.parametrize(
    "title",
    [
        "Software Engineer (AI" + " " * 20_000 + "x)",
        "Software Engineer (AI startup" + " " * 20_000 + "x)",
        "Research Team Lead (" + " " * 20_000 + "leading ML" + " " * 20_000 + ")",
        "Software Engineer," + " " * 20_000 + "," + " " * 20_000 + "AI",
        "Software Engineer - AI" + " " * 20_000 + "-" + " " * 20_000 + "startup",
    ],
)
def test_a_long_run_of_spaces_is_read_in_linear_time(title: str) -> None:
    start = time.perf_counter()
    job_reading(title)
    assert time.perf_counter() - start < _LINEAR_BUDGET_SECONDS
