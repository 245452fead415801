"""The landing zone module: runs written atomically and read back, names, listing, old formats."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers.items import JobPosting
from jobtrends.landing import (
    LANDING_VERSION,
    RECORD_FIELDS,
    LandingFileError,
    Manifest,
    RunWriter,
    landing_files,
    manifests,
    new_run_id,
    read_batches,
    read_manifest,
    read_seen,
    run_files,
    run_id_of,
    seen_file_of,
)

RUN1 = "20260101T000000Z-00000001"
RUN2 = "20260201T000000Z-00000002"


def _record(n: int) -> dict:
    return {"source": "greenhouse", "source_type": "greenhouse", "global_id": f"greenhouse:{n}"}


def _land(landing_dir: Path, source: str, run_id: str, n: int) -> Manifest:
    writer = RunWriter(landing_dir, source, run_id)
    for i in range(n):
        writer.write(_record(i))
    return writer.finish(
        [f"greenhouse:{i}" for i in range(n + 1)],
        {"landing_version": LANDING_VERSION, "source": source, "run_id": run_id},
    )


def test_a_run_lands_its_three_files_and_reads_back(tmp_path: Path) -> None:
    manifest = _land(tmp_path, "greenhouse", RUN1, 1201)
    files = run_files(tmp_path, "greenhouse", RUN1)
    assert sorted(p.name for p in (tmp_path / "greenhouse").iterdir()) == sorted(
        [files.landing.name, files.seen.name, files.manifest.name]
    )  # no temporary file left
    assert read_manifest(files.manifest) == manifest
    assert (manifest["landing_file"], manifest["seen_file"]) == (
        f"{RUN1}.jsonl.gz",
        f"{RUN1}.seen.txt.gz",
    )
    batches = list(read_batches(files.landing, 500))
    assert [(len(b), last) for b, last in batches] == [(500, False), (500, False), (201, True)]
    assert batches[2][0][-1] == _record(1200)
    assert read_seen(seen_file_of(files.manifest, manifest))[-1] == "greenhouse:1201"
    assert {run_id_of(p) for p in (files.landing, files.seen, files.manifest)} == {RUN1}


def test_the_same_records_give_the_same_bytes(tmp_path: Path) -> None:
    _land(tmp_path / "a", "greenhouse", RUN1, 10)
    _land(tmp_path / "b", "greenhouse", RUN1, 10)
    a, b = (run_files(tmp_path / d, "greenhouse", RUN1).landing for d in "ab")
    assert a.read_bytes() == b.read_bytes()


def test_what_orjson_refuses_is_landed_as_escaped_json(tmp_path: Path) -> None:
    writer = RunWriter(tmp_path, "hn", RUN1)
    writer.write({"global_id": "hn:1", "text": "lone \ud83d surrogate", "big": 2**70})
    writer.finish([], {})
    landing = run_files(tmp_path, "hn", RUN1).landing
    assert gzip.decompress(landing.read_bytes()).isascii()
    [[record]] = [batch for batch, _ in read_batches(landing, 10)]
    assert record == {"global_id": "hn:1", "text": "lone \ufffd surrogate", "big": 2**70}


def test_listing_skips_unfinished_runs_and_sorts_by_run(tmp_path: Path) -> None:
    _land(tmp_path, "lever", RUN2, 1)
    _land(tmp_path, "greenhouse", RUN2, 1)
    _land(tmp_path, "greenhouse", RUN1, 1)
    unfinished = RunWriter(tmp_path, "greenhouse", "20260301T000000Z-00000003")
    unfinished.write(_record(1))  # never finished: only its temporary file exists
    (tmp_path / "lever" / f"{RUN1}.manifest.json").write_text("{not json", encoding="utf-8")
    assert [(p.parent.name, run_id_of(p)) for p in landing_files(tmp_path)] == [
        ("greenhouse", RUN1),
        ("greenhouse", RUN2),
        ("lever", RUN2),
    ]
    assert [run_id_of(p) for p in landing_files(tmp_path, "greenhouse")] == [RUN1, RUN2]
    assert [m["run_id"] for _, m in manifests(tmp_path)] == [RUN1, RUN2, RUN2]
    assert landing_files(tmp_path / "absent") == [] and manifests(tmp_path, "absent") == []


def test_a_truncated_or_non_object_file_is_a_landing_file_error(tmp_path: Path) -> None:
    truncated = tmp_path / "a.jsonl.gz"
    truncated.write_bytes(gzip.compress(b'{"a": 1}\n')[:-9])
    with pytest.raises(LandingFileError, match="cut short or corrupt"):
        list(read_batches(truncated, 10))
    listed = tmp_path / "b.jsonl.gz"
    listed.write_bytes(gzip.compress(b'{"a": 1}\n[1, 2]\n'))
    with pytest.raises(LandingFileError, match="line 2: not a JSON object"):
        list(read_batches(listed, 10))


def test_run_ids_sort_by_time_and_name_files() -> None:
    run_id = new_run_id()
    assert len(run_id) == 25 and run_id[8] == "T" and run_id[15:17] == "Z-"
    with pytest.raises(ValueError, match="not a landing zone file"):
        run_id_of(Path("notes.txt"))


def test_run_ids_started_within_one_second_sort_by_start_time() -> None:
    second = datetime(2026, 12, 5, 20, 0, 0, tzinfo=UTC)
    starts = [second.replace(microsecond=us) for us in (999_999, 7, 65_536, 0, 100_000)]
    ids = [new_run_id(start) for start in starts]
    assert [ids[i] for i in (3, 1, 2, 4, 0)] == sorted(ids)
    assert all(i.startswith("20261205T200000Z-") and len(i) == 25 for i in ids)
    assert ids[0][17:22] == "f423f" and ids[3][17:22] == "00000"
    assert len({new_run_id(second) for _ in range(50)}) > 1


def test_the_item_spiders_yield_has_exactly_the_record_fields() -> None:
    assert set(JobPosting.fields) == set(RECORD_FIELDS)
    assert RECORD_FIELDS[:2] == ("source", "source_type") and RECORD_FIELDS[-1] == "raw"


def test_format_1_manifest_without_seen_file_names_the_runs_own(tmp_path: Path) -> None:
    path = tmp_path / "hn" / f"{RUN1}.manifest.json"
    assert seen_file_of(path, {"run_id": RUN1}) == path.with_name(f"{RUN1}.seen.txt.gz")
    v1 = Path(__file__).resolve().parent / "fixtures" / "landing_v1"
    for manifest_path, manifest in manifests(v1):
        assert "landing_version" not in manifest
        assert seen_file_of(manifest_path, manifest).is_file()
        assert json.loads(manifest_path.read_text())["source"] == manifest_path.parent.name
