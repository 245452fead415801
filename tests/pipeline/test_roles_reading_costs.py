"""Cheaper forms of the line readers' steps give what the plain forms gave (docs/roles.md,
"Performance")."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.roles.body_lines import _title_list
from pipeline.roles.hn_patterns import ITEM_SEP, mask_parens
from pipeline.roles.wording import first_top_piece, split_top

# Far above what a linear reading of the texts below takes, far below a quadratic one's.
LINEAR_BOUND_S = 2.0


def _masked_char_by_char(text: str) -> str:
    """mask_parens as first written: one character at a time."""
    if "(" not in text and "[" not in text:
        return text
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            out.append(ch)
            continue
        out.append("_" if depth and ch not in "([" else ch)
    return "".join(out)


def test_mask_parens_masks_inside_brackets_only() -> None:
    assert mask_parens("Data Scientist (NLP, CV), ML Engineer") == (
        "Data Scientist (_______), ML Engineer"
    )
    assert mask_parens("Engineer [Remote (EU)] / Analyst") == "Engineer [_______(__)] / Analyst"
    # a closing bracket without its opener closes nothing; an unclosed one masks to the end
    assert mask_parens("a) Backend (Go, Rust") == "a) Backend (________"
    assert mask_parens("no brackets, here") == "no brackets, here"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ,()[]é\n|/", max_size=40))
def test_mask_parens_is_the_char_by_char_masking(text: str) -> None:
    assert mask_parens(text) == _masked_char_by_char(text)


def test_mask_parens_is_linear_in_brackets() -> None:
    text = "(" * 50_000 + "x" * 50_000 + ")" * 50_000 + "]" * 50_000
    started = time.process_time()
    assert mask_parens(text) == _masked_char_by_char(text)
    assert time.process_time() - started < LINEAR_BOUND_S


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ,;()&/\n", max_size=40))
def test_first_top_piece_is_split_tops_first(text: str) -> None:
    pieces = split_top(text, ITEM_SEP)
    assert first_top_piece(text, ITEM_SEP) == (pieces[0][0] if pieces else None)


def test_a_line_of_titles_is_still_read_and_a_sentence_is_not() -> None:
    titles = "Backend Engineers (senior), Frontend Engineers, Product Managers"
    assert [spec[1] for spec in _title_list(titles)] == [
        "Backend Engineers (senior)",
        "Frontend Engineers",
        "Product Managers",
    ]
    assert _title_list("We build tools for bakeries, cafes, and the people who run them") == ()
    # a sentence after a first title still fails on a later piece
    assert _title_list("Data Scientist, we build tools, and more") == ()
