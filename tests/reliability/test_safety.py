"""What the project runs is safe: loopback-only servers, no secrets in the code, a strict CSP."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from fault_server import FaultServer
from reliability_helpers import ROOT

from jobtrends.replay import start_replay_server
from reports.build import content_security_policy


def test_replay_server_binds_loopback_only(fixtures_dir: Path) -> None:
    with start_replay_server(fixtures_dir / "corpus") as server:
        host, port = server._server.socket.getsockname()[:2]
        assert host == "127.0.0.1" and port > 0 and server.base_url == f"http://127.0.0.1:{port}"


def test_fault_server_binds_loopback_only() -> None:
    with FaultServer() as server:
        assert server.address[0] == "127.0.0.1"


SECRET_PATTERNS = {
    "aws access key": re.compile(r"AKIA[0-9A-Z]{16}"),
    "github token": re.compile(r"gh[pousr]_[A-Za-z0-9]{36}"),
    "slack token": re.compile(r"xox[abpr]-[A-Za-z0-9-]{10,}"),
    "private key": re.compile(r"-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----"),
    "bearer header": re.compile(r"Authorization:\s*Bearer\s+[A-Za-z0-9._-]{20,}"),
    "password assignment": re.compile(
        r"(?i)\b(password|passwd|api_key|secret_key)\s*=\s*['\"][^'\"\s]{8,}['\"]"
    ),
}


def test_tracked_source_holds_no_credentials() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    files = [
        ROOT / name.decode()
        for name in listed
        if name
        and name.decode().endswith(
            (".py", ".toml", ".md", ".sql", ".j2", ".yml", ".yaml", ".cfg", ".txt")
        )
    ]
    assert len(files) > 20
    found = []
    for path in files:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [
            (str(path.relative_to(ROOT)), kind)
            for kind, pattern in SECRET_PATTERNS.items()
            if pattern.search(text)
        ]
    assert found == []


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.csp: list[str] = []
        self.remote: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")
        for name in ("src", "href", "data", "poster", "srcset"):
            value = values.get(name) or ""
            # plain <a href> links are text a reader may follow; nothing else may point off the page
            if re.match(r"(?i)\s*(https?:)?//", value) and not (tag == "a" and name == "href"):
                self.remote.append((tag, name, value))


def test_report_html_forbids_remote_loads(tmp_path: Path) -> None:
    """The report of a small warehouse: one CSP meta, default-src 'none', no remote src/href."""
    from datetime import date

    from reliability_helpers import sample_records, write_landing

    from jobtrends.config import Report, Settings
    from pipeline.load import process_landing
    from reports.build import build_report

    settings = Settings(data_dir=tmp_path / "data", report=Report(min_n=1))
    write_landing(
        settings.data_dir,
        "20260402T030000Z-0000csp0",
        sample_records(16, "20260402T030000Z-0000csp0"),
    )
    process_landing(settings)
    html = build_report(
        settings,
        period="2026-04",
        formats=["html"],
        out_dir=tmp_path / "out",
        today=date(2026, 6, 15),
    ).html
    refs = _Refs()
    refs.feed(html.read_text(encoding="utf-8"))
    assert len(refs.csp) == 1
    policy = {part.split()[0]: part.split()[1:] for part in refs.csp[0].split(";") if part.strip()}
    assert policy["default-src"] == ["'none'"] and policy["connect-src"] == ["'none'"]
    assert not any("http" in " ".join(v) or "*" in v for v in policy.values())
    assert refs.remote == []
    assert content_security_policy([]).startswith("default-src 'none'")
