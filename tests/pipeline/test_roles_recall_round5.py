"""Header fields the header reader dropped (counted openings in a parenthesis, title lists with a
piece of other words, slash runs of titles, double-slash fields), a lone title line with its
bullets, and the traps kept out: a product's users, a team's head count, a hire ruled out."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.list_items import item_specs

_BODY = "\n\nWe build maps for ships."


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


def test_counted_openings_listed_in_a_parenthesis() -> None:
    assert _openings(
        "Kelpworks | Multiple positions (Senior Backend Engineer, Data Scientist, Frontend "
        "Developer) | Oslo | Full-time" + _BODY
    ) == [
        ("Senior Backend Engineer", "other"),
        ("Data Scientist", "data_scientist"),
        ("Frontend Developer", "other"),
    ]
    assert _openings(
        "Kelpworks | SEVERAL OPENINGS! (Frontend, Platform, and Data Scientists, Designers) | Oslo"
        + _BODY
    ) == [
        ("Frontend", "other"),
        ("Platform", "other"),
        ("Data Scientists", "data_scientist"),
        ("Designers", "other"),
    ]
    assert _openings("Kelpworks | Multiple positions (see our site) | Oslo" + _BODY) == []


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            "Data Scientists, iOS Engineers, Platform Engineers, and so on",
            [
                ("Data Scientists", "data_scientist"),
                ("iOS Engineers", "other"),
                ("Platform Engineers", "other"),
            ],
        ),
        (
            "Data Scientist, Firmware Engineer, ML Engineer, Embedded Work (RTOS Experience), "
            "Sonar",
            [
                ("Data Scientist", "data_scientist"),
                ("Firmware Engineer", "other"),
                ("ML Engineer", "ai_engineer"),
            ],
        ),
    ],
)
def test_title_list_with_a_piece_of_other_words(
    field: str, expected: list[tuple[str, str]]
) -> None:
    assert _openings(f"Kelpworks | {field} | Oslo | Onsite" + _BODY) == expected


def test_slash_run_of_titles_is_a_list() -> None:
    assert _openings(
        "Kelpworks | Back End/Full Stack Developers/Data Scientist | Oslo" + _BODY
    ) == [
        ("Back End/Full Stack Developers", "other"),
        ("Data Scientist", "data_scientist"),
    ]
    assert [(s[1], s[0].family) for s in item_specs("Senior UI/UX Designer / Visual Designer")] == [
        ("Senior UI/UX Designer", "other"),
        ("Visual Designer", "other"),
    ]
    # one title with its areas, or areas shared by a bare role noun at the end, stays whole
    assert [(s[1], s[0].family) for s in item_specs("Senior Data Science/ML Engineer")] == [
        ("Senior Data Science/ML Engineer", "ai_engineer")
    ]
    assert [(s[1], s[0].family) for s in item_specs("ML/AI Scientist/Engineer")] == [
        ("ML/AI Scientist/Engineer", "other")
    ]


def test_header_fields_between_double_slashes() -> None:
    assert _openings(
        "Kelpworks // Hybrid in Bergen // Staff ML Engineer and Lead Data Engineer // Permanent"
        + _BODY
    ) == [("Staff ML Engineer", "ai_engineer"), ("Lead Data Engineer", "other")]


def test_lone_title_line_with_its_bullets() -> None:
    head = (
        "Kelpworks | Oslo | Full-Time\n\nWe build maps for ships.\n\nMachine learning engineer\n\n"
    )
    assert _openings(head + "* Build our route models\n* Ship them to boats") == [
        ("Machine learning engineer", "ai_engineer")
    ]
    # without bullets below, or under a header that names the opening, the line is no opening
    assert _openings(head + "Our team is small and we like it.") == []
    assert _openings(
        "Kelpworks | Backend Engineer | Oslo\n\nWe build maps.\n\nData Scientists\n\n"
        "* Our data scientists tune the route models\n* They work with the backend team"
    ) == [("Backend Engineer", "other")]


@pytest.mark.parametrize(
    "text",
    [
        "Kelpworks | Built for data scientists, ML engineers, analysts | Oslo" + _BODY,
        "Kelpworks | A notebook built for data scientists, ML engineers, and analysts | Oslo"
        + _BODY,
        "Kelpworks | Team: 4 ML engineers, 3 data scientists | Oslo" + _BODY,
        "Kelpworks | Oslo\n\nWe're not hiring a data scientist or an ML engineer this round.",
        "Kelpworks | Oslo | Onsite\n\nWe build maps for ships.\n\nOur people:\n\n"
        "Machine learning engineer\n\n* Ten years of sonar work\n* Leads the route team",
    ],
)
def test_users_team_counts_ruled_out_hires_and_people_name_no_opening(text: str) -> None:
    assert not {family for _, family in _openings(text)} & {"ai_engineer", "data_scientist"}


def test_counted_area_of_openings_in_a_header_field() -> None:
    assert _openings("Kelpworks | Multiple Data Science Roles | Oslo | Full-time" + _BODY) == [
        ("Data Science", "data_scientist")
    ]
    assert _openings("Kelpworks | Multiple roles | Oslo" + _BODY) == []


def test_titles_joined_by_stars_after_a_label() -> None:
    assert _openings(
        "Kelpworks | Oslo\n\nWe build maps.\n\nOpen positions: ML engineers ☆ QA ☆ "
        "Mobile engineers ☆ Platform engineers\n\nWe use Go."
    ) == [
        ("ML engineers", "ai_engineer"),
        ("Mobile engineers", "other"),
        ("Platform engineers", "other"),
    ]


def test_levels_after_a_hired_role_are_no_part_of_it() -> None:
    assert _openings(
        "Kelpworks | Oslo\n\nWe are looking for ML engineers of varying seniority levels."
    ) == [("ML engineers", "ai_engineer")]
