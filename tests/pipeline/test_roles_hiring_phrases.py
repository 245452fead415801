"""Hiring phrasings read last: ranges, generic-object lists, "in addition to", hiring asides."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.hiring_phrases import hiring_phrase_openings


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_range_of_openings_names_each_step() -> None:
    text = (
        "Kelpworks | Oslo | Onsite\n\nWe grow seaweed. We're hiring across the board from "
        "generalist engineers to frontend specialists to ML engineers."
    )
    got = _families(text)
    assert got["ML engineers"] == "ai_engineer"
    assert got["generalist engineers"] == "other"


def test_range_after_projects_is_not_openings() -> None:
    text = (
        "Kelpworks | Oslo | Onsite\n\nOur solutions range from harvest planning to machine "
        "learning forecasts. We are hiring a backend engineer."
    )
    assert "ai_engineer" not in _families(text).values()


def test_list_after_generic_object() -> None:
    line = "We are hiring all sorts of roles - including engineering, marketing and data science."
    got = {(o.title, o.role_family) for o in hiring_phrase_openings(line, [])}
    assert got == {("data science", "data_scientist"), ("engineering, marketing", "other")}
    # the reader runs without a parenthesis, a range or "in addition" in the post
    assert _families("Kelpworks | Oslo | Onsite\n\n" + line)["data science"] == "data_scientist"


def test_list_after_purpose_is_not_openings() -> None:
    text = (
        "Kelpworks | Backend Engineer | Oslo\n\nWe are hiring engineers to work on projects "
        "including data scientists' notebooks."
    )
    assert "data_scientist" not in _families(text).values()


def test_in_addition_to_roles_in_a_hiring_sentence() -> None:
    text = (
        "Kelpworks | Oslo | Onsite\n\nLooking for a Product Designer in addition to iOS and "
        "Machine Learning engineers."
    )
    assert _families(text)["Machine Learning engineers"] == "ai_engineer"


def test_hiring_aside_counts_but_bare_hire_does_not() -> None:
    hiring = "We use Rust (we're also hiring: Data Scientists and ML engineers)."
    example = "Farms struggle today (hire a data scientist, wait months) and we fix that."
    got = {(o.title, o.role_family) for o in hiring_phrase_openings(hiring, [])}
    assert got == {("Data Scientists", "data_scientist"), ("ML engineers", "ai_engineer")}
    assert hiring_phrase_openings(example, []) == []


@pytest.mark.timeout(120)
def test_hiring_aside_left_open_fails_fast() -> None:
    """A parenthesis that never closes after a long run of spaces is read in linear time."""
    hostile = "(we're hiring" + " \u2028" * 20_000 + "data scientists"
    assert hiring_phrase_openings(hostile, []) == []
