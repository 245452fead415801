"""Landing files of earlier formats still load: tests/fixtures/landing_v1 was written by the crawler
of format 1 (openings classified at crawl time, no `source_type` on records), crawling the HN and
Greenhouse sources of tests/fixtures/corpus through the replay server."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from jobtrends.config import Settings  # noqa: E402
from pipeline.load import process_landing  # noqa: E402
from warehouse.db import session  # noqa: E402

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "landing_v1"


def _v1_records() -> list[dict]:
    records = []
    for path in sorted(V1.glob("*/*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle]
    return records


def test_v1_landing_files_load_with_the_openings_they_were_landed_with(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {"data_dir": str(tmp_path / "data"), "report": {"bootstrap_samples": 10}}
    )
    shutil.copytree(V1, settings.landing_dir)
    result = process_landing(settings, extractor=lf.FakeExtractor(), taxonomy=lf.TAXONOMY)
    assert (result.files_in, result.files_loaded, result.failures) == (2, 2, [])
    assert result.postings_loaded == 10

    records = _v1_records()
    assert all("source_type" not in r for r in records)  # format 1: classified by `source`
    # Families and levels per posting: since roles-2026.12.6 a title that the header and the list
    # both name is one opening, where format 1 landed it twice.
    landed = {
        r["global_id"]: {(o["role_family"], o["seniority"]) for o in r["openings"]} for r in records
    }
    with session(settings, read_only=True) as con:
        rows = con.execute(
            "select global_id, role_family, seniority from openings order by global_id, opening_idx"
        ).fetchall()
        by_source = con.execute(
            "select source, count(*) from crawl_runs group by source order by source"
        ).fetchall()
        seen = con.execute("select count(*) from crawl_run_seen").fetchone()
    loaded: dict[str, set[tuple[str, str]]] = {gid: set() for gid in landed}
    for global_id, family, seniority in rows:
        loaded[global_id].add((family, seniority))
    assert loaded == landed
    assert Counter(family for _, family, _ in rows) == {
        "ai_engineer": 4,
        "data_scientist": 3,
        "other": 4,
    }
    assert by_source == [("greenhouse", 1), ("hn_whoishiring", 1)]
    assert seen == (10,)
