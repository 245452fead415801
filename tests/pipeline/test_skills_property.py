"""Property tests: extraction and annotate never crash on arbitrary text and keep offsets in range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.annotate import annotate_record
from pipeline.skills import SkillExtractor

NASTY = st.sampled_from(
    [
        "\u200b",
        "\u200f",
        "\u202e",
        "\ufeff",
        "👩‍💻",
        "مرحبا",
        "שלום",
        "R",
        "C#",
        "Go",
        "k8s",
        "\n",
        "\r\n",
        "<p>",
        "&amp;",
        "Python/R",
        "C++",
        " ",
        "\x00",
        "Ä",
        "ﬁ",
        "İ",
    ]
)
TEXTS = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=30).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_extract_never_crashes_and_offsets_stay_in_range(
    extractor: SkillExtractor, text: str
) -> None:
    for m in extractor.extract(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS, title=st.one_of(st.none(), st.text(max_size=60)))
def test_annotate_never_crashes(extractor: SkillExtractor, text: str, title: str | None) -> None:
    out = annotate_record({"id": 1, "title": title, "text": text}, extractor)
    plain = out["text_plain"]
    for skill in out["skills"]:
        assert 0 <= skill["start"] < skill["end"] <= len(plain)
        assert plain[skill["start"] : skill["end"]] == skill["text"]


def test_megabyte_text(extractor: SkillExtractor) -> None:
    unit = "We use Python, R and SQL with \u200b emoji 👩‍💻 and RTL مرحبا text. "
    text = unit * (1_000_000 // len(unit) + 1)
    assert len(text) > 1_000_000
    mentions = extractor.extract(text)
    assert len(mentions) == 3 * (1_000_000 // len(unit) + 1)
    assert all(text[m.start : m.end] == m.text for m in mentions[-3:])
