"""A post's text as its readers see it: its lines, lower-cased once for all of them.

About twenty readers read each post one after the other; each used to split and lower-case the
same text again. These functions keep the last few posts' forms, and hand every reader the same
line strings, so that a line's hash, which the readers' line caches use, is computed once.
"""

from __future__ import annotations

from functools import lru_cache

# The readers of one post run one after the other, a post rewritten with plain bullets
# (`bullet_marks`) within them: a few posts at a time are enough.
_POSTS_IN_READING = 8


@lru_cache(maxsize=_POSTS_IN_READING)
def post_lines(text: str) -> tuple[str, ...]:
    """The lines of text, as `text.split("\\n")` gives them."""
    return tuple(text.split("\n"))


@lru_cache(maxsize=_POSTS_IN_READING)
def lowered(text: str) -> str:
    """text.lower(); lower-casing keeps the number and order of the line breaks."""
    return text.lower()


def lines_holding(
    text: str,
    words: tuple[str, ...],
    first: int = 0,
    as_written: bool = False,
    folding: bool = False,
) -> list[str]:
    """The lines of text from line `first` on, in order, whose lower-case form holds one of words
    (or, `as_written`, whose own text does).

    Each word is non-empty, holds no line break, and is lower-case unless `as_written`.
    The words' places are found in the whole text once, instead of testing every line. With
    `folding`, lines that are not ASCII are kept too: a case-insensitive pattern folds letters
    that lower() leaves alone (the Kelvin sign matches "k").
    """
    low = text if as_written else lowered(text)
    hits: set[int] = set()
    if folding and not text.isascii():
        hits.update(k for k, line in enumerate(post_lines(text)) if not line.isascii())
    for word in words:
        at = low.find(word)
        line, counted = 0, 0
        while at >= 0:
            line += low.count("\n", counted, at)
            hits.add(line)
            # the rest of this line holds the word already: look from the next line on
            counted = low.find("\n", at)
            if counted < 0:
                break
            at = low.find(word, counted)
    if not hits:
        return []
    lines = post_lines(text)
    return [lines[k] for k in sorted(hits) if k >= first]
