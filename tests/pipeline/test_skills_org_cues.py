"""The organisation rule's prefilters: the matcher notes the first word that introduces a list of
organisations and whether a word of their people occurs, and the rule reads the same spans with
them as without them."""

from __future__ import annotations

import pytest

from pipeline.skills import SkillExtractor
from pipeline.skills.component import (
    ORG_CUES_KEY,
    ORG_FIRST_LINK_KEY,
    ORG_PEOPLE_KEY,
    SPANS_KEY,
)


def matched(extractor: SkillExtractor, text: str) -> dict[str, object]:
    """The doc's user data after the matcher alone."""
    nlp = extractor.nlp
    doc = nlp.get_pipe(nlp.pipe_names[0])(nlp.make_doc(text))
    return dict(doc.user_data)


TEXTS = [
    "Our customers, such as Stripe and Twilio, love our Python API.",
    "Customers such , as Stripe and Twilio use it. We write Go and Rust.",
    "Our customers as Stripe, Twilio and Figma know, we ship Kotlin.",
    "Clients, : Stripe, Twilio. Stack: Python, Django, Postgres.",
    "We use Python and Postgres. The team are Vercel and Heroku alums.",
    "Hiring a Rails CTO. Former Stripe CEO and Figma co-founder on board; we use React.",
    "Backed by Sequoia, used by Stripe and Twilio. We use Kafka, Redis and Go.",
    "We use Java, Kubernetes and Terraform at Acme.",
]


def test_matcher_notes_the_first_link_word(extractor: SkillExtractor) -> None:
    data = matched(extractor, "We use Python. Our customers such as Stripe and Twilio pay.")
    # tokens: We use Python . Our customers such as ...: "as" is token 7
    assert data[ORG_CUES_KEY] is True
    assert data[ORG_FIRST_LINK_KEY] == 7
    assert data[ORG_PEOPLE_KEY] is False


def test_a_cue_the_walk_does_not_read_is_no_link(extractor: SkillExtractor) -> None:
    # the walk reads "customers , such as" as "," before "such as": the cue runs the rule, but
    # no name has a link word before it (the doc has 13 tokens)
    data = matched(extractor, "Our customers, such as Stripe and Twilio, love our API.")
    assert data[ORG_CUES_KEY] is True
    assert data[ORG_FIRST_LINK_KEY] == 13


def test_matcher_notes_a_word_of_people(extractor: SkillExtractor) -> None:
    data = matched(extractor, "The founders wrote Go.")
    assert data[ORG_CUES_KEY] is True
    assert data[ORG_PEOPLE_KEY] is True
    assert data[ORG_FIRST_LINK_KEY] == 5  # no link word: the doc's length


def test_matcher_notes_nothing_without_cues(extractor: SkillExtractor) -> None:
    data = matched(extractor, "We write Go and Rust.")
    assert ORG_CUES_KEY not in data
    assert ORG_PEOPLE_KEY not in data


@pytest.mark.parametrize("text", TEXTS)
def test_prefilters_keep_the_spans(extractor: SkillExtractor, text: str) -> None:
    nlp = extractor.nlp
    matcher, rules = (nlp.get_pipe(name) for name in nlp.pipe_names)
    filtered = rules(matcher(nlp.make_doc(text))).user_data[SPANS_KEY]
    doc = matcher(nlp.make_doc(text))
    if doc.user_data.get(ORG_CUES_KEY):
        # the defaults: every name walked back, every list walked on to a word of people
        doc.user_data[ORG_PEOPLE_KEY] = True
        doc.user_data[ORG_FIRST_LINK_KEY] = 0
    assert rules(doc).user_data[SPANS_KEY] == filtered


def test_organisation_lists_still_left_out(extractor: SkillExtractor) -> None:
    found = [m.text for m in extractor.extract("Customers such as Stripe and Twilio use Python.")]
    assert found == ["Python"]
    found = [m.text for m in extractor.extract(TEXTS[4])]
    assert found == ["Python", "Postgres"]
