"""A header title's stated focus on AI makes it an AI engineer (header_focus.py)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.header_focus import (
    _FOCUS_FIELD,
    _FOCUS_WORD,
    _PAREN_FIELD,
    _focused_title,
    with_header_focus,
)
from pipeline.roles.titles import classify_title


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_parenthesis_worded_with_names_the_focus() -> None:
    text = "Quillon Freight | Software Engineer (with AI/ML) | Lyon, France | Hybrid\n\nWe ship."
    assert _families(text) == {"Software Engineer (with AI/ML)": "ai_engineer"}


def test_parenthesis_of_a_sentence_or_a_long_track_names_no_focus() -> None:
    # a mix worded as a sentence about the product, and a track whose AI is a domain's, are
    # no short list of areas
    text = (
        "Brindle | Software Engineers (a mix of LLMs, backend and data infra across the product)"
        " | Full-time | Denver | Onsite\n\nWe score leads."
    )
    assert "ai_engineer" not in _families(text).values()
    text = (
        "Backend Developer (Founding Track – Clinical AI & Health) – Remote | Full-Time | 3+ yrs"
        "\n\nWe build clinic tools."
    )
    assert "ai_engineer" not in _families(text).values()


def test_ai_team_in_the_parenthesis_replaces_the_cut_title() -> None:
    # the header readers cut the title at its "+"; the focused title replaces their reading
    text = "Dovecote | Senior Android Engineer, Maps + Search (AI team) | Remote | Full-time\n\nHi"
    families = _families(text)
    assert list(families.values()) == ["ai_engineer"]


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


NO_FOCUS_TITLES = (
    "Software Engineer (we are an AI company, Series A)",
    "Software Engineer (we're an AI company)",
    "Software Engineer (AI startup in fintech, 5 people)",
    "Backend Engineer (in the AI space)",
    "Frontend Engineer (our AI-powered CRM)",
    "Backend Engineer (our product uses LLMs)",
    "Frontend Engineer - focused on accessibility for our AI-powered app",
    "Full Stack Engineer, focused on our AI-powered CRM",
    "Growth Engineer (with AI/ML customers)",
    "Software Engineer (our users are ML researchers)",
    "Backend Engineer (we use Copilot and other AI tools daily)",
    "Backend Engineer (you will use LLMs every day)",
    "Backend Engineer (AI would be great)",
    "Software Engineer (working with data science and ML teams)",
    "Mobile Engineer (\uff21\uff29 \uff50\uff4f\uff57\uff45\uff52\uff45\uff44\u3000\uff41\uff50\uff50 with users)",
)


def test_a_detail_about_the_company_or_its_users_is_no_focus() -> None:
    for title in NO_FOCUS_TITLES:
        text = f"Acme | {title} | Remote | Full-time\n\nWe make things."
        assert "ai_engineer" not in _families(text).values(), title


def test_openings_listed_in_the_body_are_kept() -> None:
    cases = (
        (
            "Senior Engineer (with AI/ML)",
            ("Senior Engineer, Frontend", "Senior Engineer, Backend", "Senior Engineer, Mobile"),
        ),
        (
            "Software Engineers (with AI/ML)",
            ("Software Engineer, Payments", "Software Engineer, Infra"),
        ),
        ("Engineers (with AI/ML)", ("Engineering Manager", "Engineer, Frontend")),
    )
    for header, listed in cases:
        body = "\n".join(f"- {t}" for t in listed)
        text = f"Acme | {header} | Remote | Full-time\n\nWe are hiring:\n{body}\n\nApply now."
        before = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
        assert with_header_focus(before, text) == tuple(before), header


def test_a_url_double_slash_is_no_header_field() -> None:
    text = "Looking for a Software Engineer (with AI/ML) - see https://a.com or https://b.com\nHi"
    before = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    assert with_header_focus(before, text) == tuple(before)
    assert "ai_engineer" not in _families(text).values()


def test_every_focused_field_passes_the_field_test() -> None:
    # a field either pattern matches holds "(" or "focus" in some case: the quick test lets it by
    for field in (
        "Software Engineer (with AI/ML)",
        "Senior Full Stack Engineers / Focus on AI + Finance",
        "Backend Engineer - FOCUSED ON machine learning",
        "Platform Engineer, with a focus on LLM inference",
        "Data Engineer (AI team) – Remote",
    ):
        assert _PAREN_FIELD.match(field) or _FOCUS_FIELD.match(field), field
        assert "(" in field or _FOCUS_WORD.search(field), field
    assert _focused_title("Backend Engineer - Remote") is None
