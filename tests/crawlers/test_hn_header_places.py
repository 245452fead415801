"""Places of HN headers: country names as posts write them, and the places beside them."""

from __future__ import annotations

import pytest

from crawlers.parsing.hn_header import locations_in, parse_hn_header
from crawlers.parsing.places import is_area, is_place


@pytest.mark.parametrize(
    "name", ["Czech Republic", "Korea", "Viet Nam", "Deutschland", "España", "Türkiye", "Brasil"]
)
def test_country_names_posts_use_are_areas(name: str) -> None:
    assert is_area(name)


@pytest.mark.parametrize("phrase", ["Republic", "Korean BBQ", "Federation", "Cape"])
def test_words_of_country_names_alone_are_no_places(phrase: str) -> None:
    assert not is_place(phrase)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Brno, Czech Republic", "Brno, Czech Republic"),
        ("Seoul, Korea", "Seoul, Korea"),
        ("Hanoi, Viet Nam", "Hanoi, Viet Nam"),
        ("Palo Alto, Seattle & Korea", "Palo Alto; Seattle; Korea"),
    ],
)
def test_a_town_keeps_its_country_under_another_name(text: str, location: str) -> None:
    assert locations_in(text) == location


def test_a_header_with_an_aliased_country_reads_company_and_place() -> None:
    header = parse_hn_header("Quillwork | Backend Engineer | Prague, Czech Republic | ONSITE")
    assert (header.company, header.location) == ("Quillwork", "Prague, Czech Republic")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Millbrook (closer to Ashford), UK", "Millbrook (closer to Ashford), UK"),
        ("Burlingame, CA (between SF and Palo Alto)", "Burlingame, CA (between SF and Palo Alto)"),
        (
            "Bedford, MA (just outside of Boston, MA) and Pasadena, CA",
            "Bedford, MA (just outside of Boston, MA); Pasadena, CA",
        ),
        ("Santa Monica (Los Angeles area)", "Santa Monica (Los Angeles area)"),
        ("Herndon, VA (Washington, DC Metro Area)", "Herndon, VA (Washington, DC Metro Area)"),
    ],
)
def test_where_a_place_lies_stays_with_it_as_written(text: str, location: str) -> None:
    assert locations_in(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # A second place in brackets, or a sentence in them, is no description of the first.
        ("Seattle (Redmond, WA)", "Seattle; Redmond, WA"),
        ("Remote (we have people in NYC and Denver)", "NYC; Denver"),
        ("Berlin (near the river, in a big old brick factory by the water)", "Berlin"),
    ],
)
def test_other_brackets_after_a_place_are_read_as_before(text: str, location: str) -> None:
    assert locations_in(text) == location


def test_a_header_keeps_the_surroundings_of_its_town() -> None:
    header = parse_hn_header("Quillwork | Engineer | Moorestown, NJ (Philadelphia Area) | ONSITE")
    assert header.location == "Moorestown, NJ (Philadelphia Area)"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("NYC-area", "NYC-area"),
        ("Chicago and San Diego-area preferred", "Chicago; San Diego-area"),
        # Where the company sits is still the place alone.
        ("Seattle-based", "Seattle"),
        ("Berlin HQ", "Berlin"),
    ],
)
def test_a_hyphened_area_stays_as_written(text: str, location: str) -> None:
    assert locations_in(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Lindau im Oberland, Germany", "Lindau im Oberland, Germany"),
        ("Marina del Rey, CA", "Marina del Rey, CA"),
        # A particle opening or closing the words, or a phrase of lower-case words, is no town.
        ("de Wit, Germany", "Germany"),
        ("Head of Sales, Germany", "Germany"),
    ],
)
def test_a_town_name_may_hold_small_words(text: str, location: str) -> None:
    assert locations_in(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Sydney, NSW, Australia", "Sydney, NSW, Australia"),
        ("Brisbane QLD", "Brisbane QLD"),
        ("Geelong, VIC", "Geelong, VIC"),
        # A state's code alone is no place.
        ("VIC", None),
        ("NSW | Remote", None),
    ],
)
def test_australian_state_codes_follow_a_town(text: str, location: str | None) -> None:
    assert locations_in(text) == location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("NYC ONSITE Full-Time", "NYC"),
        ("Berlin Full-time", "Berlin"),
        ("Brooklyn, NY ONSITE FULL-TIME", "Brooklyn, NY"),
        ("Boston Contract", "Boston"),
        # The type after a role or a word is still no place.
        ("Senior Engineer Full-time", None),
        ("Smart Contract", None),
    ],
)
def test_an_employment_type_after_a_place_is_dropped(text: str, location: str | None) -> None:
    assert locations_in(text) == location


def test_a_first_line_of_a_place_and_a_type_names_no_company() -> None:
    header = parse_hn_header("BOSTON Full-time", body="BOSTON Full-time\nQuillwork is hiring.")
    assert (header.company, header.location) == ("Quillwork", "BOSTON")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Hamilton/GTA Canada", "Hamilton; GTA Canada"),
        ("Toronto (GTA)", "Toronto, GTA"),
        # The game's name with more words is no place.
        ("GTA VI team", None),
    ],
)
def test_the_greater_toronto_area_is_a_region(text: str, location: str | None) -> None:
    assert locations_in(text) == location
