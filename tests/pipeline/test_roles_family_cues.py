"""The family words a post must hold for the late readers to run (pipeline/roles/family_cues.py)."""

from __future__ import annotations

import pytest

from jobtrends.vocabulary import AI_ENGINEER, DATA_SCIENTIST
from pipeline.roles import classify_title
from pipeline.roles.family_cues import (
    _WHOLE_WORD_BELOW,
    AI_CUES,
    AI_PAIR_CUES,
    DS_CUES,
    _Cues,
    _starts_word,
    families_named,
)
from pipeline.roles.list_others import read_in_turn
from pipeline.roles.titles import Opening
from pipeline.roles.vocabulary import AI_BIGRAMS, AI_WORDS

AI, DS = AI_ENGINEER, DATA_SCIENTIST


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Quillmark | Senior ML Engineer | Remote", {AI}),
        ("Quillmark | A.I. Engineer | Oslo", {AI}),
        ("Quillmark | Data Scientists, Backend Engineers", {DS}),
        ("Quillmark | MLE, DS | NYC", {AI, DS}),
        ("Quillmark | Machine Leaning Engineer", {AI}),
        ("Quillmark | Ｍａｃｈｉｎｅ Ｌｅａｒｎｉｎｇ Engineer", {AI}),
        ("Quillmark | Backend Engineer | email jobs@quillmark.example", set()),
        ("Quillmark | Frontend Developer | maintain our available design system", set()),
        ("Quillmark | Network Engineer | a learning budget, our vision", set()),
        ("Quillmark | Backend Engineer\nWe run deep pipelines. Learning is part of the job.", {AI}),
        ("Quillmark | Artifical Intelligence Engineer", {AI}),
        ("Quillmark | DL Researchers and Engineers", {AI}),
        # a short cue whole, its plural "s" allowed; a long one as a word's start only
        ("Quillmark | two MLs on the team", {AI}),
        ("Quillmark | MLSX, AIX, retail", set()),
        ("Quillmark | ML-first", {AI}),
        ("Quillmark | (A.I.x) team", {AI}),
        ("Quillmark | papa.i team", set()),
        ("Quillmark | Scientific computing; no rocketscience", set()),
        ("Quillmark | Sciences: all of them", {DS}),
        ("dl", {AI}),
    ],
)
def test_families_named(text: str, families: set[str]) -> None:
    assert families_named(text) == families


def test_cues_hold_the_vocabulary() -> None:
    assert set(AI_WORDS) <= AI_CUES
    for a, b in AI_BIGRAMS:
        assert any(a in first and b in second for first, second in AI_PAIR_CUES)
    assert any("leaning" in second for _, second in AI_PAIR_CUES)
    assert {"scientist", "science", "ds"} <= DS_CUES
    assert {"mle", "cv", "dl"} <= AI_CUES


@pytest.mark.parametrize(
    "title",
    [
        "Senior AI Engineer",
        "ML/Data Engineer",
        "NLP Research Engineer",
        "Deep-Learning Engineer",
        "Computer Vision Developer",
        "CV Engineer",
        "GenAI Engineer",
        "LLMOps Engineer",
        "Prompt Engineer",
        "Staff MLE",
        "Data Scientist",
        "Decision Scientist",
        "Data Sciencist",
        "Data Science Manager",
        "Head of Data Science",
        "Machine Intelligence Engineer",
        "Neural Network Engineer",
    ],
)
def test_a_family_title_holds_its_cue(title: str) -> None:
    family = classify_title(title).role_family
    assert family in (AI, DS)
    assert family in families_named(title)


def test_readers_are_not_run_without_a_family_word() -> None:
    calls: list[str] = []

    def reader(text: str, found: list[Opening]) -> list[Opening]:
        calls.append(text)
        return []

    post = "Quillmark | Backend Engineer | Remote\nWe build billing software in Go."
    assert read_in_turn(post, [], (reader, reader)) == ([], [])
    assert calls == []
    post_ml = post + " Our ML team is growing."
    read_in_turn(post_ml, [], (reader, reader))
    assert calls == [post_ml, post_ml]


def test_readers_stop_once_every_named_family_is_found() -> None:
    calls: list[int] = []
    ml = Opening("ML Engineer", "ML Engineer", AI, "unspecified")

    def first(text: str, found: list[Opening]) -> list[Opening]:
        calls.append(1)
        return [ml]

    def second(text: str, found: list[Opening]) -> list[Opening]:
        calls.append(2)
        return []

    post = "Quillmark | Backend Engineer\nWe also hire an ML engineer."
    assert read_in_turn(post, [], (first, second)) == ([ml], [])
    assert calls == [1]


@pytest.mark.parametrize(
    ("low", "cue", "whole", "held"),
    [
        # the cue first inside a word, then as a word of its own: the later place counts
        ("email maintain ai", "ai", True, True),
        ("email maintain", "ai", True, False),
        ("ais.", "ai", True, True),
        ("aix", "ai", True, False),
        ("_ai", "ai", True, True),
        ("9ai", "ai", True, False),
        ("é ai", "ai", True, True),
        ("rocketscience science", "science", False, True),
        ("rocketscience", "science", False, False),
        ("(scientists)", "scientist", False, True),
        ("scientists", "scientist", True, True),
        ("scientistsx", "scientist", True, False),
    ],
)
def test_a_cue_set_finds_what_the_word_edge_test_finds(
    low: str, cue: str, whole: bool, held: bool
) -> None:
    cues = _Cues(frozenset({cue}))
    assert cues.cues[0][0] == cue
    assert _starts_word(low, cue, whole) is held
    # the set tests its short cues whole, its long ones as a word's start
    if whole == (len(cue) < _WHOLE_WORD_BELOW):
        assert cues.held(low) is held
