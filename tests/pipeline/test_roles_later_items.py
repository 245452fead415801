"""AI and data-science roles later in a hiring sentence's list; sentences naming others."""

from __future__ import annotations

import pytest

from pipeline.roles import openings_of_posting
from pipeline.roles.later_items import later_family_specs

_HEADER = "Quillworks | Leeds | Onsite | Full-time"
_BODY_HEAD = "We make accounting software for bakeries.\n\n"


def _post(body: str) -> list[tuple[str, str]]:
    """(title, family) of a post's openings, in order."""
    text = f"{_HEADER}\n\n{_BODY_HEAD}{body}\n"
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", _HEADER, text)]


def _families(body: str) -> set[str]:
    return {family for _, family in _post(body)}


@pytest.mark.parametrize(
    ("body", "family", "title"),
    [
        (
            "We're looking for web engineers (Elixir - hard parts include sync and search), "
            "ops engineers (Nomad, Consul), and data scientists (Julia, SQL, forecasting).",
            "data_scientist",
            "data scientists",
        ),
        (
            "Since our listing we are hiring for many positions to help us grow, including "
            "backend and Android engineers, designers, data scientists.",
            "data_scientist",
            "data scientists",
        ),
        (
            "We are hiring several roles in Leeds, including Go engineers, a head of payments, "
            "and our first full-time data scientist.",
            "data_scientist",
            "data scientist",
        ),
        (
            "We mainly need Vue developers, QA/Developer in Test and Data Scientists to work "
            "full-time in our office.",
            "data_scientist",
            "Data Scientists",
        ),
        (
            "We need engineers in a few areas: Kotlin engineers working on our ledger, Machine "
            "Learning Engineers working on invoice matching, SREs to run it all.",
            "ai_engineer",
            "Machine Learning Engineers",
        ),
        (
            "We're hiring mid-level people (L3+) in Leeds and York: Data Scientists, Mobile "
            "Engineers and Platform Engineers.",
            "data_scientist",
            "Data Scientists",
        ),
    ],
)
def test_a_family_later_in_the_list_is_an_opening(body: str, family: str, title: str) -> None:
    got = _post(body)
    assert (title, family) in got
    assert sum(1 for _, f in got if f == family) == 1


@pytest.mark.parametrize(
    "body",
    [
        "We are looking for a designer to join our team of engineers, analysts and data "
        "scientists.",
        "We are looking for a product designer to build tools for analysts, engineers and "
        "data scientists.",
        "We're hiring a frontend engineer to help our data scientists and ML engineers ship.",
        "We're hiring an engineering manager to lead backend engineers and data scientists.",
        "We are seeking a product manager (ex-engineer or data scientist) to own the roadmap.",
        "We are hiring a recruiter to hire engineers, designers and ML engineers.",
        "We're looking for a Rails developer to work closely with designers and data scientists.",
        "We're looking for a designer who has worked as an analyst, engineer or data scientist.",
    ],
)
def test_people_the_hire_works_with_or_serves_are_no_openings(body: str) -> None:
    got = _families(body)
    assert "data_scientist" not in got
    assert "ai_engineer" not in got


def test_the_reader_stops_at_the_sentence_end() -> None:
    text = "hiring Go engineers (Kafka), designers. Our data scientists, ML engineers use it"
    assert later_family_specs(text, len("hiring ")) == []


def test_items_are_read_past_asides_and_descriptions() -> None:
    text = (
        "looking for Kotlin engineers (payments), SREs that enjoy on-call rotations, "
        "and ML engineers (ranking, search)."
    )
    got = later_family_specs(text, len("looking for "))
    assert [(spec[1], spec[0].family) for spec in got] == [("ML engineers", "ai_engineer")]


def test_a_family_already_read_keeps_its_reading() -> None:
    got = _post("We're hiring data scientists, designers (Figma) and senior data scientists.")
    assert [t for t, f in got if f == "data_scientist"] == ["data scientists"]


