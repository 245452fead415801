"""Title words, the company's own name, overlap resolution and the tool/non-tool split of skills."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span
from spacy.util import filter_spans

from pipeline.skills import (
    CATEGORIES,
    NON_TECH_CATEGORIES,
    TOOL_CATEGORIES,
    SkillExtractor,
    SkillMention,
    skills_by_id,
)
from pipeline.skills.rules import _resolve_overlaps


def found(extractor: SkillExtractor, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.text) for m in extractor.extract(text)]


def test_names_inside_longer_job_titles_are_not_requirements(extractor: SkillExtractor) -> None:
    assert (
        found(extractor, "Hiring an iOS Mobile Engineer and a PHP Web Application Developer.") == []
    )
    assert found(extractor, "Python, Go and Rust engineers wanted.") == []


def test_title_words_without_a_role_noun_keep_the_name(extractor: SkillExtractor) -> None:
    assert found(extractor, "Our iOS app talks to a PHP backend.") == [
        ("ios", "iOS"),
        ("php", "PHP"),
    ]
    assert found(extractor, "Python, Go and Rust. Engineers wanted.") == [
        ("python", "Python"),
        ("go", "Go"),
        ("rust", "Rust"),
    ]


def test_the_companys_name_is_not_a_skill_where_it_recurs(extractor: SkillExtractor) -> None:
    text = "CloudFlare | San Francisco\nCloudFlare is building a faster web. We use Go and Python."
    assert found(extractor, text) == [("go", "Go"), ("python", "Python")]


def test_nested_aliases_resolve_to_the_longest(extractor: SkillExtractor) -> None:
    text = "We use Ruby on Rails, Amazon SQS and Apache Airflow."
    assert found(extractor, text) == [
        ("rails", "Ruby on Rails"),
        ("sqs", "Amazon SQS"),
        ("airflow", "Apache Airflow"),
    ]


SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 4), st.sampled_from(["a", "b", "c"])).map(
        lambda t: (t[0], t[0] + t[1], t[2])
    ),
    max_size=12,
    unique=True,
)


# One blank pipeline for all examples: making one costs far more than the check itself.
_FORTY_WORDS = spacy.blank("en").make_doc("w " * 40)


@settings(max_examples=300, deadline=None)
@given(spans=SPANS)
def test_overlaps_resolve_as_spacys_filter_spans(spans: list[tuple[int, int, str]]) -> None:
    doc = _FORTY_WORDS
    expected = filter_spans([Span(doc, start, end, label=label) for start, end, label in spans])
    assert _resolve_overlaps(spans) == [(s.start, s.end, s.label_) for s in expected]


def test_tool_categories_split_the_categories() -> None:
    assert TOOL_CATEGORIES | NON_TECH_CATEGORIES == set(CATEGORIES)
    assert not TOOL_CATEGORIES & NON_TECH_CATEGORIES
    assert "stats_method" in NON_TECH_CATEGORIES and "ml_method" in TOOL_CATEGORIES
    skills = skills_by_id()
    assert skills["statistics"].category not in TOOL_CATEGORIES
    assert skills["pytorch"].category in TOOL_CATEGORIES


def test_mentions_are_immutable_values(extractor: SkillExtractor) -> None:
    (mention,) = extractor.extract("We use Kubernetes.")
    assert mention == SkillMention("kubernetes", 7, 17, "Kubernetes")
    with pytest.raises(AttributeError):
        mention.start = 0  # type: ignore[misc]
