"""The last pass over a post's titles: held repeats, sentence fragments, split titles joined."""

from __future__ import annotations

from pipeline.roles.title_cleanup import clean_title, cleaned_openings
from pipeline.roles.title_overlaps import _own_line, is_sentence_fragment
from pipeline.roles.titles import classify_title


def _titles(text: str, *titles: str) -> list[str]:
    return [o.title for o in cleaned_openings([classify_title(t) for t in titles], text)]


def test_a_title_held_with_its_team_is_one_opening() -> None:
    text = "Zephyr | Data Engineer | Lisbon\nRoles:\n- Data Engineer (platform team)\n- Designer"
    assert _titles(text, "Data Engineer", "Data Engineer (platform team)", "Designer") == [
        "Data Engineer (platform team)",
        "Designer",
    ]


def test_a_prose_mention_held_by_a_title_goes() -> None:
    text = "Roles: Senior Web Designer (Web team). We need a web designer who loves type."
    assert _titles(text, "Senior Web Designer (Web team)", "web designer") == [
        "Senior Web Designer (Web team)"
    ]


def test_levels_and_places_in_a_bracket_keep_the_bare_title() -> None:
    text = "Roles: Backend Engineers (Junior & Senior), Senior Backend Engineer, Frontend Engineer"
    assert _titles(text, "Backend Engineers (Junior & Senior)", "Backend Engineer") == [
        "Backend Engineers (Junior & Senior)",
        "Backend Engineer",
    ]
    # the place goes from the title, and the opening in each place stays
    text = "Roles: Frontend Engineer (Toronto), Frontend Engineer (Austin)"
    assert _titles(text, "Frontend Engineer (Toronto)", "Frontend Engineer (Austin)") == [
        "Frontend Engineer",
        "Frontend Engineer",
    ]


def test_a_title_of_another_family_or_level_stays() -> None:
    text = "Roles: Software Engineer, Software Engineer (ML)"
    assert _titles(text, "Software Engineer", "Software Engineer (ML)") == [
        "Software Engineer",
        "Software Engineer (ML)",
    ]
    assert _titles(
        "Roles: Staff Engineer, Engineer (Payments)", "Staff Engineer", "Engineer (Payments)"
    ) == [
        "Staff Engineer",
        "Engineer (Payments)",
    ]


def test_sentence_fragments_are_no_titles() -> None:
    assert is_sentence_fragment("Come lead")
    assert is_sentence_fragment("Lead improvements")
    assert is_sentence_fragment("Architect novel solutions")
    assert is_sentence_fragment("Mentor engineers through design reviews")
    assert is_sentence_fragment("Meet the engineering team")
    assert is_sentence_fragment("non-engineering roles")
    assert is_sentence_fragment("developer tooling")
    assert not is_sentence_fragment("Lead iOS Engineer")
    assert not is_sentence_fragment("Lead frontend developer")
    assert not is_sentence_fragment("Lead engineers")
    assert not is_sentence_fragment("Backend Engineer - Pricing Team")
    assert not is_sentence_fragment("C++ Developer-Infrastructure Team")
    assert not is_sentence_fragment("Product Manager (Cloud Dev Tooling)")


def test_a_fragment_goes_only_beside_a_title_of_its_family() -> None:
    text = "Open: Finance Lead, Platform Manager. Come lead our finance work."
    assert _titles(text, "Finance Lead", "Platform Manager", "Come lead") == [
        "Finance Lead",
        "Platform Manager",
    ]
    assert _titles("Come lead", "Come lead") == ["Come lead"]


def test_a_sentence_run_on_after_a_title_goes() -> None:
    assert clean_title("Quality Manager. Background in food safety") == "Quality Manager"
    assert clean_title("Platform Engineer focused") == "Platform Engineer"
    assert clean_title("Developer skilled") == "Developer"
    assert clean_title("Compiler engineers among other roles") == "Compiler engineers"
    assert clean_title("Generalist. Requirements") == "Generalist"
    assert clean_title("Penetration testers performing") == "Penetration testers"
    assert clean_title("Machine Learning Engineer") == "Machine Learning Engineer"
    assert clean_title("Join my team as a Senior DevOps Engineer") == "Senior DevOps Engineer"
    assert clean_title("Sr. Data Eng") == "Sr. Data Eng"
    assert clean_title("Data Eng. Manager") == "Data Eng. Manager"
    assert clean_title("Join us") == "Join us"


def test_a_stack_joined_before_a_role_is_one_title() -> None:
    text = "Quillworks | Remote\nWe are hiring Python + TypeScript Engineers and a React + AI dev."
    assert _titles(text, "Python", "TypeScript Engineers", "React", "AI dev") == [
        "Python + TypeScript Engineers",
        "React + AI dev",
    ]


