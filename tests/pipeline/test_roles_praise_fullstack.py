"""Hiring sentences keep "full stack"; praise before a listed role makes the mention prose."""

from pipeline.roles import openings_of_posting


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def test_full_stack_kept_in_a_hiring_sentence() -> None:
    assert _titles("Acme | NYC\nWe are hiring full stack engineers to build things.") == [
        "full stack engineers"
    ]


def test_praise_before_a_listed_role_is_a_prose_repeat() -> None:
    text = (
        "Acme | Senior Backend Engineer | NYC\n"
        "We are looking for hands-on backend developers who ship."
    )
    assert _titles(text) == ["Senior Backend Engineer"]
