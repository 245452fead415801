"""Opening titles, twelfth round (extra titles): a title repeated in other words for the same
job, and praise before a prose mention beside a listed title or an area's engineering."""

from __future__ import annotations

from dataclasses import replace

from pipeline.roles import openings_of_posting
from pipeline.roles.title_merges import without_prose_mentions
from pipeline.roles.title_overlaps import without_synonym_repeats
from pipeline.roles.titles import classify_title


def _titles(text: str) -> list[str]:
    """The titles the HN reader takes from a post."""
    head = text.partition("\n")[0]
    return [o.title for o in openings_of_posting("hn_whoishiring", head, text)]


def test_header_synonym_gives_way_to_the_listed_title() -> None:
    text = (
        "Quillmoss | Lisbon | Frontend Developer, Full Stack Developer\n"
        "We have two roles:\n"
        "Frontend Engineer - build our editor in React.\n"
        "Full Stack Engineer - own features end to end.\n"
    )
    assert _titles(text) == ["Frontend Engineer", "Full Stack Engineer"]


def test_synonym_repeat_keeps_the_better_written_title() -> None:
    text = "Quillmoss | Database Developer | Oslo\nWe need a DB Dev who likes indexes."
    openings = [classify_title(t) for t in ("Database Developer", "DB Dev")]
    assert [o.title for o in without_synonym_repeats(openings, text)] == ["Database Developer"]
    # an area's engineering and the engineer of the area: the engineer stays, on a line of its
    # own under the area's heading too
    area = [classify_title(t) for t in ("Security Engineering", "Security Engineer")]
    body = "Quillmoss | Security Engineering | Oslo\n- Security Engineer"
    assert [o.title for o in without_synonym_repeats(area, body)] == ["Security Engineer"]
    heading = "Quillmoss | Oslo\nSecurity Engineering\n- Security Engineer"
    assert [o.title for o in without_synonym_repeats(area, heading)] == ["Security Engineer"]
    # an area listed as a line of its own gives way to the header's role
    areas = "Quillmoss | Data Engineer | Oslo\nYou will work on:\n* Data engineering\n* Search"
    pair = [classify_title(t) for t in ("Data Engineer", "Data engineering")]
    assert [o.title for o in without_synonym_repeats(pair, areas)] == ["Data Engineer"]


def test_synonym_repeat_of_another_level_or_a_bare_role_stays() -> None:
    text = "Quillmoss | Frontend Developer | Oslo\n- Frontend Engineer"
    developer, engineer = (classify_title(t) for t in ("Frontend Developer", "Frontend Engineer"))
    # of one level the header's title gives way to the listed one
    same = without_synonym_repeats([developer, replace(engineer, seniority="senior")], text)
    assert len(same) == 2
    one = without_synonym_repeats(
        [developer, replace(engineer, seniority=developer.seniority)], text
    )
    assert [o.title for o in one] == ["Frontend Engineer"]
    bare = [classify_title(t) for t in ("engineer", "developer")]
    assert len(without_synonym_repeats(bare, "Quillmoss | Oslo")) == 2
    other_job = [classify_title(t) for t in ("Frontend Engineer", "Frontend Designer")]
    assert len(without_synonym_repeats(other_job, "Quillmoss | Oslo")) == 2


def test_synonym_titles_on_list_lines_of_their_own_are_two_openings() -> None:
    text = (
        "Quillmoss | Oslo, Lisbon, Pune | Onsite\n"
        "Front-end Engineer (Vue, design systems) - apply at quillmoss.example/#fe-eng\n"
        "Front-end Developer (WordPress, marketing site) - quillmoss.example/#fe-dev\n"
        "* Backend Engineer | Lisbon | Kotlin\n"
        "* Backend Developer | Pune | PHP\n"
        "Stack notes | Sr SRE (NYC) | Sr. SRE (Oslo)\n"
    )
    titles = [
        "Front-end Engineer",
        "Front-end Developer",
        "Backend Engineer",
        "Backend Developer",
        "Sr SRE",
        "Sr. SRE",
    ]
    openings = [classify_title(t) for t in titles]
    assert [o.title for o in without_synonym_repeats(openings, text)] == titles


def test_one_header_line_per_opening_lists_both() -> None:
    text = (
        "Quillmoss | Front-end Engineer | TypeScript | Oslo\n"
        "Quillmoss | Front-end Developer | CSS, email templates | Oslo\n"
    )
    openings = [classify_title(t) for t in ("Front-end Engineer", "Front-end Developer")]
    assert len(without_synonym_repeats(openings, text)) == 2


