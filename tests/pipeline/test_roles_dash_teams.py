"""A header title whose dashed team holds an AI area names an AI engineer (dash_teams.py)."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.dash_teams import dash_team_openings, without_cut_readings
from pipeline.roles.titles import classify_title


def _families(text: str) -> set[str]:
    """The families of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.role_family for o in openings}


@pytest.mark.parametrize(
    "header",
    [
        "Brackenfold | Senior Software Engineer - Data / Machine Learning / Statistics | Remote",
        "Brackenfold | Software Engineer - Confidential Computing and AI | Remote (EU) - Berlin",
        "Software Engineer - ML Tooling - 4 day week job",
        "Brackenfold | Research Engineers/Scientists - Planning, Control, AI, Mapping | Onsite",
        "Brackenfold | Software engineer -- AI & New Products | Lyon",
    ],
)
def test_a_dashed_team_with_an_ai_area_names_an_ai_engineer(header: str) -> None:
    text = f"{header}\nBrackenfold sells tiles. We are hiring a Software Engineer to help us."
    assert "ai_engineer" in _families(text)


@pytest.mark.parametrize(
    "header",
    [
        # a stack after the dash, not a team
        "Brackenfold (Remote US) — Full-Stack Software Engineer — TypeScript / Postgres / AI",
        # the product described after the dash
        "Brackenfold (Remote) — Founding Engineer — AI Product Intelligence Platform",
        # a requirement after the dash
        "Brackenfold | Backend Engineer - experience with ML a plus | Remote",
        # facts about the company after the dash, not the areas of its team
        "Quillmere | Software Engineer - Series B, 40 people, AI | Remote",
        "Quillmere | Software Engineer - Pre-seed, fully remote, AI | Berlin",
        # the title with its team reads as no AI engineer
        "Brackenfold | Data Engineer - Machine Learning | Remote",
        "Brackenfold | Support Engineer - AI | Remote",
        # the company's sector after the company, no title before the dash
        "Brackenfold - AI | Remote | Product Designer",
    ],
)
def test_other_words_after_a_dash_name_no_ai_engineer(header: str) -> None:
    text = f"{header}\nBrackenfold sells tiles."
    assert "ai_engineer" not in _families(text)


def test_only_the_header_is_read() -> None:
    text = "Brackenfold | Remote\nOur history - AI tiles since 2019\nSoftware Engineer - AI"
    assert dash_team_openings(text, []) == []


def test_the_cut_reading_of_a_dashed_title_gives_way_to_it() -> None:
    # one header field is one job: not "Senior Software Engineer" beside its dashed team
    text = (
        "Acme | Senior Software Engineer - Data / Machine Learning / Statistics | Remote\n"
        "We build databases. I am hiring a Senior Software Engineer for the team."
    )
    assert [
        (o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, text)
    ] == [("Senior Software Engineer - Data / Machine Learning / Statistics", "ai_engineer")]
    # the body's other openings stay
    listed = (
        "Acme | Senior Software Engineer - Data / Machine Learning / Statistics | Remote\n"
        "We're hiring:\n- Senior Software Engineer\n- Product Designer"
    )
    titles = [o.title for o in openings_of_posting("hn_whoishiring", None, listed)]
    assert titles == [
        "Product Designer",
        "Senior Software Engineer - Data / Machine Learning / Statistics",
    ]


def test_without_an_ai_engineer_the_cut_readings_are_left_as_read() -> None:
    # only an AI engineer can be a dashed title's reading: without one the header is not read
    header = "Acme | Senior Software Engineer - Data / Machine Learning / Statistics | Remote\n"
    openings = (classify_title("Senior Software Engineer"),)
    assert without_cut_readings(openings, header + "We build databases.") is openings
