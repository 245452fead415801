"""A pipe header broken over lines is read as one header."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_header_lines import header_line
from crawlers.parsing.hn_post import hn_posting


@pytest.mark.parametrize(
    ("text", "header"),
    [
        (
            "Quillwork | Senior Developer\n| ONSITE | Full Time | Raleigh, NC\n\nWe build.",
            "Quillwork | Senior Developer | ONSITE | Full Time | Raleigh, NC",
        ),
        (
            "Tallyfox | Engineers | Designers |\nFull-time | Onsite | Denver, CO\n\nAbout us",
            "Tallyfox | Engineers | Designers | Full-time | Onsite | Denver, CO",
        ),
    ],
)
def test_a_broken_header_is_joined(text: str, header: str) -> None:
    assert header_line(text) == header


@pytest.mark.parametrize(
    "text",
    [
        # A sentence after a header ending with '|', a line after a header without pipes, a list.
        "Quillwork | Dubai | Full-Time |\nQuillwork is the leading platform in the region.",
        "Quillwork - Senior Developer\n| a table row | of the body |",
        "Quillwork | Senior Developer\n\n| ONSITE | Berlin",
        "Quillwork | Senior Developer\nWe are hiring | in Berlin",
    ],
)
def test_other_lines_stay_out(text: str) -> None:
    assert header_line(text) == text.split("\n", 1)[0]


def test_a_post_reads_the_fields_of_its_broken_header() -> None:
    post = {
        "id": 1,
        "text": "Quillwork | Senior Developer\n| ONSITE | Full Time | Raleigh, NC<p>We build.",
        "created_at_i": 1700000000,
    }
    record = hn_posting(
        post,
        source="hn_whoishiring",
        source_type="hn_whoishiring",
        thread_id=2,
        month="2023-11",
        board="2",
        run_id="test",
        fetched_at="2026-01-01T00:00:00Z",
    )
    assert (record["company"], record["location"], record["remote"]) == (
        "Quillwork",
        "Raleigh, NC",
        False,
    )
