"""Opening titles, tenth round: bare trade titles beside named ones, "<owner> Experience" areas,
a rank and its engineering department, junk a line leaves on a title, runs of titles at star
or bullet marks; and the scorer's pairing of read and measured titles."""

from __future__ import annotations

import time

import pytest

from bench import eval_roles
from pipeline.roles import openings_of_posting
from pipeline.roles.list_items import item_specs
from pipeline.roles.title_cleanup import clean_title
from pipeline.roles.title_overlaps import without_generic
from pipeline.roles.title_splits import run_splits
from pipeline.roles.titles import classify_title

_HEAD = "Brindlewick | Reykjavik | Onsite | Full-time"


def _titles(body: str, head: str = _HEAD) -> list[tuple[str, str]]:
    """(title, family) of the openings of a post with the given header and body."""
    text = f"{head}\n{body}"
    return [(o.title, o.role_family) for o in openings_of_posting("hn_whoishiring", head, text)]


def test_bare_trade_title_gives_way_to_named_titles() -> None:
    openings = [classify_title(t) for t in ("Engineering", "Backend Engineer", "Designer")]
    text = "Brindlewick | Engineering\n- Backend Engineer\n- Designer"
    assert [o.title for o in without_generic(openings, text)] == ["Backend Engineer", "Designer"]
    # no named title of the trade: the bare one stays
    alone = [classify_title(t) for t in ("Developers", "Product Manager")]
    assert [o.title for o in without_generic(alone, "Brindlewick | Developers")] == [
        "Developers",
        "Product Manager",
    ]
    # "Software Engineer" is a job's title, not only the trade: it stays
    both = [classify_title(t) for t in ("Software Engineer", "Senior Software Engineer")]
    assert len(without_generic(both, "Brindlewick\n- Senior Software Engineer")) == 2


def test_bare_trade_title_beside_named_one_in_the_header_stays() -> None:
    # "Engineers, Designers, Sales Engineers": the header lists both as openings
    openings = [classify_title(t) for t in ("Engineers", "Designers", "Sales Engineers")]
    text = "Brindlewick | Engineers, Designers, Sales Engineers | Oslo\nWe grow moss."
    assert len(without_generic(openings, text)) == 3


def test_named_title_in_prose_does_not_displace_the_bare_one() -> None:
    openings = [classify_title(t) for t in ("Engineer", "mid-level engineering generalists")]
    text = "Brindlewick | Engineer\nWe also need mid-level engineering generalists."
    assert len(without_generic(openings, text)) == 2


def test_bare_trade_title_of_another_family_stays() -> None:
    openings = [classify_title(t) for t in ("Engineers", "Machine Learning Engineer")]
    assert [o.role_family for o in openings] == ["other", "ai_engineer"]
    assert len(without_generic(openings, "Brindlewick\n- Machine Learning Engineer")) == 2


def test_header_engineering_under_a_list_of_titles() -> None:
    body = "We grow moss on roofs.\nOpen roles:\n- Frontend Engineer\n- Firmware Engineer\n"
    titles = _titles(body, "Brindlewick | Engineering | Reykjavik | Onsite")
    assert titles == [("Frontend Engineer", "other"), ("Firmware Engineer", "other")]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- Developer Experience Engineer", "Developer Experience Engineer"),
        ("- User Experience Designer", "User Experience Designer"),
        ("- Head of Customer Experience", "Head of Customer Experience"),
    ],
)
def test_owner_experience_is_an_area(line: str, title: str) -> None:
    body = f"We grow moss on roofs.\nOpen roles:\n{line}\n- Security Engineer\n"
    assert [t for t, _ in _titles(body)] == [title, "Security Engineer"]


def test_experience_as_a_requirement_stays_prose() -> None:
    body = "We grow moss on roofs.\nOpen roles:\n- Developer experience with Rust\n- Data Analyst\n"
    # the title before the prose is read as before; "experience" joins no title
    assert [t for t, _ in _titles(body)] == ["Developer", "Data Analyst"]


def test_rank_and_its_engineering_department_are_one_title() -> None:
    assert [s[1] for s in item_specs("Director, Engineering")] == ["Director, Engineering"]
    assert [s[1] for s in item_specs("Sr. Manager, Mobile Engineering")] == [
        "Sr. Manager, Mobile Engineering"
    ]
    # two roles, or more than two pieces, stay a list
    assert [s[1] for s in item_specs("Director, Software Engineer")] == [
        "Director",
        "Software Engineer",
    ]
    assert len(item_specs("Manager, Engineering, Sales")) == 3


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Kiln Engineer ($95,000", "Kiln Engineer"),
        ("Go Developers [", "Go Developers"),
        ("Platform Engineering ~~~", "Platform Engineering"),
        ("QA ENGINEERS and", "QA ENGINEERS"),
        ("backend engineers, also", "backend engineers"),
        ("Rust developers, specifically", "Rust developers"),
        ("Staff Illustrator, $120~150k", "Staff Illustrator"),
        ("Senior Data Engineer (€70-90k + options)", "Senior Data Engineer"),
        ("Engineer - $110k", "Engineer"),
        ("Kiln Engineer (Stream Data - Kafka, Flink", "Kiln Engineer (Stream Data)"),
        ("Kiln Engineer (Web Stack, React", "Kiln Engineer (Web Stack)"),
        ("Kiln Engineer (https://example.org", "Kiln Engineer"),
        ("Kiln Engineer (3-6 years", "Kiln Engineer"),
        ("Kiln Engineer (e.g. glazes, clay", "Kiln Engineer"),
        ("Kiln Engineer (Link: ", "Kiln Engineer"),
        # left whole
        ("Lead or Not", "Lead or Not"),
        ("Lead or", "Lead or"),
        ("Research and Development", "Research and Development"),
        ("Engineer (Backend)", "Engineer (Backend)"),
        ("(Senior) Engineer", "(Senior) Engineer"),
    ],
)
def test_junk_left_on_a_title(title: str, cleaned: str) -> None:
    assert clean_title(title) == cleaned


