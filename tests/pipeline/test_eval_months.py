"""The whole-months evaluation: which posts were read, its shares and scores, and its labels."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import eval_months  # noqa: E402
from bench.eval_months import MonthReading  # noqa: E402
from bench.eval_roles import Tally  # noqa: E402

AI, DS = "ai_engineer", "data_scientist"


def _post(post_id: int, text: str) -> dict[str, object]:
    return {"id": post_id, "text": text}


def test_candidate_words_hold_every_qualifier_of_the_two_families() -> None:
    candidates = [
        "Acme | Senior ML Engineer | Remote",
        "We&#x27;re hiring <i>Machine-Learning</i> engineers",
        "Roles: Backend, Frontend, AI",
        "Data Scientist (Product)",
        "LLM Engineer",
        "GenAI platform engineer",
        "Computer Vision Engineer",
        "NLP engineer",
        "MLOps engineer",
        "Deep learning engineer",
        "Prompt Engineer",
        "Decision Scientist",
    ]
    for text in candidates:
        assert eval_months.is_candidate(_post(1, text)), text
    for text in (
        "Acme | Backend Engineer | Berlin",
        "Email hiring@mail.example",
        "Staff SRE; we use Kubernetes",
    ):
        assert not eval_months.is_candidate(_post(1, text)), text


def test_a_month_counts_every_post_and_scores_the_read_ones() -> None:
    posts = [
        _post(1, "Acme | ML Engineer | Remote"),
        _post(2, "Beta | Data Scientist | NYC"),
        _post(3, "Gamma | Backend Engineer | SF"),
        _post(4, "Delta | Frontend | our AI product"),
        _post(5, "Epsilon | Designer | LA"),
    ]
    readings = {
        1: MonthReading(1, 9, "2020-01", frozenset({AI})),
        2: MonthReading(2, 9, "2020-01", frozenset({DS})),
        4: MonthReading(4, 9, "2020-01", frozenset()),
    }
    # measured: post 1 right, post 2 missed, post 3 (not read: neither family) read as AI
    measured = {
        1: frozenset({AI}),
        2: frozenset(),
        3: frozenset({AI}),
        4: frozenset(),
        5: frozenset(),
    }
    tallies = {AI: Tally(), DS: Tally()}
    scores = eval_months.score_month(posts, readings, measured, tallies)
    assert scores.posts == 5
    assert scores.read == {AI: 1, DS: 1} and scores.measured == {AI: 2, DS: 0}
    assert scores.shares(AI) == (20.0, 40.0)
    assert (tallies[AI].tp, tallies[AI].pred, tallies[AI].gold) == (1, 2, 1)
    assert (tallies[DS].tp, tallies[DS].pred, tallies[DS].gold) == (0, 0, 1)
    text = eval_months.report({"2020-01": scores}, tallies)
    assert "0 of 2 month-family shares within 1.5 points" in text
    assert "| 2020-01 | 5 | 20.0 / 40.0 | 20.0 / 0.0 |" in text


def test_a_month_whose_read_posts_are_not_its_candidates_is_refused() -> None:
    posts = [_post(1, "Acme | ML Engineer"), _post(2, "Beta | Data Scientist")]
    readings = {1: MonthReading(1, 9, "2020-01", frozenset({AI}))}
    measured = {1: frozenset({AI}), 2: frozenset({DS})}
    with pytest.raises(ValueError, match=r"unread: \[2\]"):
        eval_months.score_month(posts, readings, measured, {AI: Tally(), DS: Tally()})


@pytest.mark.shared
def test_the_read_months_are_whole_and_hold_both_families(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "hn-algolia"
    readings = eval_months.read_labels()
    months = {r.month: r.thread_id for r in readings}
    assert len(months) >= 4
    for month, thread_id in months.items():
        posts = eval_months.thread_posts(corpus, thread_id)
        read = {r.id for r in readings if r.month == month}
        assert read == {int(str(p["id"])) for p in posts if eval_months.is_candidate(p)}, month
    assert sum(AI in r.families for r in readings) >= 50
    assert sum(DS in r.families for r in readings) >= 15
