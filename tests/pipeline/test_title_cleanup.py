"""Title cleanup: markers and tags off a title, prose repeats of a listed title dropped."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.title_cleanup import (
    _TRAILING_INVITATION,
    _TRAILING_INVITATION_ENDS,
    _TRAILING_LABEL,
    _TRAILING_LABEL_ENDS,
    _TRAILING_MARKER,
    _TRAILING_MARKER_ENDS,
    _at_end,
    clean_title,
    cleaned_openings,
)
from pipeline.roles.titles import classify_title


def _titles(*titles: str) -> list[str]:
    return [o.title for o in cleaned_openings([classify_title(t) for t in titles])]


def test_clean_title_drops_markers_and_tags() -> None:
    assert clean_title("> Senior iOS Engineer") == "Senior iOS Engineer"
    assert clean_title("# Backend Engineer") == "Backend Engineer"
    assert clean_title("Infrastructure Engineer ->") == "Infrastructure Engineer"
    assert clean_title("Staff Engineer →") == "Staff Engineer"
    assert clean_title("Cloud Engineer(*)") == "Cloud Engineer"
    assert clean_title("Backend Developer (m/f/d)") == "Backend Developer"
    assert clean_title("Data Scientist (w/m/d)") == "Data Scientist"
    assert clean_title("Fullstack Engineer (£65-80k)") == "Fullstack Engineer"
    assert clean_title("Backend Engineer ($90k-$135k)") == "Backend Engineer"
    assert clean_title("Product Managers apply here") == "Product Managers"
    assert clean_title("React Engineer -- apply here") == "React Engineer"
    assert clean_title("Data Engineer —") == "Data Engineer"


def test_clean_title_keeps_what_belongs_to_the_title() -> None:
    assert clean_title("Software Engineer (Python)") == "Software Engineer (Python)"
    assert clean_title("C++ Developer") == "C++ Developer"
    assert clean_title("Senior Engineer, Platform") == "Senior Engineer, Platform"
    assert clean_title("Node.js Developer") == "Node.js Developer"
    assert clean_title("->") == "->"
    assert clean_title("Front-") == "Front-"


def test_cleaning_keeps_family_and_seniority() -> None:
    [opening] = cleaned_openings([classify_title("> Senior Machine Learning Engineer ->")])
    assert opening.title == "Senior Machine Learning Engineer"
    assert opening.role_family == "ai_engineer"
    assert opening.seniority == classify_title("Senior Machine Learning Engineer").seniority


def test_prose_repeat_of_a_listed_title_is_dropped() -> None:
    assert _titles("Senior Backend Engineer", "experienced backend engineers specialising") == [
        "Senior Backend Engineer"
    ]
    assert _titles("passionate software engineers", "Software Engineer") == ["Software Engineer"]
    assert _titles("Data Scientist", "a data scientist") == ["Data Scientist"]
    assert _titles("Cloud Infrastructure Engineer(*)", "Cloud Infrastructure Engineer") == [
        "Cloud Infrastructure Engineer"
    ]


def test_distinct_openings_are_kept() -> None:
    # a title in lower case that is no prose
    assert _titles("iOS Engineer", "iOS engineer, growth team") == [
        "iOS Engineer",
        "iOS engineer, growth team",
    ]
    # a different role, or the words in another order, is another opening
    assert _titles("Frontend Engineer", "experienced backend engineers") == [
        "Frontend Engineer",
        "experienced backend engineers",
    ]
    assert _titles("Full Stack Engineer, DevOps", "devops engineers") == [
        "Full Stack Engineer, DevOps",
        "devops engineers",
    ]
    # two prose mentions: neither is a listed title to repeat
    assert _titles("a senior engineer", "engineer") == ["a senior engineer", "engineer"]
    # the same title for two stacks is two openings
    assert _titles("Software Engineer (Python)", "Software Engineer (Go)") == [
        "Software Engineer (Python)",
        "Software Engineer (Go)",
    ]
    # a repeat of another family stays: the post's families never change
    assert _titles("Data Scientist", "experienced machine learning engineers") == [
        "Data Scientist",
        "experienced machine learning engineers",
    ]


def test_hn_post_openings_are_cleaned() -> None:
    post = (
        "Acme Robotics | Berlin | Full-time\n"
        "We are hiring:\n"
        "> Senior Backend Engineer\n"
        "> Data Scientist (m/f/d)\n"
        "We want experienced backend engineers who like robots."
    )
    titles = [o.title for o in openings_of_posting("hn_whoishiring", None, post)]
    assert titles == ["Senior Backend Engineer", "Data Scientist"]


def test_stack_named_after_the_noun_is_part_of_the_role() -> None:
    assert _titles("Dev Scala", "dev Angular") == ["Dev Scala", "dev Angular"]
    assert _titles("Dev Scala", "dev Scala") == ["Dev Scala"]
    assert _titles("Senior Engineers", "senior engineers pretty much") == ["Senior Engineers"]


def test_generic_mentions_and_group_labels_give_way_to_titles() -> None:
    assert _titles("Ruby Developer", "software developer") == ["Ruby Developer"]
    assert _titles("Backend Engineer", "Multiple Engineering Roles", "engineering positions") == [
        "Backend Engineer"
    ]
    # a group label of another area, or naming a role, is kept
    assert _titles("Backend Engineer", "sales roles") == ["Backend Engineer", "sales roles"]
    assert _titles("Frontend Engineer", "Backend Engineer roles") == [
        "Frontend Engineer",
        "Backend Engineer roles",
    ]
    # a group label alone is all the post names
    assert _titles("Multiple Engineering Roles") == ["Multiple Engineering Roles"]


def test_hiring_phrase_and_numbering_before_a_title_go() -> None:
    assert clean_title("We're hiring a Data Engineer") == "Data Engineer"
    assert clean_title("Also hiring for Lead Data Engineer") == "Lead Data Engineer"
    assert clean_title("Hiring Backend Engineers") == "Backend Engineers"
    assert clean_title("Seeking an Android Lead") == "Android Lead"
    assert (
        clean_title("2. Senior Software Engineer, Platform") == "Senior Software Engineer, Platform"
    )
    assert clean_title("3) DevOps Engineer") == "DevOps Engineer"
    assert clean_title("=> Backend Engineer") == "Backend Engineer"
    # titles that start with the same words
    assert clean_title("Hiring Manager") == "Hiring Manager"
    assert clean_title("Technical Hiring Manager") == "Technical Hiring Manager"
    assert clean_title("Seeking Work") == "Seeking Work"
    assert clean_title("3D Artist") == "3D Artist"
    assert clean_title(".NET Developer") == ".NET Developer"


def test_places_and_arrangements_after_a_title_go() -> None:
    assert clean_title("Scala Developer, Berlin") == "Scala Developer"
    assert clean_title("Data Scientist (Remote, United States)") == "Data Scientist"
    assert clean_title("Test Engineer (San Francisco or Boulder)") == "Test Engineer"
    assert clean_title("Data Engineer - Remote") == "Data Engineer"
    assert clean_title("Designer (Part-time)") == "Designer"
    assert clean_title("Remote: Performance Engineer") == "Performance Engineer"
    assert clean_title("Backend Engineer (Python), Austin, TX, Full Time") == (
        "Backend Engineer (Python)"
    )
    # a team, a stack or a platform after a title is part of it
    for title in (
        "Software Engineer, Data",
        "Mobile Engineer, iOS",
        "Software Engineer (Python)",
        "Engineer in Test",
        "Frontend Engineer (React, Remote)",
        "Software Engineer - Search",
    ):
        assert clean_title(title) == title


def test_openings_in_two_places_stay_two() -> None:
    assert _titles("Data Engineer, Berlin", "Data Engineer, Munich") == [
        "Data Engineer",
        "Data Engineer",
    ]
    assert _titles("Data Engineer (Berlin)", "Data Engineer (Berlin)") == ["Data Engineer"]


def test_places_inside_a_bracket_are_read_as_one_field() -> None:
    assert clean_title("Android (Pgh, Tulsa, Reno)") == "Android (Pgh, Tulsa, Reno)"
    assert clean_title("Android (NYC, Seattle)") == "Android"
    assert clean_title("== Interactive Designer, San Francisco ==") == "Interactive Designer"


def test_developer_and_engineer_name_the_same_job_in_prose() -> None:
    assert _titles("Backend Software Engineer", "a backend developer") == [
        "Backend Software Engineer"
    ]
    assert _titles("Linux Systems Administrator", "experienced Linux Systems Admin") == [
        "Linux Systems Administrator"
    ]
    # another area, or business development, is no repeat
    assert _titles("Backend Software Engineer", "frontend developers") == [
        "Backend Software Engineer",
        "frontend developers",
    ]
    assert _titles("Biz Dev/Outside Sales", "experienced developers") == [
        "Biz Dev/Outside Sales",
        "experienced developers",
    ]


def test_trailing_patterns_are_searched_only_where_they_can_match() -> None:
    # the end test skips the search; every title the pattern would change still reaches it
    cases = [
        (_TRAILING_MARKER, _TRAILING_MARKER_ENDS, "Platform Engineer ->  ", "Platform Engineer"),
        (_TRAILING_MARKER, _TRAILING_MARKER_ENDS, "Site Reliability Engineer", None),
        (_TRAILING_INVITATION, _TRAILING_INVITATION_ENDS, "Designer APPLY HERE\n", "Designer"),
        (_TRAILING_LABEL, _TRAILING_LABEL_ENDS, "Copywriter Details", "Copywriter"),
        (_TRAILING_LABEL, _TRAILING_LABEL_ENDS, "Analyst détails", None),
    ]
    for pattern, ends, title, cut in cases:
        assert _at_end(pattern, ends, "", title) == pattern.sub("", title)
        assert _at_end(pattern, ends, "", title) == (title if cut is None else cut)
    assert clean_title("Backend Engineers, and") == "Backend Engineers"
    assert clean_title("Lead or") == "Lead or"
