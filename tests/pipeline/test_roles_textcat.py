"""The training script of the statistical second opinion on HN role families (bench/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import train_roles_textcat  # noqa: E402
from bench.train_roles_textcat import Example  # noqa: E402

AI, DS = "ai_engineer", "data_scientist"
THREAD = 100

_POSTS = [
    ("Acme | Machine Learning Engineer | Berlin | Onsite", [AI]),
    ("Birch | Senior Data Scientist | Remote", [DS]),
    ("Cedar | Backend Engineer | London", []),
    ("Dune | ML Engineer, Data Scientist | NYC", [AI, DS]),
    ("Elm | Frontend Developer | Paris | Remote", []),
    ("Fir | AI Engineer | Austin | Full-time", [AI]),
    ("Gale | Data Scientist (Product) | Remote", [DS]),
    ("Hive | Site Reliability Engineer | Remote", []),
]


def _made_up_set(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of one thread and its readings, all in the dev split."""
    children = []
    labels = []
    for i, (header, families) in enumerate(_POSTS):
        post_id = 1000 + i
        body = f"{header}<p>We build things with models and data. Apply at jobs@example.com."
        children.append({"id": post_id, "text": body, "created_at_i": 1_700_000_000})
        labels.append(
            {
                "id": post_id,
                "thread_id": THREAD,
                "month": "2023-11",
                "split": "dev",
                "job_post": True,
                "openings": [],
                "families": families,
            }
        )
    corpus = tmp_path / "corpus"
    (corpus / "items").mkdir(parents=True)
    (corpus / "items" / f"{THREAD}.json").write_text(json.dumps({"children": children}))
    labels_path = tmp_path / "labels.jsonl"
    labels_path.write_text("\n".join(json.dumps(row) for row in labels) + "\n")
    return corpus, labels_path


def test_training_on_a_made_up_set_gives_a_model_that_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import spacy

    corpus, labels = _made_up_set(tmp_path)
    out = tmp_path / "model"
    argv = ["--corpus", str(corpus), "--labels", str(labels), "--epochs", "2", "--out", str(out)]
    assert train_roles_textcat.main(argv) == 0
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["textcat_multilabel"]
    cats = nlp("acme | machine learning engineer | berlin rulesfoundaiengineer").cats
    assert set(cats) == {AI, DS}
    assert all(0.0 <= p <= 1.0 for p in cats.values())
    assert "saved the model" in capsys.readouterr().out


def test_cross_validation_prints_rules_against_the_combination(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, labels = _made_up_set(tmp_path)
    argv = ["--corpus", str(corpus), "--labels", str(labels), "--epochs", "1", "--cv"]
    assert train_roles_textcat.main(argv) == 0
    printed = capsys.readouterr().out
    for family in (AI, DS):
        assert f"| {family} | rules alone |" in printed
        assert f"| {family} | rules or model >= 0.5 |" in printed


def test_focused_text_keeps_the_header_and_the_subject_lines() -> None:
    text = train_roles_textcat.model_text(
        "Acme | Engineers | Berlin",
        "Acme | Engineers | Berlin\nWe sell shoes.\nHiring an NLP research engineer.",
        [AI],
    )
    assert text.startswith("acme | engineers | berlin")
    assert "nlp research engineer" in text
    assert "shoes" not in text
    assert text.endswith("rulesfoundaiengineer")


def test_the_combination_adds_only_what_the_model_is_sure_of() -> None:
    data = [
        Example(1, "a", "", frozenset({AI}), frozenset({AI})),
        Example(2, "b", "", frozenset(), frozenset({AI})),
        Example(3, "c", "", frozenset(), frozenset()),
    ]
    probs = [{AI: 0.1}, {AI: 0.9}, {AI: 0.6}]
    assert train_roles_textcat.rules_or_model(data, probs, AI, 0.8) == [True, True, False]
    found = train_roles_textcat.counts(
        data, train_roles_textcat.rules_or_model(data, probs, AI, 0.8), AI
    )
    assert (found.tp, found.pred, found.gold) == (2, 2, 2)
    # 0.7, 0.8 and 0.9 find the same posts: the most cautious one is kept
    assert train_roles_textcat.choose_threshold(data, probs, AI) == 0.9


def test_without_rules_tokens_the_text_is_the_post_alone_and_never_empty() -> None:
    text = train_roles_textcat.model_text("Acme | ML Engineer", "", [AI], rules_tokens=False)
    assert text == "acme | ml engineer"
    # thinc's n-grams fail on a doc without tokens
    assert train_roles_textcat.model_text(None, "", [], rules_tokens=False) == "emptypost"
