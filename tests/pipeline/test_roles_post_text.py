"""A post's shared lines: the lines picked by their words are those a per-line test picks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.roles import hired_areas, hiring_phrases, post_text, team_lists

WORDS = [
    "We're",
    "HIRING",
    "hiring",
    "people",
    "in",
    "from",
    "(remote)",
    "roles",
    "for",
    "need",
    "Data",
    "Scientists",
    "İ",
    "\u212a",
    "\n",
    "\n\n",
]
posts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
WORD_SETS = [
    ("hiring", "roles"),
    ("from ", "("),
    hired_areas._NOUNS,
    hiring_phrases._TRIGGERS,
    team_lists._ANY_WORDS,
]


@settings(max_examples=300, deadline=None)
@given(posts, st.sampled_from(WORD_SETS), st.integers(0, 2))
def test_lines_holding_are_the_lines_a_line_test_keeps(
    text: str, words: tuple[str, ...], first: int
) -> None:
    lines = text.split("\n")
    lowered = [line for line in lines[first:] if any(w in line.lower() for w in words)]
    written = [line for line in lines[first:] if any(w in line for w in words)]
    folded = [
        line
        for line in lines[first:]
        if not line.isascii() or any(w in line.lower() for w in words)
    ]
    assert post_text.lines_holding(text, words, first) == lowered
    assert post_text.lines_holding(text, words, first, as_written=True) == written
    assert post_text.lines_holding(text, words, first, folding=True) == folded


def test_lines_holding() -> None:
    text = "Acme | Remote\nWe're HIRING people in ML\nfrom Paris\n\u212aelvin people"
    assert post_text.post_lines(text) == (
        "Acme | Remote",
        "We're HIRING people in ML",
        "from Paris",
        "\u212aelvin people",
    )
    assert post_text.lines_holding(text, ("hiring", "from ")) == [
        "We're HIRING people in ML",
        "from Paris",
    ]
    assert post_text.lines_holding(text, ("hiring",), as_written=True) == []
    assert post_text.lines_holding(text, ("people",), first=2) == ["\u212aelvin people"]
    assert post_text.lines_holding(text, ("nobody",), folding=True) == ["\u212aelvin people"]
    assert post_text.lines_holding(text, ("nobody",)) == []
