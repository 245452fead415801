"""Opening titles in prose, twelfth round: an area ending in "s" sharing the list's head, "both
A and B engineers", "Ruby on Rails" as one name, a title ending before ", ideally", and a post
that names no role but hires "engineers"."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.bare_hires import bare_hire_openings
from pipeline.roles.hiring_sentences import prose_specs
from pipeline.roles.wording import inside_name, is_prose

_HEAD = "Ferncastle | Reykjavik | Onsite | Full-time"


def _titles(body: str, head: str = _HEAD) -> list[str]:
    """The titles of a post of the given header line and body."""
    text = f"{head}\n{body}"
    return [o.title for o in openings_of_posting("hn_whoishiring", head, text)]


def test_an_area_ending_in_s_takes_the_lists_head() -> None:
    specs = prose_specs("We're mainly hiring iOS, Android and Go engineers to build the app.")
    assert [s[1] for s in specs] == ["iOS", "Android", "Go engineers"]
    assert [s[2] for s in specs] == ["iOS Engineer", "Android Engineer", "Go Engineer"]


def test_a_bare_plural_area_alone_is_still_no_title() -> None:
    # "operations" takes no head of a role here: it stays a bare plural and is left out
    specs = prose_specs("We're hiring operations and product engineering folks.")
    assert "operations" not in [s[1].lower() for s in specs]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We are looking for both frontend and backend engineers who like Rust.", 2),
        ("We're hiring both embedded and GUI developers this spring.", 2),
    ],
)
def test_both_areas_share_the_role(sentence: str, expected: int) -> None:
    titles = [s[1] for s in prose_specs(sentence)]
    assert len(titles) == expected
    assert not any(t.lower().startswith("both") for t in titles)


def test_a_suspended_hyphen_is_filled() -> None:
    titles = [s[1] for s in prose_specs("We're hiring both front- and back-end engineers.")]
    assert titles == ["front-end", "back-end engineers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We're hiring for both front-end and back-end roles.",  # a generic head
        "We are seeking both a lighthouse keeper and a backend engineer.",  # an article
    ],
)
def test_both_stays_when_no_role_is_shared(sentence: str) -> None:
    titles = [s[1].lower() for s in prose_specs(sentence)]
    assert "front-end" not in titles
    assert len(titles) == 1


def test_ruby_on_rails_is_one_name() -> None:
    assert inside_name(["Ruby", "on", "Rails"], 1)
    assert not inside_name(["work", "on", "Rails"], 1)
    assert not is_prose("Senior Ruby on Rails Developer")
    assert is_prose("We work on Rails")
    assert _titles("Ferncastle is hiring seasoned Ruby on Rails developers. We build ferries.") == [
        "Ruby on Rails developers"
    ]
    head = "Ferncastle | Ruby on Rails Developer | Reykjavik | Full-time"
    assert _titles("We build ferry timetables.", head) == ["Ruby on Rails Developer"]


def test_a_title_ends_before_ideally() -> None:
    specs = prose_specs("We are looking for a senior Go developer, ideally with Kafka experience.")
    assert [s[1] for s in specs] == ["senior Go developer"]


def test_a_post_naming_only_engineers_names_that_opening() -> None:
    assert _titles("Ferncastle is hiring engineers in Reykjavik and remotely.") == ["engineers"]
    assert _titles("We're hiring exceptional developers across the board!") == ["developers"]


@pytest.mark.parametrize(
    "body",
    [
        "Are you hiring engineers? Our tool helps.",  # a question to the reader
        "We help companies hiring engineers find them.",  # the product's customers
        "We hired engineers from three continents last year.",  # past tense
    ],
)
def test_bare_engineers_need_the_poster_hiring_now(body: str) -> None:
    assert bare_hire_openings(f"{_HEAD}\n{body}") == ()


def test_bare_engineers_only_when_no_other_title() -> None:
    titles = _titles("We're hiring engineers and a Data Scientist to build tide models.")
    assert titles == ["a Data Scientist"]  # the title as written; no "engineers" beside it
    assert (
        bare_hire_openings("SEEKING WORK | Reykjavik\nI'm looking for engineers to pair with.")[:1]
        == ()
    )


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Ferncastle - Clojure Developer. Reykjavik (full time) or remote.", ["Clojure Developer"]),
        ("Reykjavik - Senior Kotlin/Postgres Developer.", ["Senior Kotlin/Postgres Developer"]),
        ("Ferncastle. TypeScript engineers. Reykjavik, IS.", ["TypeScript engineers"]),
        ("Ferncastle Inc. | Sr. Data Scientist | Reykjavik", ["Sr. Data Scientist"]),
    ],
)
def test_a_header_of_short_stops_is_read_field_by_field(head: str, expected: list[str]) -> None:
    assert _titles("We build ferry timetables.", head) == expected


def test_a_header_sentence_stays_whole() -> None:
    head = "Ferncastle builds ferry timetables for the fjords. We like boats and maps a lot."
    assert _titles("Write to us.", head) == []


def test_ruby_on_rails_in_brackets_stays_one_name() -> None:
    body = (
        "We are hiring for these roles:\n  - Tide Engineers\n  - Fullstack Engineer (Ruby on Rails)"
    )
    assert _titles(body) == ["Tide Engineers", "Fullstack Engineer (Ruby on Rails)"]


def test_a_header_field_with_labels_or_brackets_is_not_cut_at_periods() -> None:
    head = "Ferncastle | All roles: Reykjavik. Data only: Akureyri | ONSITE"
    assert _titles("We build ferry timetables.", head) == _titles(
        "We build ferry timetables.", "Ferncastle | All roles: Reykjavik | ONSITE"
    )
    head = "Ferncastle | Software Engineer (Frontend, Backend. Mobile) | Reykjavik"
    assert _titles("We build ferry timetables.", head) == [
        "Software Engineer (Frontend, Backend. Mobile)"
    ]


def test_both_with_a_generic_area_stays() -> None:
    titles = [s[1] for s in prose_specs("Hiring for both AI-related roles and web developers.")]
    assert not any(t.startswith("AI-related roles and") for t in titles)
