"""`jobtrends process` on a landing zone with broken files, records and manifests: each is named
in one line of the summary, a failed file leaves nothing, and the exit status says a file failed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from reliability_helpers import (
    reuse_prefect_state,
    run_cli,
    sample_records,
    write_config,
    write_landing,
)

pytestmark = pytest.mark.slow

GOOD = "20260402T030000Z-00000001"
CUT = "20260403T030000Z-00000002"
EMPTY = "20260404T030000Z-00000003"


def test_process_names_each_broken_file_record_and_manifest(
    tmp_path: Path, prefect_state: Path
) -> None:
    data = reuse_prefect_state(tmp_path / "data", prefect_state)
    good = write_landing(data, GOOD, sample_records(12, GOOD))
    records = [json.dumps(r).encode() + b"\n" for r in sample_records(12, GOOD)]
    no_ids = json.loads(records[0]) | {"source": None, "source_id": "", "global_id": None}
    good.write_bytes(gzip.compress(b"".join([*records, json.dumps(no_ids).encode() + b"\n"])))
    good.with_name(f"{GOOD}.manifest.json").unlink()  # as a crawl killed before its manifest
    cut = write_landing(data, CUT, sample_records(40, CUT), source="lever")
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size * 95 // 100])
    empty = write_landing(data, EMPTY, sample_records(3, EMPTY), source="ashby")
    empty.write_bytes(b"")
    config = write_config(tmp_path / "c.toml", data, process={"batch_size": 4})

    done = run_cli("process", "--config", str(config), timeout=600)
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    summary = lines[lines.index(next(x for x in lines if x.startswith("process: "))) :]
    assert summary[0].startswith("process: 1/3 landing files, 12 postings in, 12 loaded")
    assert summary[1].startswith(f"  FAILED {cut}: cut short or corrupt (")
    assert summary[1].endswith(
        "; nothing of it was loaded: move it out of the landing zone and crawl lever again"
    )
    assert summary[2:] == [
        f"  FAILED {empty}: empty (0 bytes), not a gzip file of JSON lines; nothing of it was "
        "loaded: move it out of the landing zone and crawl ashby again",
        "  1 landing record rejected, not loaded (fix the crawler that wrote them; the rest of "
        "each file loaded):",
        f"    {good}:13: no source and source_id is blank",
        f"  WARNING the manifest {good.with_name(f'{GOOD}.manifest.json')} is missing: its run's "
        "postings load, but without its seen list and scope the run closes no postings; restore "
        "the manifest or crawl greenhouse again",
    ]
    count = run_cli(
        "query",
        "--config",
        str(config),
        "--format",
        "csv",
        "select source, count(*) as n from v_postings group by 1",
    )
    assert count.stdout.strip().splitlines()[-2:] == ["source,n", "greenhouse,12"]
