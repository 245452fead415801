"""Hostile post texts (long runs of spaces, brackets, marks) are read in time linear in their length."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.roles import openings_of_posting
from pipeline.roles import title_cleanup as cleanup
from pipeline.roles.hn_patterns import HEADER_SEP, ITEM_SEP, PARENS, SLASH, closed_sub

# Each text below is read in well under 0.05 CPU s (the longest header run took 14 s, one run of
# spaces inside a header field 56 s, before). The bound is on the process's CPU time, not the
# wall clock, so other work on a busy machine does not count against it.
HOSTILE_BOUND_S = 2.0

HEADER = "Northwind Labs | Senior Developer | Remote"
BODY = "\nWe make tools for bakeries. Python and Postgres."
LISTED = HEADER + "\nPositions: Data Scientist{}, ML Engineer\nStack: Python"
LISTED_TITLES = ["Senior Developer", "Data Scientist", "ML Engineer"]
TWO = ["Senior Developer", "Data Scientist"]

HOSTILE = [
    ("header spaces", HEADER + "." + " " * 20_000 + BODY, ["Senior Developer"]),
    # a run of spaces ends a title, and "Senior" alone names none
    (
        "spaces in a header field",
        "Northwind Labs | Senior" + " " * 20_000 + "Developer | Remote",
        [],
    ),
    ("body spaces", HEADER + "\nWe make" + " " * 20_000 + "tools.\nPython.", ["Senior Developer"]),
    ("header tabs", HEADER + "." + "\t" * 20_000 + BODY, ["Senior Developer"]),
    ("body tabs", HEADER + "\nWe make" + "\t" * 20_000 + "tools.", ["Senior Developer"]),
    ("pipe fields", HEADER + " | " + " | ".join(["x"] * 5_000) + BODY, ["Senior Developer"]),
    ("header commas", HEADER + " " + "," * 10_000 + BODY, ["Senior Developer"]),
    ("listed commas", LISTED.format("," * 10_000), LISTED_TITLES),
    ("a line of 'a '", HEADER + "\n" + "a " * 50_000, ["Senior Developer"]),
    ("header 'a '", HEADER + " " + "a " * 50_000 + BODY, ["Senior Developer"]),
    ("open brackets", HEADER + " " + "(" * 5_000 + BODY, ["Senior Developer"]),
    ("open brackets in a field", "Northwind Labs | Senior" + "(" * 5_000 + "Developer", []),
    ("open brackets in a cue", HEADER + "\nWe're hiring: Data Scientist," + "(" * 5_000, TWO),
    (
        "open brackets listed",
        LISTED.format("(" * 5_000),
        TWO,
    ),
    ("dashes", HEADER + " " + "-" * 20_000 + BODY, ["Senior Developer"]),
    (
        "dashes listed",
        LISTED.format("-" * 20_000),
        LISTED_TITLES,
    ),
    ("stars", HEADER + "\n" + "*" * 20_000 + "\nPython", ["Senior Developer"]),
    ("stars listed", LISTED.format("*" * 20_000), LISTED_TITLES),
    ("exclamation marks listed", LISTED.format("!" * 20_000), LISTED_TITLES),
    ("dots", HEADER + " " + "." * 20_000 + BODY, ["Senior Developer"]),
    ("dots listed", LISTED.format("." * 20_000), LISTED_TITLES),
    ("a long word", HEADER + " " + "a" * 50_000 + BODY, ["Senior Developer"]),
]


@pytest.fixture(scope="module")
def warmed() -> None:
    """Load the readers' lazy tables (the place index takes about a second) before any timing."""
    openings_of_posting("hn_whoishiring", None, HEADER + BODY)


@pytest.mark.parametrize(
    ("text", "titles"), [(t, ti) for _, t, ti in HOSTILE], ids=[n for n, _, _ in HOSTILE]
)
@pytest.mark.usefixtures("warmed")
def test_hostile_texts_are_read_in_linear_time(text: str, titles: list[str]) -> None:
    started = time.process_time()
    read = [o.title for o in openings_of_posting("hn_whoishiring", None, text)]
    elapsed = time.process_time() - started
    assert elapsed < HOSTILE_BOUND_S, f"{elapsed:.2f} s"
    assert read == titles


def test_closed_sub_is_the_plain_substitution() -> None:
    assert closed_sub(PARENS, " ", "Data Engineer (Kafka) (Berlin") == "Data Engineer   (Berlin"
    assert closed_sub(PARENS, " ", "((((") == "(((("
    assert closed_sub(PARENS, lambda m: m.group(1), "a (b) c") == "a b c"


# The plain spellings the linear patterns replace: same matches, from fewer starting points.
_PLAIN = [
    (
        HEADER_SEP,
        re.compile(r"(?=[\s|•·–—])\s*(?:\|+|•|·|\s[-–—~]{1,3}\s|[–—]|\s/\s|\t|\s::\s)\s*"),
    ),
    (
        ITEM_SEP,
        re.compile(
            r"(?=[\s,;])\s*(?:[,;]\s*(?:(?:and|or|&)\s+)?|\s(?:and|or|&|\+|as\s+well\s+as)\s)\s*",
            re.I,
        ),
    ),
    (SLASH, re.compile(r"\s*/\s*")),
    (
        cleanup._TRAILING_MARKER,
        re.compile(r"(?<!\s)\s*(?:-+>|→|=>|=+|~+|(?<=\s)[-–—]+|\(\*\)|\*+|[:;,.|/\\]+)\s*$"),
    ),
]
_PIECES = st.sampled_from([" ", "  ", "\t", "|", ",", ";", "/", "-", "–", "=", "*", ":", ".", ">"])
_WORDS = st.sampled_from(["a", "and", "or", "as well as", "(", ")", "(*)", " - ", " :: ", "->"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, _WORDS), max_size=16).map("".join))
def test_linear_patterns_match_as_their_plain_spelling(text: str) -> None:
    for linear, plain in _PLAIN:
        assert linear.split(text) == plain.split(text)
        assert [m.span() for m in linear.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert closed_sub(PARENS, "#", text) == PARENS.sub("#", text)


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Data Scientist" + "-" * 20_000, "Data Scientist"),
        ("Data Scientist" + "(" * 5_000, "Data Scientist"),
        ("Platform Engineer" + "=" * 3, "Platform Engineer"),
        ("Platform Engineer ~~~~", "Platform Engineer"),
        ("Site Reliability Engineer!!!", "Site Reliability Engineer"),
        ("Site Reliability Engineer >>>", "Site Reliability Engineer"),
        ("Backend Engineer ___", "Backend Engineer"),
        ("Data Scientist" + "-=" * 10_000, "Data Scientist"),
        ("Data Scientist" + "*-" * 5, "Data Scientist"),
        # two marks of one kind, or a few of several, may end a name; a closing bracket stays
        ("Developer C++", "Developer C++"),
        ("Developer C++!", "Developer C++!"),
        ("Engineer (C++)" + "*-" * 5, "Engineer (C++)"),
        ("Analyst (SQL)))", "Analyst (SQL)))"),
    ],
)
def test_a_run_of_marks_is_no_part_of_a_title(title: str, clean: str) -> None:
    started = time.process_time()
    assert cleanup.clean_title(title) == clean
    assert time.process_time() - started < HOSTILE_BOUND_S
