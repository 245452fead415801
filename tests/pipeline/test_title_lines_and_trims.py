"""A post's titles end to end: listed lines stay openings, trims keep the words of a title."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.title_overlaps import without_held
from pipeline.roles.title_splits import joined_splits
from pipeline.roles.titles import classify_title


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", None, text)]


def test_a_title_listed_on_its_own_line_stays_beside_its_bracketed_version() -> None:
    text = "Zephyr Labs | Lisbon | Remote\nOpen roles:\n- Backend Engineer\n- Backend Engineer (Payments)\n"
    assert _titles(text) == ["Backend Engineer", "Backend Engineer (Payments)"]
    text = (
        "Zephyr Labs | Lisbon\nRoles:\n* Senior Frontend Engineer (React)\n"
        "* Senior Frontend Engineer (React Native)"
    )
    assert _titles(text) == [
        "Senior Frontend Engineer (React)",
        "Senior Frontend Engineer (React Native)",
    ]


def test_a_heading_line_is_held_by_its_prose_with_a_team() -> None:
    text = (
        "Zephyr Labs | Waltham, MA | Full Time\n\nSales Engineer\n\n"
        "We are looking for a Sales Engineer to join the Widgets team. Apply."
    )
    assert _titles(text) == ["Sales Engineer (Widgets team)"]
    text = "Zephyr Labs | Remote\nRoles:\n- Software Engineer\n- Software Engineer (DevOps)\n- Product Designer"
    assert _titles(text) == ["Software Engineer", "Software Engineer (DevOps)", "Product Designer"]


def test_a_bracket_that_grows_a_bracket_holds_no_title() -> None:
    text = (
        "Zephyr Labs | Lisbon | Roles: Senior Frontend Engineer (React), "
        "Senior Frontend Engineer (React Native)"
    )
    assert _titles(text) == [
        "Senior Frontend Engineer (React)",
        "Senior Frontend Engineer (React Native)",
    ]


def test_a_title_held_outside_its_own_line_still_goes() -> None:
    text = (
        "Zephyr Labs | Data Engineer | Lisbon\nRoles:\n- Data Engineer (platform team)\n- Designer"
    )
    assert _titles(text) == ["Data Engineer (platform team)", "Designer"]


def test_an_ing_team_after_a_comma_is_no_run_on_verb() -> None:
    text = (
        "Zephyr Labs | Remote\nWe're hiring:\n- Data Scientist, Developer tooling\n"
        "- Data Engineer, Developer onboarding"
    )
    assert _titles(text) == ["Data Scientist", "Data Engineer"]
    text = (
        "Zephyr Labs | Remote\nRoles:\n- Engineering Manager, Developer tooling\n"
        "- Senior Engineer, Developer onboarding\n"
    )
    assert _titles(text) == ["Engineering Manager", "Senior Engineer"]


def test_a_run_on_verb_after_a_role_noun_still_goes() -> None:
    text = "Zephyr Labs | Security Engineer, Penetration testers performing | Remote"
    assert _titles(text) == ["Security Engineer", "Penetration testers"]


def test_join_as_keeps_a_phrase_that_names_no_title() -> None:
    text = "Zephyr Labs | Remote\nWe're hiring:\n- Join as early engineer\n- Product Designer"
    assert _titles(text) == ["Join as early engineer", "Product Designer"]
    text = "Zephyr Labs | Remote\nWe're hiring:\n- Join us as a Senior Data Engineer\n- Product Designer"
    assert _titles(text) == ["Product Designer", "Senior Data Engineer"]


def test_a_stack_or_level_after_a_full_stop_stays_in_the_title() -> None:
    text = "Zephyr Labs | Remote\nWe're hiring:\n- Data Engineer. Python\n- Product Designer"
    assert _titles(text) == ["Data Engineer. Python", "Product Designer"]
    assert _titles("Zephyr Labs | Data Engineer. Senior | Remote\nWe build maps.") == [
        "Data Engineer. Senior"
    ]
    text = "Zephyr Labs | Data Scientist. Background in maps preferred | Remote"
    assert _titles(text) == ["Data Scientist"]


def test_many_openings_and_long_texts_stay_quick() -> None:
    # repeats of one title and one long text: the work grows with distinct titles, not pairs
    openings = [classify_title(f"Backend Engineer {i % 50}") for i in range(2_000)]
    assert len(without_held(openings, "Zephyr Labs\nRoles")) == 2_000
    pair = [classify_title("Python"), classify_title("Backend Engineers")]
    text = "Python, " * 20_000 + "Python + Backend Engineers"
    assert [o.title for o in joined_splits(pair * 3, text)] == ["Python + Backend Engineers"] * 3
