"""The classifier's fast paths give what the plain patterns give, on any text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import pipeline.roles as roles
from pipeline.roles import (
    area_asides,
    hiring_sentences,
    hn_patterns,
    linked_titles,
    resume_posts,
    titles,
    vocabulary,
    wording,
)

WORDS = [
    "seeking",
    "work",
    "looking",
    "for",
    "a",
    "job",
    "open",
    "to",
    "new",
    "roles",
    "available",
    "hire",
    "me",
    "my",
    "resume",
    "résumé",
    "cv",
    "github",
    "your",
    "post",
    "happy",
    "share",
    "i'm",
    "reaching",
    "out",
    "willing",
    "relocate:",
    "we",
    "are",
    "hiring",
    "senior",
    "ml",
    "engineer",
    "data",
    "scientist",
    "https://acme.io/jobs",
    "HTTPS://X.IO",
    "www.acme.com",
    "jobs@acme.com",
    "[3]",
    "(remote)",
    "-",
    "–",
    "|",
    ":",
    "  ",
    "ſeeking",
    "ſ",
    "ı",
    "İ",
    "\u212a",
    "in",
    "need",
    "of",
    "recruiting",
    "searching",
]
texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
    st.text(
        alphabet=st.sampled_from(list("aehimnoprstuwy :-|([])./@ſıİ\u212a0123456789")), max_size=80
    ),
)
ORIGINAL_TITLE_END = re.compile(r"\s[-–—|]\s|:\s|:$|\s{2,}|\s\((?=[^)]*$)")


def original_role_matches(words: list[str]) -> list[tuple[int, int, str]]:
    out, i, n = [], 0, len(words)
    while i < n:
        for size in range(min(vocabulary.MAX_PHRASE, n - i), 0, -1):
            kind = vocabulary.ROLE_PHRASES.get(tuple(words[i : i + size]))
            # a "pm" or "dba" that the words around it make no role is not one
            if kind is not None and not (size == 1 and titles._abbreviation_not_a_role(words, i)):
                out.append((i, i + size, kind))
                i += size
                break
        else:
            i += 1
    return out


@settings(max_examples=100, deadline=None)
@given(texts)
def test_resume_check_equals_the_whole_pattern(text: str) -> None:
    low = text.lower()
    plain = (
        any(h in low for h in resume_posts._RESUME_HINTS)
        and hn_patterns.RESUME.search(low) is not None
    )
    assert resume_posts.looks_like_resume(text) is plain


@settings(max_examples=100, deadline=None)
@given(texts)
def test_url_stripping_equals_the_whole_pattern(text: str) -> None:
    has_url = any(mark in text for mark in ("http", "www.", "@", "["))
    assert wording.strip_urls(text) == (hn_patterns.URL.sub(" ", text) if has_url else text)
    assert wording.strip_urls(text, " | ") == (
        hn_patterns.URL.sub(" | ", text) if has_url else text
    )


@settings(max_examples=100, deadline=None)
@given(texts)
def test_title_end_equals_the_plain_split(text: str) -> None:
    found = hn_patterns.TITLE_END.search(text)
    assert (text[: found.start()] if found else text) == ORIGINAL_TITLE_END.split(text, maxsplit=1)[
        0
    ]


@settings(max_examples=100, deadline=None)
@given(texts)
@example("we need scientist")
def test_prose_check_skips_only_text_without_a_hiring_phrase(text: str) -> None:
    # a hiring phrase or a stated need ("we need a data scientist") names openings
    plain = wording.strip_urls(text)
    if not list(hn_patterns.HIRING.finditer(plain)) and not hiring_sentences._WE_NEED.search(plain):
        assert hiring_sentences.prose_specs(text) == ()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [w for p in vocabulary.ROLE_PHRASES for w in p] + ["data", "ml", "senior", "x"]
        ),
        max_size=12,
    )
)
@example(["engineer", "dba", "master"])
@example(["pm", "engineer"])
def test_role_matches_equal_the_plain_scan(words: list[str]) -> None:
    assert titles._role_matches(words) == original_role_matches(words)


def test_fold_letters_take_the_whole_pattern() -> None:
    # "ſ" matches "s" case-insensitively: "ſeeking work" is a job seeker's line like "seeking work".
    assert resume_posts.looks_like_resume("Hire me: ſeeking work as a developer") is True
    assert (
        hn_patterns.folds_plainly("ſeeking") is False
        and hn_patterns.folds_plainly("Seeking — work") is True
    )
    assert wording.strip_urls("see httpſ://acme.io now") == "see   now"


# Lines shaped like the ones the pre-checks below guard: titles, links, parentheses, hiring verbs.
LINE_WORDS = [
    "Senior",
    "ML",
    "engineers",
    "Engineer",
    "developer",
    "SWE",
    "(NLP,",
    "vision)",
    "(",
    ")",
    "-",
    "--",
    "–",
    "|",
    ":",
    "https://acme.example/jobs",
    "www.acme.example",
    "(https://acme.example)",
    "http",
    "we",
    "are",
    "also",
    "now",
    "hiring",
    "seeks",
    "i'm",
    "looking",
    "for",
    "a",
    "data",
    "scientist.",
    "c++,",
    "...",
    "/",
    "&",
]
lines = st.one_of(
    st.lists(st.sampled_from(LINE_WORDS), max_size=16).map(" ".join),
    st.lists(st.sampled_from(LINE_WORDS), max_size=16).map("".join),
    texts,
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_punctuation_check_skips_only_titles_the_pass_leaves_alone(text: str) -> None:
    low = text.lower()
    if titles._PUNCT_CHARS.search(low) is None:
        assert titles._PUNCT.sub(titles._spaced, low) == low


@settings(max_examples=200, deadline=None)
@given(lines)
def test_linked_check_equals_the_whole_pattern(text: str) -> None:
    found, plain = linked_titles._linked(text), linked_titles._LINKED.match(text)
    assert (found and found.groupdict()) == (plain and plain.groupdict())


@settings(max_examples=200, deadline=None)
@given(lines)
def test_noun_and_parenthesis_check_skips_only_lines_without_an_aside(text: str) -> None:
    if area_asides._NOUN_PAREN.search(text) is None:
        assert area_asides._TITLE_ASIDE.search(text) is None


@settings(max_examples=200, deadline=None)
@given(lines)
def test_hiring_look_ahead_finds_what_the_plain_pattern_finds(text: str) -> None:
    low = text.lower()
    plain = re.compile(hn_patterns.HIRING.pattern)
    assert [m.span("rest") for m in hn_patterns.HIRING_LOWER.finditer(low)] == [
        m.span("rest") for m in plain.finditer(low)
    ]


def test_pre_checks_keep_the_forms_they_guard() -> None:
    plain, marked = (
        titles.parse_title("Senior ML Engineer"),
        titles.parse_title("ML Engineer, Search"),
    )
    assert (plain.normalized, plain.seniority) == ("Machine Learning Engineer", "senior")
    assert marked.normalized == "Machine Learning Engineer, Search"
    assert titles._tokens("senior ml engineer") == ["senior", "ml", "engineer"]
    linked = linked_titles._linked("* Data Scientist: https://acme.example/jobs/1")
    assert linked is not None and linked.group("title") == "* Data Scientist"
    assert linked_titles._linked("Data Scientist: https://acme.example/jobs/1 (remote)") is None
    assert area_asides._NOUN_PAREN.search("ML Engineers (NLP, vision)") is not None
    assert area_asides._NOUN_PAREN.search("Engineers wanted, (NLP)") is None
    spans = [
        m.group("rest") for m in hn_patterns.HIRING_LOWER.finditer("we are hiring ml engineers")
    ]
    assert spans == ["ml engineers"]


def test_a_reposted_text_gives_the_same_openings_in_a_list_of_its_own() -> None:
    post = "Acme Robotics | ML Engineer, Data Scientist | Remote\nWe build arms for farms."
    first = roles.openings_of_posting("hn_whoishiring", None, post)
    first.append(first[0])  # a caller's changes stay its own
    again = roles.openings_of_posting("hn_whoishiring", None, post)
    assert [(o.title, o.role_family) for o in again] == [
        ("ML Engineer", "ai_engineer"),
        ("Data Scientist", "data_scientist"),
    ]
