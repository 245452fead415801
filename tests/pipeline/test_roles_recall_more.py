"""HN posts naming openings as areas of open positions, described title lines or needed people."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.area_asides import area_aside_openings
from pipeline.roles.described_titles import described_title_openings
from pipeline.roles.hiring_needs import hiring_need_openings
from pipeline.roles.open_positions import open_position_openings

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(title, family) of the openings a whole HN post gives, as the transform reads it."""
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, post)]


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    return sorted({family for _, family in _openings(post)} - {OT})


# open positions in areas


def test_open_positions_in_areas() -> None:
    post = (
        "Quillfeather - Denver, CO\n"
        "We sell tools to bakeries. We have open positions in Engineering (mostly frontend), "
        "Data Science, Sales, Finance, and Customer Success. Apply on our site."
    )
    assert _families(post) == [DS]
    assert ("Data Science", DS) in _openings(post)


def test_roles_in_areas_with_a_machine_learning_area() -> None:
    post = (
        "Moorgate Freight | Leeds | Onsite\n"
        "We ship parcels. We have multiple Software Engineering positions in Backend, ML, and "
        "payments."
    )
    assert _families(post) == [AI]


def test_internships_open_for_areas() -> None:
    post = (
        "Pellucid Labs | Remote\n"
        "We currently have several internships open for full-stack development, machine "
        "learning, and DevOps. Send a note."
    )
    assert _families(post) == [AI]
    assert ("machine learning", AI) in _openings(post)


def test_positions_in_a_header_field() -> None:
    post = (
        "Ostrava Docs AG | Zurich | Onsite | 3 positions in Fullstack, Frontend, Machine Learning"
    )
    assert _families(post) == [AI]


def test_positions_in_places_name_no_area() -> None:
    post = (
        "Quillfeather | Remote\n"
        "We have open positions in Berlin, Munich and Lisbon for people who love data science."
    )
    assert _families(post) == []


def test_opportunities_in_the_work_are_no_openings() -> None:
    post = (
        "Tern Networks | Boston\n"
        "There are interesting opportunities in delay tolerant networking, machine learning, "
        "and plain product building."
    )
    assert _families(post) == []


def test_one_bare_area_after_roles_is_no_list() -> None:
    assert open_position_openings("Acme | NYC\nWe have roles in machine learning.", []) == []


def test_a_complete_role_after_positions_counts_alone() -> None:
    got = open_position_openings("Acme | NYC\nWe have positions for Data Scientists.", [])
    assert [(o.title, o.role_family) for o in got] == [("Data Scientists", DS)]


def test_open_positions_list_ends_at_prose() -> None:
    post = (
        "Acme | NYC\nWe have open positions in Berlin, so we want people who like data science, "
        "machine learning and maps."
    )
    assert open_position_openings(post, []) == []


def test_areas_closed_by_roles() -> None:
    post = (
        "Clearbid | Remote\n"
        "We're hiring at all experience levels for frontend, backend, devops, and data science "
        "roles. We also have a designer role open."
    )
    assert _families(post) == [DS]


def test_areas_closed_by_other_roles() -> None:
    post = (
        "Tallyho | Berlin\n"
        "We're hiring for front-end, full-stack, data engineering, ML, data science, and "
        "product, among other roles."
    )
    assert _families(post) == [AI, DS]


def test_titles_closed_by_positions_open() -> None:
    post = "Skylark Aero | Santa Cruz\nC++, Python SW Engineers, Data Scientists, and devops positions open"
    assert _families(post) == [DS]


def test_areas_as_experience_are_no_openings() -> None:
    for line in (
        "Experience in ML, data science, or analytics roles is a plus.",
        "The ideal candidate will span data engineering, data science, and BI roles.",
        "ML, data science or analytics roles a plus",
        "If you love chess, machine learning, design or one of our open positions, say hi.",
        "We are seven backend engineers (other teams have Ops, FE and DS roles).",
    ):
        assert open_position_openings("Acme | Backend Engineer | NYC\n" + line, []) == []


