"""An area line whose only link is a paper, a post, a demo or a team's page names no opening, nor
does an area listed under a "Teams:" label (pipeline/roles/opening_lines, hn_posts)."""

import pytest

from pipeline.roles import openings_of_posting, role_families
from pipeline.roles.linked_titles import links_no_job_page

_HEADER = (
    "Acme Widgets | Backend Engineer | Remote (US) | Full-time\n\n"
    "We make invoicing tools for plumbers. We are a small team of ten.\n\n"
)
_TITLE_BELOW = "Acme Widgets | Remote (US) | Full-time\nSenior Backend Engineer\n"


def _read(text: str) -> tuple[list[str], list[str]]:
    openings = openings_of_posting("hn_whoishiring", "", text)
    return [o.title for o in openings], sorted(role_families(openings))


@pytest.mark.parametrize("head", [_HEADER, _TITLE_BELOW])
@pytest.mark.parametrize(
    "line",
    [
        "ML: https://acme.example.com/paper.pdf",
        "Machine Learning: https://arxiv.org/abs/1234.5678",
        "Data Science - https://acme.substack.com",
        "Computer Vision: https://acme.example.com/demo",
        "Teams:\nMachine Learning - https://acme.example.com/teams/ml\n"
        "Infrastructure - https://acme.example.com/teams/infra",
        "What we build:\n\nComputer Vision - https://acme.example.com/vision",
        "Our teams:\n\nData Science - https://acme.example.com/ds",
        "Products:\nComputer Vision: https://acme.example.com/cv\n\nWe ship weekly.",
    ],
)
def test_an_area_and_its_paper_post_demo_or_team_is_no_opening(head: str, line: str) -> None:
    titles, families = _read(head + line)
    assert titles == [head.split("\n")[1] if head == _TITLE_BELOW else "Backend Engineer"]
    assert families == []


def test_an_area_linking_its_job_page_stays_an_opening() -> None:
    assert _read(_HEADER + "Machine Learning: https://acme.example.com/jobs/ml") == (
        ["Backend Engineer", "Machine Learning"],
        ["ai_engineer"],
    )
    assert _read(_TITLE_BELOW + "Machine Learning: https://acme.example.com/jobs/ml") == (
        ["Senior Backend Engineer", "Machine Learning"],
        ["ai_engineer"],
    )


def test_an_area_under_a_label_of_openings_stays_an_opening() -> None:
    assert _read(_TITLE_BELOW + "Open roles:\nMachine Learning - https://acme.example.com/ml") == (
        ["Senior Backend Engineer", "Machine Learning"],
        ["ai_engineer"],
    )


def test_header_areas_are_untouched() -> None:
    assert _read("Acme | ML, Data Science | Remote\n\nWe build things.\n") == (
        ["ML", "Data Science"],
        ["ai_engineer", "data_scientist"],
    )


def test_links_that_are_no_job_page() -> None:
    assert [
        links_no_job_page(link)
        for link in (
            "https://acme.example.com/paper.pdf",
            "https://arxiv.org/abs/1234.5678",
            "https://acme.substack.com",
            "https://acme.example.com/demo",
            "https://acme.example.com/news/launch",
            "https://acme.example.com/jobs/ml",
            "https://jobs.lever.co/acme/123",
        )
    ] == [True, True, True, True, True, False, False]
