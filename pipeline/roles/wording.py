"""Whether a piece of an HN post is worded as a title or as prose, and the pieces it splits into."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat

from pipeline.roles.hn_patterns import (
    CAPITAL_AREAS,
    LEVEL_RANGE,
    LIST_ITEM_WORDS,
    PARENS,
    PROSE_WORDS,
    TITLE_WORDS,
    URL,
    URL_NO_EMAIL,
    closed_sub,
    mask_parens,
)

# A parenthesis closed within a few words, without a pipe: a title's detail, never two fields.
SHORT_PARENS = re.compile(r"\([^()|\n]{1,60}\)")


def strip_urls(text: str, replacement: str = " ") -> str:
    """text with its links and e-mail addresses replaced (by a space, or " | " in a header)."""
    if "@" in text or "http" in text or "www." in text or "[" in text:
        return _urls_replaced(text, replacement)
    return text


@lru_cache(maxsize=16_384)
def _urls_replaced(text: str, replacement: str) -> str:
    """Cached: each reader of a line strips its links again."""
    return (URL if "@" in text else URL_NO_EMAIL).sub(replacement, text)


@lru_cache(maxsize=65_536)
def split_top(text: str, pattern: re.Pattern[str]) -> tuple[tuple[str, str], ...]:
    """Split text on pattern outside parentheses: ((piece, separator before it), ...); cached, as
    a line's title part is split again after its list was read."""
    return tuple(_top_pieces(text, pattern))


def first_top_piece(text: str, pattern: re.Pattern[str]) -> str | None:
    """The first piece `split_top` gives, found without splitting the rest of text (a line of
    prose is rejected on its first piece)."""
    return next((piece for piece, _ in _top_pieces(text, pattern)), None)