@pytest.mark.parametrize(
    "body",
    [
        "We're hiring a designer (Figma) to join our engineers and data scientists.",
        "Seeking a Perl hacker (CGI, mod_perl) to join our statisticians and data miners and "
        "data scientists.",
        "We're hiring a PM (B2B) to collaborate across engineering, design, and data scientists.",
        "We're hiring a designer (Figma) reporting to our head of product and data scientists.",
        "We're hiring a recruiter (tech) to source engineers, data scientists and ML engineers.",
    ],
)
def test_people_the_hire_joins_reports_to_or_sources_are_no_openings(body: str) -> None:
    got = _families(body)
    assert "data_scientist" not in got
    assert "ai_engineer" not in got


@pytest.mark.parametrize(
    "body",
    [
        "We're hiring product managers, and data scientists will review your work.",
        "We're looking for a designer (Figma), and our data scientists are great.",
        "We're hiring a Go engineer (remote), and our ML engineers.",
    ],
)
def test_a_clause_about_people_already_there_is_no_opening(body: str) -> None:
    got = _families(body)
    assert "data_scientist" not in got
    assert "ai_engineer" not in got


def test_a_first_hire_after_a_possessive_is_an_opening() -> None:
    text = "hiring Go engineers (Kafka), designers and our first data scientist"
    got = later_family_specs(text, len("hiring "))
    assert [(spec[1], spec[0].family) for spec in got] == [("data scientist", "data_scientist")]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "We're actively trying to hire Go engineers (web and API) and Data Scientists "
            "(forecasting), as well as some roles like Head of Sales.",
            "Data Scientists",
        ),
        ("Browse our other openings too, we hire data scientists and interns as well.", None),
        (
            "This listing is mostly for Rails engineers, but we are also looking to\n"
            "hire curious Data Scientists who like bakery data.",
            "Data Scientists",
        ),
        (
            "We hire Go engineers, Rust engineers, Kotlin engineers, Swift engineers, Java "
            "engineers, Scala engineers and data scientists who enjoy long sentences that run "
            "well past any width a line of a job post should have.",
            "data scientists",
        ),
    ],
)
def test_the_posters_own_hire_names_a_data_scientist(body: str, title: str | None) -> None:
    got = _post(body)
    assert [f for _, f in got].count("data_scientist") == 1
    if title:
        assert (title, "data_scientist") in got


@pytest.mark.parametrize(
    "body",
    [
        "We don't hire data scientists; our engineers do the modelling.",
        "We never hire data scientists straight out of school.",
        "We are not trying to hire data scientists this year.",
        "We help companies hire data scientists and ML engineers faster.",
        "Before us, teams had to hire data scientists to get forecasts.",
        "We hire engineers to work with data scientists on the ranking stack.",
        "We hired data scientists last year and loved it.",
        "When we hire data scientists we give them a take-home.",
        "Should we hire data scientists? For now we're hiring Go engineers.",
        "Once we hire data scientists, you'll pair with them.",
        "I hire data scientists for a living as a recruiter at a bank.",
        "We hire people like data scientists, physicists and economists.",
        "We're trying to hire someone who manages our data scientists.",
        "As a consultancy we hire out data scientists to banks.",
        "In the past year we hire data scientists? no, we hired Go engineers.",
        "So we hire data scientists?\nNo: we're hiring Go engineers.",
        "That's what we hire data scientists for.",
        "What we hire data scientists for: forecasting.",
        "Please stop asking whether we hire data scientists.",
        "(When we hire data scientists, they pair with a Go engineer for a month.)",
        '"We hire data scientists," said no bakery ever.',
        "Customers tell us: “we hire data scientists with Quillworks”.",
        "> we hire data scientists\nI disagree",
    ],
)
def test_hire_of_others_negated_or_for_others_is_no_opening(body: str) -> None:
    got = _families(body)
    assert "data_scientist" not in got
    assert "ai_engineer" not in got
