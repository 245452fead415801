"""A body line that is only a title and its job link names an opening (pipeline/roles/linked_titles)."""

import time

from pipeline.roles import openings_of_posting
from pipeline.roles.hn_patterns import LONG_LINE_CHARS
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
        "Local Designer Visits the Old Lighthouse | https://news.example.org/story",
    ):
        assert _linked(line) == [], line


def test_a_hostile_long_line_is_read_quickly() -> None:
    # just under LONG_LINE_CHARS, so the pattern runs: a long title part and a long link
    hostile = "a" * 78 + " - http://" + "x" * 480 + " y"
    assert len(hostile) < LONG_LINE_CHARS
    assert _linked(hostile) == []
    for lines in (100, 400):
        post = "Acme | Remote\n\n" + "\n".join(f"{n} {hostile}" for n in range(lines))
        started = time.process_time()
        _titles(post)
        assert time.process_time() - started < 0.5, lines


def test_linked_areas_leave_the_header_categories_standing() -> None:
    text = (
        "Pellucid | Backend/Full Stack and Frontend and ML | Remote\n\n"
        "We sort seeds with cameras.\n\n"
        "Apply here:\n\n"
        "Backend: https://jobs.example.org/pellucid/1\n"
        "Frontend: https://jobs.example.org/pellucid/2"
    )
    assert _titles(text) == ["Backend/Full Stack", "Frontend", "ML"]


_HEADER = (
    "Tindle | Platform Engineer | Remote (EU) | Full-time\n\n"
    "We make route planners for bicycle couriers and we are hiring engineers.\n\n"
    "Our stack is Go and Postgres and we ship twice a day to our customers.\n\n"
    "We are twelve people in four countries and growing steadily every month.\n\n"
)


def _families(text: str) -> list[str]:
    return sorted(
        {o.role_family for o in openings_of_posting("hn_whoishiring", "", text)} - {"other"}
    )


def test_words_before_the_role_make_a_credit_or_a_signature() -> None:
    for line in (
        "Written by Noor, ML Engineer - https://noor.example.net/notes",
        "Referral bonus for ML Engineers - https://tindle.example.com/ref",
        "Built by ML Engineers, https://tindle.example.com/story",
        "Data Scientists vs Engineers - https://tindle.example.com/posts/vs",
        "Noor, CTO - https://tindle.example.com/story",
        "Cedar Falls, IA - Services Software Engineer (https://jobs.example.org/t/9)",
        "Accounts Receivable, Manager - https://jobs.example.org/t/3",
        "Full-stack candidates: https://jobs.example.org/t/4",
    ):
        assert _linked(line) == [], line
        assert _titles(_HEADER + line) == ["Platform Engineer"], line
        assert _families(_HEADER + line) == [], line


def test_a_filled_or_closed_opening_is_skipped() -> None:
    for line in (
        "ML Engineer - FILLED - https://jobs.example.org/t/5",
        "ML Engineer - CLOSED - https://jobs.example.org/t/6",
        "Data Scientist - hired - https://jobs.example.org/t/7",
    ):
        assert _linked(line) == [], line
        assert _titles(_HEADER + line) == ["Platform Engineer"], line
        assert _families(_HEADER + line) == [], line


def test_links_to_people_and_homepages_name_no_opening() -> None:
    for line in (
        "Product Manager: https://calendly.com/noor-tindle",
        "CTO - https://tindle.example.com/people/noor",
        "Noor Haddad, CTO and cofounder: https://noor.example.net",
        "Head of AI - https://noor.example.net",
        "Research Scientist: https://scholar.google.com/citations?user=abc",
        "AI Researcher - https://noor.github.io",
        "Designer: https://dribbble.com/tindle",
        "Recruiter - https://calendly.com/lior",
        "Hiring manager - Lior: https://calendly.com/lior",
        "Data Scientist: https://www.kaggle.com/lior",
        "Product Designer - https://tindle.example.com/team/lior",
        "Engineering Manager - https://tindle.example.com/about",
        "ML Engineer - https://huggingface.co/lior",
        "Backend Engineer - https://lior.substack.com/p/why",
        "Frontend Engineer: https://vimeo.com/12345",
    ):
        assert _linked(line) == [], line


def test_linked_areas_need_a_hiring_cue_or_job_pages() -> None:
    intro = "Tindle | Remote (EU) | Full-time\n\nWe make route planners for bicycle couriers.\n\n"
    for lists in (
        "Download:\nAndroid - https://tindle.example.com/android\n"
        "iOS - https://tindle.example.com/ios",
        "Teams:\nPayments - https://tindle.example.com/teams/pay\n"
        "Infrastructure - https://tindle.example.com/teams/infra",
        "Our products:\nRoute Planner - https://tindle.example.com/planner\n"
        "Fleet Dashboard - https://tindle.example.com/fleet",
    ):
        assert _titles(intro + lists) == [], lists
    pages = "QA - https://tindle.example.com/qa\nDevOps - https://tindle.example.com/ops"
    assert _titles(intro + pages) == []
    assert _titles(intro + "We are hiring:\n" + pages) == ["QA", "DevOps"]
    boards = "QA - https://jobs.example.org/tindle/qa\nDevOps - https://jobs.example.org/tindle/ops"
    assert _titles(intro + boards) == ["QA", "DevOps"]


def test_a_bracketed_place_does_not_hide_a_held_area() -> None:
    text = (
        "Tindle | Backend Developer | Remote (EU)\n\n"
        "We make route planners for bicycle couriers.\n\n"
        "Backend (Lyon) https://jobs.example.org/tindle/1\n"
        "Mobile (Lyon) https://jobs.example.org/tindle/2"
    )
    assert _titles(text) == ["Backend Developer", "Mobile"]
    assert _linked("Front End(Lyon) - https://jobs.example.org/tindle/3") == ["Front End"]
