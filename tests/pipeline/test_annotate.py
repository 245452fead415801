"""`jobtrends annotate`: HTML input, ATS and HN records, malformed lines, stdin/stdout."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jobtrends.errors import UserError
from pipeline.annotate import annotate_file, annotate_record
from pipeline.skills import SkillExtractor


def test_ats_record_from_escaped_html(extractor: SkillExtractor) -> None:
    record = {
        "id": "gh-1",
        "title": "Senior Machine Learning Engineer",
        "text": "&lt;p&gt;Deploy with &lt;b&gt;PyTorch&lt;/b&gt; &amp;amp; k8s.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;li&gt;R or SQL&lt;/li&gt;&lt;/ul&gt;",
    }
    out = annotate_record(record, extractor)
    assert out["id"] == "gh-1" and out["text"] == record["text"]
    assert "<" not in out["text_plain"] and "\n" in out["text_plain"]
    assert out["role_families"] == ["ai_engineer"]
    assert out["openings"] == [
        {
            "title": "Senior Machine Learning Engineer",
            "normalized_title": "Machine Learning Engineer",
            "role_family": "ai_engineer",
            "seniority": "senior",
        }
    ]
    assert [s["id"] for s in out["skills"]] == ["pytorch", "kubernetes", "python", "r", "sql"]
    for skill in out["skills"]:
        assert out["text_plain"][skill["start"] : skill["end"]] == skill["text"]
    assert out["skills"][0] == {
        "id": "pytorch",
        "name": "PyTorch",
        "category": "ml_framework",
        "start": out["text_plain"].index("PyTorch"),
        "end": out["text_plain"].index("PyTorch") + 7,
        "text": "PyTorch",
    }


def test_record_without_title_is_an_hn_post(extractor: SkillExtractor) -> None:
    out = annotate_record(
        {
            "id": 3,
            "text": "Acme | ML Engineer, Data Scientist | Remote<p>We use Go, Postgres and LangChain.",
        },
        extractor,
    )
    assert out["role_families"] == ["ai_engineer", "data_scientist"]
    assert [o["role_family"] for o in out["openings"]] == ["ai_engineer", "data_scientist"]
    assert [s["id"] for s in out["skills"]] == ["go", "postgresql", "langchain"]


def test_annotate_file_skips_malformed_lines(
    tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.jsonl"
    ok, skipped = annotate_file(str(fixtures_dir / "annotate" / "records.jsonl"), str(output))
    assert (ok, skipped) == (4, 3)
    err = capsys.readouterr().err
    assert "line 4:" in err and "line 5:" in err and "line 6:" in err
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["gh-1", "lever-2", "hn-3", "empty"]
    assert [s["id"] for s in rows[1]["skills"]] == [
        "ab_testing",
        "causal_inference",
        "dashboards",
        "tableau",
    ]
    assert rows[1]["role_families"] == ["data_scientist"]
    assert rows[3]["skills"] == [] and rows[3]["openings"] == []


def test_annotate_file_missing_input_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        annotate_file(str(tmp_path / "nope.jsonl"), str(tmp_path / "out.jsonl"))


def test_annotate_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO('{"id": 1, "title": "Data Scientist", "text": "SQL and Stata"}\n{bad\n'),
    )
    assert annotate_file("-", "-") == (1, 1)
    captured = capsys.readouterr()
    row = json.loads(captured.out)
    assert [s["id"] for s in row["skills"]] == ["sql", "stata"]
    assert "line 2:" in captured.err


@pytest.mark.slow
def test_cli_annotate_runs_the_same_code(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "x", "title": "AI Engineer", "text": "<p>RAG with LlamaIndex</p>"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    exe = Path(sys.executable).with_name("jobtrends")
    result = subprocess.run(
        [str(exe), "annotate", "--input", str(source), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["role_families"] == ["ai_engineer"]
    assert [s["id"] for s in row["skills"]] == ["rag", "llamaindex"]
