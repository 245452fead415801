"""Openings that are only a language or framework ("Python", "Rust") beside titles of roles.

A post that names its roles ("Sr. Engineer", "Unity developer") and also its stack ("Unity,
WebGL, Javascript, C#", "Computer Vision, C++, Python") has the stack read as openings by the
list and sentence readers; beside a role title the bare name is the stack, not an opening. A
name that leads a list ending in a role noun shares that noun ("Haskell, React and Golang
engineers" is a Haskell engineer) and stays, and so does every name of a post whose openings
are only areas and languages ("Node | React | QA | DevOps").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.roles.post_text import lowered
from pipeline.roles.titles import Opening, parse_title
from pipeline.roles.vocabulary import ABBREVIATIONS, PLURALS, ROLE_PHRASES, TECHNOLOGIES

# The words that end a list of names sharing a role noun ("Python, Go or Node developers").
_ROLE_NOUNS = frozenset(
    {phrase[0] for phrase in ROLE_PHRASES if len(phrase) == 1}
    | set(PLURALS)
    | {
        word
        for word, full in ABBREVIATIONS.items()
        if full.split()[-1] in ("engineer", "developer")
    }
)
# A list that shares a role noun runs a few names on ("C++, Java, Python, Go and Rust engineers").
_LIST_CHARS = 80
# The list ends at a sentence, clause or line end or a dash; a parenthesis may stand inside it
# ("Java & Javascript (frontend & Node.JS) engineers").
_LIST_END = re.compile(r"\.\s|[;:!?\n]|\s[-–—]\s")
_WORD = re.compile(r"[a-z][a-z+#]*")


def is_stack_name(title: str) -> bool:
    """Whether a title is only a language or framework name ("Python", "c++", "Go.")."""
    return title.strip(" .,;:").lower() in TECHNOLOGIES


def _shares_role_noun(name: str, text: str) -> bool:
    """Whether the name, where the text writes it, leads a list that ends in a role noun."""
    low = lowered(text)
    pattern = re.compile(rf"(?<![\w#+]){re.escape(name.strip(' .,;:').lower())}(?![\w#+])")
    for m in pattern.finditer(low):
        tail = _LIST_END.split(low[m.end() : m.end() + _LIST_CHARS], maxsplit=1)[0]
        if tail.lstrip().startswith((",", "/", "&", "and ", "or ", "+")) and any(
            w in _ROLE_NOUNS for w in _WORD.findall(tail)
        ):
            return True
    return False


def without_stack_names(openings: Sequence[Opening], text: str) -> list[Opening]:
    """Openings without bare stack names, when the post names a role and keeps the name's family."""
    stack = [is_stack_name(o.title) and not _shares_role_noun(o.title, text) for o in openings]
    if not any(stack):
        return list(openings)
    kept = [o for o, s in zip(openings, stack, strict=True) if not s]
    if not any(parse_title(o.title).kind == "role" for o in kept):
        return list(openings)
    families = {o.role_family for o in kept}
    return [
        o for o, s in zip(openings, stack, strict=True) if not s or o.role_family not in families
    ]
