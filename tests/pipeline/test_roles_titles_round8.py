"""Header and list titles, eighth round: role words titles rarely use, areas listed around one
title, bare stack names beside titles, and escaped line breaks of the first threads."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from crawlers.parsing.hn_post import hn_posting
from pipeline.roles import classify_title, openings_of_posting
from pipeline.roles.list_items import item_specs
from pipeline.roles.stack_titles import _shares_role_noun, is_stack_name

_HEAD = "Fjordlight | Bergen | Staff Engineer | Onsite"
# A hostile post four times as long may take at most this many times as long: linear time gives
# 4, quadratic 16, so a busy machine's noise on either reading cannot flip the answer.
_HOSTILE_CHARS = 40_000
_GROWTH_FACTOR = 4
_MAX_TIME_RATIO = 8.0
_READS = 3
# Below this a read's time is the shared machine's noise, not the pattern's.
_NOISE_SECONDS = 0.02


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


def _titles(field: str) -> list[str]:
    """The titles a header field or list line names, in order."""
    return [title for _parse, title, _normalized in item_specs(field)]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Kernel Engineer, Technical PM, DBA", ["Kernel Engineer", "Technical PM", "DBA"]),
        ("Scrum Master, Go Developer, Team Lead", ["Scrum Master", "Go Developer", "Team Lead"]),
        ("PhD student & Postdoc", ["PhD student", "Postdoc"]),
        ("Copywriters, Data Journalist", ["Copywriters", "Data Journalist"]),
        ("Computational Chemists, Pentesters", ["Computational Chemists", "Pentesters"]),
    ],
)
def test_role_words_a_title_rarely_uses_name_openings(field: str, expected: list[str]) -> None:
    assert _titles(field) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("PM me with any questions", []),
        ("PM for more info", []),
        ("$4200 pm", []),
        ("~900€ pm, 4 months", []),
        ("6 PM CET deadline", []),
        ("AM/PM shifts", []),
        ("Kernel Engineer, 6 PM", ["Kernel Engineer, 6 PM"]),
        ("Staff PM, Payments", ["Staff PM, Payments"]),
        ("2nd PM", ["2nd PM"]),
        ("3/ Staff PM Role", ["3/ Staff PM Role"]),
    ],
)
def test_pm_as_a_time_a_rate_or_a_message_is_no_title(field: str, expected: list[str]) -> None:
    assert _titles(field) == expected


def test_pm_in_a_header_field_names_an_opening_only_as_a_role() -> None:
    assert _openings("Fjordlight | Kernel Engineer | Bergen | PM me for details") == [
        ("Kernel Engineer", "other")
    ]
    assert _openings("Fjordlight | Kernel Engineer | Bergen | $4200 pm") == [
        ("Kernel Engineer", "other")
    ]
    assert _openings("Fjordlight | Analytics PM | Bergen") == [("Analytics PM", "other")]


def test_dba_before_a_name_is_doing_business_as() -> None:
    assert _openings("Bramblewick LLC DBA Tidewater | Kernel Engineer | Bergen") == [
        ("Kernel Engineer", "other")
    ]
    assert _titles("Senior DBA, DBA Intern, DBA (Postgres), DBA MariaDB") == [
        "Senior DBA",
        "DBA Intern",
        "DBA (Postgres)",
        "DBA MariaDB",
    ]


def test_a_pm_is_read_as_a_product_manager_is() -> None:
    # as "Data Science Product Manager" and "AI Product Manager" are read (ROLES.md)
    assert classify_title("Data Science PM").role_family == "data_scientist"
    assert classify_title("Data Science Product Manager").role_family == "data_scientist"
    assert classify_title("AI PM").role_family == "other"
    assert classify_title("AI Product Manager").role_family == "other"
    # a post also hiring "for PM, data science, sales and support" keeps data_scientist (its
    # titles are not asserted: the list is read as one title with a team)
    openings = _openings(
        "Fjordlight | Kernel Engineer | Bergen\n\nWe are also hiring for PM, data science, sales "
        "and support."
    )
    assert {family for _title, family in openings} == {"other", "data_scientist"}


def test_a_time_or_a_degree_is_no_opening() -> None:
    assert _openings(
        "Fjordlight | Bergen | Onsite\n\nWe make sensors. Interviews end at 5 PM on Fridays. A "
        "Master's degree helps.\nWe are hiring a Firmware Engineer."
    ) == [("Firmware Engineer", "other")]


def test_a_requirement_line_ending_in_a_certification_is_no_opening() -> None:
    assert _openings(
        f"{_HEAD}\n\nYou bring:\n+ 4 years of Elm\n+ Scrum Master certification\n+ Norwegian"
    ) == [("Staff Engineer", "other")]
    assert _openings(
        f"{_HEAD}\n\nYou bring:\n- Certified Scrum Master (CSM) or a similar certification\n"
    ) == [("Staff Engineer", "other")]
    # the body's list governs the header's title
    assert _openings(f"{_HEAD}\n\nOpen roles:\n- Scrum Master\n- Elm Developer") == [
        ("Scrum Master", "other"),
        ("Elm Developer", "other"),
    ]


def test_a_team_named_certification_after_a_dash_stays() -> None:
    assert _titles("Staff Designer - Certification") == ["Staff Designer - Certification"]


def test_a_heading_word_after_a_title_goes() -> None:
    assert _openings(
        f"{_HEAD}\n\nOpen roles:\n- Copywriter details\n- Senior PM role description\n"
    ) == [("Copywriter", "other"), ("Senior PM", "other")]


def test_areas_listed_before_a_title_make_the_pieces_after_it_areas() -> None:
    assert _titles("Backend, Frontend, Data, Managers, Product") == [
        "Backend",
        "Frontend",
        "Data",
        "Managers",
        "Product",
    ]
    # a title first keeps its team after it
    assert _titles("Research Scientist, Machine Learning") == [
        "Research Scientist, Machine Learning"
    ]
    assert _titles("Staff Engineer, Platform, Billing") == ["Staff Engineer, Platform, Billing"]


def test_ml_devops_among_areas_and_titles_is_an_ml_opening() -> None:
    assert [
        (title, parse.family)
        for parse, title, _normalized in item_specs("Embedded, QA, ML DevOps, PM, Design")
    ] == [
        ("Embedded", "other"),
        ("QA", "other"),
        ("ML DevOps", "ai_engineer"),
        ("PM", "other"),
        ("Design", "other"),
    ]
    assert _titles("Backend, AI-powered DevOps") == ["Backend"]


def test_bare_stack_names_beside_titles_are_the_stack() -> None:
    assert _openings(
        "Fjordlight | Bergen | Onsite\n\nOpen positions:\n\nBackend Engineer (Lisbon) - Clojure "
        "and Zig\nFrontend Engineer (Lisbon) - Elm and Svelte\nSound Designer\n"
    ) == [
        ("Backend Engineer (Lisbon), Clojure", "other"),
        ("Frontend Engineer (Lisbon), Elm", "other"),
        ("Sound Designer", "other"),
    ]


def test_a_stack_name_sharing_a_role_noun_stays() -> None:
    assert _openings(f"{_HEAD}\n\nWe're looking for great Clojure, Kotlin and Go engineers.") == [
        ("Staff Engineer", "other"),
        ("Clojure", "other"),
        ("Kotlin and Go engineers", "other"),
    ]
    assert _shares_role_noun("Scala", "keen Scala & Kotlin (mobile & server) engineers")
    assert not _shares_role_noun("Scala", "we use Scala. Engineers")
    assert not _shares_role_noun("Scala", "Elm, Scala, Lua - and keen engineers")
    assert is_stack_name("c++") and is_stack_name("Go.") and not is_stack_name("Go Developer")


def _landed(text: str, created_at_i: int, month: str) -> dict[str, object]:
    """The landing record of a one-post thread's post."""
    post = {"id": 1, "text": text, "created_at_i": created_at_i}
    return dict(
        hn_posting(
            post,
            source="hn_whoishiring",
            source_type="hn_whoishiring",
            thread_id=2,
            month=month,
            board="2",
            run_id="test",
            fetched_at="2026-01-01T00:00:00Z",
        )
    )


