"""Opening titles, twelfth round (extra titles): a title repeated in other words for the same
job, and praise before a prose mention beside a listed title or an area's engineering."""

from __future__ import annotations

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
    # an area's engineering and the engineer of the area: the engineer stays
    area = [classify_title(t) for t in ("Security Engineering", "Security Engineer")]
    body = "Quillmoss | Security Engineering | Oslo\n- Security Engineer"
    assert [o.title for o in without_synonym_repeats(area, body)] == ["Security Engineer"]


def test_synonym_repeat_of_another_level_or_a_bare_role_stays() -> None:
    levels = [classify_title(t) for t in ("Senior Frontend Developer", "Frontend Engineer")]
    assert len(without_synonym_repeats(levels, "Quillmoss | Oslo")) == 2
    bare = [classify_title(t) for t in ("engineer", "developer")]
    assert len(without_synonym_repeats(bare, "Quillmoss | Oslo")) == 2
    other_job = [classify_title(t) for t in ("Frontend Engineer", "Frontend Designer")]
    assert len(without_synonym_repeats(other_job, "Quillmoss | Oslo")) == 2


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
