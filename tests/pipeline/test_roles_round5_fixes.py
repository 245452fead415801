"""Traps of the fifth round's forms: long runs of spaces and repeated asides read in linear time."""

from __future__ import annotations

from pipeline.roles import openings_of_posting

_HEADER = "Kelpworks | Oslo"


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


def _repeated(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def test_a_long_run_of_repeated_asides_is_read_whole() -> None:
    text = _HEADER + "\n\nWe are hiring data scientists" + _repeated(" of all levels", 40_000)
    assert _openings(text) == [("data scientists of all lev", "data_scientist")]


def test_a_long_run_of_spaces_after_a_list_is_read_whole() -> None:
    text = _HEADER + "\n\nWe are hiring data scientists of" + " " * 40_000
    assert _openings(text) == [("data scientists of", "data_scientist")]


def test_a_negated_cue_skips_only_up_to_a_contrast() -> None:
    body = "\n\nWe're not looking for wizards or gurus, but experienced ML engineers and data scientists."
    assert _openings(_HEADER + body) == [
        ("experienced ML engineers", "ai_engineer"),
        ("data scientists", "data_scientist"),
    ]
    assert _openings(_HEADER + "\n\nWe're not hiring a data scientist this quarter.") == []
    assert _openings(_HEADER + "\n\nWe are not looking for a data scientist.") == []


def test_technologies_a_count_names_are_no_openings() -> None:
    body = "\n\nWe build maps for ships."
    assert _openings("Kelpworks | several roles (Rust, Docker, vue) | Oslo" + body) == []
    assert _openings("Kelpworks | Many positions (Java, TensorFlow, Postgres) | Oslo" + body) == []
    assert _openings("Kelpworks | Several Java jobs | Oslo" + body) == []
    assert _openings(
        "Kelpworks | Various positions (Data Scientist, Platform Engineer, Rust) | Oslo" + body
    ) == [("Data Scientist", "data_scientist"), ("Platform Engineer", "other")]


_COMPANY = "Kelpworks | Oslo | Full-Time\n\nWe build tools for ocean data.\n\n"


def test_a_product_or_people_line_over_bullets_is_no_opening() -> None:
    for body in (
        "Route Copilot for Data Scientists\n* Plans voyages for you\n* Explains tides",
        "ML Engineer Workbench\n* Free for schools",
        "For machine learning engineers\n* Train models on buoys",
        "Who relies on Kelpworks?\n\nData scientists\n- to chart currents",
        "Co-founders:\nChief Data Scientist\n- PhD Bergen",
    ):
        assert _openings(_COMPANY + body) == [], body


def test_a_lone_title_line_beside_other_openings_gives_way() -> None:
    body = "Kelp Lab for Data Scientists\n* Instant notebooks\n\nWe're hiring a Platform Engineer."
    assert _openings(_COMPANY + body) == [("Platform Engineer", "other")]


def test_a_lone_title_line_ending_in_its_role_noun_heads_its_bullets() -> None:
    body = "Senior Data Scientist (Remote)\n- Forecast kelp growth\n- Own the tide models"
    assert _openings(_COMPANY + body) == [("Senior Data Scientist", "data_scientist")]


def test_a_lone_title_line_may_end_in_its_link_or_pay() -> None:
    body = "Platform Engineer https://example.org/jobs/7\n* Run our buoy fleet\n* On call weekly"
    assert _openings(_COMPANY + body) == [("Platform Engineer", "other")]
    body = "Data Scientist | 90k - 120k EUR\n* Model the tides"
    assert _openings(_COMPANY + body) == [("Data Scientist", "data_scientist")]


def test_a_contrast_needs_a_comma_or_but() -> None:
    body = "\n\nWe're not looking for people who are only typists, but careful platform engineers."
    assert _openings(_HEADER + body) == [("careful platform engineers", "other")]
    assert _openings(_HEADER + "\n\nWe're not hiring people who are just coders.") == []
