"""Landing records -> table batches, with a fake classifier and extractor injected."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))

import landing_factory as lf  # noqa: E402

from pipeline.transform import transform_records  # noqa: E402

HN_TEXT = "ML Engineer: PyTorch and Docker\nData Scientist: SQL and R\nWe use Python and k8s."


def _batch() -> object:
    records = [
        lf.record(
            "hn_whoishiring",
            "100",
            "Acme | ML Engineer, Data Scientist | Berlin",
            HN_TEXT,
            "2024-01",
            board="999",
        ),
        lf.record("greenhouse", "7", "Senior Data Scientist", "SQL, SQL and Tableau.", "2024-02"),
    ]
    records[0]["thread_id"] = 999
    records[1]["salary"] = None
    return transform_records(
        records, lf.FakeExtractor(), classify=lf.classify, versions=lf.VERSIONS
    )


def test_postings_rows_carry_the_landing_fields_and_current_versions() -> None:
    postings = _batch().postings.to_pylist()  # type: ignore[attr-defined]
    assert [p["global_id"] for p in postings] == ["hn_whoishiring:100", "greenhouse:7"]
    hn, gh = postings
    assert (hn["thread_id"], hn["month"], hn["salary_annual_min"], hn["salary_currency"]) == (
        999,
        "2024-01",
        100000.0,
        "USD",
    )
    assert (gh["salary_min"], gh["salary_raw"], gh["is_synthetic"]) == (None, None, True)
    assert {p["rules_version"] for p in postings} == {"test-rules-1"}
    assert {p["extractor_version"] for p in postings} == {"test-ext-1"}


def test_every_landing_field_lands_in_its_own_column() -> None:
    # Each field carries a value no other field has, so a value moved to a neighbouring
    # column (the row is built by position) cannot pass unseen.
    record = {
        "global_id": "g:1",
        "source": "src",
        "source_id": "sid",
        "board": "brd",
        "url": "https://example.org/j/1",
        "company": "Co",
        "title": "Ttl",
        "location": "Loc",
        "remote": True,
        "salary": {
            "min": 1.0,
            "max": 2.0,
            "currency": "EUR",
            "period": "year",
            "annual_min": 3.0,
            "annual_max": 4.0,
            "raw": "raw pay",
        },
        "employment_type": "Contract",
        "requisition_id": "req",
        "posted_at": "2024-03-04T05:06:07Z",
        "month": "2024-03",
        "thread_id": 42,
        "description_text": "body text",
        "content_hash": "hash",
        "fetched_at": "2024-03-05T00:00:00Z",
        "is_synthetic": True,
        "crawl_run_id": "run",
    }
    batch = transform_records(
        [record], lf.FakeExtractor(), classify=lf.classify, versions=lf.VERSIONS
    )
    assert batch.postings.to_pylist() == [
        {
            "global_id": "g:1",
            "source": "src",
            "source_id": "sid",
            "board": "brd",
            "url": "https://example.org/j/1",
            "company": "Co",
            "title": "Ttl",
            "location": "Loc",
            "remote": True,
            "salary_min": 1.0,
            "salary_max": 2.0,
            "salary_currency": "EUR",
            "salary_period": "year",
            "salary_annual_min": 3.0,
            "salary_annual_max": 4.0,
            "salary_raw": "raw pay",
            "employment_type": "Contract",
            "requisition_id": "req",
            "posted_at": "2024-03-04T05:06:07Z",
            "month": "2024-03",
            "thread_id": 42,
            "description_text": "body text",
            "content_hash": "hash",
            "fetched_at": "2024-03-05T00:00:00Z",
            "is_synthetic": True,
            "rules_version": lf.VERSIONS.rules,
            "taxonomy_version": lf.VERSIONS.taxonomy,
            "extractor_version": lf.VERSIONS.extractor,
            "crawl_run_id": "run",
        }
    ]
    assert len({lf.VERSIONS.rules, lf.VERSIONS.taxonomy, lf.VERSIONS.extractor}) == 3


def test_openings_and_mentions_map_to_their_opening_sections() -> None:
    batch = _batch()
    openings = batch.openings.to_pylist()  # type: ignore[attr-defined]
    assert [
        (o["global_id"], o["opening_idx"], o["role_family"], o["seniority"]) for o in openings
    ] == [
        ("hn_whoishiring:100", 0, "ai_engineer", "mid"),
        ("hn_whoishiring:100", 1, "data_scientist", "mid"),
        ("greenhouse:7", 0, "data_scientist", "senior"),
    ]
    mentions = [
        (
            m["global_id"],
            m["skill_id"],
            m["opening_idx"],
            m["start_char"],
            m["end_char"],
            m["evidence"],
        )
        for m in batch.posting_skills.to_pylist()  # type: ignore[attr-defined]
    ]
    assert mentions == [
        ("hn_whoishiring:100", "pytorch", 0, 13, 20, "PyTorch"),
        ("hn_whoishiring:100", "docker", 0, 25, 31, "Docker"),
        ("hn_whoishiring:100", "sql", 1, 48, 51, "SQL"),
        ("hn_whoishiring:100", "r", 1, 56, 57, "R"),
        ("hn_whoishiring:100", "python", None, 65, 71, "Python"),
        ("hn_whoishiring:100", "kubernetes", None, 76, 79, "k8s"),
        ("greenhouse:7", "sql", None, 0, 3, "SQL"),
        ("greenhouse:7", "sql", None, 5, 8, "SQL"),
        ("greenhouse:7", "tableau", None, 13, 20, "Tableau"),
    ]
    assert HN_TEXT[13:20] == "PyTorch" and HN_TEXT[76:79] == "k8s"


def test_a_posting_twice_in_one_batch_keeps_its_latest_fetch() -> None:
    old = lf.record(
        "lever", "1", "Data Scientist", "R.", "2024-01", fetched_at="2024-01-02T00:00:00Z"
    )
    new = lf.record(
        "lever", "1", "Data Scientist", "Python.", "2024-01", fetched_at="2024-01-03T00:00:00Z"
    )
    batch = transform_records(
        [new, old], lf.FakeExtractor(), classify=lf.classify, versions=lf.VERSIONS
    )
    assert batch.postings.column("description_text").to_pylist() == ["Python."]
    assert batch.openings.num_rows == 1
    assert batch.posting_skills.column("skill_id").to_pylist() == ["python"]


def test_empty_and_missing_fields_do_not_break_a_batch() -> None:
    bare = {
        "source": "remoteok",
        "source_id": "5",
        "month": "2024-03",
        "fetched_at": "2024-03-01T00:00:00Z",
    }
    batch = transform_records(
        [bare], lf.FakeExtractor(), classify=lf.classify, versions=lf.VERSIONS
    )
    row = batch.postings.to_pylist()[0]
    assert (row["global_id"], row["title"], row["description_text"], row["remote"]) == (
        "remoteok:5",
        None,
        "",
        None,
    )
    assert (batch.openings.num_rows, batch.posting_skills.num_rows) == (0, 0)


def test_a_stored_batch_reads_back_equal_and_a_second_store_keeps_the_first(
    tmp_path: Path,
) -> None:
    from pipeline.transform import TableBatch

    batch = _batch()
    assert isinstance(batch, TableBatch)
    folder = tmp_path / "transforms" / "key"
    batch.write(folder)
    again = TableBatch.read(folder)
    for name in ("postings", "openings", "posting_skills"):
        assert getattr(again, name).equals(getattr(batch, name))
    TableBatch.empty().write(folder)  # the same key stored again: the first stays
    assert TableBatch.read(folder).n_postings == 2
    assert [p.name for p in folder.parent.iterdir()] == ["key"]  # no partial folder left behind


def test_a_worker_collects_garbage_after_each_batch_not_during_it(tmp_path: Path) -> None:
    import subprocess

    folder = tmp_path / "batch"
    script = (
        "import gc, weakref\n"
        "from pipeline import transform\n"
        "transform.start_worker()\n"
        "class Node:\n"
        "    pass\n"
        "node = Node()\n"
        "node.me = node\n"
        "ref = weakref.ref(node)\n"
        "del node\n"
        "during = (gc.isenabled(), ref() is None)\n"
        f"transform.transform_to_folder([], transform.current_versions(), {str(folder)!r})\n"
        "print(during, ref() is None, gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    # the cycle outlives the batch's work, not its end; collection stays the worker's own
    assert done.stdout.split("\n")[-2] == "(False, False) True False"
    assert sorted(p.name for p in folder.iterdir()) == [
        "openings.arrow",
        "posting_skills.arrow",
        "postings.arrow",
    ]


def test_a_failed_batch_in_a_worker_freezes_nothing(tmp_path: Path) -> None:
    import subprocess

    script = (
        "import gc\n"
        "from pipeline import transform\n"
        "transform.start_worker()\n"
        "before = gc.get_freeze_count()\n"
        "record = {'source': 'hn_whoishiring', 'source_id': '1', 'title': 'Data Scientist',\n"
        "          'description_text': 'Acme | Data Scientist | Remote'}\n"
        "try:\n"
        f"    transform.transform_to_folder([record], transform.current_versions(), {str(tmp_path / 'f' / 'x')!r})\n"
        "except OSError:\n"
        "    pass\n"
        "print(gc.get_freeze_count() - before)\n"
    )
    (tmp_path / "f").write_text("a file where the batch's folder should go")
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.split("\n")[-2] == "0"
