"""Crawls with the real Scrapy engine against the replay server of the project's test corpus."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from jobtrends.replay import source_config, start_replay_server

# Each crawl is a subprocess (Scrapy's reactor runs once per process): several seconds each.
pytestmark = pytest.mark.slow

EXPECTED = {
    "hn_whoishiring": 8,
    "greenhouse": 2,
    "lever": 3,
    "ashby": 2,
    "remoteok": 2,
    "jsonld": 3,
    "remotive": 4,
    "himalayas": 3,
    "arbeitnow": 3,
    "smartrecruiters": 3,  # 4 list entries over two pages, one job in two languages
    "workable": 3,  # 4 entries, one job open in two places
    "recruitee": 3,
    "personio": 2,
}


def test_every_source_lands_its_postings(
    replay_server, fixtures_dir, crawl, read_landed, tmp_path
) -> None:
    sources = source_config(fixtures_dir / "corpus", replay_server.base_url)
    manifests = {m["source"]: m for m in crawl(sources)}
    assert {key: m["items_seen"] for key, m in manifests.items()} == EXPECTED
    assert {key: m["items_landed"] for key, m in manifests.items()} == EXPECTED
    for key, manifest in manifests.items():
        assert (
            manifest["complete"] is True
            and manifest["errors"] == []
            and manifest["duplicates_in_run"] == 0
        )
        records = read_landed(tmp_path / "data", manifest)
        assert len({r["global_id"] for r in records}) == len(records) == EXPECTED[key]
        assert all(
            r["crawl_run_id"] == manifest["run_id"] and r["global_id"].startswith(f"{key}:")
            for r in records
        )
        folder = tmp_path / "data" / "landing" / key
        with gzip.open(folder / manifest["seen_file"], "rt") as seen:
            assert sorted(seen.read().split()) == sorted(r["global_id"] for r in records)
        assert not list(folder.glob(".*"))  # no temporary file left behind
    hn = manifests["hn_whoishiring"]
    assert hn["scope"] == {
        "boards": ["38500001", "38900001", "39000001"],
        "months": ["2023-12", "2024-02", "2024-03"],
    }
    assert hn["seen_by_month"] == {"2023-12": 2, "2024-02": 3, "2024-03": 3}
    # robots.txt, two listing pages, three threads
    assert hn["requests"] == 6 and hn["responses_by_status"] == {"200": 6}
    assert manifests["greenhouse"]["scope"]["boards"] == ["acme", "emptyco"]
    # Two pages each: Himalayas by its cursor, Arbeitnow until links.next is null (+ robots.txt).
    for key in ("remotive", "himalayas", "arbeitnow"):
        assert manifests[key]["scope"]["boards"] == [key]
    assert manifests["remotive"]["requests"] == 2
    assert manifests["himalayas"]["requests"] == manifests["arbeitnow"]["requests"] == 3
    assert manifests["smartrecruiters"]["scope"]["boards"] == ["Nimbus1", "Quietco"]
    # robots.txt, two list pages of Nimbus1, one of Quietco, three details
    assert manifests["smartrecruiters"]["requests"] == 7


def test_recrawl_lands_only_new_or_changed(fixtures_dir, crawl, read_landed, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixtures_dir / "corpus", corpus)
    data = tmp_path / "data"
    with start_replay_server(corpus) as server:
        sources = [
            s
            for s in source_config(corpus, server.base_url)
            if s["type"] in ("hn_whoishiring", "greenhouse")
        ]
        first = {m["source"]: m for m in crawl(sources, data_dir=data)}
        board = corpus / "greenhouse" / "acme.json"
        jobs = json.loads(board.read_text())
        jobs["jobs"][1]["content"] += "&lt;p&gt;Now with Looker too.&lt;/p&gt;"
        board.write_text(json.dumps(jobs))
        second = {m["source"]: m for m in crawl(sources, data_dir=data)}
        latest = crawl(sources[:1], "--latest", data_dir=data)[0]
    assert first["greenhouse"]["items_landed"] == 2 and first["hn_whoishiring"]["items_landed"] == 8
    assert (
        second["hn_whoishiring"]["items_seen"] == 8
        and second["hn_whoishiring"]["items_landed"] == 0
    )
    assert second["greenhouse"]["items_seen"] == 2 and second["greenhouse"]["items_landed"] == 1
    changed = read_landed(data, second["greenhouse"])
    assert [r["source_id"] for r in changed] == ["5002"] and changed[0][
        "description_text"
    ].endswith("Now with Looker too.")
    # --latest: every thread was landed by a complete run after its month, so none is fetched.
    assert latest["items_seen"] == 0 and latest["requests"] == 3 and latest["complete"] is True


def test_since_until_pick_thread_months(replay_server, crawl) -> None:
    manifest = crawl(
        [{"type": "hn_whoishiring", "base_url": replay_server.base_url}],
        "--since",
        "2024-01",
        "--until",
        "2024-02",
    )[0]
    assert manifest["scope"]["months"] == ["2024-02"] and manifest["items_seen"] == 3


def test_bad_month_is_one_sentence(crawl, tmp_path) -> None:
    import subprocess
    import sys

    config = tmp_path / "c.toml"
    config.write_text('[[sources]]\ntype = "hn_whoishiring"\n')
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawlers.run",
            "--config",
            str(config),
            "--source",
            "hn_whoishiring",
            "--since",
            "2024-13",
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "error: '2024-13' is not a month; write it as YYYY-MM, e.g. 2024-05"
    )


def test_a_source_under_another_key_is_classified_by_its_type(
    replay_server, fixtures_dir, crawl, read_landed, tmp_path
) -> None:
    from collections import Counter

    from jobtrends.config import Settings
    from pipeline.load import process_landing
    from warehouse.db import session

    sources = [
        {"type": "hn_whoishiring", "name": "whoishiring", "base_url": replay_server.base_url},
        {"type": "greenhouse", "name": "acme_jobs", "boards": ["acme"]}
        | {"base_url": replay_server.base_url},
    ]
    manifests = {m["source"]: m for m in crawl(sources)}
    assert {key: m["landing_version"] for key, m in manifests.items()} == {
        "whoishiring": 2,
        "acme_jobs": 2,
    }
    records = read_landed(tmp_path / "data", manifests["whoishiring"])
    assert {(r["source"], r["source_type"]) for r in records} == {("whoishiring", "hn_whoishiring")}
    assert not {"openings", "role_families", "rules_version"} & set(records[0])

    settings = Settings(data_dir=tmp_path / "data")
    process_landing(settings, extractor=_NoSkills())
    with session(settings, read_only=True) as con:
        rows = con.execute(
            "select global_id, role_family, seniority from openings order by global_id, opening_idx"
        ).fetchall()
    # The same posts, landed in format 1 under their usual keys, carry the same openings.
    expected: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((fixtures_dir / "landing_v1").glob("*/*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                key = {"hn_whoishiring": "whoishiring", "greenhouse": "acme_jobs"}[record["source"]]
                expected[f"{key}:{record['source_id']}"] = {
                    (o["role_family"], o["seniority"]) for o in record["openings"]
                }
    # Families and levels per posting: since roles-2026.12.6 a title that the header and the list
    # both name is one opening, where format 1 landed it twice.
    loaded: dict[str, set[tuple[str, str]]] = {global_id: set() for global_id in expected}
    for global_id, family, seniority in rows:
        loaded[global_id].add((family, seniority))
    assert loaded == expected
    assert Counter(family for _, family, _ in rows)["ai_engineer"] == 4


class _NoSkills:
    def extract_many(self, texts):
        return ([] for _ in texts)