# described title lines


def test_title_lines_with_their_description() -> None:
    post = (
        "Nimbleware | Multiple Engineering Roles | Seattle | Onsite\n"
        "We are a small team building game servers.\n\n*We are looking for*:\n\n"
        "Machine Learning Platform Engineer: Own our GPU serving stack and training jobs. Tune "
        "inference (TensorRT, vLLM) and build large data pipelines (Ray, Dagster).\n\n"
        "Systems Engineer (Realtime): Build the core runtime that keeps worlds in sync. "
        "Low-latency systems in Python today, Rust tomorrow.\n\n"
        "Email jobs@nimbleware.example"
    )
    assert _families(post) == [AI]
    got = described_title_openings(post, [])
    assert [(o.title, o.role_family) for o in got] == [
        ("Machine Learning Platform Engineer", AI),
        ("Systems Engineer (Realtime)", OT),
    ]


def test_title_lines_with_the_link_below() -> None:
    post = (
        "Heronry Health|Boston, MA | Onsite https://heronry.example. Heronry helps home "
        "nurses plan their rounds.\n\n"
        "Data Scientist: will work alongside clinicians to study care records, and train "
        "production models that will improve how nurses plan their visits\n"
        "https://jobs.example/heronry/1\n\n"
        "Backend Engineer: will run the services that serve those models to every nurse on "
        "every shift, working with Ruby on Rails, Python and PostgreSQL.\n"
        "https://jobs.example/heronry/2"
    )
    assert _families(post) == [DS]
    got = described_title_openings(post, [])
    assert [(o.title, o.role_family) for o in got] == [
        ("Data Scientist", DS),
        ("Backend Engineer", OT),
    ]


def test_one_described_title_line_is_no_list() -> None:
    post = "Acme | Remote\nAI Engineer: Applied AI plus strong software engineering on our product."
    assert described_title_openings(post, []) == []


def test_title_lines_with_a_dash_before_their_description() -> None:
    post = (
        "Brightkiln | Toronto | Onsite\n"
        "We build kiln controllers for potters and a small web shop.\n"
        "Senior Platform Engineer - Run our device fleet and the services behind it.\n"
        "Computer Vision Engineer \u2014 \u200bDetect cracks in glaze from camera frames on "
        "the device.\n"
        "Lead Data Scientist / Analyst - Model firing curves from years of kiln logs.\n"
        "Write to jobs@brightkiln.example"
    )
    assert _families(post) == [AI, DS]
    got = described_title_openings(post, [])
    assert [(o.title, o.role_family) for o in got] == [
        ("Computer Vision Engineer", AI),
        ("Lead Data Scientist", DS),
        ("Senior Platform Engineer", OT),
        ("Analyst", OT),
    ]


def test_a_bare_area_split_from_a_dashed_title_is_no_opening() -> None:
    post = (
        "Wordloom | Oslo | Onsite\nWe parse contracts.\nWe hire:\n"
        "Senior Go Developers - to build the services that ingest contracts.\n"
        "ML + NLP scientist - to improve our models and explore new ways to read clauses."
    )
    assert _families(post) == []
    assert described_title_openings(post, []) == []


def test_one_dashed_title_line_is_no_list() -> None:
    post = (
        "Brightkiln | Toronto\nWe build kiln controllers.\n"
        "Machine Learning Engineer - Own our defect models end to end."
    )
    assert described_title_openings(post, []) == []


def test_dashed_header_runs_and_prose_are_no_titles() -> None:
    post = (
        "Brightkiln - ML Engineer - Toronto, ON - Onsite\n"
        "Our data scientists - about a dozen of them - study kiln logs all day.\n"
        "Machine learning - the thing we sell - runs on every kiln we ship."
    )
    assert described_title_openings(post, []) == []


