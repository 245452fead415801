"""A numbered title between "==" heading marks is read as the numbered item it is (body_lines.py)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_numbered_titles_between_heading_marks() -> None:
    text = (
        "At Kestrel Optics, a small 3D imaging company, we have two open positions in Leeds.\n\n"
        "== 1. Senior R&D Engineer in Computer Vision ==\n"
        "== 2. Software Engineer in Mobile ==\n\n"
        "== About the R&D position:\n\n"
        "You will write C++ for our reconstruction pipeline."
    )
    families = _families(text)
    assert "ai_engineer" in families.values()
    assert families.get("Software Engineer, Mobile") == "other"


def test_a_lone_numbered_title_under_a_header() -> None:
    text = "Kestrel Optics -- Leeds\n\n== 1. Machine Learning Engineer ==\n\nWe build cameras."
    assert "ai_engineer" in _families(text).values()


def test_headings_without_a_number_or_without_a_role_name_no_opening() -> None:
    for line in ("== About us ==", "== 1. Our history ==", "== 2. Computer vision at Kestrel =="):
        text = f"Kestrel Optics | Leeds\n\n{line}\n\nWe build computer vision cameras since 2010."
        assert "ai_engineer" not in _families(text).values(), line


def test_a_long_run_of_heading_marks_is_read_in_linear_time() -> None:
    import time

    for n in (20_000, 40_000):
        line = "== 1. " + "=" * n + "x"
        started = time.process_time()
        _families(f"Kestrel Optics | Leeds\n\n{line}\n\n== 2. {'= ' * (n // 2)}==\n")
        assert time.process_time() - started < 2.0, n
