"""Role classifier never raises and always answers with known families and seniorities."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobtrends.vocabulary import ROLE_FAMILIES, SENIORITIES
from pipeline.roles import (
    classify_title,
    openings_of_post,
    openings_of_posting,
    role_families,
)

_PIECES = st.sampled_from(
    [
        "ML",
        "AI",
        "Engineer",
        "Data",
        "Scientist",
        "Senior",
        "Sr.",
        "Lead",
        "Head of",
        " | ",
        " - ",
        ", ",
        "/",
        "&",
        "(",
        ")",
        "\n",
        "- ",
        "* ",
        "1. ",
        "Roles:",
        "We're hiring",
        "Machine Learning",
        "Data Science",
        "Intern",
        "II",
        "Claude.ai",
        "AI/BI",
        "Hazel AI",
        "of",
        "and",
        ":",
        "\u200b",
        "\u202e",
        "\u0627\u0644\u0630\u0643\u0627\u0621",
        "🚀",
        "e\u0301",
        "Ⅲ",
        "ＭＬ",
        "\x00",
        "\t",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(_PIECES, max_size=60).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


def _valid(openings: list) -> None:
    for opening in openings:
        assert opening.role_family in ROLE_FAMILIES
        assert opening.seniority in SENIORITIES
        assert isinstance(opening.normalized_title, str)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_classify_title_total(title: str) -> None:
    opening = classify_title(title)
    _valid([opening])
    assert opening.title == title
    assert opening.section is None


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_openings_of_post_total(text: str) -> None:
    openings = openings_of_post(text)
    _valid(openings)
    for opening in openings:
        if opening.section is not None:
            start, end = opening.section
            assert 0 <= start <= end <= len(text)
    assert set(role_families(openings)) <= {"ai_engineer", "data_scientist"}


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["hn_whoishiring", "greenhouse", "lever", "ashby", "remoteok", "jsonld"]),
    st.one_of(st.none(), _TEXT),
    _TEXT,
)
def test_openings_of_posting_total(source: str, title: str | None, text: str) -> None:
    _valid(openings_of_posting(source, title, text))


@pytest.mark.parametrize(
    "text",
    [
        "ML Engineer " * 10_000,
        "Acme | Data Scientist | Remote\n" + ("- Senior ML Engineer\nWe build models.\n" * 3_000),
        "\u200b" * 100_000,
        "\u202eRENIGNE LM\u202c | Remote",
        "🚀" * 50_000,
        "ا" * 100_000 + " | ML Engineer",
    ],
    ids=["repeated-title", "long-list", "zero-width", "rtl-override", "emoji", "rtl-100k"],
)
def test_huge_and_odd_inputs(text: str) -> None:
    _valid([classify_title(text)])
    _valid(openings_of_post(text))


def test_non_string_inputs_do_not_raise() -> None:
    assert classify_title(None).role_family == "other"  # type: ignore[arg-type]
    assert openings_of_post(None) == []  # type: ignore[arg-type]


@pytest.mark.shared
@pytest.mark.slow
def test_real_hn_posts_sample(shared_dir) -> None:
    """A sample of real posts: nothing raises, and both families occur at plausible rates."""
    items = sorted(
        (shared_dir / "corpus" / "hn-algolia" / "items").glob("*.json"), key=lambda p: int(p.stem)
    )
    assert items
    texts: list[str] = []
    for path in items[-3:]:
        thread = json.loads(path.read_text(encoding="utf-8"))
        for post in thread.get("children") or []:
            if post.get("text"):
                texts.append(_plain(post["text"]))
    counts = {"ai_engineer": 0, "data_scientist": 0}
    for text in texts:
        openings = openings_of_post(text)
        _valid(openings)
        for family in role_families(openings):
            counts[family] += 1
    assert len(texts) > 300
    assert 0.05 < counts["ai_engineer"] / len(texts) < 0.6
    assert 0.001 < counts["data_scientist"] / len(texts) < counts["ai_engineer"] / len(texts)


def _plain(html: str) -> str:
    import html as html_lib
    import re

    text = re.sub(r"(?i)<p>|<br\s*/?>|</?li>", "\n", html)
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())
