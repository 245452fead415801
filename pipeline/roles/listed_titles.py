"""Titles of every family in the sentence lists the family readers read ("Positions include ...").

`hiring_lists` reads lists after a cue mid-sentence ("Open roles: Sr. Software Engineers,
Integration Engineers, Sr. Data Scientist, and Product Managers") for the openings of the two
families the line reader missed. The list's other items are openings too; the post's families
do not change by them, since an `other` opening gives a post no family.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.roles.hiring_lists import MAX_POST_CHARS, _sentence_lists, is_resume
from pipeline.roles.list_items import Spec
from pipeline.roles.post_text import lowered
from pipeline.roles.title_merges import _opens_with_prose_word as opens_with_prose_word
from pipeline.roles.title_merges import _word_set as word_set
from pipeline.roles.titles import Opening

_OTHER = "other"
# Companies repost the same text month after month, as `hn_posts` caches whole posts.
_CACHED_POSTS = 8_192
# Items that name no job of their own: "manager" of "the hiring manager", a joining word left.
_VAGUE_WORDS = frozenset("and or also manager managers mgr hiring".split())
# Words that make an item a piece of a sentence ("include two Senior Engineers", "manager,
# feel free to ...").
_SENTENCE_WORDS = frozenset(
    "include includes free feel a an the experienced many range variety kinds".split()
)
_WORD = re.compile(r"[a-z0-9+#.]+")


def _names_a_job(title: str) -> bool:
    """Whether a list item names a job: not vague, not a piece of a sentence, brackets closed."""
    words = _WORD.findall(title.lower())
    if not words or all(w in _VAGUE_WORDS for w in words):
        return False
    if any(w in _SENTENCE_WORDS for w in words):
        return False
    return title.count("(") == title.count(")")


@lru_cache(maxsize=_CACHED_POSTS)
def _other_items(text: str) -> tuple[Spec, ...]:
    """The `other` items naming a job in the post's sentence lists (cached: posts repeat)."""
    return tuple(
        (parsed, title, normalized)
        for line_items in _sentence_lists(text)
        for parsed, title, normalized in line_items
        if parsed.family == _OTHER and normalized and _names_a_job(title)
    )


def listed_titles(text_plain: str, found: list[Opening]) -> list[Opening]:
    """The `other` openings of a post's sentence lists that `found` lacks."""
    text = text_plain[:MAX_POST_CHARS]
    if not text.strip() or is_resume(text):
        return []
    seen = {(o.normalized_title.lower(), o.role_family) for o in found}
    items = _other_items(text)
    known = [word_set(o.title) for o in found]
    low = lowered(text)
    extra: list[Opening] = []
    for parsed, title, normalized in items:
        key = (normalized.lower(), parsed.family)
        words = word_set(title)
        # the same title with or without its team or place ("Senior Engineer (search team)")
        if key in seen or any(words <= k or k <= words for k in known if k):
            continue
        # "the hiring manager, ..." of an interview process; praise before a found opening's
        # role ("skilled engineers") describes it
        if f"hiring {title.lower()}" in low or (found and opens_with_prose_word(title)):
            continue
        seen.add(key)
        known.append(words)
        extra.append(
            Opening(
                title=title,
                normalized_title=normalized,
                role_family=_OTHER,
                seniority=parsed.seniority,
            )
        )
    return extra
