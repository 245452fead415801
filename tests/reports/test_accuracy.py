"""Measured accuracy: read by the versions that made the numbers, written by the eval scripts,
and shares corrected for it with Rogan-Gladen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.accuracy_file import record_roles, record_skills
from reports.accuracy import (
    Measured,
    accuracy_for,
    corrected_share,
    corrected_skill_share,
    load_file,
    rogan_gladen,
)
from reports.claims import wilson

DATA = {
    "roles": {
        "roles-9": {
            "ai_engineer": {"precision": 0.94, "recall": 0.71, "specificity": 0.996, "n": 615},
            "data_scientist": {"precision": 1.0, "recall": 0.97, "specificity": 1.0, "n": 615},
        }
    },
    "skills": {"ext-9": {"precision": 0.9, "recall": 0.8, "n": 198}},
}


def test_rogan_gladen_by_hand() -> None:
    # (0.134 + 0.9965 - 1) / (0.7143 + 0.9965 - 1) = 0.1305 / 0.7108
    assert rogan_gladen(0.134, 0.7143, 0.9965) == pytest.approx(0.18360, abs=1e-4)
    assert rogan_gladen(0.001, 0.7, 0.99) == 0.0  # below the false-positive floor: clipped
    assert rogan_gladen(0.2, 0.5, 0.5) is None  # a test no better than chance corrects nothing


def test_corrected_share_corrects_the_wilson_bounds() -> None:
    measured = Measured(precision=0.94, recall=0.7143, n=615, specificity=0.9965)
    share, low, high = corrected_share(134, 1000, measured)  # type: ignore[misc]
    wl, wh = wilson(134, 1000)
    assert share == pytest.approx((0.134 + 0.9965 - 1) / 0.7108, abs=1e-4)
    assert low == pytest.approx((wl + 0.9965 - 1) / 0.7108, abs=1e-4)
    assert high == pytest.approx((wh + 0.9965 - 1) / 0.7108, abs=1e-4)
    skill = corrected_skill_share(30, 100, Measured(precision=0.9, recall=0.8, n=198))
    assert skill is not None and skill[0] == pytest.approx(0.3 * 0.9 / 0.8)


def test_entries_of_the_warehouse_versions_or_a_missing_note() -> None:
    found = accuracy_for(["roles-9", "roles-8"], ["ext-9"], DATA)
    assert found.missing == []
    assert found.roles["ai_engineer"].needs_correction is True
    assert found.roles["data_scientist"].needs_correction is False
    assert found.skills is not None and found.skills.recall == 0.8
    none = accuracy_for(["roles-1"], [], DATA)
    assert none.missing == ["role rules roles-1", "skill extractor (unknown)"]
    assert none.roles == {} and none.skills is None


def test_the_shipped_file_measures_the_current_versions() -> None:
    from pipeline.roles import RULES_VERSION
    from pipeline.skills import EXTRACTOR_VERSION

    shipped = load_file()
    assert set(shipped["roles"][RULES_VERSION]) == {"ai_engineer", "data_scientist"}
    for entry in shipped["roles"][RULES_VERSION].values():
        assert 0 < entry["recall"] <= 1 and 0 < entry["specificity"] <= 1 and entry["n"] > 0
    assert 0 < shipped["skills"][EXTRACTOR_VERSION]["precision"] <= 1


def test_eval_scripts_write_the_file_by_version(tmp_path: Path) -> None:
    path = tmp_path / "accuracy.json"
    record_roles("roles-9", DATA["roles"]["roles-9"], path)
    record_skills("ext-9", DATA["skills"]["ext-9"], path)
    record_skills("ext-10", {"precision": 0.5, "recall": 0.5, "n": 1}, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["roles"]["roles-9"]["ai_engineer"]["recall"] == 0.71
    assert set(written["skills"]) == {"ext-9", "ext-10"}


def test_eval_roles_entry_from_scores() -> None:
    from bench.eval_roles import FAMILIES, Scores, accuracy_entry

    scores = Scores(posts=100)
    scores.families[FAMILIES[0]].add(tp=8, pred=10, gold=16)  # 2 false positives among 84 negatives
    entry = accuracy_entry(scores)[FAMILIES[0]]
    assert (entry["precision"], entry["recall"]) == (0.8, 0.5)
    assert entry["specificity"] == pytest.approx(round(82 / 84, 4))
    assert (entry["n"], entry["positives"]) == (100, 16)
