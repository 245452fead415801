"""A lone line that lists roles by commas names openings (hn_posts.py, `_lists_roles`)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_a_line_of_abbreviated_roles_under_a_header_title() -> None:
    text = (
        "Quillfeather.io Remote, interns, full-time all eng roles https://quillfeather.io\n\n"
        "Two month old startup building language models for clinics!\n\n"
        "ML eng, frontend, API eng, eng ops\n\n"
        "Email jobs@quillfeather.io"
    )
    families = _families(text)
    assert families.get("ML eng") == "ai_engineer"
    assert families.get("API eng") == "other"


def test_a_list_line_with_a_sentence_after_it() -> None:
    text = (
        "Quillfeather | Head of Platform + All Eng Roles | full-time\n\n"
        "See positions at our site. We run our own GPUs.\n\n"
        "AI eng, API eng, Data Science. Email jobs@quillfeather.io with your resume."
    )
    assert _families(text).get("AI eng") == "ai_engineer"


def test_two_items_alone_stay_a_lone_title_line() -> None:
    # two items are as often a product's audience or a tagline as a list
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "We sell to hospitals.\n\n"
        "ML engineers, data scientists\n\n"
        "Email us"
    )
    assert "ai_engineer" not in _families(text).values()


def test_a_sentence_naming_roles_is_no_list_line() -> None:
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "Our tool is loved by data scientists, ML engineers, analysts and more.\n\n"
        "Email us"
    )
    assert "ai_engineer" not in _families(text).values()


def test_a_worded_item_makes_the_line_no_list() -> None:
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "We sell to hospitals.\n\n"
        "ML engineers, API engineers, and everyone who wants to build things with us\n\n"
        "Email us"
    )
    assert "ai_engineer" not in _families(text).values()


def test_a_list_joined_by_or_is_a_sentence() -> None:
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "We sell to hospitals.\n\n"
        "No recruiters, agencies, or dev shops.\n\n"
        "Email us"
    )
    assert set(_families(text)) == {"Backend Engineer"}


def test_a_hiring_phrase_before_the_items_keeps_the_header_title() -> None:
    text = (
        "Lanternfly | Washington, DC | Software Engineer\n\n"
        "We sell to hospitals.\n\n"
        "Also hiring ML Engineers, Data Scientists, other positions\n\n"
        "Email us"
    )
    assert "Software Engineer" in _families(text)


def test_the_header_title_in_other_words_is_no_list() -> None:
    text = (
        "Bellwire | Developer Relations | Full-Time | Lisbon\n\n"
        "Developer Relations, Developer Advocate, Developer Evangelist, Developer Communities\n\n"
        "https://bellwire.example/careers"
    )
    assert set(_families(text)) == {"Developer Relations"}


def test_commas_inside_a_title_bracket_split_no_list() -> None:
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "We sell to hospitals.\n\n"
        "Principal Engineers (Backend, Frontend, Data) | Porto\n\n"
        "Email us"
    )
    assert "Principal Engineers (Backend)" not in _families(text)


def _body_families(line: str, header: str = "Lanternfly | Backend Engineer | Remote") -> dict:
    """Title to family of a post whose body holds one line under a sentence."""
    return _families(f"{header}\n\nWe sell to hospitals.\n\n{line}\n\nEmail us")


def test_people_the_company_has_are_no_list() -> None:
    families = _body_families("ex-Google engineers, ex-Meta PMs, ML researchers")
    assert set(families) == {"Backend Engineer"}


def test_people_a_product_serves_are_no_list() -> None:
    families = _body_families("For data scientists, ML engineers, analysts")
    assert set(families) == {"Backend Engineer"}


def test_a_stack_with_roles_in_it_is_no_list() -> None:
    assert set(_body_families("Python, PyTorch, ML engineer, data engineer")) == {
        "Backend Engineer"
    }
    assert set(_body_families("Python, PyTorch, ML engineer, data engineer, Kafka")) == {
        "Backend Engineer"
    }


def test_a_question_running_on_is_no_list() -> None:
    families = _body_families("ML engineer, data engineer, analyst? No openings there.")
    assert set(families) == {"Backend Engineer"}


def test_the_header_title_with_a_bracket_is_no_list() -> None:
    families = _body_families(
        "Developer Relations, Developer Advocate, Developer Evangelist",
        "Bellwire | Developer Relations (Remote) | Lisbon",
    )
    assert [t for t in families if "Developer" in t] == ["Developer Relations"]


def test_the_header_title_between_dashes_is_no_list() -> None:
    families = _body_families(
        "Developer Relations, Developer Advocate, Developer Evangelist",
        "Bellwire - Developer Relations - Lisbon",
    )
    assert set(families) == {"Developer Relations"}


def test_the_header_title_in_its_plural_is_no_list() -> None:
    families = _body_families(
        "Developer Advocate, Developer Evangelist, DevRel Engineer",
        "Bellwire | Developer Advocates | Lisbon",
    )
    assert set(families) == {"Developer Advocates"}


def test_quote_marks_and_zero_width_characters_leave_the_titles() -> None:
    quoted = _body_families('"ML engineer, data engineer, designer"')
    assert {"ML engineer", "designer"} <= set(quoted)
    assert not any('"' in t for t in quoted)
    spaced = _body_families("\u200bML eng, data eng, designer")
    assert "ML eng" in spaced


def test_a_products_users_under_its_tagline_are_no_list() -> None:
    text = (
        "Lanternfly | Backend Engineer | Remote\n\n"
        "Built for the people who ship models\n\n"
        "Data scientists, ML engineers, analysts\n\n"
        "Email us"
    )
    assert set(_families(text)) == {"Backend Engineer"}


def test_a_level_among_the_roles_is_an_item() -> None:
    families = _body_families("Ruby Engineers, Mobile Engineer, interns")
    assert {"Ruby Engineers", "Mobile Engineer"} <= set(families)
