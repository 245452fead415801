"""Fourteenth title round (precision): a title's team after its comma is no opening of its own.

"Senior Software Engineer, Developer Productivity" names one opening: the piece after the
comma holds a role noun ("Developer") but ends in a thing, so it is the title's team. A piece
that ends in a person noun ("Data Scientist", "SRE") is a title of its own.
"""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.list_items import item_specs
from pipeline.roles.person_nouns import names_a_person

HEADER = "Acme | Lisbon | Onsite\n"


def _titles(body: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", None, HEADER + body)]


def _items(text: str) -> list[str]:
    return [title for _, title, _ in item_specs(text)]


def test_a_team_named_with_a_role_noun_joins_its_title() -> None:
    assert _items("Staff Software Engineer, Developer Productivity") == [
        "Staff Software Engineer, Developer Productivity"
    ]
    assert _items("Engineering Manager, Platform Engineering") == [
        "Engineering Manager, Platform Engineering"
    ]
    assert _items("Senior Engineer, Developer Tools, Berlin") == [
        "Senior Engineer, Developer Tools, Berlin"
    ]


def test_a_person_noun_after_the_comma_is_a_title_of_its_own() -> None:
    assert _items("Backend Engineer, Data Scientist") == ["Backend Engineer", "Data Scientist"]
    assert _items("Software Engineer, SRE") == ["Software Engineer", "SRE"]


def test_a_lower_case_list_of_areas_keeps_its_items() -> None:
    assert _items("front-end web, SRE, platform engineering, design") == [
        "front-end web",
        "SRE",
        "platform engineering",
        "design",
    ]


def test_a_list_of_areas_opened_by_an_area_keeps_its_items() -> None:
    assert _items("Electrical Engineering, Mechanical Engineering, Materials Science") == [
        "Electrical Engineering",
        "Mechanical Engineering",
    ]


def test_a_team_of_the_compared_families_keeps_its_opening() -> None:
    # the title does not read its team's AI words: the team's own opening keeps the family
    specs = item_specs("Software Engineer, AI Engineering")
    assert [(title, parse.family) for parse, title, _ in specs] == [
        ("Software Engineer", "other"),
        ("AI Engineering", "ai_engineer"),
    ]


def test_a_list_of_titles_keeps_its_areas() -> None:
    # two titles besides it: the piece is an item of the list, not one title's team
    assert _items("Backend Engineer, Platform Engineering, Designer") == [
        "Backend Engineer",
        "Platform Engineering",
        "Designer",
    ]


def test_listed_lines_with_teams_give_one_opening_each() -> None:
    body = (
        "Open roles:\n"
        "Senior Software Engineer, Developer Productivity -> https://example.com/jobs/1\n"
        "Engineering Manager, Developer Tooling -> https://example.com/jobs/2\n"
        "Product Designer -> https://example.com/jobs/3\n"
    )
    assert _titles(body) == [
        "Senior Software Engineer, Developer Productivity",
        "Engineering Manager, Developer Tooling",
        "Product Designer",
    ]


def test_person_nouns() -> None:
    assert names_a_person("Web Engineer")
    assert names_a_person("Head of Growth")
    assert names_a_person("Scientist II")
    assert not names_a_person("Developer Productivity")
    assert not names_a_person("Data Engineering")


def _post_titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", None, text)]


def test_a_bare_engineering_department_gives_way_to_the_listed_engineers() -> None:
    text = (
        "Acme Bakeries | Engineering (multiple roles) | Remote (EU)\n"
        "We write software for bakeries.\n"
        "Open roles:\n"
        "- Frontend Engineer\n"
        "- Backend Technical Lead\n"
    )
    assert _post_titles(text) == ["Frontend Engineer", "Backend Technical Lead"]
    text = "Acme Bakeries | Engineering | Lisbon\nWe are hiring backend developers.\n"
    assert _post_titles(text) == ["backend developers"]


def test_a_department_alone_or_beside_other_departments_stays() -> None:
    assert _post_titles("Acme Bakeries | Engineering | Lisbon | Onsite\nWe bake.\n") == [
        "Engineering"
    ]
    text = "Acme Bakeries | Lisbon\nOpen roles:\n- Head of Talent\n- Engineering\n- Sales\n"
    assert _post_titles(text) == ["Head of Talent", "Engineering", "Sales"]


def test_a_department_with_its_areas_in_a_bracket_is_an_opening() -> None:
    text = (
        "Acme Bakeries | Software Engineering (Data Engineering, Machine Learning) | Lisbon\n"
        "Open roles:\n"
        "- Software Engineer\n"
        "- Product Designer\n"
    )
    titles = _post_titles(text)
    assert titles[0] == "Software Engineering (Data Engineering, Machine Learning)"
    assert len(titles) == 3


def test_a_list_of_departments_after_a_title_keeps_its_items() -> None:
    text = (
        "Acme Bakeries | Developer Advocate, Software Engineering, DevOps, Product Management, "
        "UX Design, Customer Success | REMOTE OK\nWe write software for bakeries.\n"
    )
    assert _post_titles(text) == [
        "Developer Advocate",
        "Software Engineering",
        "DevOps",
        "Product Management",
        "UX Design",
        "Customer Success",
    ]
    text = (
        "Acme Bakeries | Backend Developer, Platform Engineering, Sales, Marketing | Remote\n"
        "We write software for bakeries.\n"
    )
    assert _post_titles(text) == ["Backend Developer", "Platform Engineering", "Sales", "Marketing"]


def test_a_department_after_a_title_of_another_team_is_an_opening() -> None:
    assert _items("Designer, Data Engineering") == ["Designer", "Data Engineering"]
    assert _items("Customer Success Manager, Platform Engineering") == [
        "Customer Success Manager",
        "Platform Engineering",
    ]
    assert _items("Product Manager, Data Platform") == ["Product Manager, Data Platform"]


def test_a_department_listed_beside_other_fields_engineers_stays() -> None:
    text = (
        "Acme Bakeries | Software Engineering, Data Engineer, Data Scientist | New York, NY\n"
        "We write software for bakeries.\n"
    )
    assert _post_titles(text) == ["Software Engineering", "Data Engineer", "Data Scientist"]
    text = "Acme Bakeries | Software Engineering, Sales Engineer | Remote\nWe sell ovens.\n"
    assert _post_titles(text) == ["Software Engineering", "Sales Engineer"]


def test_a_department_gives_way_to_the_engineers_of_its_own_line_of_the_software_kind() -> None:
    text = "Acme Bakeries | Engineering, Frontend Engineer | Remote\nWe sell ovens.\n"
    assert _post_titles(text) == ["Frontend Engineer"]


def test_a_department_word_in_a_sentence_is_no_field_of_its_line() -> None:
    text = (
        "Acme Bakeries | Lisbon | Engineering | Full-time\n"
        "We are seeking data engineers to grow an outstanding engineering culture.\n"
    )
    assert _post_titles(text) == ["data engineers"]


def test_a_lower_case_team_word_after_a_capitalised_team_name_joins() -> None:
    assert _items("Data Analyst, Data Engineering team") == ["Data Analyst, Data Engineering team"]
    assert _items("Technical Lead, Developer Tools") == ["Technical Lead, Developer Tools"]