def _top_pieces(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """The stripped non-empty pieces of text between pattern's matches outside parentheses, each
    with the separator before it, one at a time."""
    masked = mask_parens(text)
    pos, sep = 0, ""
    for m in pattern.finditer(masked):
        if m.start() == m.end():
            continue
        piece = text[pos : m.start()].strip()
        if piece:
            yield piece, sep
        sep, pos = m.group(0).strip().lower(), m.end()
    piece = text[pos:].strip()
    if piece:
        yield piece, sep


def lower_words(text: str) -> list[str]:
    """The lower-cased words of text, with typographic apostrophes made plain."""
    return text.lower().replace("’", "'").split()


# Prose words that, right before an engineering noun, name the title's field: "Application
# Engineer", "Build Engineer" ("application" is otherwise a job seeker's or an applicant's word).
_TITLE_FIELD_WORDS = frozenset({"application", "applications", "build"})
_ENGINEERING_NOUN = re.compile(r"^(?:engineers?|developers?|architects?|programmers?)\b")
# A capitalised field word may name its title's field two words before the engineering noun.
_FIELD_WORD_REACH = 2


_WORD_PUNCT = ",.!?:;()"
# Whose experience a title's area names, written capitalised: "Developer Experience Engineer",
# "User Experience Designer", "Head of Customer Experience" ("experience" is otherwise a
# requirement's word: "developer experience with Python").
_EXPERIENCE_OWNERS = frozenset(
    "developer user customer guest member patient candidate player employee client".split()
)
# An "Experience" area written alone: its owner and the word.
_OWNER_AND_EXPERIENCE = 2
# A bracket at a piece's end: its place or pay ("(Toronto)", "($140k - $160k)").
_LAST_BRACKET = re.compile(r"\s?\([^()]*\)$")


# Technology names whose inner word is otherwise prose: "Ruby on Rails engineers" is one role.
_NAMES_WITH_PROSE_WORDS = frozenset({("ruby", "on", "rails"), ("infrastructure", "as", "code")})


def inside_name(words: list[str], i: int) -> bool:
    """Whether words[i] is the inner word of a technology name ("Ruby on Rails")."""
    if not 0 < i < len(words) - 1:
        return False
    around = (
        words[i - 1].lower().lstrip("([{\"'"),
        words[i].lower(),
        words[i + 1].lower().rstrip(")]}\"',.;:"),
    )
    return around in _NAMES_WITH_PROSE_WORDS


@lru_cache(maxsize=65_536)
def is_prose(text: str, limit: int = TITLE_WORDS) -> bool:
    """More words than a title holds, or a word of prose (cached: a line's parts are asked often)."""
    if " to " in text:
        text = LEVEL_RANGE.sub(r"\1-", text)
    words = lower_words(text)
    if len(words) > limit:
        return True
    bare = list(map(str.strip, words, repeat(_WORD_PUNCT)))
    if PROSE_WORDS.isdisjoint(bare):
        return False  # no prose word at all: the word-by-word test below cannot succeed
    raws = text.split()
    # only the prose words are looked at further (most lines' words are not)
    for k in range(min(len(words), len(raws))):
        if bare[k] not in PROSE_WORDS:
            continue
        raw = raws[k]
        if (
            raw.strip(_WORD_PUNCT) not in CAPITAL_AREAS
            and not (words[k] in _TITLE_FIELD_WORDS and _names_field(words, k, raw))
            and not _names_experience(bare, raws, k)
            and not inside_name(raws, k)
        ):
            return True
    return False


def is_owner_experience(text: str) -> bool:
    """Whether a piece is only an "Experience" area and its owner, a bracket after it aside
    ("Developer Experience", "Developer Experience (Toronto)")."""
    words = _LAST_BRACKET.sub("", text).split()
    return (
        len(words) == _OWNER_AND_EXPERIENCE
        and words[1] == "Experience"
        and words[0][:1].isupper()
        and words[0].lower() in _EXPERIENCE_OWNERS
    )


def _names_experience(bare: list[str], raws: list[str], at: int) -> bool:
    """Whether "Experience" names an area with its owner before it ("Developer Experience")."""
    return (
        bare[at] == "experience"
        and at > 0
        and raws[at][:1] == "E"
        and raws[at - 1][:1].isupper()
        and bare[at - 1] in _EXPERIENCE_OWNERS
    )


def _names_field(words: list[str], at: int, raw: str) -> bool:
    """Whether a field word opens a title: an engineering noun next ("Application Engineer"), or
    capitalised with one more field word between ("Application Security Engineer")."""
    after = words[at + 1 : at + 1 + _FIELD_WORD_REACH]
    if after and _ENGINEERING_NOUN.match(after[0]):
        return True
    return (
        raw[:1].isupper()
        and len(after) == _FIELD_WORD_REACH
        and _ENGINEERING_NOUN.match(after[1]) is not None
        and after[0].strip(_WORD_PUNCT) not in PROSE_WORDS
    )


_AI_WORD = re.compile(
    r"\b(?:AI|ML|NLP|LLMs?|GenAI|CV|machine\s+learning|deep\s+learning|computer\s+vision)\b",
    re.I,
)


def has_ai_word(text: str) -> bool:
    """Whether text names AI, ML, NLP, LLMs, computer vision or deep learning."""
    return _AI_WORD.search(text) is not None


def is_prose_item(piece: str) -> bool:
    """A list piece too long for a title, or worded as a sentence.

    A short parenthesis is the title's detail and counts neither towards its length nor as
    wording: "Founding Full Stack Developer (AI x Search x Graphs)" is one title.
    """
    return is_prose(SHORT_PARENS.sub(" ", piece), LIST_ITEM_WORDS)


def drop_prose_parens(text: str) -> str:
    """Parentheses worded as a sentence dropped: "Software Engineer (ML experience a plus)"
    states a requirement, "(must be a golfer)" a wish; neither is part of the title."""
    return closed_sub(PARENS, lambda m: " " if is_prose(m.group(1)) else m.group(0), text)
