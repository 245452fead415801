"""Landing files that are broken in part or whole: a failed file leaves nothing in the warehouse,
a broken record is named by file and line and never given an id, an empty or non-gzip file and
a missing or unreadable manifest are each named in one sentence."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from jobtrends.config import Settings  # noqa: E402
from pipeline.flows.summary import process_summary  # noqa: E402
from pipeline.load import MAX_NAMED_REJECTS, ProcessResult, process_landing  # noqa: E402
from warehouse.db import session  # noqa: E402

RUN1 = "20260101T000000Z-00000001"
RUN2 = "20260201T000000Z-00000002"
FIX = "nothing of it was loaded: move it out of the landing zone and crawl {source} again"


def _settings(tmp_path: Path, batch_size: int = 2) -> Settings:
    return Settings.model_validate(
        {
            "data_dir": str(tmp_path / "data"),
            "warehouse": str(tmp_path / "warehouse.duckdb"),
            "process": {"batch_size": batch_size, "lock_timeout_s": 5},
            "report": {"bootstrap_samples": 20},
        }
    )


class CountingExtractor(lf.FakeExtractor):
    """Counts the batches transformed; raises on the batch numbered `fail_at` (1-based)."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.calls = 0
        self.fail_at = fail_at

    def extract_many(self, texts: Any) -> Any:
        self.calls += 1
        if self.calls == self.fail_at:
            raise RuntimeError("extractor bug")
        return list(super().extract_many(texts))


def _process(settings: Settings, extractor: lf.FakeExtractor | None = None) -> ProcessResult:
    return process_landing(
        settings,
        extractor=extractor or lf.FakeExtractor(),
        classify=lf.classify,
        versions=lf.VERSIONS,
        taxonomy=lf.TAXONOMY,
    )


def _records(source: str, n: int, run_id: str) -> list[dict[str, Any]]:
    titles = ["Machine Learning Engineer", "Data Scientist", "AI Engineer", "Backend Engineer"]
    return [
        lf.record(
            source,
            str(i),
            titles[i % len(titles)],
            f"Role {i} of {n}: Python, SQL and Docker; posting {i * 7919 % 10007}.",
            f"2024-{1 + i % 12:02d}",
            run_id=run_id,
        )
        for i in range(n)
    ]


def _query(settings: Settings, sql: str) -> list[tuple[Any, ...]]:
    with session(settings, read_only=True) as con:
        return con.execute(sql).fetchall()


