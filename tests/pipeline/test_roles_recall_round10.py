"""Data-scientist forms of the tenth recall round: the roles of named teams, "on the lookout
for", and bullets of areas joined by slashes under a hiring line (team_roles.py,
slash_areas.py)."""

from __future__ import annotations

import time

from pipeline.roles import openings_of_posting
from pipeline.roles.slash_areas import slash_area_openings
from pipeline.roles.team_roles import team_role_openings
from pipeline.roles.titles import Opening, classify_title


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
    # the slash run is one opening, of its data-science part
    assert got["Data Science"] == "data_scientist"
    assert "Research" not in got
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
    spaces = (
        "We're hiring for:\n- ML"
        + " " * 20_000
        + "x\n- ML/AI"
        + " " * 20_000
        + "x\n- Data "
        + " " * 20_000
        + "-> AI\n"
    )
    start = time.process_time()
    team_role_openings(line, [])
    slash_area_openings(bullets + "data science", [])
    slash_area_openings(spaces, [])
    assert time.process_time() - start < 2.0


def _slash(text: str) -> dict[str, str]:
    """Title to family of the openings the slash reader alone finds."""
    return {o.title: o.role_family for o in slash_area_openings(text, [])}


def _teams(text: str, found: list[Opening] | None = None) -> dict[str, str]:
    """Title to family of the openings the team reader alone finds."""
    return {o.title: o.role_family for o in team_role_openings(text, found or [])}


def test_slash_bullets_under_headings_that_are_no_openings() -> None:
    headings = (
        "What we're looking for:",
        "Who we are looking for:",
        "Requirements for the positions:",
        "The ideal candidate for these roles has:",
        "Perks of the roles:",
        "What our open positions offer:",
        "Our hiring process:",
        "Our stack for these roles:",
        "Tech we're looking at:",
        "We're hiring a backend engineer to work on:",
        "Projects you'd work on in these roles:",
        "In these roles you will touch:",
        "Our open positions are in these offices:",
        "Positions where you must know:",
        "Nice for the roles:",
        "We're looking for people who want to work with:",
    )
    for heading in headings:
        text = f"Quillmark | Lisbon\n{heading}\n- Statistics / Machine Learning\n- ML / AI"
        assert _slash(text) == {}, heading
    assert _slash("Quillmark | Lisbon\nOpen positions:\n- ML / AI") == {"ML": "ai_engineer"}


def test_slash_bullets_worded_as_skills_name_no_opening() -> None:
    for bullet in (
        "ML / Data Science background",
        "Data Science / ML familiarity",
        "3+ years of ML / AI",
        "AI / ML exposure",
    ):
        text = f"Quillmark | Lisbon\nWe're hiring for:\n- {bullet}\n- Sales / Support"
        assert _slash(text) == {}, bullet


def test_slash_run_with_a_long_unread_part_is_no_opening() -> None:
    two = "Quillmark | Lisbon\nWe're hiring for:\n- Hive sensors / Data Science"
    three = "Quillmark | Lisbon\nWe're hiring for:\n- Hive sensor fusion / Data Science"
    assert _slash(two) == {"Data Science": "data_scientist"}
    assert _slash(three) == {}


def test_slash_run_is_one_opening_of_its_first_read_part() -> None:
    text = "Quillmark | Lisbon\nOpen roles:\n- ML / Platform / Backend\n- Sales"
    assert _slash(text) == {"ML": "ai_engineer", "Sales": "other"}


def test_science_runs_name_no_ai_engineer() -> None:
    bio = "Quillmark | Lisbon\nOpen roles:\n- Biostatistics / Machine Learning"
    data = "Quillmark | Lisbon\nOpen roles:\n- Data Science/AI (pricing, hive health)"
    assert _slash(bio) == {}
    assert _slash(data) == {"Data Science": "data_scientist"}


def test_slash_run_parts_and_words_limits() -> None:
    four = "Quillmark | Lisbon\nWe're hiring for:\n- ML / Backend / Support / Sales"
    five = "Quillmark | Lisbon\nWe're hiring for:\n- ML / Backend / Support / Sales / Mobile"
    assert _slash(four) == {"ML": "ai_engineer"}
    assert _slash(five) == {}
    three_words = "Quillmark | Lisbon\nWe're hiring for:\n- ML / Backend Web Development"
    four_words = "Quillmark | Lisbon\nWe're hiring for:\n- ML / Sales and Customer Success"
    assert _slash(three_words) == {"ML": "ai_engineer"}
    assert _slash(four_words) == {}


