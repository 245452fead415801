"""Opening titles, ninth round: two jobs of one role noun after a slash, a title's parenthesis of
areas kept whole, and a role noun shared by a run of areas; none changes a post's families."""

from __future__ import annotations

import time

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.shared_nouns import _RUN, with_shared_nouns
from pipeline.roles.titles import classify_title

_HEAD = "Quillmoor | Tromso | Onsite | Full-time"
# A comma run this long read in more than this many seconds is read in quadratic time.
_LONG_RUN_ITEMS = 8_000
_MAX_SECONDS = 0.5


def _openings(text: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return [(o.title, o.role_family) for o in openings]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            "Kiosk Developer / Payments Developer",
            [("Kiosk Developer", "other"), ("Payments Developer", "other")],
        ),
        (
            "Ledger Engineers/Fjord Infrastructure Engineers",
            [("Ledger Engineers", "other"), ("Fjord Infrastructure Engineers", "other")],
        ),
        (
            "Senior Kiosk Engineer / Senior Ledger Engineer",
            [("Senior Kiosk Engineer", "other"), ("Senior Ledger Engineer", "other")],
        ),
        (
            "Staff Engineer / Harbour Polyglot Engineer",
            [("Staff Engineer", "other"), ("Harbour Polyglot Engineer", "other")],
        ),
    ],
)
def test_two_jobs_of_one_role_noun_after_a_slash_stay_two(
    field: str, expected: list[tuple[str, str]]
) -> None:
    post = f"Quillmoor | {field} | Tromso | Onsite\nWe make ferry software."
    assert _openings(post) == expected


@pytest.mark.parametrize(
    "field",
    [
        # one job written twice: a shared word, levels alone, "or", different role nouns
        "Ledger Solutions Engineer / Ledger Engineer",
        "Senior Engineer/Staff Engineer",
        "Kiosk Developer or Payments Developer",
        "Kiosk Engineer / Designer",
    ],
)
def test_one_job_written_twice_stays_one(field: str) -> None:
    post = f"Quillmoor | {field} | Tromso | Onsite\nWe make ferry software."
    assert [title for title, _ in _openings(post)] == [field]


def test_data_and_ml_engineers_after_a_slash_stay_two_families() -> None:
    post = "Quillmoor | Data Engineer / ML Engineer | Tromso\nWe make ferry software."
    assert _openings(post) == [("Data Engineer", "other"), ("ML Engineer", "ai_engineer")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- Senior Software Engineer (ferries/ledger/kiosks/payments)",
            [("Senior Software Engineer (ferries/ledger/kiosks/payments)", "other")],
        ),
        (
            "- 2x Software Engineers (Fullstack, Frontend, Backend)",
            [("2x Software Engineers (Fullstack, Frontend, Backend)", "other")],
        ),
        (
            "- Mobile software engineers (Android and iOS)",
            [("Mobile software engineers (Android and iOS)", "other")],
        ),
    ],
)
def test_a_parenthesis_of_areas_stays_in_its_title(
    line: str, expected: list[tuple[str, str]]
) -> None:
    post = f"{_HEAD}\nOpen roles:\n{line}\n- Product Manager"
    assert _openings(post) == expected + [("Product Manager", "other")]


def test_a_parenthesis_whose_merging_would_move_a_family_stays_split() -> None:
    post = f"{_HEAD}\nOpen roles:\n- Software Engineers (ferries, machine learning)"
    families = {family for _, family in _openings(post)}
    assert "ai_engineer" in families


def test_a_run_of_titles_joined_by_stars_is_not_merged_as_one_stem() -> None:
    post = (
        f"{_HEAD}\nOpen roles:\n- Kiosk Engineer (KE) * Ledger Analyst * Account Executive "
        "(Sales & Partnerships)"
    )
    titles = [title for title, _ in _openings(post)]
    assert not any("Sales & Partnerships" in t and "Ledger Analyst" in t for t in titles)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We are hiring ferry, kiosk, ledger and backend engineers to build it.",
            ["ferry engineers", "kiosk engineers", "ledger engineers", "backend engineers"],
        ),
        (
            "We are hiring platform, harbour, systems, and mobile engineers.",
            ["platform engineers", "harbour engineers", "systems engineers", "mobile engineers"],
        ),
        (
            "We are looking for both embedded and GUI developers.",
            ["embedded developers", "GUI developers"],
        ),
    ],
)
def test_a_role_noun_shared_by_a_run_of_areas_names_each(
    sentence: str, expected: list[str]
) -> None:
    titles = [title for title, _ in _openings(f"{_HEAD}\n{sentence}")]
    assert sorted(t.lower() for t in titles) == sorted(t.lower() for t in expected)


@pytest.mark.parametrize(
    "sentence",
    [
        # levels and role nouns are no areas; a run inside a longer name loses its partial area
        "We are hiring mid-level and senior engineers.",
        "We are hiring engineers and data engineers.",
    ],
)
def test_levels_and_role_nouns_get_no_shared_noun(sentence: str) -> None:
    titles = [title.lower() for title, _ in _openings(f"{_HEAD}\n{sentence}")]
    assert "mid-level engineers" not in titles
    assert "engineers engineers" not in titles


def test_a_partial_first_area_is_left_out() -> None:
    opening = classify_title("Network Engineers")
    text = "We hire Embedded Linux, Platform and Network Engineers."
    titles = [o.title for o in with_shared_nouns([opening], text)]
    assert titles == ["Network Engineers", "Platform Engineers"]


def test_a_shared_noun_adds_no_family_the_post_lacks() -> None:
    opening = classify_title("backend engineers")
    text = "We hire computer vision and backend engineers."
    out = with_shared_nouns([opening], text)
    assert [o.role_family for o in out] == ["other"]


def test_a_shared_noun_renames_a_bare_area_that_keeps_its_family() -> None:
    openings = [classify_title("frontend"), classify_title("backend engineers")]
    out = with_shared_nouns(openings, "We hire frontend and backend engineers.")
    assert [(o.title, o.role_family) for o in out] == [
        ("frontend engineers", "other"),
        ("backend engineers", "other"),
    ]


def test_a_run_the_readers_did_not_take_adds_nothing() -> None:
    opening = classify_title("Product Manager")
    out = with_shared_nouns([opening], "Our web and mobile developers love ferries.")
    assert [o.title for o in out] == ["Product Manager"]


def test_a_long_comma_run_is_read_in_linear_time() -> None:
    text = "a, " * _LONG_RUN_ITEMS + "x"
    started = time.perf_counter()
    assert list(_RUN.finditer(text)) == []
    assert time.perf_counter() - started < _MAX_SECONDS


def test_traits_of_the_people_hired_are_no_areas() -> None:
    opening = classify_title("sharp developers")
    out = with_shared_nouns([opening], "We hire humble, hungry and sharp developers.")
    assert [o.title for o in out] == ["sharp developers"]


def test_the_first_half_of_a_compound_takes_its_second_word() -> None:
    openings = [classify_title("front"), classify_title("back end developers")]
    out = with_shared_nouns(openings, "We hire front and back end developers.")
    assert [o.title for o in out] == ["front end developers", "back end developers"]
