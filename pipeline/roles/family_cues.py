"""Which of the two compared families a post's text holds words for.

A title is of the ai_engineer family only through an AI word of the vocabulary (`AI_WORDS`,
"CV") or both words of an AI pair (`AI_BIGRAMS`: "machine learning", "computer vision"), and of
the data_scientist family only through a data-science word (the last word of a role phrase of
kind "ds", "science" of a bare "data science"), or an abbreviation or misspelling written for
one of them ("MLE", "DS", "sciencist", "leaning"). Every reader builds its openings from words
of the post, so a post without a family's words has no opening of that family; the late readers,
which add only the families the openings found so far lack (with the other items of the lists
they took them from), have nothing to add once the openings hold every family the post has
words for (`list_others.read_in_turn`).

The test is a superset of the classifier's own: a cue matches wherever its letters stand after a
character that is no ASCII letter or digit (the classifier's tokens start after a space or a
mark), a short cue only as a whole word (plural "s" allowed), a long one as any word's start
("scientists", "networks"); a pair's two words may stand anywhere in the post. A new family word
or pair in role_rules.toml becomes a cue by itself; a family word a reader writes in its code
(titles.py, shared_qualifiers.py) must be added to the coded cues below.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jobtrends.vocabulary import AI_ENGINEER, DATA_SCIENTIST
from pipeline.roles.vocabulary import ABBREVIATIONS, AI_BIGRAMS, AI_WORDS, ROLE_PHRASES

# Family words written in code rather than role_rules.toml: "CV" (computer vision) as an AI
# qualifier and "science" of a bare "data science" (titles.py), "leaning" read as "learning"
# after "machine" or "deep" (titles.py), "DL" read as "deep learning" (shared_qualifiers.py).
_CODED_AI_CUES = frozenset({"cv", "dl"})
_CODED_DS_CUES = frozenset({"science"})
_MISSPELT = {"learning": frozenset({"leaning"})}
# Cues this short are tested as whole words: as a word's start they are in most posts ("mail").
_WHOLE_WORD_BELOW = 5
# Readers of one post ask in turn; a few recent texts are kept.
_CACHED_TEXTS = 4


def _forms(words: set[str]) -> frozenset[str]:
    """words with the abbreviations and misspellings that expand to one of them."""
    extra = {short for short, long in ABBREVIATIONS.items() if words.intersection(long.split())}
    extra.update(form for word in words for form in _MISSPELT.get(word, ()))
    return frozenset(words | extra)


def _holds_pair(expanded: str) -> bool:
    """Whether an abbreviation expands to both words of an AI pair ("MLE": machine learning)."""
    words = expanded.split()
    return any(a in words and b in words for a, b in AI_BIGRAMS)


# A single word makes a title AI; a pair ("machine learning") needs both its words in the post.
AI_CUES = _forms(set(AI_WORDS) | _CODED_AI_CUES) | {
    short for short, long in ABBREVIATIONS.items() if _holds_pair(long)
}
AI_PAIR_CUES = tuple((_forms({a}), _forms({b})) for a, b in sorted(AI_BIGRAMS))
DS_CUES = _forms(
    {phrase[-1] for phrase, kind in ROLE_PHRASES.items() if kind == "ds"} | _CODED_DS_CUES
)


# What may not stand right before a cue, nor right after a short one (or its plural "s").
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _starts_word(low: str, cue: str, whole: bool) -> bool:
    """Whether `cue` stands in lower-cased text after a character that is no ASCII letter or
    digit; a `whole` one also before such a character, a plural "s" allowed between."""
    at = low.find(cue)
    while at >= 0:
        if at == 0 or low[at - 1] not in _ALNUM:
            if not whole:
                return True
            end = at + len(cue)
            if end >= len(low) or low[end] not in _ALNUM:
                return True
            if low[end] == "s" and (end + 1 >= len(low) or low[end + 1] not in _ALNUM):
                return True
        at = low.find(cue, at + 1)
    return False


class _Cues:
    """A set of cues, each found with str.find and, from its first place on, with a pattern of
    its word edges (a search of all the cues at once at every position of the text was many
    times dearer, and testing each place of a cue in a loop dear where a cue stands inside
    words: "ai" of "email"): a short cue as a whole word, plural "s" allowed, a long one as any
    word's start."""

    __slots__ = ("cues",)

    def __init__(self, words: frozenset[str]) -> None:
        """Keep `words` with the pattern of each's edges, in a fixed order."""
        self.cues = tuple((w, _edges(w, len(w) < _WHOLE_WORD_BELOW)) for w in sorted(words))

    def held(self, low: str) -> bool:
        """Whether lower-cased text `low` holds one of the cues."""
        for cue, edges in self.cues:
            at = low.find(cue)
            if at >= 0 and edges.search(low, at) is not None:
                return True
        return False


def _edges(cue: str, whole: bool) -> re.Pattern[str]:
    """The pattern `_starts_word` tests: `cue` after no ASCII letter or digit (the look-behind
    comes after the cue's letters, so that a search skips to them), a `whole` one also before
    none, a plural "s" allowed between."""
    # a look-behind before the cue would be tried at every position of the text
    text = re.escape(cue)
    pattern = f"{text}(?<![a-z0-9]{text})"
    return re.compile(pattern + "s?(?![a-z0-9])" if whole else pattern)


_AI = _Cues(AI_CUES)
# "A.I." is read as "ai" (titles.py): a word's start, whatever follows
_DOTTED_AI = "a.i"
# the pairs' second words first: one test tells most posts
_PAIR_SECOND = _Cues(frozenset().union(*(b for _, b in AI_PAIR_CUES)))
_PAIRS = tuple((_Cues(a), _Cues(b)) for a, b in AI_PAIR_CUES)
_DS = _Cues(DS_CUES)


def _names_ai(low: str) -> bool:
    """Whether lower-cased text holds an AI word, or both words of an AI pair."""
    if _AI.held(low) or _starts_word(low, _DOTTED_AI, whole=False):
        return True
    if not _PAIR_SECOND.held(low):
        return False
    return any(b.held(low) and a.held(low) for a, b in _PAIRS)


@lru_cache(maxsize=_CACHED_TEXTS)
def families_named(text: str) -> frozenset[str]:
    """The compared families (ai_engineer, data_scientist) text holds a word for."""
    return families_in(text)


def families_in(text: str) -> frozenset[str]:
    """`families_named` unkept, for the many short texts (lines) of one post."""
    low = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    named = set()
    if _names_ai(low):
        named.add(AI_ENGINEER)
    if _DS.held(low):
        named.add(DATA_SCIENTIST)
    return frozenset(named)
