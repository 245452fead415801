"""The extractor's tokenizer: spaCy's English one without special cases, abbreviations kept whole.

spaCy stops caching a document's tokens for the rest of that document once any special case
("we're", "don't", "e.g.", "C++") appears in it, so a posting that opens with "We're hiring" is
tokenised several times slower, string by string. Skill matching needs none of the special cases'
splits (contractions, emoticons), only that abbreviations such as "e.g." stay one token, which a
token_match does without turning the cache off. The cache also stops growing at 10,000 strings by
default, far fewer than the distinct words of a few thousand postings; a larger one costs tens of
megabytes and halves the tokenisation of real text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer

# "e.g.", "i.e.", "U.S.", "a.m.", "Ph.D.", and the few short abbreviations postings use in lists.
ABBREVIATION = re.compile(
    r"(?:[A-Za-z]{1,2}\.){2,}|(?:etc|esp|incl|approx|vs|eg|ie|Inc|Ltd|Co|Corp|Jr|Sr|Dr|Mr|Ms)\.",
)

# Whitespace-separated strings whose tokens are cached (about 60 bytes each).
CACHE_SIZE = 500_000


def use_cacheable_tokenizer(nlp: Language) -> None:
    """Drop the tokenizer's special cases, keep abbreviations whole with a token_match and let the
    cache grow to CACHE_SIZE strings."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"expected spaCy's rule-based Tokenizer, got {type(tokenizer).__name__}")
    tokenizer.rules = {}
    tokenizer.token_match = ABBREVIATION.fullmatch
    tokenizer.max_cache_size = CACHE_SIZE
