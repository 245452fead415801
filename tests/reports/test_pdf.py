"""The PDF: every page renders with pdftoppm, the page count is WeasyPrint's, the text has the numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_pdf_pages_render_and_carry_the_headline(
    built_report, poppler: dict[str, str], tmp_path: Path
) -> None:
    pdf = built_report.pdf
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        [poppler["pdftoppm"], "-r", "50", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    # One page per section (9), plus the pages that the longer sections run over.
    assert len(pages) == built_report.pdf_pages
    assert 9 <= len(pages) <= 16
    assert all(p.read_bytes()[:4] == b"\x89PNG" and p.stat().st_size > 3000 for p in pages)

    text = subprocess.run(
        [poppler["pdftotext"], str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    flat = " ".join(text.split())
    first_page = " ".join(text.split("\f")[0].split())
    assert "Synthetic data." in first_page
    assert "AI engineer postings Data scientist postings 5 4" in first_page
    assert "+300% vs April 2026 (1) · +100% vs May 2025 (2)" in first_page
    assert "+150% vs April 2026 (2)" in first_page and "+400% vs May 2025 (1)" in first_page
    assert (
        "SQL: 20.0% of AI engineer postings against 100.0% of data scientist postings" in first_page
    )
    assert "<script>alert(1)</script>" in flat
    assert "Who is hiring?" in flat and "Greenhouse, Lever and Ashby" in flat
    assert "supported" in flat and "not enough data" in flat


def test_html_and_pdf_show_the_same_numbers(built_report, poppler: dict[str, str]) -> None:
    html = built_report.html.read_text(encoding="utf-8")
    text = subprocess.run(
        [poppler["pdftotext"], str(built_report.pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    for figure in ("37.6–96.4%", "51.0–100.0%", "-96.4 to -15.2 pp", "125k–170k"):
        assert figure in html
        assert figure in " ".join(text.split())
