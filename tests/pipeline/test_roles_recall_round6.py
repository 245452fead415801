"""Titles whose AI team came after a dash the title reader did not see as one: a hyphen glued to
the role noun ("Engineer- Applied ML") and a run of dashes ("Engineer -- AI Platform"); and the
traps kept out: a brand, a data engineer, a customer-facing engineer, a requirement."""

from __future__ import annotations

import pytest

from pipeline.roles import classify_title, openings_of_posting

_BODY = "\n\nWe build maps for ships."


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


@pytest.mark.parametrize(
    ("title", "family", "normalized"),
    [
        (
            "Staff Software Engineer- Applied ML",
            "ai_engineer",
            "Software Engineer, Applied Machine Learning",
        ),
        (
            "Backend Developer-- Machine Learning Platform",
            "ai_engineer",
            "Backend Developer, Machine Learning Platform",
        ),
        ("Software engineer -- AI Platform", "ai_engineer", "Software Engineer, AI Platform"),
        ("Senior Backend Engineer-- Kelp AI", "other", "Backend Engineer, Kelp AI"),
        ("Data Engineer- Machine Learning", "other", "Data Engineer, Machine Learning"),
        ("Support Engineer -- ML", "other", "Support Engineer, Machine Learning"),
        ("E- commerce Engineer", "other", "E- Commerce Engineer"),
        ("Full- Stack Engineer", "other", "Full- Stack Engineer"),
        ("Full-Stack Engineer", "other", "Full Stack Engineer"),
    ],
)
def test_a_glued_hyphen_or_a_dash_run_breaks_off_the_team(
    title: str, family: str, normalized: str
) -> None:
    parsed = classify_title(title)
    assert (parsed.role_family, parsed.normalized_title) == (family, normalized)


def test_post_titles_with_a_glued_hyphen_team() -> None:
    assert _openings(
        "Kelpworks | Remote | Full-Time | Staff Software Engineer- Applied ML" + _BODY
    ) == [("Staff Software Engineer- Applied ML", "ai_engineer")]
    assert _openings(
        "Kelpworks | Oslo\n\nOpen roles:\n- Senior Backend Engineer- Applied ML\n"
        "- Product Designer\n"
    ) == [("Senior Backend Engineer- Applied ML", "ai_engineer"), ("Product Designer", "other")]
    # the qualifier is a skill asked of the opening, not its team
    assert _openings(
        "Kelpworks | Senior Backend Engineer- experience with ML a plus | Oslo" + _BODY
    ) == [("Senior Backend Engineer", "other")]


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Back End Developer- AI Trainer", "other"),
        ("Software Engineer, AI Tutors", "other"),
        ("AI Trainer", "other"),
        ("Machine Learning Engineer, AI Trainer", "ai_engineer"),
        ("Software Engineer, AI Training Platform", "ai_engineer"),
    ],
)
def test_teaching_a_model_is_no_ai_qualifier(title: str, family: str) -> None:
    assert classify_title(title).role_family == family
