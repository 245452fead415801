"""The typed configuration: defaults, overrides, and one-sentence errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtrends.config import load_settings
from jobtrends.errors import UserError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jobtrends.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_default_names_hn_and_hundreds_of_boards(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBTRENDS_CONFIG", raising=False)
    monkeypatch.delenv("JOBTRENDS_DATA_DIR", raising=False)
    settings = load_settings()
    by_key = {s.key: s for s in settings.sources}
    assert set(by_key) == {
        "hn_whoishiring",
        "greenhouse",
        "lever",
        "ashby",
        "remoteok",
        "jsonld",
        "remotive",
        "himalayas",
        "arbeitnow",
        "smartrecruiters",
        "workable",
        "recruitee",
        "personio",
    }
    assert len(by_key["greenhouse"].boards) >= 150
    assert len(by_key["lever"].boards) >= 40
    assert len(by_key["ashby"].boards) >= 80
    assert by_key["remoteok"].download_delay_s == 1.0
    # Remotive's terms: a few requests a day; Himalayas is read to a bounded depth.
    assert by_key["remotive"].max_requests_per_day == 4
    assert by_key["himalayas"].max_pages == 250
    for key in ("remotive", "himalayas", "arbeitnow"):
        assert by_key[key].download_delay_s == 1.0
        assert by_key[key].concurrent_requests_per_domain == 1
    # The ATSs without a list of answering slugs: a few dozen well-known public boards.
    ats = ("smartrecruiters", "workable", "recruitee", "personio")
    assert sum(len(by_key[key].boards) for key in ats) >= 24
    assert all(len(by_key[key].boards) >= 4 for key in ats)
    assert all(by_key[key].concurrent_requests_per_domain == 1 for key in ats)
    assert by_key["workable"].download_delay_s == 2.0  # Workable answers 429 to quick requests
    assert by_key["smartrecruiters"].enabled is False  # its robots.txt disallows the API
    assert settings.politeness.robots_obey is True
    assert settings.warehouse_path == Path("data") / "warehouse.duckdb"
    assert settings.report.min_n == 20


def test_data_dir_from_environment_moves_everything_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBTRENDS_DATA_DIR", str(tmp_path / "d"))
    settings = load_settings(_write(tmp_path, 'data_dir = "elsewhere"\n'))
    assert settings.data_dir == tmp_path / "d"
    assert settings.landing_dir == tmp_path / "d" / "landing"
    assert settings.warehouse_path == tmp_path / "d" / "warehouse.duckdb"
    assert settings.reports_dir == tmp_path / "d" / "reports"


def test_config_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBTRENDS_DATA_DIR", raising=False)
    path = _write(tmp_path, '[[sources]]\ntype = "greenhouse"\nboards = ["acme"]\n')
    monkeypatch.setenv("JOBTRENDS_CONFIG", str(path))
    settings = load_settings()
    assert [(s.key, s.boards) for s in settings.sources] == [("greenhouse", ["acme"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('dat_dir = "x"\n', "unknown key 'dat_dir'"),
        ("[politeness]\nretry_times = -1\n", "politeness.retry_times"),
        ('[[sources]]\ntype = "greenhose"\n', "sources[0].type"),
        ('[[sources]]\ntype = "hn_whoishiring"\nsince = "2024-13"\n', "sources[0].since"),
        ('[[sources]]\ntype = "lever"\nbords = []\n', "unknown key 'sources[0].bords'"),
        ('[report]\nformats = ["docx"]\n', "report.formats[0]"),
        ("data_dir = \n", "not valid TOML"),
        (
            '[[sources]]\ntype = "lever"\n[[sources]]\ntype = "lever"\n',
            "source name 'lever' is used twice",
        ),
    ],
)
def test_bad_config_names_the_key_and_the_fix(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        load_settings(_write(tmp_path, text))
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_missing_config_file_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist; pass an existing file"):
        load_settings(tmp_path / "nope.toml")


def test_unknown_source_lookup_lists_configured(tmp_path: Path) -> None:
    settings = load_settings(_write(tmp_path, '[[sources]]\ntype = "ashby"\nboards = ["x"]\n'))
    assert settings.source("ashby").boards == ["x"]
    with pytest.raises(UserError, match=r"configured: ashby"):
        settings.source("lever")