def test_run_of_titles_at_star_marks() -> None:
    opening = classify_title("Kiln Engineer (KE) * Data Analyst * Account Executive (North)")
    assert [o.title for o in run_splits([opening])] == [
        "Kiln Engineer (KE)",
        "Data Analyst",
        "Account Executive (North)",
    ]


def test_run_of_title_team_and_type_at_bullets() -> None:
    opening = classify_title("Frontend Engineer • Moss Team • Full-time")
    assert [o.title for o in run_splits([opening])] == ["Frontend Engineer"]
    two = classify_title("Backend Engineer • ML Engineer •")
    assert [(o.title, o.role_family) for o in run_splits([two])] == [
        ("Backend Engineer", "other"),
        ("ML Engineer", "ai_engineer"),
    ]
    # one title and no item naming a role: as it is
    lone = classify_title("Data Science * Moss")
    assert [o.title for o in run_splits([lone])] == ["Data Science"]


def test_scorer_pairs_titles_by_maximum_matching() -> None:
    # first-fit pairs "QA Engineers" with the wider title and loses "Backend Engineers"' pair
    read = ["QA Engineers", "Backend Engineers"]
    measured = ["Software/QA/Backend Engineer", "QA Engineers"]
    assert eval_roles.title_matches(read, measured) == 2
    # a read title whose words two measured titles hold is paired so both read titles count
    read = ["Data Engineer", "Senior Data Engineer"]
    measured = ["Senior Data Engineer", "Data Engineer (Platform)"]
    assert eval_roles.title_matches(read, measured) == 2
    assert eval_roles.title_pairs(["Engineer", "Designer"], ["Designer"]) == {1: 0}
    # still each measured title once
    assert eval_roles.title_matches(["ML Engineer", "ML Engineer"], ["Senior ML Engineer"]) == 1


def test_a_title_headed_by_another_noun_is_another_job() -> None:
    # "Head of Engineering" and "Engineering Manager" do not stand for the engineers hired
    openings = [classify_title(t) for t in ("Engineers", "Head of Engineering")]
    assert len(without_generic(openings, "Brindlewick | Engineers\n- Head of Engineering")) == 2
    openings = [classify_title(t) for t in ("Eng", "Engineering Manager, Mobile")]
    assert len(without_generic(openings, "Brindlewick | Eng\n- Engineering Manager, Mobile")) == 2


def test_an_abbreviated_title_does_not_displace_the_bare_one() -> None:
    openings = [classify_title(t) for t in ("engineers", "SREs")]
    assert len(without_generic(openings, "Brindlewick | Oslo\nWe hire engineers and SREs.")) == 2


@pytest.mark.parametrize(
    "body",
    [
        "- Senior Developer\n- Developer",
        "- Developer (2-5 years)\n- Senior Developer",
        "- Junior Developer\n- Developer",
    ],
)
def test_bare_title_at_another_level_stays(body: str) -> None:
    assert len(_titles(body)) == 2


def test_level_alone_does_not_name_the_trade() -> None:
    openings = [classify_title(t) for t in ("Engineers", "Senior Engineers")]
    text = "Brindlewick | Reykjavik\nSenior Engineers wanted, and Engineers"
    assert len(without_generic(openings, text)) == 2


def test_a_joiner_trimmed_only_after_a_role_noun() -> None:
    head = "Brindlewick | Kiln Developer (Or Potter) | Lead or Not | Pottery | Reykjavik"
    assert "Lead" not in [t for t, _ in _titles("https://example.org", head)]


def test_cut_brackets_of_two_areas_are_two_openings() -> None:
    body = "Open roles:\n- Data Engineer (Stream Data - Kafka, Flink, Go)\n- Data Engineer (Web Stack - React, Vue)"
    assert [t for t, _ in _titles(body)] == [
        "Data Engineer (Stream Data)",
        "Data Engineer (Web Stack)",
    ]


@pytest.mark.parametrize("gap", [" " * 20_000, "\t" * 20_000, ", " + " " * 20_000])
def test_a_run_of_spaces_in_a_title_is_read_at_once(gap: str) -> None:
    started = time.process_time()
    for title in (f"Kiln Engineer{gap}x", f"Kiln Engineer ({gap}x", f"Kiln Engineer -{gap}and"):
        assert clean_title(title, places=False).startswith("Kiln Engineer")
    assert time.process_time() - started < 0.5


@pytest.mark.parametrize(
    ("line", "titles"),
    [
        (
            "Staff Kiln Engineer, Developer Experience",
            ["Staff Kiln Engineer, Developer Experience"],
        ),
        ("Head of Glazing, Customer Experience", ["Head of Glazing, Customer Experience"]),
        ("Kiln Engineer, Developer Experience, Generalist", ["Kiln Engineer", "Generalist"]),
        (
            "Glaze Manager, Developer Experience (Oslo)",
            ["Glaze Manager, Developer Experience (Oslo)"],
        ),
    ],
)
def test_owner_experience_after_a_comma_is_no_developer(line: str, titles: list[str]) -> None:
    assert [s[1] for s in item_specs(line)] == titles
