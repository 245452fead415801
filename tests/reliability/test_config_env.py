"""Configuration and environment faults end in one sentence on stderr, exit 2, no traceback."""

from __future__ import annotations

import builtins
import errno
import sys
from pathlib import Path

import pytest
from reliability_helpers import run_cli, write_config

from jobtrends import cli


def _one_sentence(done, *needles: str) -> str:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr[-2000:]
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


CASES = {
    "unknown_key": (
        'data_dir = "{data}"\n[process]\nbatch_sise = 10\n',
        ["process.batch_sise", "remove it"],
    ),
    "wrong_type": (
        'data_dir = "{data}"\n[process]\nbatch_size = "many"\n',
        ["process.batch_size", "fix it"],
    ),
    "unknown_source_type": (
        'data_dir = "{data}"\n[[sources]]\ntype = "monster"\n',
        ["'monster'", "greenhouse"],
    ),
    "missing_source_type": (
        'data_dir = "{data}"\n[[sources]]\nboards = ["acme"]\n',
        ["sources[0].type"],
    ),
    "bad_month": ('data_dir = "{data}"\n[report]\nsince = "May 2024"\n', ["YYYY-MM"]),
    # values that used to pass the load and fail only when used (report SQL, `serve`)
    "month_without_zero": (
        'data_dir = "{data}"\n[report]\nsince = "2024-1"\n',
        ["report.since", "'2024-1' is not a month", "YYYY-MM"],
    ),
    "not_a_cron": (
        'data_dir = "{data}"\n[schedules]\ncrawl = "every day at 3"\n',
        ["schedules.crawl", "not a cron schedule", "'0 3 * * *'"],
    ),
    "cron_out_of_range": (
        'data_dir = "{data}"\n[schedules]\nreport = "0 25 1 * *"\n',
        ["schedules.report", "'25' is not valid in the hour field (0-23)"],
    ),
    "unknown_time_zone": (
        'data_dir = "{data}"\n[schedules]\ntimezone = "Mars/Olympus_Mons"\n',
        ["schedules.timezone", "not a known time zone", "Europe/Berlin"],
    ),
    "not_toml": ('data_dir = "{data}\n', ["not valid TOML"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_config_is_one_sentence(tmp_path: Path, case: str) -> None:
    text, needles = CASES[case]
    config = tmp_path / "bad.toml"
    config.write_text(text.format(data=tmp_path / "data"), encoding="utf-8")
    _one_sentence(run_cli("status", "--config", str(config)), str(config), *needles)


def test_a_config_that_is_not_utf8_is_one_sentence(tmp_path: Path) -> None:
    config = tmp_path / "latin1.toml"
    config.write_bytes('data_dir = "/tmp/donn\xe9es"\n'.encode("latin-1"))
    _one_sentence(
        run_cli("status", "--config", str(config)),
        str(config),
        "is not UTF-8 text (byte 0xe9 at offset 21)",
        "save it as UTF-8",
    )


def test_an_unreadable_config_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root every file is readable, so the permission error is raised by a stand-in."""
    config = tmp_path / "secret.toml"
    config.write_text("[report]\n", encoding="utf-8")
    real_read_text = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self == config:
            raise PermissionError(errno.EACCES, "Permission denied", str(config))
        return real_read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    code, err = _main_in_process(monkeypatch, capsys, "status", "--config", str(config))
    assert code == 2 and err.count("\n") == 1
    assert f"the config file {config} cannot be read (Permission denied)" in err


def test_a_missing_config_file_is_one_sentence(tmp_path: Path) -> None:
    _one_sentence(
        run_cli("status", "--config", str(tmp_path / "nope.toml")), "does not exist", "--config"
    )


def test_an_unknown_source_key_is_one_sentence(tmp_path: Path) -> None:
    config = write_config(
        tmp_path / "c.toml", tmp_path / "data", [{"type": "greenhouse", "boards": ["acme"]}]
    )
    import subprocess

    from reliability_helpers import ROOT, crawl_command, subprocess_env

    done = subprocess.run(
        crawl_command(config, ["lever"]),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    _one_sentence(done, "'lever'", "[[sources]]")


def test_a_data_dir_that_is_a_file_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    config = write_config(tmp_path / "c.toml", blocker)
    _one_sentence(run_cli("query", "--config", str(config), "--write", "select 1"), str(blocker))


def test_a_corrupt_warehouse_is_one_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "warehouse.duckdb").write_bytes(b"this is not a duckdb file" * 400)
    config = write_config(tmp_path / "c.toml", data)
    _one_sentence(
        run_cli("query", "--config", str(config), "select 1"), "warehouse.duckdb", "move it away"
    )


def _main_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["jobtrends", *argv])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    return int(ended.value.code or 0), capsys.readouterr().err


def test_a_full_disk_while_loading_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """DuckDB opening the warehouse on a full disk: the one sentence, exit 2, with --debug the traceback."""
    import warehouse.db as db

    config = write_config(tmp_path / "c.toml", tmp_path / "data")

    def full(*args, **kwargs):
        raise OSError(
            errno.ENOSPC, "No space left on device", str(tmp_path / "data" / "warehouse.duckdb")
        )

    monkeypatch.setattr(db, "_open_duckdb", full)
    code, err = _main_in_process(
        monkeypatch, capsys, "query", "--config", str(config), "--write", "select 1"
    )
    assert (
        code == 2
        and err.strip().count("\n") == 0
        and "disk is full" in err
        and "warehouse.duckdb" in err
    )
    monkeypatch.setattr(
        sys,
        "argv",
        ["jobtrends", "--debug", "query", "--config", str(config), "--write", "select 1"],
    )
    with pytest.raises(OSError):
        cli.main()


def test_a_missing_pdf_library_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`import weasyprint` failing like a missing libpango ends in the install sentence."""
    from jobtrends.errors import UserError
    from reports import build

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"
            )
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(UserError) as raised:
        build.render_pdf("<p>x</p>", tmp_path / "r.pdf")
    message = str(raised.value)
    assert "\n" not in message and "pango" in message.lower()
    assert not (tmp_path / "r.pdf").exists()
