"""Hostile texts (a whitespace-free run of one mark as long as the extraction's cap) are read in
time linear in their length, with every mention's offsets kept."""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.util import compile_infix_regex

from jobtrends.landing import LandingRecord
from pipeline.skills import SkillExtractor
from pipeline.skills.extractor import MAX_MARK_RUN, tokenized_text
from pipeline.skills.tokenizer import (
    GLUED_LIST_INFIXES,
    TOOL_SLASH_INFIXES,
    use_cacheable_tokenizer,
)
from pipeline.transform import MAX_EXTRACTED_CHARS, transform_records

# Each text below is read in about 0.01 CPU s (7.5 s each before, spaCy taking the marks off one
# at a time). The bound is on the process's CPU time, not the wall clock, so other work on a busy
# machine does not count against it.
HOSTILE_BOUND_S = 5.0
MARKS = ["*", "(", ","]


@pytest.fixture(scope="module")
def extractor(extractor: SkillExtractor) -> SkillExtractor:
    """The shared extractor once it has read a text and a record: no first-call loading is timed."""
    warm = extractor
    warm.extract("We use Python and Go." + " " * 1_000 + "Postgres.")
    record: LandingRecord = {
        "source": "hn_whoishiring",
        "source_id": "0",
        "description_text": "Acme | Data Engineer",
    }
    transform_records([record], warm)  # the role readers' tables load on first use
    return warm


@pytest.mark.parametrize("mark", MARKS)
def test_a_run_of_one_mark_at_the_cap_is_read_in_linear_time(
    extractor: SkillExtractor, mark: str
) -> None:
    text = mark * MAX_EXTRACTED_CHARS
    started = time.process_time()
    mentions = extractor.extract(text)
    elapsed = time.process_time() - started
    assert elapsed < HOSTILE_BOUND_S, f"{elapsed:.2f} s"
    assert mentions == []


@pytest.mark.parametrize("mark", MARKS)
def test_mentions_around_a_long_run_keep_their_offsets(
    extractor: SkillExtractor, mark: str
) -> None:
    run = mark * 150_000
    text = "We use Python " + run + " and Postgres."
    started = time.process_time()
    found = [(m.skill_id, m.start, m.end, m.text) for m in extractor.extract(text)]
    assert time.process_time() - started < HOSTILE_BOUND_S
    after = 14 + 150_000 + 5
    assert found == [("python", 7, 13, "Python"), ("postgresql", after, after + 8, "Postgres")]


def test_extract_many_reads_a_long_run_as_extract_does(extractor: SkillExtractor) -> None:
    texts = ["We use Python " + "(" * 100_000 + " and Postgres.", "Python and Kubernetes"]
    started = time.process_time()
    many = list(extractor.extract_many(texts))
    assert time.process_time() - started < HOSTILE_BOUND_S
    assert many == [extractor.extract(t) for t in texts]
    assert [[m.start for m in ms] for ms in many] == [[7, 100_019], [0, 11]]


@pytest.mark.parametrize("mark", MARKS)
def test_a_record_of_one_long_run_is_transformed_in_linear_time(
    extractor: SkillExtractor, mark: str
) -> None:
    record: LandingRecord = {
        "source": "hn_whoishiring",
        "source_id": "1",
        "description_text": mark * 200_000,
    }
    started = time.process_time()
    batch = transform_records([record], extractor)
    elapsed = time.process_time() - started
    assert elapsed < HOSTILE_BOUND_S, f"{elapsed:.2f} s"
    assert (batch.postings.num_rows, batch.openings.num_rows, batch.posting_skills.num_rows) == (
        1,
        0,
        0,
    )


def test_the_tokenized_text_cuts_only_runs_longer_than_the_bound() -> None:
    assert MAX_MARK_RUN == 1_000
    assert tokenized_text("*" * 1_500) == "*" * 1_000 + " " * 500
    assert tokenized_text("a" + "-=" * 600 + "b") == "a" + "-=" * 500 + " " * 200 + "b"
    kept = "Python " + "-" * 1_000 + "\n" + "=" * 136 + " Go"
    assert tokenized_text(kept) == kept
    # a run of 2,500 then one of 1,001, split by a word: each is cut, lengths unchanged
    text = "(" * 2_500 + "x" + "," * 1_001
    assert tokenized_text(text) == "(" * 1_000 + " " * 1_500 + "x" + "," * 1_000 + " "
    assert len(tokenized_text(text)) == len(text)


def test_no_infix_matches_inside_whitespace() -> None:
    nlp = spacy.blank("en")
    use_cacheable_tokenizer(nlp)
    infixes = [*(nlp.Defaults.infixes or ()), *TOOL_SLASH_INFIXES, *GLUED_LIST_INFIXES]
    finditer = compile_infix_regex(infixes).finditer
    spaces = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).isspace()]
    assert len(spaces) == 29
    for c in spaces:
        for text in (c, c * 3, " " + c + "\n", "\t" + c + "\u3000"):
            assert next(finditer(text), None) is None, repr(text)
    assert [t.text for t in nlp("Python" + " " * 5 + "Go")] == ["Python", "    ", "Go"]