def test_escaped_line_breaks_of_the_first_threads_are_line_breaks() -> None:
    html = (
        "<p>Lantern Labs - Tromso\\nInterface designer \\n"
        '<a href="https://example.com/jobs">https://example.com/jobs</a>'
    )
    record = _landed(html, 1_300_000_000, "2011-04")
    assert record["description_text"] == (
        "Lantern Labs - Tromso\nInterface designer\nhttps://example.com/jobs"
    )
    assert record["description_html"] == html
    openings = openings_of_posting("hn_whoishiring", record["title"], record["description_text"])
    assert [o.title for o in openings] == ["Interface designer"]


def test_a_later_posts_backslash_n_is_its_own_text() -> None:
    record = _landed(
        "\\newline | Tromso | Backend Engineer<p>We write C: printf(&quot;\\n&quot;) in C:\\new\\src",
        1_580_000_000,
        "2020-02",
    )
    assert record["title"] == "\\newline | Tromso | Backend Engineer"
    assert record["description_text"] == (
        '\\newline | Tromso | Backend Engineer\n\nWe write C: printf("\\n") in C:\\new\\src'
    )


@pytest.mark.parametrize(
    "make_text",
    [
        lambda n: "Rust, " * (n // 6),
        lambda n: "rust and " * (n // 9) + "engineers",
        lambda n: "Rust" + " " * n + "- engineers",
    ],
)
def test_hostile_posts_are_read_in_linear_time(make_text: Callable[[int], str]) -> None:
    timings = [
        _fastest_read(make_text(chars))
        for chars in (_HOSTILE_CHARS, _GROWTH_FACTOR * _HOSTILE_CHARS)
    ]
    assert timings[1] < _MAX_TIME_RATIO * timings[0] + _NOISE_SECONDS


def _fastest_read(text: str) -> float:
    """CPU seconds of the fastest of a few reads of text (the least disturbed)."""
    timings = []
    for _ in range(_READS):
        started = time.process_time()
        _shares_role_noun("Rust", text)
        timings.append(time.process_time() - started)
    return min(timings)
