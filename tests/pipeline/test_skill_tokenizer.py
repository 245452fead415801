"""The extractor's tokenizer: no special cases, abbreviations whole, a large cache, exact faster
affix searches and lighter lexemes."""

from __future__ import annotations

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.util import compile_prefix_regex, compile_suffix_regex

from pipeline.skills import SkillExtractor
from pipeline.skills.tokenizer import (
    CACHE_SIZE,
    LEXEME_ATTRS,
    lead_prefix_search,
    prefix_first_chars,
    tail_suffix_search,
    use_cacheable_tokenizer,
)


def _words(text: str) -> list[str]:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    return [t.text for t in nlp(text)]


def test_contractions_stay_whole_and_abbreviations_are_one_token() -> None:
    assert _words("We're hiring, e.g. Python; i.e. now. U.S. only, etc.") == [
        "We're",
        "hiring",
        ",",
        "e.g.",
        "Python",
        ";",
        "i.e.",
        "now",
        ".",
        "U.S.",
        "only",
        ",",
        "etc.",
    ]


def test_tokenizer_has_no_special_cases_and_a_large_cache() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    assert nlp.tokenizer.rules == {}
    assert nlp.tokenizer.max_cache_size == CACHE_SIZE >= 100_000


def test_skills_after_a_contraction_and_at_a_sentence_end_are_found(
    extractor: SkillExtractor,
) -> None:
    text = "We're hiring. You'll use C++ and Python, e.g. PyTorch. Models are written in R."
    found = [(m.skill_id, m.text) for m in extractor.extract(text)]
    ids = [skill_id for skill_id, _ in found]
    assert ids[:3] == ["cpp", "python", "pytorch"]
    assert ("r", "R") in found
    assert extractor.nlp.tokenizer.rules == {}


SUFFIX_PIECES = st.sampled_from(
    [
        *("a", "Z", "0", "7", ".", "..", "…", "'", "'s", "’S", "s", "S", "km", "km²", "mph"),
        *("km/h", "Pa", "GB", "T", "$", "US$", "%", "°", "C", "+", "—", "–", "-", ",", ")"),
        *('"', "”", "»", "©", "²", "m", "!", "?", "é", "x"),
    ]
)

SUFFIX_REGEX = compile_suffix_regex(English.Defaults.suffixes)
TAIL_SUFFIX_SEARCH = tail_suffix_search(English.Defaults.suffixes)


@settings(max_examples=2_000, deadline=None)
@given(pieces=st.lists(SUFFIX_PIECES, min_size=1, max_size=12))
def test_tail_suffix_search_equals_spacys_suffix_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = SUFFIX_REGEX.search(text)
    found = TAIL_SUFFIX_SEARCH(text)
    assert (found and found.span()) == (expected and expected.span())


def test_tail_suffix_search_finds_a_run_longer_than_its_window() -> None:
    search = tail_suffix_search(English.Defaults.suffixes)
    assert search("wait" + "." * 30).span() == (4, 34)  # type: ignore[union-attr]
    assert search("20km").span() == (2, 4)  # type: ignore[union-attr]
    assert search("Python") is None


def test_no_english_infix_matches_inside_letters_and_digits() -> None:
    finditer = spacy.blank("en").tokenizer.infix_finditer
    alnum = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).isalnum()]
    for c in alnum:
        for text in (c, c * 3, "a" + c + "a", "A" + c + "A", "0" + c + "0", "a" + c + "A"):
            assert next(finditer(text), None) is None, repr(text)


def test_the_url_match_needs_a_dot_and_is_kept_for_dotted_strings() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    for text in ("localhost:8080", "http://localhost", "user@host", "https://x/y?z=1", "19216811"):
        assert URL_MATCH(text) is None and nlp.tokenizer.url_match(text) is None
    assert nlp.tokenizer.url_match("https://example.com/jobs") is not None
    assert [t.text for t in nlp("see https://example.com/jobs, or jobs@example.com.")] == [
        "see",
        "https://example.com/jobs",
        ",",
        "or",
        "jobs@example.com",
        ".",
    ]


def test_new_lexemes_carry_only_the_attributes_matching_reads() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    assert set(nlp.vocab.lex_attr_getters) == LEXEME_ATTRS
    kube, space, url, upper, the = nlp("Kubernetes\n https://example.com AWS the")
    assert kube.lower_ == "kubernetes" and kube.is_title and kube.is_alpha and not kube.is_lower
    assert space.is_space and upper.is_upper and the.is_lower and not url.like_url
    assert kube.shape_ == kube.suffix_ == "" and not the.is_stop
    stock = spacy.blank("en")("Kubernetes the")
    assert stock[0].shape_ == "Xxxxx" and stock[1].is_stop


PREFIX_PIECES = st.sampled_from(
    [
        "a",
        "Z",
        "U",
        "US",
        "US$",
        "C$",
        "A$",
        "$",
        "€",
        "0",
        "7",
        "(",
        "[",
        '"',
        "'",
        "“",
        "…",
        "...",
        "§",
        "%",
        "=",
        "+",
        "—",
        "–",
        "-",
        "#",
        "<",
        "¿",
        "é",
        "x",
        ".",
        "©",
    ]
)
PREFIX_REGEX = compile_prefix_regex(English.Defaults.prefixes)
LEAD_PREFIX_SEARCH = lead_prefix_search(English.Defaults.prefixes)


def _prefix_length(match: re.Match[str] | None) -> int:
    return match.end() - match.start() if match is not None else 0  # what spaCy reads


@settings(max_examples=2_000, deadline=None)
@given(pieces=st.lists(PREFIX_PIECES, min_size=1, max_size=8))
def test_lead_prefix_search_equals_spacys_prefix_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _prefix_length(LEAD_PREFIX_SEARCH(text)) == _prefix_length(PREFIX_REGEX.search(text))


def test_prefixes_open_with_punctuation_symbols_or_a_currency_code() -> None:
    first = prefix_first_chars(English.Defaults.prefixes)
    assert first is not None
    assert {"(", '"', "$", "€", "§", "…", "U", "C", "A"} <= first
    assert not {"a", "p", "P", "0", "7", "é"} & first
    assert prefix_first_chars([r"\w+"]) is None  # a category: no first-character test
