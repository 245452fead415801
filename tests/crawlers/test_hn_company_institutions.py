"""Company names of institutions named after their place: the place stays in the name."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_company_phrases import names_institution_of_place
from crawlers.parsing.hn_header import parse_hn_header


@pytest.mark.parametrize(
    ("line", "company"),
    [
        (
            "University of Vermont | Research Programmer | Burlington, VT | Onsite",
            "University of Vermont",
        ),
        (
            "Mercantile Bank of Ohio | Data Analyst | Columbus, OH | Onsite",
            "Mercantile Bank of Ohio",
        ),
        ("State of Oregon | Web Developer | Salem, OR | Full-Time", "State of Oregon"),
        (
            "Federal Reserve Bank of Dallas | Data Scientist | Onsite",
            "Federal Reserve Bank of Dallas",
        ),
    ],
)
def test_an_institution_keeps_its_place(line: str, company: str) -> None:
    assert parse_hn_header(line).company == company


@pytest.mark.parametrize(
    ("line", "company", "location"),
    [
        # A company "of" or "in" a town is the company, the town its place.
        ("Quillwork of Seattle | Backend Engineer | Onsite", "Quillwork", "Seattle"),
        ("Tallyfox in Denver | Data Engineer | Onsite", "Tallyfox", "Denver"),
        ("Ferncastle San Francisco | ML Engineer | Onsite", "Ferncastle", "San Francisco"),
    ],
)
def test_a_company_of_a_town_loses_the_town(line: str, company: str, location: str) -> None:
    header = parse_hn_header(line)
    assert (header.company, header.location) == (company, location)


def test_only_an_institution_word_before_of_counts() -> None:
    assert names_institution_of_place("University of Utah", "Utah")
    assert not names_institution_of_place("Quillwork of Utah", "Utah")
    assert not names_institution_of_place("Bank of Utah Tech", "Utah")
