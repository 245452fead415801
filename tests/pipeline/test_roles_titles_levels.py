"""Titles of one role at two levels are two openings; repeats at one level are one."""

from pipeline.roles import openings_of_posting


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def test_levels_of_one_role_are_kept_apart() -> None:
    text = (
        "Acme | Remote (US) | https://acme.io\n\nHere are our open roles:\n\n"
        "- Senior Software Engineer: https://jobs.lever.co/acme/1\n"
        "- Software Engineer: https://jobs.lever.co/acme/2\n"
        "- Staff Software Engineer: https://jobs.lever.co/acme/3\n"
    )
    assert _titles(text) == [
        "Senior Software Engineer",
        "Software Engineer",
        "Staff Software Engineer",
    ]


def test_a_header_title_and_its_listed_repeat_stay_one() -> None:
    text = (
        "Acme | Senior Android Developer | Remote\n\n"
        "* Senior Android Developer https://acme.bamboohr.com/jobs/1\n"
        "* Android Developer https://acme.bamboohr.com/jobs/2\n"
    )
    assert _titles(text) == ["Senior Android Developer", "Android Developer"]
