"""Openings named as the areas "across" which a post's roles or positions are, and look-alikes."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.open_positions import open_position_openings

_HEAD = "Larchwood Labs | Tallinn | Onsite\n\nWe build scheduling software for ferry lines.\n\n"


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", _HEAD.split("\n")[0], _HEAD + text + "\n")
    return [(o.title, o.role_family) for o in openings]


def _families(text: str) -> set[str]:
    """The families of a post's openings."""
    return {family for _, family in _openings(text)}


def test_roles_across_areas_name_their_openings() -> None:
    assert _openings("Several roles across firmware, MLOps, design and support:") == [
        ("MLOps", "ai_engineer"),
        ("firmware", "other"),
        ("design", "other"),
        ("support", "other"),
    ]


def test_openings_across_areas_with_both_families() -> None:
    got = _openings("We have openings across Backend, Data Science, ML and Product. Pay: good.")
    assert ("ML", "ai_engineer") in got
    assert ("Data Science", "data_scientist") in got
    assert len(got) == 4


def test_positions_open_across_areas() -> None:
    got = open_position_openings(
        "Acme | Remote\nPositions open across robotics, computer vision and sales.", []
    )
    assert [(o.title, o.role_family) for o in got] == [
        ("computer vision", "ai_engineer"),
        ("robotics", "other"),
        ("sales", "other"),
    ]


def test_across_the_board_or_the_globe_is_no_list() -> None:
    assert "ai_engineer" not in _families("We have openings across the board, and we like ML.")
    assert "ai_engineer" not in _families("Roles across the globe, in engineering, ML and sales.")


def test_one_area_across_is_no_list() -> None:
    assert open_position_openings("Acme | Remote\nWe have roles across machine learning.", []) == []


def test_across_as_a_requirement_or_the_team_is_no_opening() -> None:
    assert "ai_engineer" not in _families(
        "Experience in roles across backend, ML and data platforms is a plus."
    )
    assert "ai_engineer" not in _families("Our ML engineers built the ranking models.")
    assert "ai_engineer" not in _families(
        "You will work with our ML engineers across teams, products and regions."
    )


def test_a_listed_post_is_read_by_its_list_not_by_the_areas_across() -> None:
    got = _openings(
        "We are hiring for several positions across robotics, MLOps and hardware.\n"
        "Open positions:\n- Research Scientist (MLOps)\n- Mechanical Engineer\n"
    )
    assert "ai_engineer" not in {family for _, family in got}
    assert ("MLOps", "ai_engineer") not in got


def test_opportunities_across_a_community_are_no_openings() -> None:
    assert "ai_engineer" not in _families(
        "Our members share career opportunities across their fields of machine learning, "
        "computer vision and analytics."
    )