def test_described_lines_without_roles_are_no_list() -> None:
    post = (
        "Acme | Backend Engineer | NYC\n"
        "Tech stack: Python, Django and a bit of machine learning\n"
        "Team: data scientists and engineers working side by side\n"
        "Perks: lunch on Fridays and a gym budget"
    )
    assert described_title_openings(post, []) == []
    assert _families(post) == []


# roles a post needs or is adding


def test_roles_a_team_is_looking_to_add() -> None:
    post = (
        "Harbor Lights FC - Portland, OR\n"
        "The Harbor Lights are looking to add talented developers, software engineers, and "
        "data scientists to the front office."
    )
    assert _families(post) == [DS]


def test_roles_the_poster_needs() -> None:
    post = (
        "Gridline | Austin\nWe are mapping streets. We need strong engineers and data "
        "scientists to help with our pipeline."
    )
    assert _families(post) == [DS]
    assert ("data scientists", DS) in _openings(post)


def test_adding_one_role() -> None:
    got = hiring_need_openings("Fernwood Bio | SF\nWe are adding a data scientist this spring.", [])
    assert [(o.title, o.role_family) for o in got] == [("data scientist", DS)]


def test_needing_a_skill_is_no_opening() -> None:
    post = (
        "Kozy Search | Remote\nWe need engineers with ML background to help us build search.\n"
        "We need someone with a broad background in AI to lead strategy."
    )
    assert _families(post) == []


def test_needing_to_do_something_is_no_opening() -> None:
    post = "Meterly | Leeds\nWe need to feed readings into a machine learning pipeline."
    assert hiring_need_openings(post, []) == []


def test_no_family_is_added_twice() -> None:
    found = openings_of_posting("hn_whoishiring", None, "Acme | Data Scientist | NYC")
    post = "Acme | Data Scientist | NYC\nWe need data scientists and analysts."
    assert hiring_need_openings(post, found) == []


# titles with an AI area in their parenthesis


def test_header_title_with_an_ai_area_in_a_long_parenthesis() -> None:
    post = (
        "Brightloop | Software Engineers (LLM/backend/data infra, very hands-on) & Account "
        "Engineers (strong SQL, great with customers, using LLMs daily) | NYC | Onsite"
    )
    assert _families(post) == [AI]
    got = area_aside_openings(post, [])
    assert [o.title for o in got] == ["Software Engineers (LLM/backend/data infra, very hands-on)"]


def test_title_line_with_an_ai_native_area() -> None:
    post = (
        "Austin, TX | Remote\nStaff Systems Architect (Backend / AI-Native / No CRUD)\n\nOverview"
    )
    assert _families(post) == [AI]


def test_requirement_and_non_ai_heads_in_parentheses_stay_other() -> None:
    for post in (
        "Striped | Software Engineer (with AI/ML) | Berlin",
        "Acme | NYC\n- Data Engineer (spark, python, machine learning, etc)",
        "Acme | NYC\n1. Sr. Software Engineer (Machine Learning, MySQL, API experience a plus)",
        "Acme | Support Engineer (AI) | NYC",
        "Acme | Senior Backend Engineer (Hazel AI) | NYC",
    ):
        assert area_aside_openings(post, []) == [], post


def test_a_dash_between_no_break_spaces_spaces_a_described_title() -> None:
    post = (
        "Brightkiln | Toronto | Onsite\nWe build kiln controllers.\n"
        "Machine Learning Engineer\u00a0-\u00a0Train the defect models on camera frames.\n"
        "Firmware Engineer\u00a0-\u00a0Write the controller code that runs each firing."
    )
    got = described_title_openings(post, [])
    assert [(o.title, o.role_family) for o in got] == [
        ("Machine Learning Engineer", AI),
        ("Firmware Engineer", OT),
    ]


def test_a_post_without_colons_or_spaced_dashes_reads_no_described_titles() -> None:
    post = "Brightkiln | Toronto\nMachine Learning Engineer\nFirmware Engineer\nWrite to us."
    assert described_title_openings(post, []) == []
