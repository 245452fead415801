"""The command line: --help on every subcommand, and configuration errors as one sentence, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobtrends.cli import app

COMMANDS = [
    "run",
    "crawl",
    "process",
    "report",
    "demo",
    "generate",
    "serve",
    "status",
    "query",
    "export",
    "annotate",
    "replay-server",
]


def _jobtrends(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("JOBTRENDS_", "PREFECT_"))}
    environ.update({"JOBTRENDS_DATA_DIR": str(tmp_path / "data"), **env})
    return subprocess.run(
        [sys.executable, "-c", "from jobtrends.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def test_every_subcommand_is_registered() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert names >= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_subcommand(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output and command in result.output
    assert "--help" in result.output


def test_flow_commands_document_their_options() -> None:
    runner = CliRunner()
    assert "--workers" in runner.invoke(app, ["process", "--help"]).output
    assert "--reextract" in runner.invoke(app, ["process", "--help"]).output
    assert "--corpus" in runner.invoke(app, ["demo", "--help"]).output
    assert "--latest" in runner.invoke(app, ["crawl", "--help"]).output
    assert "--period" in runner.invoke(app, ["report", "--help"]).output


@pytest.mark.parametrize(
    "command", ["run", "crawl", "process", "report", "status", "serve", "demo"]
)
def test_a_missing_config_file_is_one_sentence_and_exit_2(command: str, tmp_path: Path) -> None:
    done = _jobtrends([command, "--config", str(tmp_path / "nope.toml")], tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "nope.toml does not exist" in lines[0] and "--config" in lines[0]
    assert "Traceback" not in done.stderr


def test_a_bad_key_names_the_key_and_the_fix(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[process]\nbatch_sise = 10\n", encoding="utf-8")
    done = _jobtrends(["process", "--config", str(config)], tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "process.batch_sise" in done.stderr and "remove it" in done.stderr


def test_an_unknown_source_type_is_named(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[[sources]]\ntype = "monster"\n', encoding="utf-8")
    done = _jobtrends(["crawl", "--config", str(config)], tmp_path)
    assert done.returncode == 2
    assert "'monster'" in done.stderr and "greenhouse" in done.stderr


def test_status_without_a_warehouse_says_how_to_make_one(tmp_path: Path) -> None:
    done = _jobtrends(["status"], tmp_path, PREFECT_API_URL="http://127.0.0.1:9/api")
    assert done.returncode == 0, done.stderr
    assert "no warehouse at" in done.stdout and "jobtrends process" in done.stdout
    assert "not reachable" in done.stdout


def test_report_format_is_checked_before_any_work(tmp_path: Path) -> None:
    done = _jobtrends(["report", "--format", "docx"], tmp_path)
    assert done.returncode == 2
    assert "--format 'docx'" in done.stderr and "html" in done.stderr


def test_demo_with_a_missing_corpus_is_one_sentence(tmp_path: Path) -> None:
    done = _jobtrends(["demo", "--corpus", str(tmp_path / "missing")], tmp_path)
    assert done.returncode == 2
    assert "missing does not exist" in done.stderr and "--corpus" in done.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["process", "--workers", "abc"], "Invalid value for '--workers'"),
        # 0 workers used to be accepted and hang the process flow (the config file refused it)
        (["process", "--workers", "0"], "'--workers': Input should be greater than or equal to 1"),
        (["run", "--workers", "-2"], "'--workers': Input should be greater than or equal to 1"),
        (["query"], "Missing argument 'sql'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["status", "--limit", "-1"], "'--limit': Input should be greater than or equal to 1"),
        (["replay-server", ".", "--port", "99999"], "'--port': Input should be less than"),
        (["generate", "--out", "x", "--postings", "0"], "'--postings'"),
    ],
)
def test_a_usage_error_is_one_sentence_and_exit_2(
    args: list[str], says: str, tmp_path: Path
) -> None:
    done = _jobtrends(args, tmp_path)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert says in lines[0] and "--help`" in lines[0]
    assert "Error" not in lines[0].split(":")[1]  # no raw exception name (BadParameter, ...)
    command = args[0] if args[0] != "frobnicate" else ""
    assert lines[0].endswith(f"see `jobtrends {command} --help`".replace("  ", " "))


@pytest.mark.parametrize(
    ("returned", "code", "said"), [(130, 130, "interrupted"), (None, None, "")]
)
def test_a_ctrl_c_that_typer_swallowed_still_exits_130(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    returned: int | None,
    code: int | None,
    said: str,
) -> None:
    """typer hands Ctrl-C back as the return value 130; main must not turn it into success.

    Real signals are driven end to end in tests/reliability/test_stopping.py.
    """
    import jobtrends.cli as cli

    monkeypatch.setattr(cli, "app", lambda standalone_mode: returned)
    monkeypatch.setattr(cli.stopping, "install", lambda: None)
    monkeypatch.setattr(sys, "argv", ["jobtrends", "status"])
    if code is None:
        cli.main()
    else:
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
        assert exit_info.value.code == code
    assert capsys.readouterr().err.strip() == said
