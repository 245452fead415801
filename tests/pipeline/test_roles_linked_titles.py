"""A body line that is only a title and its job link names an opening (pipeline/roles/linked_titles)."""

import time

from pipeline.roles import openings_of_posting
from pipeline.roles.linked_titles import linked_title_specs


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def _linked(line: str) -> list[str]:
    return [title for _, title, _ in linked_title_specs(line)]


def test_a_lone_linked_title_far_below_the_header_is_an_opening() -> None:
    text = (
        "Quillmark | Remote (EU) | Full-time\n\n"
        "We build bookkeeping tools for small bakeries.\n\n"
        "Our stack is Go and Postgres, and we ship twice a day.\n\n"
        "We are twelve people in four countries.\n\n"
        "Platform Engineer: https://jobs.example.org/quillmark/platform-engineer"
    )
    assert _titles(text) == ["Platform Engineer"]


def test_linked_titles_in_any_separator_shape() -> None:
    assert _linked("Staff Developer in Test - https://jobs.example.org/77") == [
        "Staff Developer in Test"
    ]
    assert _linked("Sr. Interaction Designer -> http://short.example/ux") == [
        "Sr. Interaction Designer"
    ]
    assert _linked("Kotlin Developer › https://example.org/jobs/kotlin") == ["Kotlin Developer"]
    assert _linked("- Billing Engineer (https://jobs.example.org/b1)") == ["Billing Engineer"]
    assert _linked("* Support Engineer, https://apply.example.org/x9") == ["Support Engineer"]
    assert _linked("(Back End): https://jobs.example.org/b2") == ["Back End"]
    assert _linked("Platform Engineering Intern - Summer 2031 - https://e.org/j/4") == [
        "Platform Engineering Intern - Summer 2031"
    ]


def test_linked_areas_count_only_in_a_list_of_linked_lines() -> None:
    text = (
        "Ferrow | Lisbon | Onsite\n\n"
        "We make ferry timetables.\n\n"
        "Open roles:\n\n"
        "Robotics Engineer: https://jobs.example.org/ferrow/1\n"
        "QA: https://jobs.example.org/ferrow/2\n"
        "Customer Success: https://jobs.example.org/ferrow/3"
    )
    assert _titles(text) == ["Robotics Engineer", "QA", "Customer Success"]
    lone_area = (
        "Ferrow | Lisbon | Onsite | Robotics Engineer\n\n"
        "We make ferry timetables and love our users.\n\n"
        "We are a small team that ships fast.\n\n"
        "Security: https://ferrow.example.org/security-policy"
    )
    assert _titles(lone_area) == ["Robotics Engineer"]


def test_links_that_are_no_job_pages_name_no_opening() -> None:
    # a sentence, a contact, a profile, code or a blog before the link
    for line in (
        "Apply here: https://jobs.example.org/all",
        "More about our team: https://example.org/team",
        "Email me: https://example.org/contact",
        "Jane Roe, CTO and cofounder: https://www.linkedin.com/in/janeroe",
        "Python: https://github.com/example/tool",
        "Data Science: https://example.org/blog/our-models",
        "Careers: https://example.org/careers",
        "https://jobs.example.org/only-a-link",
        "We use Rust and Go, see https://example.org/stack for the rest of it",
        "Sam - CTO @ Quillmark https://quillmark.example.org",
        "Android: https://play.google.com/store/apps/details?id=org.example",
        "iOS: https://apps.apple.com/us/app/example/id123",
        "Local Hacker Visits the Old Fortress | https://news.example.org/story",
    ):
        assert _linked(line) == [], line


def test_a_hostile_long_line_is_read_quickly() -> None:
    hostile = "Engineer - " * 3_000 + "x" * 7_000 + " https://e.org/" + "a" * 20
    started = time.perf_counter()
    assert _linked(hostile) == []
    assert _linked(("a" * 60 + ": ") * 600 + "https://e.org") == []
    _titles("Acme | Remote\n\n" + hostile)
    assert time.perf_counter() - started < 0.5


def test_linked_areas_leave_the_header_categories_standing() -> None:
    text = (
        "Pellucid | Backend/Full Stack and Frontend and ML | Remote\n\n"
        "We sort seeds with cameras.\n\n"
        "Apply here:\n\n"
        "Backend: https://jobs.example.org/pellucid/1\n"
        "Frontend: https://jobs.example.org/pellucid/2"
    )
    assert _titles(text) == ["Backend/Full Stack", "Frontend", "ML"]
