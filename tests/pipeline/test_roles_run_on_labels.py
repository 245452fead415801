"""A labelled list that runs into the next label of its line ends where its last title ends."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.run_on_labels import before_next_label


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_header_list_runs_into_the_stack_label() -> None:
    text = (
        "Kelpworks | Oslo | Full-Time | Onsite | https://kelp.example/ Position: Full-Stack "
        "Engineer, Application Engineer, DevOps, Data Scientist Application & Data Stack: "
        "Javascript, React, Docker, AWS Team: we're a six person company.\nWe grow seaweed."
    )
    got = _families(text)
    assert got["Data Scientist"] == "data_scientist"
    assert not any("Data Stack" in title for title in got)
    assert len(got) == 4


def test_line_label_cut_at_a_field_word() -> None:
    assert before_next_label("Senior Software Developer Stack: Python, Flask") == (
        "Senior Software Developer"
    )
    assert before_next_label("Senior Machine Learning Engineer Location: NYC") == (
        "Senior Machine Learning Engineer"
    )


def test_other_colons_are_left_alone() -> None:
    # no field word before the colon: a title's own link or a second list
    for rest in (
        "Technical Lead Manager (SF-based): https://example.com/jobs/1",
        "ML Engineer, Head of Memes & Growth; Internships: Eng, Design",
        "Senior Engineer, Machine Learning: see the site",
        "Data Scientist",
    ):
        assert before_next_label(rest) == rest
