"""Titles put back together and repeats dropped (pipeline/roles/title_merges.py), invented posts."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.title_merges import (
    merged_alternatives,
    merged_parentheses,
    without_less_specific,
    without_prose_mentions,
)
from pipeline.roles.titles import classify_title


def _post(text: str) -> list[tuple[str, str]]:
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", None, text)]


def _titles(openings: list) -> list[str]:
    return [o.title for o in openings]


def _openings(*titles: str) -> list:
    return [classify_title(t) for t in titles]


# --- a title split at its parenthesised stack ------------------------------------------------


def test_stack_parenthesis_is_one_title_again() -> None:
    text = "Lumenfold | Full Stack Developer (Node/React) | Remote\n\nWe build maps."
    split = _openings("Full Stack Developer (Node)", "Full Stack Developer (React)")
    assert _titles(merged_parentheses(split, text)) == ["Full Stack Developer (Node/React)"]


def test_stack_parenthesis_in_a_whole_post() -> None:
    post = (
        "Quillworks | Berlin | Full-time\n\nOpen roles:\n"
        "* Backend Engineers (Go, Rust)\n* Product Designer\n"
    )
    titles = [t for t, _ in _post(post)]
    assert "Backend Engineers (Go, Rust)" in titles
    assert len(titles) == 2


def test_area_parenthesis_is_one_title() -> None:
    text = "Tidewell | Software Engineers (Full Stack, Android) | NYC"
    split = _openings("Software Engineers (Full Stack)", "Software Engineers (Android)")
    assert _titles(merged_parentheses(split, text)) == ["Software Engineers (Full Stack, Android)"]


def test_bare_role_noun_parenthesis_stays_split() -> None:
    text = "Tidewell | Engineers (Python, Go) | NYC"
    split = _openings("Engineers (Python)", "Engineers (Go)")
    assert len(merged_parentheses(split, text)) == 2


def test_parenthesis_not_written_in_the_post_stays_split() -> None:
    text = "Tidewell | Full Stack Developer (Node) and Full Stack Developer (React) | NYC"
    split = _openings("Full Stack Developer (Node)", "Full Stack Developer (React)")
    assert len(merged_parentheses(split, text)) == 2


def test_merge_keeps_the_families() -> None:
    text = "Acme | Software Engineer (Python, Rust) | Remote"
    split = _openings("Software Engineer (Python)", "Software Engineer (Rust)")
    [merged] = merged_parentheses(split, text)
    assert (merged.title, merged.role_family) == ("Software Engineer (Python, Rust)", "other")


# --- less specific repeats -------------------------------------------------------------------


def test_title_without_its_stack_repeats_it() -> None:
    found = _openings("Senior Backend Software Engineer (Ruby)", "Senior Backend Engineer")
    assert _titles(without_less_specific(found)) == ["Senior Backend Software Engineer (Ruby)"]


def test_title_without_its_team_is_another_opening() -> None:
    found = _openings("Software Engineer (Infrastructure)", "Software Engineer")
    assert len(without_less_specific(found)) == 2


def test_other_level_or_family_is_no_repeat() -> None:
    assert len(without_less_specific(_openings("Senior Backend Engineer", "Backend Engineer"))) == 2
    found = _openings("Machine Learning Engineer (Python)", "Engineer (Python)")
    assert len(without_less_specific(found)) == 2


def test_prose_mention_holding_a_title_repeats_it() -> None:
    found = _openings("Head of Business Development", "and energetic Head of Business Development")
    assert _titles(without_less_specific(found)) == ["Head of Business Development"]


def test_words_in_another_order_are_no_repeat() -> None:
    found = _openings("Software Engineer, Data", "Data Engineer")
    assert len(without_less_specific(found)) == 2


# --- alternatives of one job -----------------------------------------------------------------


def test_slash_alternatives_of_one_family_are_one_opening() -> None:
    text = "Brightloom | Web Developer / Front-end Developer | Austin"
    found = _openings("Web Developer", "Front-end Developer")
    assert _titles(merged_alternatives(found, text)) == ["Web Developer / Front-end Developer"]


def test_or_alternatives_are_one_opening() -> None:
    text = "Brightloom is hiring a Cloud or DevOps Engineer to run our fleet."
    found = _openings("Cloud", "DevOps Engineer")
    assert _titles(merged_alternatives(found, text)) == ["Cloud or DevOps Engineer"]


def test_two_families_stay_two_openings() -> None:
    text = "Brightloom | Data Scientist / ML Engineer | Austin"
    found = _openings("Data Scientist", "ML Engineer")
    assert [o.role_family for o in merged_alternatives(found, text)] == [
        "data_scientist",
        "ai_engineer",
    ]


def test_three_names_in_a_row_are_a_list() -> None:
    text = "Kelpie | Welders / Electricians / Plumbers | Leeds"
    found = _openings("Welders", "Electricians", "Plumbers")
    assert len(merged_alternatives(found, text)) == 3


def test_alternatives_in_a_whole_post_keep_the_families() -> None:
    post = "Brightloom | Austin | ONSITE\n\nWe're hiring a Data Scientist / ML Engineer to help."
    families = {f for _, f in _post(post)}
    assert families == {"data_scientist", "ai_engineer"}


# --- prose mentions of a listed role ---------------------------------------------------------


def test_prose_mention_of_a_listed_role_is_dropped() -> None:
    text = (
        "Orchard | Senior Backend Engineer | Remote\n\n"
        "We are looking for experienced backend developers who love tests."
    )
    found = _openings("Senior Backend Engineer", "experienced backend developers")
    assert _titles(without_prose_mentions(found, text)) == ["Senior Backend Engineer"]


def test_prose_mention_of_another_kind_of_the_role_stays() -> None:
    text = (
        "Orchard | Software Engineer | New York\n\n"
        "We are hiring software and security engineers to join our small team."
    )
    found = _openings("Software Engineer", "security engineers")
    assert len(without_prose_mentions(found, text)) == 2


def test_lower_case_list_item_stays() -> None:
    text = "Orchard | Remote\n\nRoles: Platform Engineer, security engineers, devops engineers"
    found = _openings("Platform Engineer", "security engineers", "devops engineers")
    assert len(without_prose_mentions(found, text)) == 3


def test_prose_mention_of_another_role_stays() -> None:
    text = "Orchard | Senior Software Engineer | Remote\n\nWe also need an engineering manager."
    found = _openings("Senior Software Engineer", "an engineering manager")
    assert len(without_prose_mentions(found, text)) == 2


def test_prose_mention_of_another_family_stays() -> None:
    text = (
        "Orchard | Senior Software Engineer | Remote\n\nWe are hiring machine learning engineers."
    )
    found = _openings("Senior Software Engineer", "machine learning engineers")
    assert [o.role_family for o in without_prose_mentions(found, text)] == [
        "other",
        "ai_engineer",
    ]


def test_prose_only_post_keeps_its_mention() -> None:
    text = "Orchard | Remote\n\nWe are looking for experienced backend developers."
    found = _openings("experienced backend developers")
    assert len(without_prose_mentions(found, text)) == 1


# --- hiring sentences with a typographic apostrophe ------------------------------------------


def test_hiring_sentence_after_typographic_apostrophe() -> None:
    post = "Fernleaf | Oslo | Full-time\n\nWe’re seeking machine learning engineers to grow our models."
    assert _post(post) == [("machine learning engineers", "ai_engineer")]
    straight = post.replace("’", "'")
    assert _post(straight) == _post(post)


def test_typographic_apostrophe_outside_a_hiring_sentence_gives_nothing() -> None:
    post = "Fernleaf | Oslo\n\nWe’re proud of our machine learning engineers and their work."
    assert _post(post) == []


def test_counted_titles_of_one_family_are_kept() -> None:
    found = _openings("Machine Learning Engineer", "2 data scientists")
    assert [o.role_family for o in without_prose_mentions(found, "")] == [
        "ai_engineer",
        "data_scientist",
    ]
    found = _openings("Head of Product", "2 x Senior Deep Learning Engineers")
    assert len(without_prose_mentions(found, "")) == 2


# --- the other items of sentence lists --------------------------------------------------------


def test_other_items_of_a_sentence_list_are_openings() -> None:
    post = (
        "Harbor Nine | Leeds | Onsite\n\nWe make ferries quieter. Open roles: Senior Rust "
        "Engineers, Integration Engineers, Data Scientist, and Product Managers. Apply today."
    )
    found = _post(post)
    titles = {t for t, _ in found}
    assert {"Integration Engineers", "Product Managers", "Data Scientist"} <= titles
    assert {f for _, f in found} == {"data_scientist", "other"}


def test_hiring_manager_is_no_listed_opening() -> None:
    from pipeline.roles.listed_titles import _names_a_job

    assert not _names_a_job("manager")
    assert not _names_a_job("manager, feel free")
    assert not _names_a_job("include two Senior Engineers")
    assert not _names_a_job("Lead (platform")
    assert not _names_a_job("wide range of developers")
    assert not _names_a_job("many independent developers")
    assert _names_a_job("Integration Engineers")
    assert _names_a_job("engineers")


def test_praise_like_word_opening_a_title_is_no_prose() -> None:
    text = "Acme | Remote\n\nRoles:\n+ Smart Contract Developer: https://x.test/1\n+ Rust Engineer"
    found = _openings("Smart Contract Developer", "Rust Engineer")
    assert len(without_prose_mentions(found, text)) == 2


def test_several_spaced_slashes_are_a_list() -> None:
    text = "Kelpie | Mechanics / Food Safety and Quality Manager / Plant Architect | Leeds"
    found = _openings("Quality Manager", "Plant Architect")
    assert len(merged_alternatives(found, text)) == 2


def test_sentence_list_item_repeating_a_found_title_is_dropped() -> None:
    from pipeline.roles.listed_titles import listed_titles

    text = "Acme | NYC\n\nOpen roles: Product Design Lead, Data Engineer, QA Engineer."
    found = _openings("Product Design Lead (platform team)")
    assert [o.title for o in listed_titles(text, found)] == ["Data Engineer", "QA Engineer"]
    assert len(listed_titles(text, [])) == 3


def test_mention_after_typographic_apostrophe_and_with_a_team_is_prose() -> None:
    text = "Acme | Backend Engineer | Remote\n\nWe’re looking for senior engineers to join the core team."
    found = _openings("Backend Engineer", "senior engineers (core team)")
    assert _titles(without_prose_mentions(found, text)) == ["Backend Engineer"]


def test_hiring_manager_of_an_interview_process_is_no_list_item() -> None:
    from pipeline.roles.listed_titles import listed_titles

    text = "Acme | Remote\n\nInterview process: phone screen, chat with the hiring manager, offer"
    assert listed_titles(text, _openings("Backend Engineer")) == []
