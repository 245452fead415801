"""A name that ends a job title after a dash is part of the title ("Software Engineer - Rails"),
as "Rails Engineer" is: the title names the opening, not a skill it asks for."""

from __future__ import annotations

from pipeline.skills.rule_words import DASH_TITLE_HEADS
from pipeline.skills.sense_words import URL_STARTS
from pipeline.skills.view import View, is_space_hash, word_ids

_HEADS = word_ids(DASH_TITLE_HEADS)
_DASHES = word_ids({"-", "–", "—"})
# names of one title joined by a slash: "Software Engineer - iOS/Android"
_SLASH = word_ids({"/"})
# what may end a title's line after the names: a header's next field ("... - Rails | Remote")
_FIELD_ENDS = word_ids({"|"})
_OPEN, _CLOSE = word_ids({"("}), word_ids({")"})
# At most this many tokens inside a parenthesis after the names: a short qualifier of the title
# ("Software Engineer - Rails (Backend)", "(Remote, US)"), not a sentence.
NOTE_MAX = 6
# At most this many names joined by slashes make a title ("Mobile Engineer - iOS/Android",
# "Backend Engineer - Python/Django"); a longer run is the stack the job asks for ("Software
# Engineer - React/JS/PHP/Java | Remote", "Full Stack Developer - PHP/MySQL/Node.js/AWS").
TITLE_NAMES_MAX = 2


def without_dash_titles(
    view: View, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The spans without names that end a title after a role noun and a dash on their line
    ("Senior Engineer – Machine Learning", "Engineering Manager - Android", "Developer - iOS/
    Android (Remote)"); not a list ("DevOps Engineer - Ansible, Jenkins", "- React/JS/PHP") or more
    words after the name ("Backend Engineer - Kafka pipelines")."""
    at = view.at
    titled: set[int] = set()
    i = 0
    while i < len(spans):
        start = spans[i][0]
        if at(start - 1) not in _DASHES or at(start - 2) not in _HEADS:
            i += 1
            continue
        last = i  # the run of names joined by slashes: "iOS/Android"
        while last + 1 < len(spans) and at(spans[last][1]) in _SLASH:
            if spans[last + 1][0] != spans[last][1] + 1:
                break
            last += 1
        if last - i < TITLE_NAMES_MAX and _line_ends(view, spans[last][1]):
            titled.update(range(i, last + 1))
        i = last + 1
    if not titled:
        return spans
    return [s for k, s in enumerate(spans) if k not in titled]


def _line_ends(view: View, i: int) -> bool:
    """Whether the title's line ends at token i: the text's or a line's end, a header's next
    field, or a short parenthesis or the opening's link before one of those."""
    at = view.at
    if i >= view.n:
        return True
    word = at(i)
    if view.doc[i].lower_.startswith(URL_STARTS):
        return _line_ends(view, i + 1)  # "Engineering Manager - Android https://example.com/j/1"
    if word in _OPEN:
        for j in range(i + 1, min(view.n, i + NOTE_MAX + 2)):
            if at(j) in _CLOSE:
                return _line_ends(view, j + 1)
        return False
    return word in _FIELD_ENDS or ("\n" in view.doc[i].text and is_space_hash(word, view))
