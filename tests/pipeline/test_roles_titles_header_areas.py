"""A header field of engineering areas names the opening when the post names no other role."""

from pipeline.roles import openings_of_posting
from pipeline.roles.header_areas import area_items


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def test_area_fields_alone_are_the_openings() -> None:
    text = "Acme | https://acme.io | Remote | DevOps | Mobile |\n\nWhy join us? We record podcasts."
    assert _titles(text) == ["DevOps", "Mobile"]
    assert _titles("Acme | Kotlin backend | Dublin\n\nhttps://acme.io/careers") == [
        "Kotlin backend"
    ]
    assert _titles("Acme | Full-time | Front-end | Remote available\n\nWe make tools.") == [
        "Front-end"
    ]


def test_area_gives_way_to_a_role_the_post_names() -> None:
    text = "Acme | Full-stack | REMOTE | Full-time\n\n- We're looking for an experienced Full-stack engineer."
    assert "Full-stack" not in _titles(text)
    assert _titles("Acme | Senior Engineer | Backend | Remote\n\nWe build.") == ["Senior Engineer"]


def test_area_items_need_an_engineering_area_in_every_item() -> None:
    assert area_items("Backend, Fullstack, or Android") == ("Backend", "Fullstack", "Android")
    assert area_items("Backend/Fullstack") == ("Backend/Fullstack",)
    assert area_items("Backend (Golang) & Frontend (React/TS)") == (
        "Backend (Golang)",
        "Frontend (React/TS)",
    )
    # a stack alone, a sector, a lone half of a compound and an unknown area are no openings
    for field in ("Java", "Rust, Go", "Finance", "Security", "Full", "iOS & Python", "UI"):
        assert area_items(field) == ()


def test_an_area_among_a_stack_is_no_opening() -> None:
    assert _titles("Acme (https://acme.io) | Rails / React / Devops | REMOTE\n\nWe plan.") == []
    assert area_items("Python/Erlang/DevOps") == ()


def test_the_first_field_is_the_company() -> None:
    assert _titles("Mobile | Remote\n\nWe are a mobile company.") == []
