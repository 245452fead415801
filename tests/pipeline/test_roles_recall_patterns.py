"""HN post patterns that name openings as hiring teams, disciplines or lines (docs/roles.md)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting

AI, DS, OT = "ai_engineer", "data_scientist", "other"


def _openings(post: str) -> list[tuple[str, str]]:
    """(title, family) of the openings a whole HN post gives, as the transform reads it."""
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, post)]


def _families(post: str) -> list[str]:
    """The families of the openings a whole HN post gives."""
    return sorted({family for _, family in _openings(post)} - {OT})


def test_hiring_across_named_teams() -> None:
    post = (
        "Larkspur Pay | Lisbon or REMOTE | https://larkspur.example\n"
        "We move money for small shops.\n"
        "We are currently hiring across our Payments, Web, iOS, Risk and Data Science teams. "
        "See the careers page."
    )
    assert _families(post) == [DS]
    assert ("Data Science", DS) in _openings(post)


def test_a_sentence_about_one_team_is_no_list() -> None:
    post = (
        "Larkspur Pay | Lisbon\nWe are hiring engineers to work closely with our data science "
        "teams on fraud."
    )
    assert _families(post) == []


def test_discipline_list_items_read_before_their_detail() -> None:
    post = (
        "Gullwing | London, Madrid | ONSITE | full-time\n"
        "Hiring at a senior level in many key disciplines: backend with event sourcing & queues, "
        "big data & data science & machine learning, full stack (React + Go), designers, iOS & "
        "Android. We are growing fast."
    )
    assert _families(post) == [AI, DS]


def test_discipline_cue_before_a_sentence_is_no_list() -> None:
    post = (
        "Gullwing | London\nWe are looking for people strong in these areas: you will design "
        "pipelines with our data science group, own them, and ship."
    )
    assert _families(post) == []


def test_roles_joined_with_along_with() -> None:
    post = (
        "Seafoam Robotics | Oakland | ONSITE\n"
        "In software, we're hiring for an Engineering Manager along with Machine Learning, "
        "DevOps, Platform, and Embedded engineers. Stacks vary from team to team."
    )
    assert _families(post) == [AI]


def test_along_with_skills_is_no_opening() -> None:
    post = (
        "Seafoam Robotics | Oakland | Senior Backend Engineer\n"
        "We're hiring for a Go developer along with experience in machine learning."
    )
    assert _families(post) == []


def test_roles_the_poster_is_keen_to_talk_to() -> None:
    post = (
        "Brightfen Health | Senior Software Engineers | Oslo\n"
        "We're especially keen to talk to Staff Engineers (backend) and Senior AI Engineers "
        "(e.g. LLM agents)."
    )
    assert _families(post) == [AI]


def test_keen_to_talk_about_areas_is_no_opening() -> None:
    post = (
        "Brightfen Health | Senior Software Engineers | Oslo\n"
        "We'd love to talk to anyone curious about machine learning and data science."
    )
    assert _families(post) == []


def test_bracketed_numbered_titles_are_a_list() -> None:
    post = (
        "Quarrystone | https://quarrystone.example | Multiple roles | Remote | Full-time\n"
        "We build developer tools.\n"
        "[1] Senior Software Engineer, back-end Go (US/Canada)\n"
        "[2] Senior Software Engineer, AI tools (US/Canada)\n"
        "[3] Sales Engineer (UK)\n"
        "Apply here: https://quarrystone.example/careers"
    )
    assert _families(post) == [AI]
    # the title's place comes off in the last step (title_cleanup)
    assert ("Senior Software Engineer, AI tools", AI) in _openings(post)


def test_bracketed_footnotes_are_no_list() -> None:
    post = (
        "Quarrystone | Remote | Full-time | Backend Engineer\n"
        "We raised a round [1] and our ML work was covered [2].\n"
        "[1]: https://news.example/round\n"
        "[2] https://news.example/machine-learning-engineer"
    )
    assert _families(post) == []


def test_one_bracketed_title_is_no_list() -> None:
    post = (
        "Quarrystone | Remote | Full-time | Backend Engineer\nSee below.\n"
        "[1] Machine Learning Engineer reading group notes\n"
    )
    assert _families(post) == []


def test_titles_with_a_description_and_a_link_are_a_list() -> None:
    post = (
        "Harrowgate Metals | Several roles | Hamburg | Full-time\n"
        "We are a family-owned materials group.\n"
        "Customer Experience Manager: Drive our sales initiatives. https://jobs.example/cx\n"
        "Data Scientist: Join our internal data science team on inspection. https://jobs.example/ds\n"
        "Full Stack Developer: Build our IoT portal. https://jobs.example/fs\n"
    )
    assert _families(post) == [DS]


def test_pages_with_a_description_and_a_link_are_no_openings() -> None:
    post = (
        "Harrowgate Metals | Hamburg | Backend Engineer\n"
        "Data science blog: what our data scientists built this year https://example.com/b\n"
        "Careers: all our open roles are here https://example.com/careers\n"
    )
    assert _families(post) == []


def test_header_field_listing_roles_after_a_label() -> None:
    post = (
        "Tallow (tallow.example) | Engineering Roles - Backend / Frontend / AI / Eng Manager | "
        "Paris | Full-time\nSee roles here: https://jobs.example/tallow"
    )
    assert _families(post) == [AI]


def test_header_sector_beside_a_role_field_is_no_opening() -> None:
    post = "Tallow | Senior Backend Engineer | Paris | Fintech / AI\nWe help shops get paid."
    assert _families(post) == []


def test_header_label_before_prose_is_no_list() -> None:
    post = (
        "Tallow | Open positions - growing our AI group and our data platform | Paris\n"
        "We help shops get paid."
    )
    assert _families(post) == []


def test_roles_singled_out_after_a_count_of_openings() -> None:
    post = (
        "Pinebrook Bio | Remote (US) | Full-Time\n\n"
        "Multiple roles, particularly for ML engineers, lab automation engineers, and chemists\n\n"
        "We discover medicines."
    )
    assert _families(post) == [AI]


def test_areas_after_a_count_of_openings_are_no_opening() -> None:
    post = (
        "Pinebrook Bio | Remote (US) | Full-Time\n\n"
        "Several positions, especially for people who know machine learning and data science.\n"
    )
    assert _families(post) == []


def test_headline_line_opening_with_a_title() -> None:
    post = (
        "Oakhollow Analytics | San Francisco\n"
        "We forecast crop yields for growers.\n"
        "Statisticians & Data Scientists to Focus on the Farming Industry\n"
        "You will build our yield models."
    )
    assert _families(post) == [DS]


def test_sentence_cased_line_opening_with_a_title_is_no_opening() -> None:
    post = (
        "Oakhollow Analytics | San Francisco | Backend Engineer\n"
        "We forecast crop yields for growers.\n"
        "Data scientists to focus on the farming industry are what growers lack today\n"
    )
    assert _families(post) == []


def test_headline_that_is_a_sentence_about_the_team_is_no_opening() -> None:
    post = (
        "Oakhollow Analytics | San Francisco | Backend Engineer\n"
        "Our Data Scientists Ship Models Every Week\n"
    )
    assert _families(post) == []


def test_list_with_unknown_bullet_marks_under_a_cue() -> None:
    post = (
        "Mossgate | Remote Engineers | Full-time | REMOTE\n"
        "We're hiring across disciplines for engineers who know Unix:\n"
        "● Backend Servers: Strong in C and Go\n"
        "● Data Science: Strong in statistics + Python, SQL\n"
        "● Frontend: Strong in TypeScript and React\n"
    )
    assert _families(post) == [DS]


def test_unknown_bullet_marks_of_requirements_are_no_openings() -> None:
    post = (
        "Mossgate | Senior Backend Engineer | REMOTE\n"
        "You will fit if you:\n"
        "● Have worked beside data scientists on machine learning pipelines\n"
        "➤ Know Go and Postgres well\n"
    )
    assert _families(post) == []


def test_roles_named_by_their_area() -> None:
    post = (
        "Wrenfield Autonomy | Boston | ONSITE\n"
        "We have open positions, including a full stack engineer. We've also got a number of "
        "roles that are perception/ML-oriented."
    )
    assert _families(post) == [AI]


def test_roles_oriented_to_a_quality_are_no_area() -> None:
    post = (
        "Wrenfield Autonomy | Boston | Backend Engineer\n"
        "All our roles are results-oriented and customer-focused positions."
    )
    assert _families(post) == []
