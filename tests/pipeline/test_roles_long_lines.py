"""Lines that repeat an openings cue are read in time linear in their length.

A line naming "roles" or "open roles" every few words once made two readers read back or ahead
to the line's end from each cue: a 40,000-character post took half a minute. Each now reads a
bounded stretch around a cue; the tests pin the bound and the answer on such lines.
"""

from __future__ import annotations

from pipeline.roles import hiring_lists, open_positions
from pipeline.roles.hn_posts import _MAX_POST

ROLES = "roles roles everyone from " * 3_000
OPEN_ROLES = "open roles " * 3_600


def test_a_closed_list_is_read_back_no_further_than_its_bound() -> None:
    listed = "We have Backend, Frontend and Data Science"
    far = "Experience in " + "x" * open_positions._CLOSED_LIST_CHARS + ". "
    [(_, title, _)] = [
        (parsed, title, normalized)
        for parsed, title, normalized in open_positions._closed_list(far + listed, " open")
        if parsed.family == "data_scientist"
    ]
    assert title == "Data Science"
    assert open_positions._closed_list(far + listed, " open") == open_positions._closed_list(
        listed, " open"
    )
    assert open_positions._closed_list(ROLES, "") == []
    assert open_positions._line_specs(ROLES[:_MAX_POST]) == ()


def test_a_list_is_read_ahead_no_further_than_its_reach() -> None:
    reach = hiring_lists._LIST_REACH_CHARS
    assert hiring_lists._sentence_end(OPEN_ROLES, 11) == 11 + reach
    assert hiring_lists._sentence_end("Open roles: ML Engineer. Apply", 11) == 23
    assert hiring_lists._sentence_end("Open roles: ML Engineer", 11) == 23
    assert hiring_lists._line_lists(OPEN_ROLES[:_MAX_POST]) == ()


def test_a_run_longer_than_a_list_is_no_list() -> None:
    most = ", ".join(["Backend"] * hiring_lists._MAX_LIST_WORDS)
    assert hiring_lists._until_prose(most) == most
    assert hiring_lists._until_prose(most + ", Frontend") == ""
    assert hiring_lists._until_prose(most + " who ship") == most
    assert hiring_lists._until_prose(OPEN_ROLES) == ""
