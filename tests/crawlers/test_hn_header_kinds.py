"""Header fields naming a company beside its kind of startup, and places written country first."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.hn_header_kinds import code_after_lead


@pytest.mark.parametrize(
    ("header", "company"),
    [
        ("Brightloom, Climate Software Startup | Lisbon | ONSITE", "Brightloom"),
        ("Tallow Labs - Genomics start-up | Remote | Full-time", "Tallow Labs"),
        ("Quenby Health, an AI startup | Boston, MA", "Quenby Health"),
    ],
)
def test_a_name_before_its_kind_of_startup(header: str, company: str) -> None:
    assert parse_hn_header(header).company == company


@pytest.mark.parametrize(
    "header",
    [
        "Stealth startup | Remote | Full-time",
        "Fast - Growing Logistics Startup | NYC | ONSITE",
        "Seed-stage fintech startup | Berlin",
        "Hi all, my friend and I run a small robotics startup",
    ],
)
def test_a_startup_without_a_name(header: str) -> None:
    assert parse_hn_header(header).company is None


@pytest.mark.parametrize(
    ("header", "location"),
    [
        (
            "Vorwerk Digital | Backend Engineer | Netherlands, Zwolleveen | ONSITE",
            "Netherlands, Zwolleveen",
        ),
        ("Orbitfield | Germany, Lindau | Full-time", "Germany, Lindau"),
    ],
)
def test_a_town_after_its_country(header: str, location: str) -> None:
    assert parse_hn_header(header).location == location


@pytest.mark.parametrize(
    ("header", "location"),
    [
        ("Orbitfield | Remote | USA, Contract", "USA"),
        ("Orbitfield | Remote, Europe | Hybrid", "Europe"),
        ("Orbitfield | Toronto, Canada | Onsite", "Toronto, Canada"),
        ("Orbitfield | Singapore, Worldwide | Remote", "Singapore"),
        ("Orbitfield | Israel, Half-Remote", "Israel"),
        ("Orbitfield | Data Engineer | Germany, Berlin | Hybrid", "Germany; Berlin"),
    ],
)
def test_a_country_before_flags_regions_or_a_city_or_after_its_town(
    header: str, location: str
) -> None:
    assert parse_hn_header(header).location == location


@pytest.mark.parametrize(
    ("header", "location"),
    [
        ("Plumline | Remote from CA, OR, NY, MN | Full Time", "CA; OR; NY; MN"),
        ("Plumline | Remote in UT, CO, AZ, NM | Contract", "UT; CO; AZ; NM"),
        ("Plumline | 100% Remote from NY, NJ, CT | Full-time", "NY; NJ; CT"),
    ],
)
def test_a_list_of_codes_after_a_remote_word(header: str, location: str) -> None:
    assert parse_hn_header(header).location == location


def test_code_after_lead_keeps_other_pieces() -> None:
    assert code_after_lead("Remote from CA") == "CA"
    assert code_after_lead(" Remote in Denver ") == "Remote in Denver"
    assert code_after_lead("VA.") == "VA"
