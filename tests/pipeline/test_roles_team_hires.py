"""Engineers an AI team of the poster hires are AI engineers (team_hires.py)."""

from __future__ import annotations

from pipeline.roles import openings_of_posting
from pipeline.roles.team_hires import _TEAM_HIRES, _may_hold_team_hire, with_team_hires
from pipeline.roles.titles import classify_title


def _families(text: str) -> dict[str, str]:
    """Title to family of a post's openings."""
    openings = openings_of_posting("hn_whoishiring", text.split("\n")[0], text)
    return {o.title: o.role_family for o in openings}


def test_the_ai_team_seeking_engineers_replaces_the_bare_reading() -> None:
    text = (
        "Harrowgate Health Lab | Leeds, UK | ONSITE, Full-Time\n\n"
        "We're growing across the lab. In particular, the ML team will be scaling and is seeking "
        "skilled engineers with varying levels of ML experience, junior to senior."
    )
    assert _families(text) == {"skilled engineers (ML team)": "ai_engineer"}


def test_our_team_comma_looking_for_engineers() -> None:
    text = (
        "Pellucid Maps | Zurich | Full-time\n\n"
        "We keep growing our strong NLP team, looking for Engineers who have shipped search."
    )
    assert "ai_engineer" in _families(text).values()


def test_hiring_developers_for_the_computer_vision_team() -> None:
    text = (
        "Orchard Eye | Fresno, CA | Onsite\n\n"
        "Our computer vision team is hiring two senior developers to grade fruit on the belt."
    )
    assert "ai_engineer" in _families(text).values()


def test_negation_or_past_names_no_opening() -> None:
    for sentence in (
        "Our ML team is not hiring engineers this quarter; we need a designer.",
        "The ML team was hiring engineers last spring, the seats are filled.",
        "The ML team has been looking for engineers since May.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_a_role_of_its_own_or_another_team_is_not_the_teams_engineer() -> None:
    for sentence in (
        "Our ML team is looking for frontend engineers to build the labelling UI.",
        "The ML team is hiring Python developers for the data pipeline.",
        "Our frontend team is looking for engineers.",
        "The data team is seeking engineers.",
        "Our ML team is hiring a designer.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_someone_elses_team_or_search_is_no_opening() -> None:
    for sentence in (
        "We sell to the ML team that your customers are looking for engineers to staff.",
        "Their ML team is hiring engineers, and we help them screen.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_a_post_that_already_names_an_ai_engineer_is_left_as_read() -> None:
    found = (classify_title("Machine Learning Engineer"),)
    text = "Our ML team is seeking engineers."
    assert with_team_hires(found, text) == found


def test_the_sentence_mark_ends_the_team_sentence() -> None:
    text = "Quarry Labs | Remote\n\nWe love our ML team. Looking for engineers who code in Go."
    assert "ai_engineer" not in _families(text).values()


def test_only_the_teams_own_hiring_words_stand_before_the_verb() -> None:
    for sentence in (
        "The ML team at Google is hiring engineers; we build their labelling tools.",
        "We place people: the ML team at our sister company is hiring engineers.",
        "The ML team stopped recruiting engineers in March.",
        "Our ML team won't be hiring engineers this year.",
        "Our ML team isn\u2019t hiring engineers right now, but design is.",
        "Our ML team and our web team are hiring engineers for the web.",
        "Our ML team is small, so the platform group is hiring engineers to support it.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_a_team_after_a_preposition_is_not_the_subject() -> None:
    for sentence in (
        "We partner with the ML team at Stanford, hiring engineers through them.",
        "Tired of the ML team hiring engineers who can't ship? Join our product team.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_people_followed_by_another_role_or_area_are_not_the_teams_engineer() -> None:
    for sentence in (
        "Our AI team is seeking engineers: frontend, backend, and infra.",
        "Our ML team is hiring developer advocates to talk to the community.",
        "Our ML team is looking for developer relations help.",
        "Our ML team is hiring developer experience folks.",
        "Our ML team is hiring software engineers in test.",
        "The ML team is looking for engineers to join the data team.",
        "Our ML team is hiring engineers in these areas: frontend, backend.",
        "Our AI team, seeking engineers to join frontend, ships weekly.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" not in _families(text).values(), sentence


def test_a_singular_noun_needs_its_article() -> None:
    assert with_team_hires((), "Our ML team is hiring developer interns.") == ()
    (opening,) = with_team_hires((), "Our ML team is hiring a senior engineer.")
    assert opening.role_family == "ai_engineer"


def test_the_teams_own_hiring_words_and_numbers_are_kept() -> None:
    for sentence in (
        "Our Applied AI team is recruiting 3 engineers.",
        "The ML team is also seeking engineers.",
        "Our ML team -- hiring engineers!",
        "Our NLP team is currently and actively hiring dedicated engineers.",
        "Our ML team is growing, hiring engineers to join the ML platform team.",
    ):
        text = f"Quarry Labs | Remote\n\n{sentence}"
        assert "ai_engineer" in _families(text).values(), sentence


# Sentences the whole pattern matches, in any case and with letters that fold to ASCII ones under
# case folding (the Kelvin sign, a dotless i, a long s): the post-level test must let each through.
_TEAM_SENTENCES = (
    "the ML team will be scaling and is seeking skilled engineers",
    "our strong NLP team, looking for Engineers who ship",
    "Our computer vision team is hiring two senior developers",
    "THE AI TEAM IS RECRUITING ENGINEERS",
    "Our ML team \u2013 hiring engineers",
    "the ML team is loo\u212aing for engineers",
    "the NLP team is hır\u0131ng engineers",
    "the NLP team is \u017feeking developers",
    "Our Vision Team is Looking  For Developers",
)


def test_every_team_sentence_passes_the_post_test() -> None:
    # alone, in an ASCII post, and in a post that is not ASCII (searched with case folding)
    for sentence in _TEAM_SENTENCES:
        for text in (sentence, f"Acme | Remote\n\nWe grow. {sentence}.", f"Café. {sentence}"):
            assert _TEAM_HIRES.search(text) is not None, text
            assert _may_hold_team_hire(text), text