def _gzip_lines(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(gzip.compress(b"".join(line + b"\n" for line in lines), mtime=0))


@pytest.mark.parametrize("fault", ["cut short", "transform"])
def test_a_file_failing_after_six_batches_leaves_nothing_then_loads_whole(
    tmp_path: Path, fault: str
) -> None:
    settings = _settings(tmp_path)
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, _records("greenhouse", 6, RUN1))
    big = lf.write_run(settings.landing_dir, "lever", RUN2, _records("lever", 40, RUN2))
    whole = big.read_bytes()
    extractor = CountingExtractor()
    if fault == "cut short":
        big.write_bytes(whole[: len(whole) * 95 // 100])
    else:
        extractor = CountingExtractor(fail_at=3 + 8)  # greenhouse's 3 batches, then lever's 8th

    result = _process(settings, extractor)
    assert extractor.calls >= 3 + 7  # six or more of lever's batches were transformed
    assert result.failed and [f["path"] for f in result.failures] == [str(big)]
    assert _query(settings, "select source, count(*) from v_postings group by 1") == [
        ("greenhouse", 6)
    ]
    assert (result.files_loaded, result.postings_loaded) == (1, 6)
    error = result.failures[0]["error"]
    if fault == "cut short":
        assert error.startswith("cut short or corrupt (") and error.endswith(
            "; " + FIX.format(source="lever")
        )
    else:
        assert error == "RuntimeError: extractor bug"
    assert _query(settings, "select count(*) from postings where source = 'lever'") == [(0,)]
    assert _query(settings, "select count(*) from posting_versions where global_id like 'lever:%'")[
        0
    ] == (0,)
    assert _query(settings, "select source from landing_files") == [("greenhouse",)]
    assert _query(settings, "select source from sources") == [("greenhouse",)]

    big.write_bytes(whole)  # the file restored: it loads whole
    again = _process(settings)
    assert (again.failed, again.files_in, again.postings_loaded) == (False, 1, 40)
    assert _query(settings, "select count(*) from v_postings where source = 'lever'") == [(40,)]
    assert _query(settings, "select n_records from landing_files where source = 'lever'") == [(40,)]


def test_two_records_without_ids_are_rejected_not_merged_into_one_posting(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    good = _records("greenhouse", 2, RUN1)
    landing = lf.write_run(settings.landing_dir, "greenhouse", RUN1, good)
    no_ids = [
        {k: v for k, v in record.items() if k not in ("source", "source_id", "global_id")}
        | {"title": "AI Engineer"}
        for record in good
    ]
    _gzip_lines(landing, [json.dumps(r).encode() for r in [good[0], *no_ids, good[1]]])
    result = _process(settings)
    assert _query(settings, "select global_id, source, source_id from postings order by 1") == [
        ("greenhouse:0", "greenhouse", "0"),
        ("greenhouse:1", "greenhouse", "1"),
    ]
    assert _query(settings, "select global_id, title from openings order by 1") == [
        ("greenhouse:0", "Machine Learning Engineer"),
        ("greenhouse:1", "Data Scientist"),
    ]
    assert (result.failed, result.postings_loaded, result.records_rejected) == (False, 2, 2)
    assert result.rejected == [
        f"{landing}:2: no source and no source_id",
        f"{landing}:3: no source and no source_id",
    ]
    summary = process_summary(result)
    assert "\n  2 landing records rejected, not loaded (" in summary
    assert f"\n    {landing}:3: no source and no source_id" in summary
    assert _query(settings, "select n_records from landing_files") == [(4,)]


def test_broken_lines_are_named_by_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    good = _records("greenhouse", 3, RUN1)
    landing = lf.write_run(settings.landing_dir, "greenhouse", RUN1, good)
    blank = {**good[1], "source_id": "  ", "global_id": None}
    undated = {
        **good[2],
        "source_id": "99",
        "global_id": "greenhouse:99",
        "month": "sometime",
        "posted_at": "never",
        "fetched_at": None,
    }
    _gzip_lines(
        landing,
        [
            json.dumps(good[0]).encode(),
            b'{"source": "greenhouse", "source_id": ',  # line 2: cut off mid-object
            b"",  # line 3: blank lines are skipped, not rejected
            json.dumps(good[1]).encode(),
            b"[1, 2]",  # line 5
            json.dumps(blank).encode(),  # line 6
            b'{"source": "greenhouse", "title": "caf\xe9"}',  # line 7: Latin-1, not UTF-8
            json.dumps(undated).encode(),  # line 8
            json.dumps(good[2]).encode(),
        ],
    )
    result = _process(settings)
    assert result.failures == [] and result.files_loaded == 1
    assert _query(settings, "select global_id from postings order by 1") == [
        ("greenhouse:0",),
        ("greenhouse:1",),
        ("greenhouse:2",),
    ]
    path = str(landing)
    assert result.records_rejected == 5
    assert result.rejected == [
        f"{path}:2: not JSON (Expecting value: line 1 column 39 (char 38))",
        f"{path}:5: not a JSON object",
        f"{path}:6: source_id is blank",
        f"{path}:7: not UTF-8 (byte 39 of the line)",
        f"{path}:8: neither a month nor a date that parses",
    ]
    assert _query(settings, "select n_records from landing_files") == [(8,)]


def test_rejected_records_are_named_up_to_a_cap_and_counted(tmp_path: Path) -> None:
    settings = _settings(tmp_path, batch_size=4)
    landing = lf.write_run(
        settings.landing_dir, "greenhouse", RUN1, _records("greenhouse", 1, RUN1)
    )
    good = json.dumps(_records("greenhouse", 1, RUN1)[0]).encode()
    _gzip_lines(landing, [good] + [b'{"title": "no ids"}'] * (MAX_NAMED_REJECTS + 5))
    result = _process(settings)
    assert (result.failed, result.postings_loaded) == (False, 1)
    assert result.records_rejected == MAX_NAMED_REJECTS + 5
    assert result.rejected == [
        f"{landing}:{line}: no source and no source_id" for line in range(2, MAX_NAMED_REJECTS + 2)
    ]
    assert process_summary(result).endswith("    … and 5 more")


def test_an_empty_or_non_gzip_landing_file_fails_in_one_sentence(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    lf.write_run(settings.landing_dir, "greenhouse", RUN1, _records("greenhouse", 3, RUN1))
    empty = lf.write_run(settings.landing_dir, "lever", RUN1, _records("lever", 3, RUN1))
    empty.write_bytes(b"")
    plain = lf.write_run(settings.landing_dir, "ashby", RUN2, _records("ashby", 3, RUN2))
    plain.write_bytes(b'{"source": "ashby"}\n')
    result = _process(settings)
    assert result.failures == [
        {
            "path": str(empty),
            "error": "empty (0 bytes), not a gzip file of JSON lines; "
            + FIX.format(source="lever"),
        },
        {
            "path": str(plain),
            "error": "not gzip (it starts with bytes 7b 22); " + FIX.format(source="ashby"),
        },
    ]
    assert (result.files_in, result.files_loaded, result.postings_loaded) == (3, 1, 3)
    assert _query(settings, "select source from landing_files") == [("greenhouse",)]
    assert _process(settings).files_in == 2  # still not loaded: tried, and named, again


def test_a_missing_or_unreadable_manifest_is_named_and_its_run_closes_nothing(
    tmp_path: Path,
) -> None:
    settings = _settings(tmp_path)
    first = lf.write_run(
        settings.landing_dir, "greenhouse", RUN1, _records("greenhouse", 3, RUN1), boards=["acme"]
    )
    _process(settings)
    # The next run saw none of the three, but its manifest is garbage; the lever run's is gone.
    garbage = lf.write_run(
        settings.landing_dir, "greenhouse", RUN2, [], boards=["acme"], seen=[]
    ).with_name(f"{RUN2}.manifest.json")
    garbage.write_text("{not json", encoding="utf-8")
    lever = lf.write_run(settings.landing_dir, "lever", RUN2, _records("lever", 2, RUN2))
    missing = lever.with_name(f"{RUN2}.manifest.json")
    missing.unlink()
    result = _process(settings)
    tail = "its run's postings load, but without its seen list and scope the run closes no postings"
    assert result.warnings == [
        f"the manifest {garbage} is not JSON (Expecting property name enclosed in double quotes: "
        f"line 1 column 2 (char 1)): {tail}; restore the manifest or crawl greenhouse again",
        f"the manifest {missing} is missing: {tail}; restore the manifest or crawl lever again",
    ]
    assert f"  WARNING the manifest {missing} is missing: " in process_summary(result)
    assert (result.failed, result.files_loaded, result.postings_loaded) == (False, 2, 2)
    assert _query(settings, "select count(*) from postings where closed_at is not null") == [(0,)]
    assert _query(settings, "select source, run_id from crawl_runs") == [("greenhouse", RUN1)]
    # Next time the loaded lever file is not named again; the unreadable manifest still is.
    again = _process(settings)
    assert [w.split(" is ")[0] for w in again.warnings] == [f"the manifest {garbage}"]
    assert first.exists()
