"""Runs of titles joined by marks, chains of titles with articles, comma lists under a cue, the
people a team grows with, wishes to hire, and a seeker's phrase addressed to the reader."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.described_titles import described_title_openings
from pipeline.roles.hn_patterns import without_asides
from pipeline.roles.resume_posts import looks_like_resume

_HEAD = "Kelpworks | Backend Engineer | Oslo\n\nWe build maps.\n\n"
_BACKEND = ("Backend Engineer", "other")


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


def test_titles_joined_by_dashes_after_a_label() -> None:
    text = (
        "Kelpworks - Oslo - Onsite\n\nAvailable Positions:\niOS Engineer - Android Engineer - "
        "Machine Learning Engineer - Data Scientist - Product Designer\n\nWe build maps."
    )
    assert _openings(text) == [
        ("iOS Engineer", "other"),
        ("Machine Learning Engineer", "ai_engineer"),
        ("Data Scientist", "data_scientist"),
        ("Android Engineer", "other"),
        ("Product Designer", "other"),
    ]


def test_titles_joined_by_angle_marks_and_bullets() -> None:
    marks = _openings(
        "Kelpworks\n\nOpen Roles:\nBackend Engineers <> Security Engineer <> ML Engineers <> "
        "Product Designers\n\nPerks: lunch"
    )
    assert marks == [
        ("ML Engineers", "ai_engineer"),
        ("Backend Engineers", "other"),
        ("Security Engineer", "other"),
        ("Product Designers", "other"),
    ]
    bullets = _openings(
        "Kelpworks | Oslo\n\nOpen now: • Infrastructure Engineer - (NY) • Machine Learning "
        "Engineer (Oslo) • Technical Project Manager (Oslo) •\n\nSee our site."
    )
    assert bullets == [
        ("Machine Learning Engineer", "ai_engineer"),
        ("Infrastructure Engineer", "other"),
        ("Technical Project Manager", "other"),
    ]


def test_header_field_of_titles_joined_by_stars() -> None:
    got = _openings(
        "Backend Engineer (python) * Data Engineer * Data Scientist | OSLO\n\nWe have an opening "
        "for a data engineer who likes search."
    )
    # the run is read as one opening per title (tenth round)
    assert got == [
        ("Backend Engineer (python)", "other"),
        ("Data Engineer", "other"),
        ("Data Scientist", "data_scientist"),
    ]


def test_a_title_and_its_team_and_place_is_no_run() -> None:
    got = _openings(
        "Kelpworks | Oslo\n\nWe build maps.\n\nSenior Backend Engineer - Machine Learning "
        "Platform - Oslo\n\nEmail us."
    )
    assert got == []


@pytest.mark.parametrize(
    "line",
    [
        "Team: 4 ML Engineers + 3 Data Scientists + 5 Backend Engineers",
        "Founding team: ex-Google ML Engineer - ex-Meta Data Scientist - ex-Stripe Engineer",
        "Built for: Data Scientists + ML Engineers + Analytics Engineers",
        "Who uses our product: Data Scientists • ML Engineers • Analysts • Product Managers",
        "Ideal background: ML Engineer - Data Scientist - Quant Researcher",
        "My path: Data Scientist - ML Engineer - Engineering Manager - CTO",
    ],
)
def test_runs_after_a_label_of_people_are_no_openings(line: str) -> None:
    assert _openings(_HEAD + line) == [_BACKEND]


def test_chain_of_titles_with_articles() -> None:
    got = _openings(
        "Kelpworks | engineers | Oslo\n\nWe run boats.\n\nWe're looking for a software engineer "
        "to develop the autopilot, an ML Engineer / Data Scientist, a Safety Engineer, and an "
        "office manager. Write to us."
    )
    assert got == [
        ("ML Engineer", "ai_engineer"),
        ("Data Scientist", "data_scientist"),
        ("Safety Engineer", "other"),
        ("office manager", "other"),
    ]


def test_chain_with_places_joined_by_ampersand() -> None:
    got = _openings(
        "Kelpworks | Oslo & Bergen | Onsite\n\nWe are looking to hire a senior UX designer in "
        "Oslo & an ML engineer in Bergen. It's a high impact role."
    )
    assert got == [("senior UX designer", "other"), ("ML engineer", "ai_engineer")]


def test_chain_stops_at_the_colleagues_of_the_hire() -> None:
    got = _openings(
        "Kelpworks | Oslo\n\nWe're looking for a developer to work closely with the CTO, a data "
        "scientist and a designer."
    )
    assert got == [("developer", "other")]


def test_chain_stops_at_the_people_a_hire_works_for() -> None:
    tools = _openings(
        _HEAD + "We're looking for a product designer to build tools for a data scientist and "
        "an ML engineer."
    )
    assert tools == [_BACKEND, ("product designer", "other")]
    users = _openings(
        _HEAD + "We're looking for a designer to make tools for a data scientist, an ML engineer "
        "and an analyst."
    )
    assert users == [_BACKEND, ("designer", "other")]


def test_comma_list_under_a_cue_line() -> None:
    got = _openings(
        "Software Engineers - Oslo\n\nWe are building new products and have opened quite a few "
        "engineering roles up:\n\nMachine Learning Engineer, Frontend Engineer, Senior Backend "
        "Software Engineer, Senior Desktop App Engineer\n\nDetails on our site."
    )
    assert got == [
        ("Software Engineers", "other"),
        ("Machine Learning Engineer", "ai_engineer"),
        ("Frontend Engineer", "other"),
        ("Senior Backend Software Engineer", "other"),
        ("Senior Desktop App Engineer", "other"),
    ]


def test_comma_list_under_a_stack_line_is_no_opening() -> None:
    got = _openings(_HEAD + "Our stack:\n\nPython, machine learning, Postgres\n\nEmail us.")
    assert got == [_BACKEND]


def test_people_a_team_grows_with() -> None:
    got = _openings(
        "Kelpworks | Data Scientist | Oslo\n\nWe’re looking to add to our early team with "
        "experienced data scientists or applied ML engineers who would enjoy modelling."
    )
    assert got == [("Data Scientist", "data_scientist"), ("applied ML engineers", "ai_engineer")]
    grown = _openings(
        "Kelpworks | Oslo\n\nWe are growing our technical team with engineers interested in "
        "data science automation."
    )
    assert grown == []


def test_a_team_grown_with_peoples_input_hires_no_one() -> None:
    got = _openings(_HEAD + "We grow our team with data scientists' input on every hire.")
    assert got == [_BACKEND]


def test_seeker_phrase_addressed_to_the_reader() -> None:
    assert not looks_like_resume("Are you looking for a job with a direct impact on health?")
    assert not looks_like_resume("You’re not just looking for a job, you want impact.")
    assert looks_like_resume("I am looking for a job as a data scientist.")
    got = _openings(
        "Kelpworks | NLP Data Scientist | Oslo | Onsite\n\nAre you looking for a job with a "
        "direct impact on healthcare?\n\n* Stack: Python"
    )
    assert got == [("NLP Data Scientist", "data_scientist")]


@pytest.mark.parametrize(
    "text",
    [
        "ML engineer, 6 years of PyTorch, Oslo.\n\nLet me know if you want to hire me: kelp@x.io",
        "Data scientist with 5 years in retail forecasting, Oslo.\n\nHappy to send you my resume "
        "or portfolio.",
        "Data scientist, Oslo. Happy to send you my CV. Python, SQL.",
        "ML engineer, 6 years of PyTorch, Oslo.\n\nIf you like what you see hire me at kelp@x.io",
    ],
)
def test_a_seeker_writing_to_the_reader_stays_a_seeker(text: str) -> None:
    assert looks_like_resume(text)
    assert _openings(text) == []


def test_wish_to_hire_and_current_openings() -> None:
    wish = _openings(
        "Kelpworks | Oslo\n\nWe are seeking to hire a highly motivated Associate Data Scientist "
        "to join our team. You will work with our researchers."
    )
    assert wish == [("Associate Data Scientist", "data_scientist")]
    current = _openings(
        "Kelpworks | Oslo\n\nWe stop intrusions.\n\nCurrent openings are malware analyst, data "
        "scientist and software engineer.\n\nMore on our blog."
    )
    assert current == [
        ("data scientist", "data_scientist"),
        ("malware analyst", "other"),
        ("software engineer", "other"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "We'd love to hire a data scientist next year, but today we need a backend engineer.",
        "Someday we would like to hire ML engineers too.",
    ],
)
def test_a_wish_for_later_is_no_opening(sentence: str) -> None:
    assert _openings(_HEAD + sentence) == [_BACKEND]


def test_a_wish_list_ends_before_too() -> None:
    got = _openings(_HEAD + "We'd like to hire ML engineers too.")
    assert got == [_BACKEND, ("ML engineers", "ai_engineer")]


def test_open_positions_listed_elsewhere_are_no_opening() -> None:
    got = _openings(_HEAD + "Our open positions are listed on our site; we love data science.")
    assert got == [_BACKEND]


def test_described_titles_with_a_salary_after_a_bar() -> None:
    text = (
        "Kelpworks | REMOTE | Full-Time\n\nRoles\n\nSenior AI Engineer | $180k-220k: Own the LLM "
        "product surfaces and run evals across prompts.\n\nSenior Product Manager | $140k-180k: "
        "Own the roadmap across two product lines."
    )
    got = [(o.title, o.role_family) for o in described_title_openings(text, [])]
    assert got == [("Senior AI Engineer", "ai_engineer"), ("Senior Product Manager", "other")]


def test_asides_go_in_one_pass_nested_or_not() -> None:
    assert without_asides("ML Engineer (a (b) c) - x (y") == "ML Engineer  - x (y"
    assert without_asides("a [b] (c)", "[", "]") == "a  (c)"
    assert without_asides("x) (" + "(" * 5_000 + ")" * 5_000) == "x) ("
