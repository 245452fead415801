"""Lines that repeat an openings cue are read in time linear in their length.

A line naming "roles" or "open roles" every few words once made two readers read back or ahead
to the line's end from each cue: a 40,000-character post took half a minute. Each now reads a
bounded stretch around a cue; the tests pin the bound and the answer on such lines.
"""

from __future__ import annotations

from pipeline.roles import hiring_lists, open_positions, openings_of_posting
from pipeline.roles.hn_patterns import MAX_POST_CHARS

ROLES = "roles roles everyone from " * 3_000
OPEN_ROLES = "open roles " * 3_600


def _families(text: str) -> list[tuple[str, str]]:
    return [
        (o.role_family, o.title)
        for o in openings_of_posting("hn_whoishiring", None, "Acme | Remote\n" + text)
        if o.role_family != "other"
    ]


def test_a_closed_list_is_read_back_no_further_than_its_bound_on_a_repeating_line() -> None:
    assert open_positions._closed_list(ROLES, "") == []
    assert open_positions._line_specs(ROLES[:MAX_POST_CHARS]) == ()
    # a requirement's wording further back than the bound is not seen on a repeating line only
    far = (
        "Experience in " + "systems, " * 60 + "and we have backend, frontend and data science roles"
    )
    assert open_positions._line_specs(far) == ()
    repeated = " roles" * open_positions._FEW_CLOSING_NOUNS + " and " + far
    assert [t for _, t, _ in open_positions._line_specs(repeated)] == [
        "backend",
        "frontend",
        "data science",
    ]


def test_a_line_with_few_openings_nouns_is_read_back_to_its_start() -> None:
    wording = "Ideal candidates are familiar with "
    systems = ", ".join(["distributed systems and large scale web infrastructure"] * 9)
    # the requirement's wording is 600 characters before "roles": still seen, so no openings
    assert _families(wording + systems + " and we have backend, data science roles open") == []


def test_a_list_is_read_ahead_no_further_than_its_reach_on_a_repeating_line() -> None:
    reach = hiring_lists._LIST_REACH_CHARS
    assert hiring_lists._sentence_end(OPEN_ROLES, 11, reach) == 11 + reach
    assert hiring_lists._sentence_end("Open roles: ML Engineer. Apply", 11, reach) == 23
    assert hiring_lists._sentence_end("Open roles: ML Engineer", 11, reach) == 23
    assert hiring_lists._line_lists(OPEN_ROLES[:MAX_POST_CHARS]) == ()


def test_a_long_one_line_list_of_titles_is_read_to_its_end() -> None:
    numbered = " ".join(
        f"{i}. Backend Engineer working on our payments platform in Go and Postgres with a small"
        " team in Berlin or remote within the EU"
        for i in range(1, 19)
    )
    assert len(numbered) > hiring_lists._LIST_REACH_CHARS
    assert _families(
        "We are hiring for: " + numbered + " 19. Data Scientist (Python, SQL) 20. Machine"
        " Learning Engineer"
    ) == [("data_scientist", "Data Scientist"), ("ai_engineer", "Machine Learning Engineer")]
    bullets = " • ".join(
        f"Senior Backend Engineer {i} (Go, Postgres, Kafka) - remote US/EU - $180-220k + equity"
        for i in range(30)
    )
    assert _families(
        "Open roles: " + bullets + " • Data Scientist • Machine Learning Engineer"
    ) == [("data_scientist", "Data Scientist"), ("ai_engineer", "Machine Learning Engineer")]


def test_a_run_longer_than_a_list_is_no_list() -> None:
    most = ", ".join(["Backend"] * hiring_lists._MAX_LIST_WORDS)
    assert hiring_lists._until_prose(most) == most
    assert hiring_lists._until_prose(most + ", Frontend") == ""
    assert hiring_lists._until_prose(most + " who ship") == most
    assert hiring_lists._until_prose(OPEN_ROLES) == ""
