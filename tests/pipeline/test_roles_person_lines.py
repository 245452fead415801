"""A title a team line gives a named person ("CTO/Co-Founder: <name>: <profile link>") is no opening.

The person is marked by a profile link or by the person's own rank after the name; a title the
post also hires on another line stays, and a team after a title ("Product Manager: Client
Portal") is no person.
"""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.person_lines import (
    _PROFILE_LINK,
    _RANK_IN_POST,
    _TEAM_LINE,
    without_person_titles,
)
from pipeline.roles.titles import classify_title

HEADER = "Acme | Lisbon | Onsite\n"


def _titles(body: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", None, HEADER + body)]


def test_a_named_person_with_a_profile_link_holds_no_opening() -> None:
    body = "We are hiring a Backend Engineer.\nChief Product Officer/Co-Founder: Jane Roe: https://www.linkedin.com/in/janeroe/"
    assert _titles(body) == ["Backend Engineer"]
    assert _titles(
        "We are hiring a Backend Engineer.\n>>Head of Product: Jane Roe https://linkedin.com/in/jr"
    ) == ["Backend Engineer"]
    assert _titles(
        "Hiring a Backend Engineer\nVP of Engineering: José Núñez https://linkedin.com/in/jn"
    ) == ["Backend Engineer"]


def test_a_named_person_with_a_rank_after_the_name_holds_no_opening() -> None:
    assert _titles("We are hiring a Backend Engineer.\n• Founder and owner: Jane Roe, CEO") == [
        "Backend Engineer"
    ]


def test_a_title_the_post_hires_elsewhere_stays() -> None:
    body = "We are hiring a CTO and a Backend Engineer.\nCTO: Jane Roe: https://www.linkedin.com/in/janeroe/"
    assert "CTO" in _titles(body)


def test_a_team_or_a_product_link_after_a_title_is_no_person() -> None:
    assert _titles(
        "Open roles:\n* Senior Product Manager: Client Portal https://github.com/acme/portal"
    ) == ["Senior Product Manager"]
    assert _titles(
        "Hiring:\n- Frontend Engineer: Angular Work https://github.com/acme/jobs/frontend"
    ) == ["Frontend Engineer"]
    assert "Security Engineer" in _titles(
        "Hiring a Security Engineer\nSecurity Engineer: Red Team, CTO office https://linkedin.com/company/acme"
    )


def test_a_founder_named_with_an_inner_capital_holds_no_opening() -> None:
    body = (
        "We are hiring a Backend Engineer.\n"
        ">>CTO/Co-Founder: Jo McRoe: https://www.linkedin.com/in/jo-mcroe/\n"
        ">>Chief Product Officer: Jane Roe https://www.linkedin.com/in/janeroe/"
    )
    assert _titles(body) == ["Backend Engineer"]


def test_a_team_label_before_the_person_is_read_past() -> None:
    body = "We are hiring a Backend Engineer.\nMeet our team: CTO/Co-Founder: Jo McRoe: https://www.linkedin.com/in/jo/"
    assert _titles(body) == ["Backend Engineer"]


def test_a_hiring_label_keeps_its_title() -> None:
    body = "Acme is hiring.\nHiring: Backend Engineer: Jo McRoe https://www.linkedin.com/in/jo/"
    assert any(title.startswith("Backend Engineer") for title in _titles(body))


# Team lines of every mark the line pattern reads (profile links, ranks in any case, a dash or a
# bar before the link): the post-level test must let each post through.
_TEAM_LINES = (
    "Chief Product Officer/Co-Founder: Jane Roe: https://www.linkedin.com/in/janeroe/",
    ">>Head of Product: Jane Roe https://linkedin.com/in/jr",
    "VP of Engineering: José Núñez | uk.linkedin.com/in/jn",
    "• Founder and owner: Jane Roe, CEO",
    "Head of Data: Mary Ann Roe ,  cofounder",
    "CTO: Jo McRoe, President",
    "Lead Engineer: Jane Roe,co-FOUNDER",
)


def test_every_team_line_passes_the_post_test() -> None:
    for line in _TEAM_LINES:
        assert _TEAM_LINE.match(line) is not None, line
        for text in (line, f"{HEADER}We hire.\n{line}\nMore text."):
            assert _PROFILE_LINK in text or _RANK_IN_POST.search(text) is not None, text


def test_a_post_without_a_person_mark_or_openings_is_returned_as_is() -> None:
    openings = (classify_title("Backend Engineer"),)
    assert without_person_titles(openings, HEADER + "Backend Engineer: Jane Roe") == openings
    assert without_person_titles((), HEADER + "CTO: Jane Roe, CEO") == ()
