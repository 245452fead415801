"""PDF layout: every page rendered with pdftoppm and measured; no page but the last under a third full."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from jobtrends.config import Settings
from reports.build import build_report
from tests.reports.conftest import TODAY
from tests.reports.test_history import history_spec

pytestmark = pytest.mark.slow

# A page is "full" down to its lowest ink above the footer line; a third is the least a page
# other than the last may hold (a page holding a line or two is a layout fault).
MIN_FULL = 1 / 3
# Pixels lighter than this count as paper (anti-aliased text edges and table rules are darker).
INK = 235


def page_fullness(png: Path) -> float:
    """How far down the body area of a rendered page the content reaches, 0 to 1."""
    image = Image.open(png).convert("L")
    width, height = image.size
    # A4 with 16 mm top and 18 mm bottom margins: the running footer sits in the bottom margin
    top, bottom = int(height * 16 / 297), int(height * (297 - 18) / 297)
    pixels = image.load()
    last = top
    for y in range(top, bottom):
        if any(pixels[x, y] < INK for x in range(0, width, 2)):
            last = y
    return (last - top) / (bottom - top)


def rendered_pages(pdf: Path, pdftoppm: str, out: Path) -> list[Path]:
    """The PDF's pages as PNG files, in order."""
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", str(pdf), str(out / "page")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return sorted(out.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def assert_pages_full(pdf: Path, pdftoppm: str, out: Path) -> list[float]:
    """Every page but the last at least a third full; return the fullness of each."""
    pages = rendered_pages(pdf, pdftoppm, out)
    fullness = [page_fullness(p) for p in pages]
    assert pages, "no page rendered"
    thin = [(i + 1, round(f, 2)) for i, f in enumerate(fullness[:-1]) if f < MIN_FULL]
    assert not thin, f"pages less than a third full (page, fullness): {thin}"
    return fullness


def test_fullness_measure(tmp_path: Path) -> None:
    blank = Image.new("L", (210, 297), 255)
    blank.save(tmp_path / "blank.png")
    assert page_fullness(tmp_path / "blank.png") == 0
    half = blank.copy()
    half.paste(0, (20, 150, 190, 151))  # a rule halfway down the page
    half.save(tmp_path / "half.png")
    assert page_fullness(tmp_path / "half.png") == pytest.approx((150 - 16) / (279 - 16), abs=0.01)


def test_period_report_pages_are_full(
    built_report, poppler: dict[str, str], tmp_path: Path
) -> None:
    fullness = assert_pages_full(built_report.pdf, poppler["pdftoppm"], tmp_path)
    assert len(fullness) == built_report.pdf_pages


def test_history_report_pages_are_full(
    poppler: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from jobtrends.config import Report
    from tests.reports.conftest import fill_warehouse

    settings = Settings(
        data_dir=tmp_path_factory.mktemp("layout-data"), report=Report(min_n=3, claims_min_n=3)
    )
    fill_warehouse(settings, history_spec())
    out = tmp_path_factory.mktemp("layout-out")
    built = build_report(settings, period="all", formats=("pdf",), out_dir=out, today=TODAY)
    assert built.pdf is not None and built.pdf_pages is not None
    assert built.pdf_pages <= 12
    pages = tmp_path_factory.mktemp("layout-pages")
    assert_pages_full(built.pdf, poppler["pdftoppm"], pages)
