"""HN post patterns of rules version roles-2026.12.2 (docs/roles.md, "Errors by pattern")."""

from __future__ import annotations

from pipeline.roles import classify_title, openings_of_posting

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives, as the transform reads it."""
    openings = openings_of_posting("hn_whoishiring", None, post)
    return sorted({o.role_family for o in openings} - {OT})


def test_ds_abbreviation_is_the_discipline_not_a_title() -> None:
    # "DS" is the area; as a header category it gives way to the body's list of openings
    post = (
        "Fernhill Farms | Engineering & DS | Full-time | Lisbon\n\nHiring for two roles:\n\n"
        "- Backend Engineer: our lending service in Kotlin.\n"
        "- Machine Learning Engineer: our credit models in production.\n"
    )
    assert _families(post) == [AI]
    assert classify_title("DS").role_family == DS
    assert classify_title("Senior DS Manager").role_family == DS


def test_ds_beside_algorithms_is_no_data_science() -> None:
    assert classify_title("Computer Science (DS & Algo)").role_family == OT


def test_header_stack_field_beside_a_role_field_is_no_opening() -> None:
    post = "Quillmark | CTO | Remote (EU) | Full-time | Haskell, Rust, ML, Kotlin\nA small team."
    assert _families(post) == []


def test_header_stack_field_with_non_areas_is_no_opening() -> None:
    post = "Orbitline | Oslo | ONSITE | Java, Python, Machine Learning, Scheduling, AWS\nWe plan."
    assert _families(post) == []


def test_header_areas_with_languages_alone_still_name_the_opening() -> None:
    post = "Lumen Maps | Computer Vision, C++, Python | Leipzig | ONSITE\nWe map roads."
    assert _families(post) == [AI]


def test_associate_after_a_field_is_the_role() -> None:
    assert classify_title("AI Associate").role_family == OT
    assert classify_title("AI Associate").normalized_title == "AI Associate"
    assert classify_title("Associate ML Engineer").role_family == AI
    assert classify_title("Associate Data Scientist").role_family == DS
