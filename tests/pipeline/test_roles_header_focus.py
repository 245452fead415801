"""A header title's stated focus on AI makes it an AI engineer (header_focus.py)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.header_focus import with_header_focus
from pipeline.roles.titles import classify_title


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_parenthesis_worded_with_names_the_focus() -> None:
    text = "Quillon Freight | Software Engineer (with AI/ML) | Lyon, France | Hybrid\n\nWe ship."
    assert _families(text) == {"Software Engineer (with AI/ML)": "ai_engineer"}


def test_long_parenthesis_of_areas_with_llms() -> None:
    text = (
        "Brindle | Software Engineers (a mix of LLMs, backend and data infra across the product)"
        " | Full-time | Denver | Onsite\n\nWe score leads."
    )
    assert set(_families(text).values()) == {"ai_engineer"}


def test_dash_inside_the_parenthesis_keeps_the_domain() -> None:
    text = (
        "Backend Developer (Founding Track – Clinical AI & Health) – Remote | Full-Time | 3+ yrs"
        "\n\nWe build clinic tools."
    )
    assert "ai_engineer" in _families(text).values()


def test_focus_after_a_slash() -> None:
    text = (
        "Tollbridge | Austin | Full-time | Senior Backend Engineers / Focus on AI + Payments\n\nHi"
    )
    assert "ai_engineer" in _families(text).values()


def test_requirement_in_the_parenthesis_is_no_focus() -> None:
    text = (
        "Mossgate | Full Stack Engineer (React + Node + AI experience) | Remote | Full-time\n\n"
        "We edit videos."
    )
    assert set(_families(text).values()) == {"other"}
    text = "Mossgate | Backend Engineer (ML a plus) | Remote | Full-time\n\nWe edit videos."
    assert set(_families(text).values()) == {"other"}


def test_focus_outside_the_header_or_on_no_role_is_left() -> None:
    # a prose first line is no header; a focus on a field that is no role is no title
    text = "We are hiring a Software Engineer (with AI/ML) in Lyon.\nEmail us."
    before = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    assert with_header_focus(before, text) == tuple(before)
    text = "Quillon | Operations (with AI/ML) | Lyon | Onsite\n\nWe ship."
    assert "ai_engineer" not in _families(text).values()


def test_an_ai_opening_already_read_is_kept() -> None:
    text = "Quillon | ML Engineer (with PyTorch) | Lyon | Onsite\n\nWe ship."
    opening = classify_title("ML Engineer")
    assert with_header_focus((opening,), text) == (opening,)