def test_synonyms_of_other_jobs_are_not_merged() -> None:
    pairs = (
        ("Growth Engineer", "Growth Hacker"),
        ("Engineering Manager", "Development Manager"),
        ("Data Engineer", "Data Developer"),
        ("Solutions Engineer", "Solution Developer"),
        ("Frontend Engineering Lead", "Frontend Development Lead"),
        ("Frontend Engineer", "Frontend Development"),
        ("Platform Engineering Manager", "Platform Engineer Manager"),
    )
    for listed, header in pairs:
        text = f"Quillmoss | {header} | Oslo\n- {listed}: joins our team of nine"
        openings = [classify_title(header), classify_title(listed)]
        assert len(without_synonym_repeats(openings, text)) == 2, (header, listed)


def test_own_line_is_a_whole_title_after_any_list_mark() -> None:
    pair = [classify_title(t) for t in ("Frontend Developer", "Frontend Engineer")]
    # "Frontend Engineering" opening a line is no line of "Frontend Engineer"
    text = (
        "Quillmoss | Frontend Developer | Oslo\n"
        "Frontend Engineering at Quillmoss is five people.\n"
        "The Frontend Engineer we hire owns the editor."
    )
    assert [o.title for o in without_synonym_repeats(pair, text)] == ["Frontend Developer"]
    # a '+' bullet marks a list line
    plus = "Quillmoss | Frontend Developer | Oslo\n+ Frontend Engineer - owns the editor"
    assert [o.title for o in without_synonym_repeats(pair, plus)] == ["Frontend Engineer"]


def test_tie_prefers_a_title_ending_in_a_role_noun() -> None:
    text = (
        "Quillmoss | Oslo\n"
        "We grow Developer Relations; the Developer Relations Engineer writes our guides."
    )
    openings = [classify_title(t) for t in ("Developer Relations", "Developer Relations Engineer")]
    kept = without_synonym_repeats(openings, text)
    assert [o.title for o in kept] == ["Developer Relations Engineer"]


def test_praise_mention_beside_an_area_engineering_goes() -> None:
    text = (
        "Quillmoss | Backend Engineering | Onsite | Oslo\n"
        "We are looking for experienced backend engineers to scale our search."
    )
    openings = [classify_title(t) for t in ("Backend Engineering", "experienced backend engineers")]
    assert [o.title for o in without_prose_mentions(openings, text)] == ["Backend Engineering"]


def test_more_praise_words_describe_the_listed_title() -> None:
    text = "Quillmoss | Java Developer | Oslo\nWe want polyglot developers who enjoy the JVM."
    openings = [classify_title(t) for t in ("Java Developer", "polyglot developers")]
    assert [o.title for o in without_prose_mentions(openings, text)] == ["Java Developer"]
    # alone, the mention is the post's opening and stays
    alone = [classify_title("polyglot developers")]
    assert len(without_prose_mentions(alone, "Quillmoss\nWe want polyglot developers.")) == 1


def test_praise_mention_of_another_area_beside_an_area_engineering_stays() -> None:
    text = (
        "Quillmoss | Backend Engineering | Onsite | Oslo\n"
        "We also hire experienced frontend engineers to build our editor."
    )
    openings = [
        classify_title(t) for t in ("Backend Engineering", "experienced frontend engineers")
    ]
    assert len(without_prose_mentions(openings, text)) == 2


def test_plain_mention_under_an_area_engineering_stays() -> None:
    # no praise: the mention may name the opening the area's heading stands over
    text = (
        "Quillmoss | Oslo\n-- Security Engineering --\n"
        "Our group is looking for senior security engineers to guard the vault."
    )
    openings = [classify_title(t) for t in ("Security Engineering", "senior security engineers")]
    assert len(without_prose_mentions(openings, text)) == 2


def test_capitalised_polyglot_title_stays() -> None:
    text = "Quillmoss | Oslo\n- Polyglot Engineer (Go, Node.js)\n- Backend Engineer"
    openings = [classify_title(t) for t in ("Polyglot Engineer (Go, Node.js)", "Backend Engineer")]
    assert len(without_prose_mentions(openings, text)) == 2


def test_rank_over_an_engineering_department_names_no_engineers() -> None:
    text = (
        "Quillmoss | Director of Software Engineering | Oslo\n"
        "We are also looking for experienced software engineers who like compilers."
    )
    titles = ("Director of Software Engineering", "experienced software engineers")
    openings = [classify_title(t) for t in titles]
    assert len(without_prose_mentions(openings, text)) == 2
