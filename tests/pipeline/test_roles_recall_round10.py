"""Data-scientist forms of the tenth recall round: the roles of named teams, "on the lookout
for", and bullets of areas joined by slashes under a hiring line (team_roles.py,
slash_areas.py)."""

from __future__ import annotations

import time

from pipeline.roles import openings_of_posting
from pipeline.roles.slash_areas import slash_area_openings
from pipeline.roles.team_roles import team_role_openings


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_roles_on_named_teams_name_the_teams_areas() -> None:
    text = (
        "Quillmark | Lisbon or Remote | Full-time\n\nWe have grown fast and are looking to hire "
        "for several roles on our Platform and Data Science teams.\nApply on our site."
    )
    got = _families(text)
    assert got["Data Science"] == "data_scientist"
    assert got["Platform"] == "other"
    assert len(got) == 2


def test_positions_across_the_teams_and_an_adjective_before_the_area() -> None:
    text = (
        "Quillmark | Lisbon\n\nWe're hiring for multiple positions across the Engineering and "
        "Data Science teams. We are also recruiting for two roles on our growing Data Science "
        "team."
    )
    assert set(_families(text).values()) == {"data_scientist", "other"}


def test_teammates_and_candidates_for_teams() -> None:
    teammates = (
        "Quillmark | Lisbon\n\nWe're looking for new teammates on the mobile and data science "
        "teams."
    )
    candidates = (
        "Quillmark | Lisbon\n\nWe are always looking for strong candidates for our backend, "
        "analytics, data science, and pricing insights teams. Write to us."
    )
    assert _families(teammates)["data science"] == "data_scientist"
    got = _families(candidates)
    assert got["data science"] == "data_scientist"
    # a short team name the vocabulary lacks is skipped, not read as a title
    assert "pricing insights" not in got


def test_engineers_for_a_data_science_team_are_engineers() -> None:
    text = (
        "Quillmark | Backend Engineer | Lisbon\n\nWe're also looking for engineers for our data "
        "science team, so write if interested."
    )
    assert "data_scientist" not in _families(text).values()


def test_team_mentions_without_a_hiring_verb_name_no_opening() -> None:
    texts = (
        "Quillmark | Frontend Engineer | Lisbon\n\nYou will work closely with the roles on our "
        "design and data science teams.",
        "Quillmark | Frontend Engineer | Lisbon\n\nOur data scientists use the tools you build; "
        "work closely with data scientists every day.",
        "Quillmark | Frontend Engineer | Lisbon\n\nWe are hiring a frontend engineer with "
        "experience across roles in our marketing and data science teams.",
    )
    for text in texts:
        assert "data_scientist" not in _families(text).values(), text


def test_on_the_lookout_for_names_the_roles_after_it() -> None:
    text = (
        "Quillmark | Lisbon | Onsite\n\nProfitable for three years. We are always on the lookout "
        "for talented software engineers and data scientists to help us grow."
    )
    got = _families(text)
    assert got["data scientists"] == "data_scientist"
    assert got["software engineers"] == "other"


def test_on_the_lookout_for_a_role_with_a_data_science_background() -> None:
    text = (
        "Quillmark | Lisbon\n\nWe are on the lookout for a CTO with a strong background in data "
        "science to join as an early employee."
    )
    assert "data_scientist" not in _families(text).values()


def test_slash_bullets_under_a_hiring_line() -> None:
    text = (
        "Quillmark • Lisbon • Onsite\nWe make tools for beekeepers.\nWe're hiring for:\n"
        "- Sales & support\n- Data Science / Research – do hive sensors excite you?\n"
        "- Devops – containers and CI\nSee our site."
    )
    got = _families(text)
    assert got["Data Science"] == "data_scientist"
    assert got["Research"] == "other"
    assert got["Devops"] == "other"


def test_slash_bullet_after_a_sentence_description() -> None:
    text = (
        "QUILLMARK (LISBON)\nWe want great people, especially the following roles:\n"
        "- Hive pipeline/data science/analytics. We fuse many sensor feeds.\n"
        "- Infrastructure engineer. Own our cloud."
    )
    assert _families(text).get("data science") == "data_scientist"


def test_slash_bullets_under_a_requirements_line_are_skills() -> None:
    text = (
        "Quillmark | Backend Engineer | Lisbon\nWe're looking for someone with experience in:\n"
        "- Search / Data Science\n- Go / Postgres"
    )
    assert "data_scientist" not in _families(text).values()


def test_slash_bullet_title_with_its_areas_stays_one_title() -> None:
    found = slash_area_openings("Quillmark\nOpen roles:\n- Senior Data Science/ML Engineer", [])
    assert found == []


def test_slash_bullets_without_a_hiring_line_are_no_openings() -> None:
    text = (
        "Quillmark | Frontend Engineer | Lisbon\nOur stack:\n- Python / Data Science\n"
        "- React / TypeScript"
    )
    assert slash_area_openings(text, []) == []
    assert "data_scientist" not in _families(text).values()


def test_long_inputs_stay_linear() -> None:
    line = "We are hiring for roles on our " + "data science and " * 2_000 + "x teams.\n"
    bullets = "Open roles:\n" + "- a / b\n" * 4_000
    start = time.process_time()
    team_role_openings(line, [])
    slash_area_openings(bullets + "data science", [])
    assert time.process_time() - start < 2.0
