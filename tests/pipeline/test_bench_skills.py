"""bench/bench_skills.py on a few hundred postings: the sets it builds and the figures it prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import bench_skills


def test_synthetic_postings_are_about_300_words_with_taxonomy_names() -> None:
    postings = bench_skills.synthetic_postings(50)
    assert postings == bench_skills.synthetic_postings(50)  # seeded
    words = [len(p.split()) for p in postings]
    assert 290 <= sum(words) / len(words) <= 330


def test_run_times_every_set_and_reports_consistent_figures(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = bench_skills.run(
        300, 64, record=False, hn_corpus=shared_dir / "corpus" / "hn-algolia"
    )
    assert set(results) == {"synthetic", "hn"}
    for figures in results.values():
        assert figures["postings"] == 300
        assert figures["mentions"] > figures["postings"]  # postings name several tools each
        for run in ("bare", "own", "full"):
            rate = figures[f"{run}_cpu_words_s"]
            assert rate > 0
            assert figures[f"{run}_cpu_p300_s"] == pytest.approx(rate / 300)
        assert figures["ratio_cpu"] == pytest.approx(
            figures["full_cpu_words_s"] / figures["bare_cpu_words_s"]
        )
    assert 140 <= results["hn"]["words"] / 300 <= 180  # HN posts: about 160 words
    out = capsys.readouterr().out
    assert "ratio extraction/bare tokenisation (the target)" in out
