"""The quick tests that spare the role readers a pattern or a title parse change no answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.roles import (
    area_asides,
    body_lines,
    described_titles,
    hn_patterns,
    opening_lines,
    team_lists,
    title_lines,
    titles,
    wording,
)

WORDS = [
    "Senior",
    "ML",
    "engineer",
    "Data",
    "Scientist",
    "scientists",
    "a",
    "of",
    "with",
    "experience",
    "we're",
    "hiring",
    "looking",
    "for",
    "team",
    "roles",
    "positions",
    "talk",
    "focused",
    "along",
    "(remote)",
    "[2]",
    ":",
    ",",
    "-",
    "|",
    "https://acme.io/jobs",
    "www.acme.com",
    "İ",
    "\u212a",
]
lines = st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_title_kind_is_the_parsed_kind(text: str) -> None:
    assert titles.title_kind(text) == titles.parse_title(text).kind


@settings(max_examples=200, deadline=None)
@given(lines)
def test_sentence_start_is_a_sentence_word_and_no_title(text: str) -> None:
    plain = titles.parse_title(text).kind == "none" and any(
        w.strip(",.!?:;()") in hn_patterns.SENTENCE_WORDS for w in wording.lower_words(text)
    )
    assert body_lines._is_sentence_start(text) is plain


def test_title_kinds() -> None:
    assert titles.title_kind("Senior ML Engineer") == "role"
    assert titles.title_kind("Machine Learning") == "discipline"
    assert titles.title_kind("5+ years of work with Git") == "none"
    assert body_lines._is_sentence_start("A solid grasp of Docker") is True
    assert body_lines._is_sentence_start("A Data Scientist") is False


@settings(max_examples=200, deadline=None)
@given(lines)
def test_lines_the_quick_tests_skip_match_no_pattern(line: str) -> None:
    if not title_lines._may_be_bracketed(line):
        assert title_lines._BRACKETED.match(line) is None
    if not title_lines._may_be_described(line):
        assert title_lines._TITLE_DESCRIBED.match(line) is None
    if opening_lines._QUALIFIER_MARK.search(line) is None:
        assert opening_lines._QUALIFIER_AFTER.search(wording.strip_urls(line)) is None
    if ":" not in line:
        assert described_titles._DESCRIBED.match(line) is None
    if line.isascii() and not team_lists._holds(line.lower(), team_lists._ANY_WORDS):
        for pattern in (
            team_lists._TEAMS,
            team_lists._DISCIPLINES,
            team_lists._ALONG_WITH,
            team_lists._KEEN,
            team_lists._MANY_ROLES,
            team_lists._AREA_ROLES,
        ):
            assert pattern.search(line) is None
    if line.isascii() and not any(n in line.lower() for n in area_asides._ROLE_NOUNS):
        assert area_asides._TITLE_ASIDE.search(line) is None
        assert area_asides._line_openings(line) == ()


def test_quick_tests_keep_the_lines_that_match() -> None:
    assert title_lines._may_be_bracketed("[1] Senior ML Engineer")
    assert title_lines._may_be_described("Data Scientist: join us to model demand https://acme.io")
    assert not title_lines._may_be_described("Data Scientist: join us to model demand")
    assert team_lists._line_specs("We ship small changes every day.") == ()
    assert team_lists._holds("hiring ml engineers", team_lists._HIRING_WORDS)
    assert not team_lists._holds("we ship daily", team_lists._ANY_WORDS)
    [aside] = area_asides._line_openings("Software Engineers (LLM/backend/data infra)")
    assert (aside.role_family, aside.title) == (
        "ai_engineer",
        "Software Engineers (LLM/backend/data infra)",
    )
    assert area_asides._line_openings("Data team (ML, analytics)") == ()
    specs = team_lists._line_specs(
        "We're hiring for our data science, machine learning and platform teams"
    )
    assert [(s[0].family, s[1]) for s in specs] == [
        ("data_scientist", "data science"),
        ("ai_engineer", "machine learning"),
        ("other", "platform"),
    ]


def test_a_qualifier_needs_its_mark_on_the_line() -> None:
    found = [titles.classify_title("Algorithms Engineer")]
    have = {o.role_family for o in found}
    post = (
        "Acme | Remote\nWe build cameras.\n* Algorithms engineer (image processing, deep learning)"
    )
    [opening] = opening_lines._qualified_on_its_line(post, found, have)
    assert opening.role_family == "ai_engineer"
    assert opening.title == "Algorithms Engineer (image processing, deep learning)"
    plain = post.replace(" (", ", ").rstrip(")")
    assert opening_lines._qualified_on_its_line(plain, found, have) == []
