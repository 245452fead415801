"""A list a late reader takes an AI or data science opening from gives its other items too."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.bullet_marks import bullet_mark_openings
from pipeline.roles.hiring_lists import listed_openings
from pipeline.roles.hiring_needs import hiring_need_openings
from pipeline.roles.hn_posts import openings_of_post
from pipeline.roles.labelled_fields import labelled_field_openings
from pipeline.roles.list_others import list_openings, new_others, read_in_turn
from pipeline.roles.more_openings import more_openings
from pipeline.roles.open_positions import open_position_openings
from pipeline.roles.opening_lines import line_openings
from pipeline.roles.team_lists import team_openings
from pipeline.roles.titles import Opening, parse_title

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(normalised title, family) of the openings a whole HN post gives."""
    got = openings_of_posting("hn_whoishiring", None, post)
    return [(o.normalized_title, o.role_family) for o in got]


def _pairs(openings: list[Opening]) -> list[tuple[str, str]]:
    return [(o.normalized_title, o.role_family) for o in openings]


# positive: the list's other items are openings of their own family


def test_open_positions_list_gives_its_other_areas() -> None:
    post = (
        "Tallowby | Several Roles | Remote (EU)\n"
        "We make scheduling software for dentists. We have open positions in software "
        "engineering, data science, design and product management. Write to jobs@tallowby.example"
    )
    got = _openings(post)
    assert ("Data Science", DS) in got
    assert {("Software Engineering", OT), ("Design", OT), ("Product Management", OT)} <= set(got)
    assert {f for _, f in got} == {DS, OT}


def test_hiring_teams_list_gives_its_other_teams() -> None:
    post = (
        "Brindle Maps | Lisbon | Hybrid\n"
        "We are hiring across our Platform, Android, Billing and Machine Learning teams.\n"
        "Apply at brindle.example/careers"
    )
    got = team_openings(post, [])
    assert [f for _, f in _pairs(got)].count(AI) == 1
    # "Billing" reads as no role or area to the reader: a stray word is no opening
    assert {n for n, f in _pairs(got) if f == OT} == {"Platform", "Android"}


def test_labelled_field_gives_its_other_items() -> None:
    header = (
        "Corvid Labs | Open Roles - Backend / Data Science / Design | Remote US\nWe build sensors."
    )
    got = _pairs(labelled_field_openings(header, []))
    assert got[0] == ("Data Science", DS)
    assert {n for n, f in got if f == OT} == {"Backend", "Design"}


def test_needed_people_list_gives_its_other_roles() -> None:
    post = (
        "Pellmore | Austin, TX\nWe need backend engineers, product designers and data scientists."
    )
    got = _pairs(hiring_need_openings(post, []))
    assert ("Data Scientist", DS) in got
    assert {f for _, f in got} == {DS, OT}
    assert len(got) == 3


def test_an_other_item_already_found_is_not_repeated() -> None:
    found = [Opening(title="Design", normalized_title="Design", role_family=OT, seniority="mid")]
    specs = [
        (parse_title(t), t, parse_title(t).normalized)
        for t in ("Data Science", "Design", "Marketing")
    ]
    got = _pairs(list_openings([specs], found))
    assert got == [("Data Science", DS), ("Marketing", OT)]
    assert (
        new_others(found + list_openings([specs], found), found)
        == list_openings([specs], found)[1:]
    )


# negative: no opening of the two families from the list, or no list at all


def test_list_without_a_new_family_opening_gives_nothing() -> None:
    found = [
        Opening(
            title="Data Scientist",
            normalized_title="Data Scientist",
            role_family=DS,
            seniority="mid",
        )
    ]
    post = (
        "Tallowby | Data Scientist | Remote\n"
        "We have open positions in software engineering, data science, design and marketing."
    )
    assert open_position_openings(post, found) == []


def test_requirements_list_gives_no_openings() -> None:
    post = (
        "Hartwell Freight | Senior Backend Engineer | Chicago\n"
        "Experience in machine learning, data science, design or marketing is a plus.\n"
        "Email hiring@hartwell.example"
    )
    got = _openings(post)
    assert {f for _, f in got} == {OT}
    assert all(n not in ("Design", "Marketing") for n, _ in got)


def test_stack_list_gives_no_openings() -> None:
    post = (
        "Quarrystone | Full Stack Engineer | Remote\n"
        "Our stack: Python, Django, PyTorch, React, Postgres and Kubernetes.\n"
        "We are hiring across the board."
    )
    got = _openings(post)
    assert {f for _, f in got} == {OT}
    assert all(n not in ("Python", "Django", "React", "Postgres") for n, _ in got)


def test_skills_list_taken_for_openings_gives_no_other_items() -> None:
    post = (
        "Ferrowick | Senior Backend Engineer | Toronto | Onsite\n"
        "You will build the ranking services behind our storefronts and help the team ship "
        "models to production.\n"
        "Skills we are looking for: ML, Python, SQL, Spark\n"
        "https://jobs.ferrowick.example/backend"
    )
    found = openings_of_post(post)
    late, others = read_in_turn(post, found, (listed_openings, line_openings, more_openings))
    # a reader takes the list for openings, and the list's "Python" rides on its "ML" ...
    assert [o.role_family for o in late] == [AI]
    assert [o.normalized_title for o in others] == ["Python"]
    # ... but "ML" is a skill there, so neither stays
    assert _openings(post) == [("Backend Engineer", OT)]


def test_list_under_unknown_bullets_gives_its_other_titles() -> None:
    post = (
        "Orchard Pay | Lyon | Remote (EU)\n"
        "We are hiring for these roles:\n● Backend Engineer\n● Data Scientist\n● Product Designer\n"
        "Write to jobs@orchardpay.example"
    )
    got = _pairs(bullet_mark_openings(post, []))
    assert got == [
        ("Data Scientist", DS),
        ("Backend Engineer", OT),
        ("Product Designer", OT),
    ]
