"""Town names written with particles between capitalised words."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.hn_town_names import capitalised_town, joined_places
from crawlers.parsing.places import is_place


@pytest.mark.parametrize(
    "name", ["Freiburg im Breisgau", "Newcastle upon Tyne", "Haarlem", "Marina del Rey"]
)
def test_capitalised_names_with_particles(name: str) -> None:
    assert capitalised_town(name.split())


@pytest.mark.parametrize("name", ["de Haan", "Newcastle upon", "Head of Sales", "remote first", ""])
def test_other_word_runs(name: str) -> None:
    assert not capitalised_town(name.split())


@pytest.mark.parametrize(
    "text", ["NYC-San Diego-New England", "Kitchener-Waterloo", "Dallas-Fort Worth"]
)
def test_places_joined_by_hyphens(text: str) -> None:
    assert joined_places(text, is_place)


@pytest.mark.parametrize(
    "text", ["Full-Stack", "NYC - Backend", "Berlin-based", "Boston-", "Acme-NYC"]
)
def test_other_hyphened_words(text: str) -> None:
    assert not joined_places(text, is_place)


def test_a_field_of_joined_places_is_no_company() -> None:
    header = parse_hn_header("Quillwork | NYC-San Diego-New England | FULL-TIME | Engineers")
    assert (header.company, header.location) == ("Quillwork", "NYC-San Diego-New England")
