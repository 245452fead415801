"""SkillExtractor: canonical skills with character offsets, from clean plain text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import spacy
from spacy.tokens import Doc

from pipeline.skills.component import MATCHER_FACTORY, RULES_FACTORY, SPANS_KEY
from pipeline.skills.rules import RULES_VERSION
from pipeline.skills.taxonomy import TAXONOMY_VERSION
from pipeline.skills.tokenizer import use_cacheable_tokenizer

EXTRACTOR_VERSION = f"{RULES_VERSION}+{TAXONOMY_VERSION}"
# The blank pipeline only tokenises, so long texts cost memory linear in their length.
MAX_TEXT_CHARS = 50_000_000


# spaCy takes a string's leading and trailing punctuation off one mark at a time, copying the rest
# each time, so a whitespace-free run of marks ("*****", "((((", ",,,,") costs time quadratic in
# its length: 7.5 s for 200,000. The tokenizer sees no run longer than this: the marks beyond it
# become spaces, which keeps every character offset. The longest run in the recorded HN posts is
# 136 marks (a line of dashes), the generated postings have none of 20; a run of 1,000 costs
# spaCy about a millisecond.
MAX_MARK_RUN = 1_000
# a run of marks (neither word characters nor whitespace) longer than MAX_MARK_RUN, matched from
# the run's first mark only, so each run is read once
_LONG_MARK_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_MARK_RUN + 1},}}")


def _runs_cut(run: re.Match[str]) -> str:
    """A long run of marks: its first MAX_MARK_RUN marks, then spaces to its length."""
    return run.group()[:MAX_MARK_RUN] + " " * (run.end() - run.start() - MAX_MARK_RUN)


def tokenized_text(text: str) -> str:
    """`text` with each run of marks cut to MAX_MARK_RUN marks and spaces (offsets kept)."""
    if len(text) <= MAX_MARK_RUN:
        return text  # too short to hold a longer run: half the postings, spared a scan
    return _LONG_MARK_RUN.sub(_runs_cut, text)


class SkillMention(NamedTuple):
    """One piece of evidence of a skill: its id and the character span of the text given."""

    skill_id: str
    start: int
    end: int
    text: str


# tuple.__new__ skips the generated constructor's keyword handling: mentions are made by the
# hundred thousand, and this is a fifth of their cost.
_new = tuple.__new__
_TRAILING = frozenset(".,;:")


def _mentions(doc: Doc, text: str) -> list[SkillMention]:
    mentions: list[SkillMention] = []
    for start, end, skill_id in doc.user_data.get(SPANS_KEY, ()):
        while end > start + 1 and text[end - 1] in _TRAILING:
            end -= 1  # "in R." keeps the sentence's full stop out of the evidence
        mentions.append(_new(SkillMention, (skill_id, start, end, text[start:end])))
    return mentions


class SkillExtractor:
    """spacy.blank("en") with the taxonomy matcher and the ambiguity rules; build once, reuse."""

    def __init__(self) -> None:
        """Build the pipeline (tokenizer, matcher from the taxonomy, rules)."""
        self.nlp = spacy.blank("en")
        self.nlp.max_length = MAX_TEXT_CHARS
        use_cacheable_tokenizer(self.nlp)  # before the matcher tokenises its patterns
        self.nlp.add_pipe(MATCHER_FACTORY)
        self.nlp.add_pipe(RULES_FACTORY)
        batching = [name for name, component in self.nlp.pipeline if hasattr(component, "pipe")]
        if batching:
            raise TypeError(f"extract_many calls components one doc at a time; {batching} batch")
        self.version = EXTRACTOR_VERSION

    def extract(self, text: str) -> list[SkillMention]:
        """The skill mentions of one text, in order of appearance."""
        text = text or ""
        return _mentions(self.nlp(tokenized_text(text)), text)

    def extract_many(self, texts: Iterable[str]) -> Iterator[list[SkillMention]]:
        """The skill mentions of each text, in order."""
        # The components are called in turn, as nlp(text) calls them, without nlp.pipe's
        # generator layers (a few per cent of the extraction's time). This holds only while no
        # component batches (has .pipe) and no error handler is set; __init__ checks the first.
        make_doc = self.nlp.make_doc
        components = [component for _, component in self.nlp.pipeline]
        for text in texts:
            text = text or ""
            doc = make_doc(tokenized_text(text))
            for component in components:
                doc = component(doc)
            yield _mentions(doc, text)