def test_an_area_before_a_shared_noun_stays_an_opening() -> None:
    text = "We are hiring frontend and backend engineers, and Web + Mobile Engineers."
    assert _titles(text, "frontend", "backend engineers", "Web", "Mobile Engineers") == [
        "frontend",
        "backend engineers",
        "Web",
        "Mobile Engineers",
    ]


def test_a_team_after_its_title_is_one_title() -> None:
    text = "Open roles:\n- Engineering Manager - Product Engineering\n- Data Science Manager - Analytics\n"
    assert _titles(
        text, "Engineering Manager", "Product Engineering", "Data Science Manager", "Analytics"
    ) == ["Engineering Manager - Product Engineering", "Data Science Manager - Analytics"]


def test_a_role_after_a_title_or_on_the_next_line_stays_its_own() -> None:
    text = "Roles: Marketing Manager, Account Executive\n- Data Platform\n- ML Infrastructure"
    assert _titles(text, "Marketing Manager", "Account Executive") == [
        "Marketing Manager",
        "Account Executive",
    ]
    text = "Open roles:\n- Software Engineer\n- Analytics\n"
    assert _titles(text, "Software Engineer", "Analytics") == ["Software Engineer", "Analytics"]


def test_a_comma_after_a_title_goes_on_with_a_list() -> None:
    text = "Roles: Data Engineer, DevOps\n"
    assert _titles(text, "Data Engineer", "DevOps") == ["Data Engineer", "DevOps"]


def test_a_split_title_another_reader_took_whole_is_one_opening() -> None:
    text = "Acme | Data Science Manager - Analytics\nRole: Data Science Manager - Analytics"
    assert _titles(
        text, "Data Science Manager", "Analytics", "Data Science Manager - Analytics"
    ) == ["Data Science Manager - Analytics"]


def test_a_header_title_the_listed_titles_hold_names_them() -> None:
    text = (
        "Acme | Principal Engineers | Remote\n"
        "- Principal Engineer, Cloud Architecture\n"
        "- Principal Engineer, Reliability\n"
    )
    titles = ("Principal Engineers", "Principal Engineer, Cloud", "Principal Engineer, Reliability")
    assert _titles(text, *titles) == [
        "Principal Engineer, Cloud",
        "Principal Engineer, Reliability",
    ]


def test_a_header_title_listed_below_on_its_own_stays() -> None:
    text = "Acme | Software Engineer | Remote\n- Software Engineer\n- Software Engineer, Payments\n"
    titles = ("Software Engineer", "Software Engineer, Payments")
    assert _titles(text, *titles) == ["Software Engineer", "Software Engineer, Payments"]


def test_a_header_title_stays_beside_prose_and_other_header_titles() -> None:
    text = "Acme | Front End Architect | Remote\nWe want a frontend heavy architect/lead."
    titles = ("Front End Architect", "frontend heavy architect/lead")
    assert _titles(text, *titles) == list(titles)
    text = "Acme | Data Scientist - Applied Science | Data Scientist | London\nWe build models."
    titles = ("Data Scientist, Applied Science", "Data Scientist")
    assert _titles(text, *titles) == list(titles)


def test_titles_that_read_as_verbs_or_groups_only_in_sentences() -> None:
    assert not is_sentence_fragment("Non-technical Recruiter")
    assert not is_sentence_fragment("Lead backend, Senior Frontend")
    assert is_sentence_fragment("Lead prototypes of new ideas")


def test_an_opening_in_another_place_written_as_a_code_stays() -> None:
    text = "Roles: Engineering Manager (LDN), Engineering Manager (SJ)"
    assert _titles(text, "Engineering Manager", "Engineering Manager (SJ)") == [
        "Engineering Manager",
        "Engineering Manager (SJ)",
    ]


def test_a_title_opens_a_listing_line_or_field_as_a_whole_word() -> None:
    header = "Acme | Remote\n"
    assert _own_line("Frontend Engineer", header + "* Frontend Engineer - Berlin")
    assert _own_line("Frontend Engineer", header + "Berlin | Frontend Engineer")
    assert _own_line("C++ Developer", header + "2. C++ Developer (remote)")
    # a longer word, a plural or a sentence around the title is no line of its own
    assert not _own_line("Frontend Engineer", header + "* Frontend Engineers wanted")
    assert not _own_line("C++ Developer", header + "2. C++ Developer2")
    assert not _own_line("Frontend Engineer", header + "We need a Frontend Engineer")
