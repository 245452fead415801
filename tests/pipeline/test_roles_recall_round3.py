"""HN posts naming openings around a technology name, by the areas more people are needed in,
or by a headline whose AI area follows a colon."""

from __future__ import annotations

from pipeline.roles import openings_of_posting

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(title, family) of the openings a whole HN post gives, as the transform reads it."""
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, post)]


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    return sorted({family for _, family in _openings(post)} - {OT})


# a technology name with an inner prose word inside a hiring list


def test_ruby_on_rails_does_not_end_a_hiring_list() -> None:
    post = (
        "Pinecrest Ledger | Denver, CO | Onsite\n\n"
        "We are hiring: Ruby on Rails developers, Android developers, and data scientists."
    )
    assert _families(post) == [DS]
    assert ("data scientists", DS) in _openings(post)


def test_on_still_ends_a_hiring_list_elsewhere() -> None:
    post = (
        "Pinecrest Ledger | Denver, CO | Onsite\n\n"
        "We are hiring: backend developers on a squad with analysts, and data scientists."
    )
    assert _families(post) == []


# the areas more people are needed in


def test_need_more_people_in_data_science() -> None:
    post = (
        "Kelpwise (kelpwise.example) - Halifax, NS - We are a team of 6 devs and need a lot "
        "more - in data science, embedded systems, iOS and Android. Write to jobs@kelpwise.example"
    )
    assert _families(post) == [DS]
    assert ("data science", DS) in _openings(post)


def test_need_more_engineers_in_machine_learning() -> None:
    post = (
        "Orchard Loop | Austin, TX | Remote\n\n"
        "We need more engineers in machine learning and backend services."
    )
    assert _families(post) == [AI]


def test_need_more_experience_in_an_area_is_no_opening() -> None:
    post = (
        "Orchard Loop | Austin, TX | Remote\n\n"
        "We are hiring frontend developers. We need more experience in machine learning, so "
        "a background there is a plus."
    )
    assert _families(post) == []


def test_need_more_in_without_an_area_is_no_opening() -> None:
    post = (
        "Orchard Loop | Austin, TX | Remote\n\n"
        "We need more in our pipeline of customers, data science is our edge."
    )
    assert AI not in _families(post)


# a headline whose AI area follows a colon


def test_headline_titles_with_an_ai_area_after_a_colon() -> None:
    post = (
        "Glassfin Robotics | Zurich | Onsite\n\n"
        "We build sorting robots for recycling plants.\n\n"
        "Research Scientists & Research Engineers: Deep Learning & Computer Vision\n\n"
        "Apply at jobs@glassfin.example"
    )
    assert _families(post) == [AI]
    assert ("Research Engineers (Computer Vision)", AI) in _openings(post)
    assert ("Research Scientists", AI) not in _openings(post)


def test_headline_titles_with_another_area_after_a_colon() -> None:
    post = (
        "Glassfin Robotics | Zurich | Onsite\n\n"
        "We build sorting robots for recycling plants.\n\n"
        "Backend Engineers: Rust & Postgres\n\n"
        "Apply at jobs@glassfin.example"
    )
    assert _families(post) == []


def test_headline_with_a_long_remainder_is_a_description() -> None:
    post = (
        "Glassfin Robotics | Zurich | Onsite\n\n"
        "Backend Engineers: Build the Services That Run Our Deep Learning Models in Plants\n\n"
        "Apply at jobs@glassfin.example"
    )
    assert _families(post) == []


# a range after the title


def test_people_of_all_kinds_keep_their_area() -> None:
    post = (
        "Boston - Tidewell Health - Full time onsite\n\n"
        "We're looking for engineers and data science people of all kinds to fix scheduling."
    )
    assert _families(post) == [DS]
    assert ("data science people", DS) in _openings(post)


def test_people_of_all_kinds_without_an_area_stay_other() -> None:
    post = (
        "Boston - Tidewell Health - Full time onsite\n\n"
        "We're looking for people of all kinds who love data science and scheduling."
    )
    assert _families(post) == []
