"""A small hand-made warehouse for the report tests, built through the warehouse's own migrations."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from jobtrends.config import Report, Settings
from warehouse import db
from warehouse.stats import BOOTSTRAP_COLUMNS

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "reports" / "warehouse.json"
TODAY = date(2026, 6, 15)


def _month(text: str) -> date:
    return date.fromisoformat(text + "-01")


def role_posting(pid: str, month: str, company: str | None, family: str, skills: list[str]) -> dict:
    """A Hacker News posting of `company` hiring one opening of `family` (a data scientist, else
    an ML engineer), naming `skills`, for a warehouse spec."""
    title = "Data Scientist" if family == "data_scientist" else "ML Engineer"
    return {
        "id": pid,
        "source": "hn_whoishiring",
        "month": month,
        "company": company,
        "openings": [[title, title.lower(), family, "mid"]],
        "skills": skills,
    }


def fill_warehouse(settings: Settings, spec: dict) -> None:
    """Create the warehouse of `settings` and load the postings, openings and skills of `spec`."""
    seen = datetime(2026, 6, 1, tzinfo=UTC)
    postings, openings, mentions = [], [], []
    for p in spec["postings"]:
        gid = f"{p['source']}:{p['id']}"
        salary = p.get("salary") or [None, None, None]
        postings.append(
            {
                "global_id": gid,
                "source": p["source"],
                "source_id": p["id"],
                "company": p["company"],
                "title": p["openings"][0][0],
                "remote": p.get("remote"),
                "salary_currency": salary[0],
                "salary_annual_min": salary[1],
                "salary_annual_max": salary[2],
                "month": _month(p["month"]),
                "content_hash": gid,
                "first_seen": seen,
                "last_seen": seen,
                "canonical_id": f"greenhouse:{p['canonical']}" if "canonical" in p else gid,
                "is_synthetic": bool(p.get("synthetic", False)),
                "rules_version": "roles-1",
                "taxonomy_version": "tax-1",
                "extractor_version": "ext-1",
            }
        )
        sections = p.get("sections") or [[None, None]] * len(p["openings"])
        for idx, (title, normalized, family, seniority) in enumerate(p["openings"]):
            openings.append(
                {
                    "global_id": gid,
                    "opening_idx": idx,
                    "title": title,
                    "normalized_title": normalized,
                    "role_family": family,
                    "seniority": seniority,
                    "section_start": sections[idx][0],
                    "section_end": sections[idx][1],
                }
            )
        # which opening's section each mention sits in (none: text all openings share)
        skill_openings = p.get("skill_openings") or [None] * len(p["skills"])
        for i, skill in enumerate(p["skills"]):
            mentions.append(
                {
                    "global_id": gid,
                    "opening_idx": skill_openings[i],
                    "skill_id": skill,
                    "start_char": 10 * i,
                    "end_char": 10 * i + 5,
                    "evidence": skill,
                }
            )
    skills = pd.DataFrame(spec["skills"], columns=["skill_id", "name", "category"])
    months = pd.DataFrame(
        spec["source_months"], columns=["source", "month", "postings_seen", "postings_kept"]
    )
    months["month"] = months["month"].map(_month)
    boot = pd.DataFrame(spec["divergence_bootstrap"], columns=BOOTSTRAP_COLUMNS)
    tables = {
        "postings": pd.DataFrame(postings),
        "openings": pd.DataFrame(openings),
        "posting_skills": pd.DataFrame(mentions),
        "skills": skills,
        "source_months": months,
        "divergence_bootstrap": boot,
    }
    with db.session(settings) as con:
        for name, frame in tables.items():
            con.register("incoming", frame)
            con.execute(f"insert into {name} by name select * from incoming")
            con.unregister("incoming")


# the minimum n of the thin-years warehouse's reports (guard_spec)
MIN_N = 20
# Data scientist postings per year (each from its own company) and AI engineer postings per year:
# 2018 to 2022 are thin for data scientists, and 2022 (three months of data) for both roles.
GUARD_DS_PER_YEAR = {2016: 20, 2017: 20, 2018: 12, 2019: 9, 2020: 10, 2021: 8, 2022: 3}
GUARD_AI_PER_YEAR = {2016: 25, 2017: 25, 2018: 25, 2019: 25, 2020: 25, 2021: 25, 2022: 5}
# One company's data science post, reposted in eight months of 2021, under three spellings.
GUARD_REPOSTS = ["Repost Co", "RÉPOST CO.", "Repost, Có"] * 2 + ["Repost Co"] * 2
# Two 2020 companies outside ASCII, each posting twice under two spellings: one employer each.
GUARD_SPELLED_TWICE = ["データ工房", "データ工房!", "Κάπα Δέλτα", "ΚΑΠΑ ΔΈΛΤΑ"]


def guard_spec(distinct_reposters: bool = False) -> dict:
    """A warehouse whose data scientists thin out: postings 2016 to March 2022 (2018 to 2022
    thin for data scientists) and one employer reposting; `distinct_reposters` gives each Rust post its own company."""
    postings = []
    for year, count in GUARD_DS_PER_YEAR.items():
        for i in range(count):
            month = f"{year}-{i % (3 if year == 2022 else 12) + 1:02d}"
            skills = ["python", "r"] if year <= 2017 else ["python", "sql"]
            # two 2021 posts name no company (none, or only spaces and punctuation): each counts
            # as its own employer
            company = f"Data Firm {year}-{i}"
            if year == 2021 and i >= 6:
                company = None if i == 6 else " -- "
            if year == 2020 and i < len(GUARD_SPELLED_TWICE):
                company = GUARD_SPELLED_TWICE[i]
            postings.append(
                role_posting(f"ds-{year}-{i}", month, company, "data_scientist", skills)
            )
    for i, company in enumerate(GUARD_REPOSTS):
        name = f"Rust Shop {i}" if distinct_reposters else company
        postings.append(
            role_posting(f"rp-{i}", f"2021-{i + 1:02d}", name, "data_scientist", ["python", "rust"])
        )
    for year, count in GUARD_AI_PER_YEAR.items():
        for i in range(count):
            month = f"{year}-{i % (3 if year == 2022 else 12) + 1:02d}"
            postings.append(
                role_posting(
                    f"ai-{year}-{i}",
                    month,
                    f"AI Lab {year}-{i}",
                    "ai_engineer",
                    ["python", "pytorch"],
                )
            )
    months = [f"{y}-{m:02d}" for y in range(2016, 2022) for m in range(1, 13)]
    months += ["2022-01", "2022-02", "2022-03"]
    n_ds = {**GUARD_DS_PER_YEAR, 2021: GUARD_DS_PER_YEAR[2021] + len(GUARD_REPOSTS)}
    return {
        "skills": [
            ["python", "Python", "language"],
            ["sql", "SQL", "language"],
            ["r", "R", "language"],
            ["rust", "Rust", "language"],
            ["pytorch", "PyTorch", "ml_framework"],
        ],
        "postings": postings,
        "source_months": [["hn_whoishiring", m, 100, 5] for m in months],
        "divergence_bootstrap": [
            ["year", str(y), 0.5, 0.4, 0.6, GUARD_AI_PER_YEAR[y], n_ds[y], 200, 7]
            for y in GUARD_DS_PER_YEAR
        ],
    }


@pytest.fixture(scope="session")
def warehouse_filler() -> Callable[[Settings, dict], None]:
    """fill_warehouse, for tests that build a warehouse of their own from a changed spec."""
    return fill_warehouse


@pytest.fixture(scope="session")
def warehouse_spec() -> dict:
    """The hand-made postings behind the fixture warehouse."""
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def report_settings(tmp_path_factory: pytest.TempPathFactory, warehouse_spec: dict) -> Settings:
    """Settings whose warehouse holds the fixture postings (minimum n of 3 for shares)."""
    data_dir = tmp_path_factory.mktemp("report-data")
    settings = Settings(data_dir=data_dir, report=Report(min_n=3, claims_min_n=3))
    fill_warehouse(settings, warehouse_spec)
    return settings


def _apt_install(binary: str, package: str) -> str:
    """The path of `binary`, installing the Debian `package` once when it is missing (else skip)."""
    path = shutil.which(binary) or (
        f"/usr/bin/{binary}" if Path(f"/usr/bin/{binary}").exists() else None
    )
    if path:
        return path
    if shutil.which("apt-get") is None:
        pytest.skip(f"{binary} is missing and apt-get is not available to install {package}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update"], check=True, capture_output=True, timeout=600, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300", package],
            check=True,
            capture_output=True,
            timeout=1200,
            env=env,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"could not install {package} with apt-get: {exc}")
    path = shutil.which(binary)
    if not path:
        pytest.skip(f"{package} was installed but {binary} is not on PATH")
    return path


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed by apt-get when missing."""
    return _apt_install("chromium", "chromium")


@pytest.fixture(scope="session")
def poppler() -> dict[str, str]:
    """pdftoppm and pdftotext from poppler-utils, installed by apt-get when missing."""
    _apt_install("pdftoppm", "poppler-utils")
    return {
        "pdftoppm": _apt_install("pdftoppm", "poppler-utils"),
        "pdftotext": _apt_install("pdftotext", "poppler-utils"),
    }


@pytest.fixture(scope="session")
def built_report(report_settings: Settings, tmp_path_factory: pytest.TempPathFactory):
    """The May 2026 report of the fixture warehouse, as HTML and PDF."""
    from reports.build import build_report

    out = tmp_path_factory.mktemp("reports-out")
    return build_report(
        report_settings, since="2025-01", formats=("html", "pdf"), out_dir=out, today=TODAY
    )
