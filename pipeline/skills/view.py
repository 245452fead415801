"""The token view the skill rules read, and the candidates they decide on: a match of the
taxonomy, a lazy cache of the tokens' lower-case hashes, and whether a name sits in a list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.skills.rule_words import LIST_JOINERS


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The string-store hashes of `words`."""
    return frozenset(get_string_id(w) for w in words)


_JOINERS = word_ids(LIST_JOINERS)


class Candidate(NamedTuple):
    """One match of the taxonomy in a doc, before the rules decide on it (token offsets)."""

    start: int
    end: int
    skill_id: str
    category: str
    rule: str | None  # None: unambiguous


class _Lowers(dict[int, int]):
    """Token index -> lower-case hash, filled on first use (0 outside the doc): a dict lookup is
    the whole cost of a token read twice."""

    __slots__ = ("doc", "n")

    def __init__(self, doc: Doc) -> None:
        """Wrap `doc`."""
        super().__init__()
        self.doc = doc
        self.n = len(doc)

    def __missing__(self, i: int) -> int:
        """Read token i's lower-case hash from the doc and keep it."""
        value = self[i] = self.doc[i].lower if 0 <= i < self.n else 0
        return value


class View:
    """Lazy, cached access to the few token attributes the rules look at (most tokens are never
    looked at: reading whole columns with Doc.to_array was measured slower, 226 against 161 us
    a posting)."""

    __slots__ = ("doc", "n", "at", "org_cues", "org_people", "org_first_link")

    def __init__(
        self, doc: Doc, org_cues: bool = True, org_people: bool = True, org_first_link: int = 0
    ) -> None:
        """Wrap `doc`; `org_cues`: whether the matcher found words that introduce organisations;
        `org_people`: whether it found words of their people ("CEO", "alums"); `org_first_link`:
        no token before this one introduces a list of organisations ("customers including")."""
        self.doc = doc
        self.n = len(doc)
        # at(i): the lower-case hash of token i, 0 outside the doc
        self.at: Callable[[int], int] = _Lowers(doc).__getitem__
        self.org_cues = org_cues
        self.org_people = org_people
        self.org_first_link = org_first_link

    def is_space(self, i: int) -> bool:
        """Whether token i is whitespace (a line break in clean text)."""
        return is_space_hash(self.at(i), self)


# lower-case hash -> whether the string is whitespace; the same few words recur
_SPACE_BY_HASH: dict[int, bool] = {}


def is_space_hash(word: int, view: View) -> bool:
    """Whether the token with this lower-case hash is whitespace; no Token is built."""
    value = _SPACE_BY_HASH.get(word)
    if value is None:
        value = _SPACE_BY_HASH[word] = bool(word) and view.doc.vocab.strings[word].isspace()
    return value


def listed_with(view: View, tokens: set[int], start: int, end: int) -> bool:
    """Whether a mention shares a list with one of `tokens` (only joiners between them):
    "machine learning, NLP, and computational biology"."""
    i = start - 1
    while i >= 0 and start - i <= 3 and view.at(i) in _JOINERS and not view.is_space(i):
        i -= 1
    if i < start - 1 and i in tokens:
        return True
    i = end
    while i < view.n and i - end < 3 and view.at(i) in _JOINERS and not view.is_space(i):
        i += 1
    return i > end and i in tokens
