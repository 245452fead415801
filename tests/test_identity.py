"""The crawler's identity: a truthful default user agent, an operator contact validated at load,
and a note on live runs that set none."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtrends import __version__
from jobtrends.config import Settings, Source, load_settings
from jobtrends.errors import UserError


def _load(tmp_path: Path, politeness: str) -> Settings:
    path = tmp_path / "jobtrends.toml"
    path.write_text(f"[politeness]\n{politeness}\n", encoding="utf-8")
    return load_settings(path)


def test_the_shipped_user_agent_names_the_project_and_version_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crawlers.settings import scrapy_settings

    monkeypatch.delenv("JOBTRENDS_CONFIG", raising=False)
    settings = load_settings()
    assert settings.politeness.contact is None
    assert settings.politeness.user_agent_header == f"jobtrends/{__version__}"
    sent = scrapy_settings(settings, settings.sources[0])["USER_AGENT"]
    assert sent == f"jobtrends/{__version__}" and "http" not in sent


@pytest.mark.parametrize(
    ("contact", "header"),
    [
        ("https://example.org/crawler", f"jobtrends/{__version__} (+https://example.org/crawler)"),
        (" crawler@example.org ", f"jobtrends/{__version__} (+mailto:crawler@example.org)"),
    ],
)
def test_a_contact_is_appended_to_the_user_agent(tmp_path: Path, contact: str, header: str) -> None:
    assert _load(tmp_path, f'contact = "{contact}"').politeness.user_agent_header == header


@pytest.mark.parametrize(
    "contact",
    ["call me maybe", "ftp://example.org/x", "https://", "me@localhost", "a@b.org (x)", ""],
)
def test_a_contact_that_is_neither_url_nor_email_is_refused_at_load(
    tmp_path: Path, contact: str
) -> None:
    with pytest.raises(UserError) as caught:
        _load(tmp_path, f'contact = "{contact}"')
    message = str(caught.value)
    assert message.startswith(f"politeness.contact in {tmp_path / 'jobtrends.toml'} is invalid: ")
    assert "neither an http(s) URL nor an e-mail address" in message
    assert "\n" not in message and message.count(". ") == 0


def test_a_user_agent_on_two_lines_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^politeness\.user_agent in .* is invalid"):
        _load(tmp_path, 'user_agent = "jobtrends\\r\\nX-Injected: 1"')


def test_live_runs_without_a_contact_say_so_once_replays_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline.flows.crawl import contact_notice

    monkeypatch.delenv("JOBTRENDS_CONFIG", raising=False)
    live = load_settings()
    keys = [s.key for s in live.sources]
    notice = contact_notice(live, keys)
    assert notice is not None and notice.count("\n") == 0
    assert f"'jobtrends/{__version__}'" in notice and "contact" in notice
    with_contact = live.model_copy(
        update={"politeness": live.politeness.model_copy(update={"contact": "a@example.org"})}
    )
    assert contact_notice(with_contact, keys) is None
    replay = Settings(
        sources=[
            Source(type="greenhouse", base_url="http://127.0.0.1:8765", boards=["acme"]),
            Source(type="jsonld", base_url="http://localhost:8765", urls=["/careers.html"]),
        ]
    )
    assert contact_notice(replay, ["greenhouse", "jsonld"]) is None
    # A JSON-LD page on a live host is live, whatever base_url says.
    mixed = Source(
        type="jsonld", base_url="http://127.0.0.1:8765", urls=["https://careers.example.org/"]
    )
    assert mixed.is_local is False
