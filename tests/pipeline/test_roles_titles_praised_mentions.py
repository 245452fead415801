"""A praised prose mention of a listed title's role describes that title, whatever its kind words."""

from pipeline.roles import openings_of_posting


def _titles(text: str) -> list[str]:
    return [o.title for o in openings_of_posting("hn_whoishiring", "", text)]


def test_praised_mention_describes_the_listed_title() -> None:
    text = (
        "Kelpworks | Remote | Full Stack Developer | Full-time\n\n"
        "Kelpworks is looking for an experienced Clojure developer to join our team."
    )
    assert _titles(text) == ["Full Stack Developer"]


def test_praised_mention_followed_by_another_item_is_its_own_job() -> None:
    text = (
        "Acme | Full Stack Engineer | NYC\n\n"
        "We are looking for experienced front-end developers and full-stack engineers."
    )
    assert "experienced front-end developers" in _titles(text)


def test_a_capitalised_praised_list_item_is_a_title() -> None:
    text = "Acme | Senior Backend Engineer | NYC\n\nOpen roles:\n- Experienced frontend dev\n"
    assert _titles(text) == ["Senior Backend Engineer", "Experienced frontend dev"]
