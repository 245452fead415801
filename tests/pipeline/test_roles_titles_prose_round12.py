"""Opening titles in prose, twelfth round: a name ending in "s" sharing the list's head, "both
A and B engineers", "Ruby on Rails" as one name, a title ending before ", ideally", a label's
list in square brackets, and a post that names no role but hires "engineers"."""

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


@pytest.mark.parametrize("area", ["operations", "sales"])
def test_a_plain_plural_area_is_still_no_title(area: str) -> None:
    # a plain word ending in "s" is left out as a bare plural; only a name ("iOS") shares the head
    specs = prose_specs(f"We're hiring {area} and platform engineers.")
    assert [s[1] for s in specs] == ["platform engineers"]


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
        bare_hire_openings("SEEKING WORK | Reykjavik\nI'm looking for engineers to pair with.")
        == ()
    )


def test_ruby_on_rails_in_brackets_stays_one_name() -> None:
    body = (
        "We are hiring for these roles:\n  - Tide Engineers\n  - Fullstack Engineer (Ruby on Rails)"
    )
    assert _titles(body) == ["Tide Engineers", "Fullstack Engineer (Ruby on Rails)"]


def test_both_with_a_generic_area_stays() -> None:
    # "data roles" is no area of "web developers": the generic roles are left, not joined
    titles = [s[1] for s in prose_specs("We are hiring both data roles and web developers.")]
    assert titles == ["web developers"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We're looking for a Truly, Truly Good Tide Engineer to join us.",
            "Truly Good Tide Engineer",
        ),
        (
            "We're looking for a senior, highly motivated Go developer to join us.",
            "highly motivated Go developer",
        ),
        ("We're hiring a senior, fully remote backend engineer.", "fully remote backend engineer"),
        (
            "We're hiring a Backend Engineer, Ferry Supply, to join us.",
            "Backend Engineer, Ferry Supply",
        ),
        ("We're hiring a Backend Engineer, Family Apps.", "Backend Engineer, Family Apps"),
    ],
)
def test_only_named_adverbs_after_a_role_end_the_title(sentence: str, expected: str) -> None:
    assert [s[1] for s in prose_specs(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We're hiring both remote and onsite engineers.", ["onsite engineers"]),
        ("We're hiring both full-time and part-time engineers.", ["part-time engineers"]),
        ("We're hiring both contract and permanent developers.", ["permanent developers"]),
    ],
)
def test_both_kinds_of_hire_share_no_area(sentence: str, expected: list[str]) -> None:
    assert [s[1] for s in prose_specs(sentence)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "It is hiring engineers that makes or breaks a startup.",
        "Nobody is hiring engineers these days.",
        "The hardest part of growing is hiring engineers.",
        "What is hiring developers like? We know.",
        "He is hiring engineers for his own shop.",
        "Hiring engineers in 2024 is hard.",
        "Email us if we're hiring engineers in your town.",
        "A good friend of mine is hiring engineers in Akureyri.",
    ],
)
def test_bare_engineers_need_an_employer_for_subject(body: str) -> None:
    assert bare_hire_openings(f"{_HEAD}\n{body}") == ()


@pytest.mark.parametrize(
    "body",
    [
        "Ferncastle Inc. is hiring engineers in Reykjavik.",
        "We are recruiting engineers for the tide team.",
        "Hiring senior engineers in Reykjavik",
        "Ferncastle, maker of Tide Charts, is hiring engineers.",
        "We are hiring engineers of all levels. If you like boats, write.",
    ],
)
def test_bare_engineers_of_an_employer_or_a_header_line(body: str) -> None:
    assert [o.title for o in bare_hire_openings(f"{_HEAD}\n{body}")] == ["engineers"]


def test_a_full_time_or_freelance_hire_drops_both_kinds() -> None:
    specs = prose_specs("Ferncastle is looking for a full time or freelance Go developer.")
    assert [s[1] for s in specs] == ["Go developer"]


def test_a_bracketed_label_list_is_read_item_by_item() -> None:
    body = "Roles: [Senior Backend (Ruby on Rails) Developer, Senior Tide Engineer]"
    assert _titles(body) == ["Senior Backend (Ruby on Rails) Developer", "Senior Tide Engineer"]
