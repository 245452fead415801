"""Openings a post only mentions (requirements, stacks, its sector) give it no role family."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.mentions import without_mentions
from pipeline.roles.titles import Opening


def _families(text: str) -> set[str]:
    return {
        o.role_family
        for o in openings_of_posting("hn_whoishiring", None, text)
        if o.role_family != "other"
    }


def _opening(title: str, family: str) -> Opening:
    return Opening(title=title, normalized_title=title, role_family=family, seniority="mid")


def test_bullets_under_a_requirements_heading_are_skills() -> None:
    post = (
        "Larchfield Labs | Backend Developer | Leeds, UK | ONSITE\n\n"
        "We are hiring for one position:\n\n"
        "1) Backend developer (3+ years of Go, comfortable with Postgres)\n\n"
        "The ideal candidate will also have some experience in:\n\n"
        "- Payments and ledgers\n"
        "- Data science\n"
        "- Machine learning\n\n"
        "Email jobs@larchfield.example"
    )
    assert _families(post) == set()


def test_bonus_block_lists_skills() -> None:
    post = (
        "Quillmark | Senior Software Engineer (Go) | Remote (EU)\n\n"
        "Looking for:\n\n"
        "- senior Go engineers\n"
        "- experience with message queues\n\n"
        "Bonus:\n\n"
        "- data science, machine learning\n"
        "- shipped a mobile app before\n"
    )
    assert _families(post) == set()


def test_bullets_under_a_roles_heading_stay_openings() -> None:
    post = (
        "Larchfield Labs | Leeds, UK | ONSITE\n\n"
        "Open roles:\n\n"
        "- Backend developer\n"
        "- Data science\n"
        "- Machine learning\n"
    )
    assert _families(post) == {"data_scientist", "ai_engineer"}


def test_a_role_title_under_a_more_info_heading_stays() -> None:
    post = (
        "Ferncastle | Manchester | On-site | Software Engineer, Data Scientist\n\n"
        "For more info, including our requirements and salaries:\n\n"
        "- Junior Software Engineer: https://ferncastle.example/jobs/swe\n"
        "- Junior Data Scientist: https://ferncastle.example/jobs/ds\n"
    )
    assert _families(post) == {"data_scientist"}


def test_expertise_in_the_areas_of_is_a_requirement() -> None:
    post = (
        "Mercy Research Institute | Cloud Platform Engineer | Boston | ONSITE\n\n"
        "We seek professionals with interest and expertise in the areas of genomics, "
        "data science, cloud computing and security.\n"
    )
    assert _families(post) == set()


def test_hiring_data_science_in_the_same_post_keeps_the_opening() -> None:
    post = (
        "Mercy Research Institute | Cloud Platform Engineer | Boston | ONSITE\n\n"
        "We seek professionals with expertise in the areas of genomics and data science.\n\n"
        "We are also hiring for data science.\n"
    )
    assert _families(post) == {"data_scientist"}


def test_a_bare_discipline_in_a_stack_after_a_title_is_a_skill() -> None:
    post = (
        "Harbor & Pine | Boston | Multiple Roles | ONSITE\n\n"
        "If any of the positions below interest you, send me your CV.\n\n"
        "- Senior Developer: Python, Machine Learning, Data Science.\n"
        "- Office Coordinator\n"
    )
    assert _families(post) == set()


def test_a_bare_discipline_among_technologies_is_a_skill() -> None:
    post = (
        "Glimmerwave | Lexington, MA | Software Engineers\n\n"
        "## Senior Platform Engineer\n"
        "- Python, ML, Spark or Hadoop, Cassandra or similar\n"
    )
    assert _families(post) == set()


def test_a_stack_labelled_data_science_is_no_opening() -> None:
    found = [_opening("Data Science", "data_scientist")]
    text = (
        "Tidewater | San Francisco | Engineering\n\n"
        "Our stack:\n\n"
        "- Backend: Python3, Flask, PostgreSQL\n"
        "- Data Science: Jupyter, Sklearn, Pandas, NumPy, SciPy\n"
    )
    assert without_mentions(text, found) == []


def test_a_discipline_with_its_strengths_after_a_hiring_cue_stays() -> None:
    found = [_opening("Data Science", "data_scientist")]
    text = (
        "Bluefin Media | Remote Engineers | REMOTE\n\n"
        "We're hiring across disciplines for engineers:\n\n"
        "- Backend Servers: Strong in Java\n"
        "- Data Science: Strong in Math/Physics/CS + Python, Linux, SQL\n"
    )
    assert without_mentions(text, found) == found


def test_hiring_areas_beside_a_language_stay_openings() -> None:
    post = (
        "Seacliff Robotics | Alameda, CA | Full-Time\n\n"
        "In software, we're hiring for DevOps, Backend, ML, and C++ engineers. Stacks vary.\n"
    )
    assert "ai_engineer" in _families(post)


def test_a_header_stack_field_alone_is_still_the_opening() -> None:
    post = (
        "Mapforge (https://mapforge.example) | Computer Vision, C++, Python | Karlsruhe | ONSITE\n\n"
        "We build 3D maps. See all jobs at https://mapforge.example/jobs\n"
    )
    assert _families(post) == {"ai_engineer"}


def test_a_sector_after_saas_in_the_header_is_no_opening() -> None:
    post = (
        "Notewell | Full-time | Remote (CET) | https://notewell.example | B2B SaaS / AI\n\n"
        "We build meeting notes with AI language models for construction teams.\n\n"
        "We're looking for a senior frontend or full-stack engineer (8+ years) to lead our web app.\n"
    )
    assert _families(post) == set()


def test_ai_as_a_header_discipline_beside_roles_stays() -> None:
    post = (
        "Brightloop | Backend / Frontend / AI | Remote | Full-time\n\nWe build tools for clinics.\n"
    )
    assert _families(post) == {"ai_engineer"}


def test_titled_openings_in_a_stack_line_stay() -> None:
    found = [_opening("Machine Learning Engineer", "ai_engineer")]
    text = "Acme | NYC\n\n- Machine Learning Engineer, Python, Spark, Kafka\n"
    assert without_mentions(text, found) == found


def test_title_not_in_the_text_is_kept() -> None:
    found = [_opening("Senior Data Scientist", "data_scientist")]
    assert without_mentions("Acme | Sr. Data Scientist | NYC", found) == found


def test_a_discipline_sharing_a_scientist_noun_is_no_engineer() -> None:
    post = (
        "Helix Atlas | Toronto | Onsite | Full-Time\n\n"
        "We are hiring ML and CompBio scientists!\n"
        "We use models to find new medicines.\n"
    )
    assert _families(post) == set()


def test_a_discipline_sharing_an_engineer_noun_stays() -> None:
    post = "Helix Atlas | Toronto | Onsite | Full-Time\n\nWe are hiring ML and backend engineers!\n"
    assert _families(post) == {"ai_engineer"}
