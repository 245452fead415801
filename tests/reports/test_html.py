"""The HTML: posting text escaped, inline JSON safe, a policy against remote loads, small n marked."""

from __future__ import annotations

import builtins
import json
import re
from datetime import date
from pathlib import Path

import pytest

from jobtrends.config import Report, Settings
from jobtrends.errors import UserError
from reports import build
from reports.build import (
    content_security_policy,
    json_for_script,
    render_html,
    render_pdf,
    write_index,
)
from reports.model import ReportModel, build_model
from reports.period import parse_period
from warehouse import db

TODAY = date(2026, 6, 15)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"


@pytest.fixture(scope="module")
def model(report_settings: Settings) -> ReportModel:
    """The May 2026 model of the fixture warehouse."""
    with db.session(report_settings, read_only=True) as con:
        return build_model(con, since="2025-01", min_n=3, today=TODAY, claims_min_n=3)


@pytest.fixture(scope="module")
def page(model: ReportModel) -> str:
    """The report page without charts (charts are covered by the slow tests), tables included."""
    return render_html(model, {}, interactive=True)


def test_posting_strings_are_escaped(page: str) -> None:
    assert SCRIPT not in page
    assert IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script" not in page  # no chart: not even the report's own scripts


def test_inline_json_cannot_close_its_script() -> None:
    text = json_for_script({"title": SCRIPT, "company": IMG, "amp": "R&D", "sep": "\u2028"})
    assert "</" not in text and "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": SCRIPT, "company": IMG, "amp": "R&D", "sep": "\u2028"}


def test_content_security_policy_forbids_remote_loads(page: str) -> None:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert match
    policy = match.group(1)
    assert "default-src 'none'" in policy
    assert "img-src data:" in policy
    assert "http" not in policy
    policy = content_security_policy(["alert(1)"])
    # sha256 of "alert(1)", base64
    assert "script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='" in policy


def test_page_is_self_contained(page: str) -> None:
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert "<link" not in page
    assert "@import" not in page and "url(http" not in page


def test_first_page_notice_for_synthetic_data(page: str) -> None:
    notice = page.index('id="synthetic-notice"')
    assert notice < page.index('id="headline"')
    assert "1 of the 18 postings in the warehouse (1 in May 2026)" in page


def test_headline_numbers_in_page(page: str) -> None:
    assert "+150% vs April 2026 (2)" in page
    assert "+400% vs May 2025 (1)" in page
    assert (
        "<strong>SQL</strong>: 20.0% of AI engineer postings against 100.0% of data scientist postings"
        in page
    )


def test_small_n_is_greyed_and_explained(report_settings: Settings) -> None:
    strict = report_settings.with_overrides(report=Report(min_n=20).model_dump())
    with db.session(strict, read_only=True) as con:
        model = build_model(con, since="2025-01", min_n=20, today=TODAY)
    page = render_html(model, {}, interactive=False)
    # May 2026 is short of postings: the skills pool the widest window, which is still short
    assert model.basis.pooled and model.basis.months == 36
    assert "alone has fewer than 20 postings with skills for a role" in page
    assert (
        "postings with skills number fewer than 20 even in the 36 months June 2023 to May 2026"
        in page
    )
    assert 'class="num small-n" title="fewer than 20 postings">' in page
    assert all(c.verdict == "not enough data" for c in model.claims)
    assert model.headline.divergences == []


def test_pdf_without_pango_is_one_sentence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def failing_import(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"
            )
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    with pytest.raises(UserError) as caught:
        render_pdf("<p>x</p>", tmp_path / "report.pdf")
    message = str(caught.value)
    assert message.startswith(
        "PDF output needs the Pango library (cannot load library 'libpango-1.0-0'"
    )
    assert (
        "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in message and "--format html" in message
    )
    assert not (tmp_path / "report.pdf").exists()


def test_unknown_format_is_a_user_error(report_settings: Settings) -> None:
    with pytest.raises(UserError, match="report format docx is not known"):
        build.build_report(report_settings, formats=("docx",))


def test_index_lists_every_period(tmp_path: Path) -> None:
    for label in ("2026-04", "2026-05", "2026-Q1", "2025"):
        folder = tmp_path / label
        folder.mkdir()
        (folder / "report.html").write_text("<p>report</p>", encoding="utf-8")
        (folder / "report.json").write_text(json.dumps({"n_ai": 5, "n_ds": 4}), encoding="utf-8")
    (tmp_path / "2026-05" / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "not-a-period").mkdir()
    index = write_index(tmp_path).read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert links == [
        "2026-05/report.html",
        "2026-05/report.pdf",
        "2026-04/report.html",
        "2026-Q1/report.html",
        "2025/report.html",
    ]
    assert "Monthly reports" in index and "Quarterly reports" in index and "Yearly reports" in index


def test_periods_parse() -> None:
    assert (parse_period("2026-Q2").start, parse_period("2026-Q2").end) == (
        date(2026, 4, 1),
        date(2026, 7, 1),
    )
    assert parse_period("2026").previous().label == "2025"
    assert parse_period("2026-01").previous().label == "2025-12"
    assert parse_period("2026-Q1").year_earlier().label == "2025-Q1"


def test_rising_and_falling_lists_only_changes_passing_the_employer_check(
    model: ReportModel,
) -> None:
    import dataclasses

    def trend(skill: str, role: str, called: bool) -> dict:
        return {
            "skill_id": skill.lower(),
            "skill": skill,
            "category": "language",
            "role": role,
            "share_first": 0.1,
            "share_last": 0.4,
            "n_first": 40,
            "n_last": 50,
            "change": 0.3,
            "change_low": 0.12,
            "change_high": 0.46,
            "direction": "rising",
            "employer_k_first": 4,
            "employer_k_last": 15 if called else 4,
            "employers_first": 30,
            "employers_last": 30,
            "employer_change": 0.37 if called else 0.0,
            "employer_change_low": 0.15 if called else -0.2,
            "employer_change_high": 0.55 if called else 0.2,
            "called": called,
        }

    shown = dataclasses.replace(
        model,
        min_n=20,
        trend_n={"ai_engineer": (40, 50), "data_scientist": (40, 50)},
        trends=[
            trend("Zig", "ai_engineer", True),
            trend("Nim", "ai_engineer", False),
            trend("Odin", "data_scientist", False),
        ],
    )
    section = render_html(shown, {}, interactive=False).split('<section id="trends">')[1]
    section = section.split("</section>")[0]
    assert "▲ Zig" in section and "employers 4 → 15" in section and "▲ Nim" not in section
    assert (
        "Not called a change (AI engineer;" in section
        and "Nim 10.0% → 40.0% (4 → 4 employers)" in section
    )
    assert (
        "Data scientist (40 and 50 postings with skills): tools' shares of postings changed, but "
        "no change passes the employer check (each employer counted once)." in section
    )
