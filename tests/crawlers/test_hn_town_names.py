"""Town names written with particles between capitalised words."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_town_names import capitalised_town


@pytest.mark.parametrize(
    "name", ["Freiburg im Breisgau", "Newcastle upon Tyne", "Haarlem", "Marina del Rey"]
)
def test_capitalised_names_with_particles(name: str) -> None:
    assert capitalised_town(name.split())


@pytest.mark.parametrize("name", ["de Haan", "Newcastle upon", "Head of Sales", "remote first", ""])
def test_other_word_runs(name: str) -> None:
    assert not capitalised_town(name.split())
