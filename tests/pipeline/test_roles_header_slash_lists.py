"""Header slash lists with a longer title, and headers that open with the company's address."""

from __future__ import annotations

from pipeline.roles import openings_of_posting


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_slash_list_with_a_four_word_title_keeps_its_area() -> None:
    text = (
        "Kelpworks | Full Stack Python Hacker / Data Scientist / Machine Learning | Oslo | "
        "ONSITE\nWe grow seaweed."
    )
    assert _families(text) == {
        "Full Stack Python Hacker": "other",
        "Data Scientist": "data_scientist",
        "Machine Learning": "ai_engineer",
    }


def test_address_first_header_reads_its_first_field() -> None:
    text = (
        "http://kelp.example | Full Stack Python Hacker / Data Scientist / Machine Learning| "
        "Oslo | ON SITE\nWe grow seaweed."
    )
    assert set(_families(text).values()) == {"other", "data_scientist", "ai_engineer"}


def test_long_area_in_a_slash_field_stays_one_field() -> None:
    # an area of more than three words is no list item: the field keeps its old reading
    text = "Kelpworks | Senior Backend Engineer / Very Large Scale Data | Oslo\nWe grow seaweed."
    assert "ai_engineer" not in _families(text).values()
    assert "data_scientist" not in _families(text).values()
