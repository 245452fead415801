"""Which of the two compared families a post's text holds a word for.

A title is of the ai_engineer family only through an AI word of the vocabulary (`AI_WORDS`, the
second word of an `AI_BIGRAMS` pair, "CV"), and of the data_scientist family only through a
data-science word (the last word of a role phrase of kind "ds", "science" of a bare "data
science"), or an abbreviation or misspelling written for one of them ("MLE", "DS", "sciencist").
Every reader builds its openings from words of the post, so a post without a family's words has
no opening of that family; the late readers, which add only the families the openings found so
far lack (with the other items of the lists they took them from), have nothing to add once the
openings hold every family the post has words for (`list_others.read_in_turn`).

The test is a superset of the classifier's own: a cue matches wherever its letters stand after a
character that is no ASCII letter or digit (the classifier's tokens start after a space or a
mark), a short cue only as a whole word (plural "s" allowed), a long one as any word's start
("scientists", "networks"). A new family word in role_rules.toml becomes a cue by itself; a
family word hard-coded in titles.py must be added to the coded cues below.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jobtrends.vocabulary import AI_ENGINEER, DATA_SCIENTIST
from pipeline.roles.vocabulary import ABBREVIATIONS, AI_BIGRAMS, AI_WORDS, ROLE_PHRASES

# Family words written in titles.py rather than role_rules.toml: "CV" (computer vision) as an AI
# qualifier and the misspelling "machine leaning"; "science" of a bare "data science".
_CODED_AI_CUES = frozenset({"cv", "leaning"})
_CODED_DS_CUES = frozenset({"science"})
# Cues this short are tested as whole words: as a word's start they are in most posts ("mail").
_WHOLE_WORD_BELOW = 5
# Readers of one post ask in turn; a few recent texts are kept.
_CACHED_TEXTS = 4


def _with_abbreviations(words: set[str]) -> frozenset[str]:
    """words and the abbreviations and misspellings that expand to one of them."""
    extra = {short for short, long in ABBREVIATIONS.items() if words.intersection(long.split())}
    return frozenset(words | extra)


AI_CUES = _with_abbreviations(set(AI_WORDS) | {pair[-1] for pair in AI_BIGRAMS} | _CODED_AI_CUES)
DS_CUES = _with_abbreviations(
    {phrase[-1] for phrase, kind in ROLE_PHRASES.items() if kind == "ds"} | _CODED_DS_CUES
)


def _cue_pattern(words: frozenset[str], extra: str = "") -> re.Pattern[str]:
    """Any of words after a non-alphanumeric character: short ones whole, long ones as a start."""
    by_length = sorted(words, key=lambda w: (-len(w), w))
    whole = "|".join(re.escape(w) for w in by_length if len(w) < _WHOLE_WORD_BELOW)
    start = "|".join(re.escape(w) for w in by_length if len(w) >= _WHOLE_WORD_BELOW)
    return re.compile(rf"(?<![a-z0-9])(?:(?:{whole})s?(?![a-z0-9])|{start}{extra})")


# "A.I." is read as "ai" (titles.py)
_AI_CUE = _cue_pattern(AI_CUES, r"|a\.i")
_DS_CUE = _cue_pattern(DS_CUES)


@lru_cache(maxsize=_CACHED_TEXTS)
def families_named(text: str) -> frozenset[str]:
    """The compared families (ai_engineer, data_scientist) text holds a word for."""
    low = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    named = set()
    if _AI_CUE.search(low):
        named.add(AI_ENGINEER)
    if _DS_CUE.search(low):
        named.add(DATA_SCIENTIST)
    return frozenset(named)