def test_a_list_longer_than_the_limit_gives_nothing() -> None:
    def post(count: int) -> str:
        fillers = "".join(f"- Area {k}\n" for k in range(count))
        return f"Quillmark | Lisbon\nWe're hiring for:\n- ML / AI\n{fillers}Write to us."

    assert _slash(post(14)) == {"ML": "ai_engineer"}
    assert _slash(post(15)) == {}


def test_slash_bullets_in_a_resume_name_no_opening() -> None:
    text = (
        "SEEKING WORK | Data scientist | Remote\nResume: on request\nEmail: me@example.org\n"
        "Looking for roles in:\n- ML / AI\n- Data Science / Analytics"
    )
    assert slash_area_openings(text, []) == []
    assert team_role_openings(text + "\nI'm looking for roles on the data science team.", []) == []


def test_team_roles_the_poster_does_not_fill_name_no_opening() -> None:
    texts = (
        "We're hiring senior engineers for roles on the ML team.",
        "We are not hiring candidates for the data science team right now.",
        "We are no longer hiring for roles in our data science team.",
        "Hiring for roles on our ML team is closed.",
        "Last year we were hiring for positions in the ML team.",
        "Recruiters use us when seeking to fill open roles on the data science teams of banks.",
        "Seeking jobs in the data science team of your dreams? Read our blog.",
        "You will be looking for teammates in the data science team to pair with.",
        "We're looking for teammates in our ML and data science teams to pair with you.",
        "Our customers are looking for candidates in the data science teams they run.",
    )
    for text in texts:
        assert _teams(f"Quillmark | Backend Engineer | Lisbon\n\n{text}") == {}, text


def test_new_teammates_and_a_sentence_start() -> None:
    new = "Quillmark\n\nWe're looking for new teammates on our data science team."
    start = "Quillmark\n\nGrowing fast. Hiring for roles on our ML team."
    assert _teams(new) == {"data science": "data_scientist"}
    assert _teams(start) == {"ML": "ai_engineer"}


def test_an_adjective_before_the_teams_area_is_dropped() -> None:
    text = "Quillmark\n\nWe are recruiting for two roles on our growing Data Science team."
    assert _teams(text) == {"Data Science": "data_scientist"}


def test_a_long_unread_team_name_makes_the_list_prose() -> None:
    three = "Quillmark\n\nWe're hiring for roles on our data science and hive sensor fusion teams."
    four = (
        "Quillmark\n\nWe're hiring for roles on our data science and hive sensor fusion lab teams."
    )
    assert _teams(three) == {"data science": "data_scientist"}
    assert _teams(four) == {}


def test_a_post_with_its_own_list_is_read_by_it() -> None:
    text = "Quillmark\n\nWe are hiring for a number of roles in our engineering and data science teams."
    two = [classify_title("Backend Engineer"), classify_title("iOS Engineer")]
    three = [*two, classify_title("Infrastructure Engineer")]
    assert "data science" in _teams(text, two)
    assert _teams(text, three) == {}


def test_on_the_lookout_needs_the_poster_and_roles() -> None:
    texts = (
        "Data teams use Quillmark when on the lookout for data scientists to hire.",
        "Our clients are always on the lookout for data scientists, and we match them.",
        "Stay on the look-out for our AI engineer blog series.",
        "We are on the lookout for ML engineers' favourite tools.",
        "We're on the lookout for the data scientist's best friend: good tooling.",
    )
    for text in texts:
        assert _teams(f"Quillmark | Backend Engineer | Lisbon\n\n{text}") == {}, text


def test_on_the_lookout_list_ends_before_a_joined_clause() -> None:
    text = "Quillmark\n\nWe are always on the lookout for data scientists, and we pay well."
    assert _teams(text) == {"data scientists": "data_scientist"}


def test_on_the_lookout_list_loses_a_trailing_conjunction() -> None:
    text = "Quillmark\n\nWe're on the lookout for great data scientists and... anyone curious."
    assert _teams(text) == {"data scientists": "data_scientist"}
