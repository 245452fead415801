"""Replaying all of ../shared/corpus/hn-algolia lands exactly the posts of its months.json."""

from __future__ import annotations

import gzip
import json

import pytest

from jobtrends.replay import start_replay_server

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_whole_hn_corpus_lands_months_json(shared_dir, crawl, tmp_path) -> None:
    expected = json.loads((shared_dir / "corpus/hn-algolia/months.json").read_text())
    with start_replay_server(shared_dir / "corpus") as server:
        manifest = crawl([{"type": "hn_whoishiring", "base_url": server.base_url}])[0]
    assert manifest["complete"] is True and manifest["errors"] == []
    assert manifest["seen_by_month"] == expected
    assert (
        len(expected) == 144
        and sum(expected.values()) == manifest["items_seen"] == manifest["items_landed"] == 79_576
    )
    assert manifest["duplicates_in_run"] == 0
    assert sorted(manifest["scope"]["months"]) == sorted(expected)
    folder = tmp_path / "data" / "landing" / "hn_whoishiring"
    with gzip.open(folder / manifest["seen_file"], "rt") as seen:
        ids = seen.read().split()
    assert len(ids) == len(set(ids)) == 79_576
