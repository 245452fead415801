"""The extractor's tokenizer: no special cases, abbreviations whole, a large cache."""

from __future__ import annotations

import spacy

from pipeline.skills import SkillExtractor
from pipeline.skills.tokenizer import CACHE_SIZE, use_cacheable_tokenizer


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


def test_skills_after_a_contraction_and_at_a_sentence_end_are_found() -> None:
    extractor = SkillExtractor()
    text = "We're hiring. You'll use C++ and Python, e.g. PyTorch. Models are written in R."
    found = [(m.skill_id, m.text) for m in extractor.extract(text)]
    ids = [skill_id for skill_id, _ in found]
    assert ids[:3] == ["cpp", "python", "pytorch"]
    assert ("r", "R") in found
    assert extractor.nlp.tokenizer.rules == {}
