"""Misspelt role words read as the words meant ("Machine Leaning", "Enginner", "Data Sciencist")."""

from __future__ import annotations

import pytest

from pipeline.roles import classify_title, openings_of_posting


@pytest.mark.parametrize(
    ("title", "family", "normalized"),
    [
        ("Machine Leaning Research Engineer", "ai_engineer", "Machine Learning Research Engineer"),
        ("Deep-Leaning Engineer", "ai_engineer", "Deep Learning Engineer"),
        ("Senior Machine Learning Enginner", "ai_engineer", "Machine Learning Engineer"),
        ("Data Sciencist", "data_scientist", "Data Scientist"),
        ("Artifical Intelligence Engineer", "ai_engineer", "Artificial Intelligence Engineer"),
        ("Backend Developper", "other", "Backend Developer"),
    ],
)
def test_misspelt_title_reads_as_meant(title: str, family: str, normalized: str) -> None:
    opening = classify_title(title)
    assert (opening.role_family, opening.normalized_title) == (family, normalized)


def test_leaning_alone_is_a_word() -> None:
    opening = classify_title("Backend-leaning Full Stack Engineer")
    assert opening.role_family == "other"
    assert "Learning" not in opening.normalized_title


def test_misspelt_title_in_a_post_header() -> None:
    text = (
        "Kelpworks | Web Software Engineer, DevOps Engineer, Machine Leaning Research Engineer | "
        "Oslo | ONSITE\nWe grow seaweed."
    )
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    got = {o.title: o.role_family for o in openings}
    assert got == {
        "Web Software Engineer": "other",
        "DevOps Engineer": "other",
        "Machine Leaning Research Engineer": "ai_engineer",
    }
