"""A body line listing only titles at commas or semicolons is read item by item, however long.

Such a line is longer than one title may be, so the title-line reading left it whole; a line of
three titles or more that are all titles is a list of openings. "Opportunities:" is a list cue.
"""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.body_lines import _title_list

HEADER = "Acme | Lisbon | Onsite\n"


def _titles(body: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", None, HEADER + body)]


def test_a_long_line_of_titles_gives_each_title() -> None:
    body = (
        "We build tools for bakeries.\n"
        "Platform Engineers (senior and mid-level), Mobile Engineers (senior and mid-level), "
        "QA Analysts/Testers, Product Designers (lead and associate level), Support Engineer\n"
    )
    assert _titles(body) == [
        "Platform Engineers (senior and mid-level)",
        "Mobile Engineers (senior and mid-level)",
        "QA Analysts/Testers",
        "Product Designers (lead and associate level)",
        "Support Engineer",
    ]


def test_titles_with_their_teams_at_semicolons_stay_whole() -> None:
    line = (
        "Firmware Engineer, Sensors; Firmware Engineer, Motor Control; "
        "Firmware Engineer, Power Systems; Test Engineer, Hardware Validation"
    )
    assert [title for _, title, _ in _title_list(line)] == [
        "Firmware Engineer, Sensors",
        "Firmware Engineer, Motor Control",
        "Firmware Engineer, Power Systems",
        "Test Engineer, Hardware Validation",
    ]


def test_a_line_with_a_piece_that_is_no_title_is_no_list() -> None:
    assert _title_list("Platform Engineers, Mobile Engineers, Kotlin, Swift and Postgres") == ()
    assert _title_list("We use Rust, Kotlin, Swift, Postgres and Kafka on every team we have") == ()
    # two titles at a comma are as often a title and its team
    assert _title_list("Platform Engineer, Mobile Engineering") == ()


def test_a_sentence_listing_roles_is_left_to_the_prose_readers() -> None:
    line = (
        "Our founders worked as platform engineers, mobile engineers and product designers at "
        "three bakeries before starting this company"
    )
    assert _title_list(line) == ()


def test_opportunities_is_a_list_cue() -> None:
    body = "We bake bread.\nOPPORTUNITIES: Bakery Manager, Senior Mobile Engineer, Tech Lead\n"
    assert _titles(body) == ["Bakery Manager", "Senior Mobile Engineer", "Tech Lead"]


def test_a_long_paragraph_opening_with_a_title_gives_the_title() -> None:
    body = (
        "PASTRY ENGINEER: You know every oven we sell and you can tell a croissant from a "
        "brioche by its crumb. You will build the firmware that bakes them evenly, and you will "
        "test it with our bakers every week in the kitchen.\n\n"
        "Oven Developer -- Someone at home in embedded C who has shipped devices that heat "
        "things safely, knows the regulations of three markets and likes to write clear docs.\n"
    )
    assert _titles(body) == ["PASTRY ENGINEER", "Oven Developer"]


def test_a_long_sentence_opening_with_no_title_gives_none() -> None:
    body = (
        "Our bakery: we have baked bread for forty years in Lisbon and we now ship ovens to "
        "bakeries across Europe, with a small team that loves both dough and clean code.\n"
    )
    assert _titles(body) == []


def test_departments_under_a_hiring_cue_are_openings_beside_the_titles() -> None:
    body = "We bake bread.\n\nWe're hiring:\n- Oven Engineers\n- Sales\n- Customer Success\n"
    assert _titles(body) == ["Oven Engineers", "Sales", "Customer Success"]


def test_departments_without_a_cue_or_a_title_beside_them_are_no_openings() -> None:
    assert _titles("We bake bread.\n\n- Sales\n- Customer Success\n") == []


def test_list_items_run_together_at_dashes_give_each_title() -> None:
    body = "Open roles\n- Oven Engineer(s) - Senior Product Manager(s) - Bakery Data Analyst\n"
    assert _titles(body) == [
        "Oven Engineer(s)",
        "Senior Product Manager(s)",
        "Bakery Data Analyst",
    ]


def test_a_title_with_its_team_and_place_at_dashes_stays_one_title() -> None:
    body = "Open roles:\n- Oven Engineer - Firmware - Lisbon\n- Product Manager - Ovens\n"
    assert _titles(body) == ["Oven Engineer, Firmware", "Product Manager, Ovens"]


def test_a_line_with_labels_or_links_is_no_bare_title_list() -> None:
    assert _title_list("[1]: Oven Engineer, Ovens team [2]: Data Analyst, Ovens team") == ()
    assert (
        _title_list("Oven Engineer https://example.com/1, Data Analyst, Bakery Manager, Baker")
        == ()
    )


def test_a_department_with_a_link_or_a_dash_is_left_to_the_link_readers() -> None:
    body = (
        "We are hiring for the following positions:\n"
        "1. Frontend Baking - Oven Developer - https://example.com/jobs/1\n"
        "2. Bakery Data Analyst - https://example.com/jobs/2\n"
    )
    assert _titles(body) == ["Frontend Baking - Oven Developer", "Bakery Data Analyst"]


def test_a_label_over_dash_run_items_stops_the_run() -> None:
    body = "Roles:\n* Baking: Oven Engineer - Dough Engineer - Crust Engineer\n"
    # the label's reading stands as before: one title, no "Baking:" piece
    assert _titles(body) == ["Oven Engineer - Dough Engineer - Crust Engineer"]


def test_a_department_under_a_title_or_a_requirements_heading_is_a_skill() -> None:
    body = (
        "We're hiring for one position:\n"
        "1) Oven Developer (2+ years)\n"
        "The ideal candidate will also have experience in:\n"
        "- Cloud development\n"
        "- Data science\n"
    )
    assert _titles(body) == ["Oven Developer"]
    nested = (
        "We are looking for people in these areas:\n"
        "1. Oven Engineers\n"
        "- Firmware development\n"
        "2. Bakery App Developer\n"
        "- Android development\n"
    )
    assert _titles(nested) == ["Oven Engineers", "Bakery App Developer"]


def test_a_department_line_must_be_departments_only() -> None:
    body = (
        "We are filling these positions:\n"
        "* Oven Engineer\n"
        "* Additional research, administrative, and\n"
        "* Sales and Marketing\n"
    )
    assert _titles(body) == ["Oven Engineer", "Sales", "Marketing"]


_DUTIES = (
    "you will build the services that price our bread orders, keep the ovens' data flowing to "
    "our forecasting models and work with the bakers who use what you ship every single day."
)


def test_a_described_title_with_a_place_or_salary_repeats_the_header_title() -> None:
    post = (
        "Acme | Lisbon | Full Time | Oven Engineer, Bakery Data Analyst, Dough Engineer\n"
        f"Oven Engineer (ONSITE): {_DUTIES}\n\n"
        f"Bakery Data Analyst (REMOTE): {_DUTIES}\n\n"
        f"(Senior) Dough Engineer: {_DUTIES}\n"
    )
    titles = [o.title for o in openings_of_posting("hn_whoishiring", None, post)]
    assert titles == ["Oven Engineer", "Bakery Data Analyst", "Dough Engineer"]
    salaried = (
        "Acme | Lisbon | Oven Engineer (Rust), Crust Engineer, Dough Engineer\n"
        f"Oven Engineer (130-145k): {_DUTIES}\n\n"
        f"Crust Engineer (Junior and Senior Engineers): {_DUTIES}\n\n"
        f"Dough Engineer (Go): {_DUTIES}\n"
    )
    titles = [o.title for o in openings_of_posting("hn_whoishiring", None, salaried)]
    # a level or a salary bracket repeats a title; a bracket of its own ("(Go)") is the more
    # specific title, which stands for the header's as before
    assert titles == ["Oven Engineer (Rust)", "Crust Engineer", "Dough Engineer (Go)"]


def test_a_long_paragraph_headed_by_no_person_gives_no_title() -> None:
    headings = (
        "Engineering Values",
        "Engineering Team",
        "Engineering at Acme",
        "Data Engineering",
    )
    body = "".join(f"{heading}: {_DUTIES}\n\n" for heading in headings)
    body += f"Developer Tools - {_DUTIES}\n\nDeveloper Experience - {_DUTIES}\n\n"
    assert _titles(body) == []
    assert _titles(f"{body}Oven Engineer: {_DUTIES}\n\nVP Engineering: {_DUTIES}\n") == [
        "Oven Engineer",
        "VP Engineering",
    ]


def test_indented_sub_bullets_under_a_title_are_no_departments() -> None:
    body = (
        "We bake bread.\n\nWe're hiring:\n"
        "- Senior Oven Engineer\n  - Security\n  - Infrastructure\n- Bakery Designer\n"
    )
    assert _titles(body) == ["Senior Oven Engineer", "Bakery Designer"]
