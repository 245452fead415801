"""Small landing zones for tests: records in the landing-record shape, manifests and seen files,
plus a fake role classifier, skill extractor and taxonomy standing in for the pipeline's own."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobtrends.landing import LANDING_VERSION, RunWriter
from pipeline.transform import Versions

VERSIONS = Versions(rules="test-rules-1", taxonomy="test-tax-1", extractor="test-ext-1")


@dataclass(frozen=True)
class FakeOpening:
    """An opening as pipeline.roles returns it."""

    title: str
    normalized_title: str
    role_family: str
    seniority: str
    section: tuple[int, int] | None = None


@dataclass(frozen=True)
class FakeMention:
    """A skill mention as pipeline.skills returns it."""

    skill_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FakeSkill:
    """A taxonomy entry."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()


TAXONOMY = [
    FakeSkill("python", "Python", "language"),
    FakeSkill("sql", "SQL", "language"),
    FakeSkill("r", "R", "language"),
    FakeSkill("pytorch", "PyTorch", "ml_framework"),
    FakeSkill("kubernetes", "Kubernetes", "devops"),
    FakeSkill("docker", "Docker", "devops"),
    FakeSkill("pandas", "pandas", "data_library"),
    FakeSkill("tableau", "Tableau", "bi"),
    FakeSkill("aws", "AWS", "cloud"),
]
_PATTERN = re.compile(r"\b(Python|SQL|R|PyTorch|Kubernetes|k8s|Docker|pandas|Tableau|AWS)\b")
_ALIASES = {"k8s": "kubernetes"}


def _family(title: str) -> str:
    lower = title.lower()
    if "data scientist" in lower:
        return "data_scientist"
    if re.search(r"\b(ml|machine learning|ai|llm)\b.*engineer", lower):
        return "ai_engineer"
    return "other"


def _seniority(title: str) -> str:
    lower = title.lower()
    for word in ("senior", "staff", "principal", "lead", "junior", "intern"):
        if word in lower:
            return word
    return "mid"


def classify(source_type: str, title: str | None, text: str) -> list[FakeOpening]:
    """Openings of a posting: HN headers list roles in the second |-field, with a section each
    when the body has a line starting with the role's name."""
    if not title:
        return []
    roles = [title]
    if source_type == "hn_whoishiring":
        fields = [f.strip() for f in title.split("|")]
        roles = [r.strip() for r in fields[1].split(",")] if len(fields) > 1 else []
    openings = []
    for role in roles:
        start = text.find(role + ":")
        section = None
        if start >= 0:
            end = text.find("\n", start)
            section = (start, end if end >= 0 else len(text))
        openings.append(FakeOpening(role, role.lower(), _family(role), _seniority(role), section))
    return openings


class FakeExtractor:
    """Regex skill extractor over a nine-skill taxonomy."""

    def extract_many(self, texts: Any) -> Any:
        """One list of mentions per text."""
        for text in texts:
            yield [
                FakeMention(
                    _ALIASES.get(m.group(0), m.group(0).lower()), m.start(), m.end(), m.group(0)
                )
                for m in _PATTERN.finditer(text)
            ]


def content_hash(title: str | None, company: str | None, location: str | None, text: str) -> str:
    """sha256 of the fields whose change makes a new version."""
    joined = "\x1f".join([title or "", company or "", location or "", text])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def record(
    source: str,
    source_id: str,
    title: str,
    text: str,
    month: str,
    *,
    company: str | None = "Acme",
    location: str | None = "Berlin",
    url: str | None = None,
    board: str | None = "acme",
    requisition_id: str | None = None,
    run_id: str = "20260101T000000Z-00000001",
    fetched_at: str | None = None,
    day: int = 5,
    source_type: str | None = None,
) -> dict[str, Any]:
    """One landing record with every documented field (`source_type` defaults to `source`)."""
    return {
        "source": source,
        "source_type": source_type or source,
        "source_id": source_id,
        "global_id": f"{source}:{source_id}",
        "board": board,
        "url": url,
        "company": company,
        "title": title,
        "location": location,
        "remote": None,
        "salary": {
            "min": 100000,
            "max": 150000,
            "currency": "USD",
            "period": "year",
            "annual_min": 100000,
            "annual_max": 150000,
            "raw": "$100k-$150k",
        },
        "employment_type": "full_time",
        "requisition_id": requisition_id,
        "posted_at": f"{month}-{day:02d}T12:00:00Z",
        "month": month,
        "thread_id": None,
        "fetched_at": fetched_at
        or f"{run_id[0:4]}-{run_id[4:6]}-{run_id[6:8]}T{run_id[9:11]}:{run_id[11:13]}:00Z",
        "description_html": f"<p>{text}</p>",
        "description_text": text,
        "content_hash": content_hash(title, company, location, text),
        "crawl_run_id": run_id,
        "is_synthetic": True,
        "raw": {"id": source_id, "title": title},
    }


def write_run(
    landing_dir: Path,
    source: str,
    run_id: str,
    records: list[dict[str, Any]],
    *,
    complete: bool = True,
    boards: list[str] | None = None,
    seen: list[str] | None = None,
    finished_at: str | None = None,
) -> Path:
    """Write a run's landing file, seen file and manifest (last); return the landing file."""
    writer = RunWriter(landing_dir, source, run_id)
    for item in records:
        writer.write(item)
    seen_ids = seen if seen is not None else [r["global_id"] for r in records]
    started = (
        f"{run_id[0:4]}-{run_id[4:6]}-{run_id[6:8]}T{run_id[9:11]}:{run_id[11:13]}:{run_id[13:15]}Z"
    )
    writer.finish(
        seen_ids,
        {
            "landing_version": LANDING_VERSION,
            "source": source,
            "source_type": records[0]["source_type"] if records else source,
            "run_id": run_id,
            "started_at": started,
            "finished_at": finished_at or started.replace("Z", ".5Z"),
            "complete": complete,
            "requests": 3,
            "responses_by_status": {"200": 3},
            "items_seen": len(seen_ids),
            "items_landed": len(records),
            "duplicates_in_run": 0,
            "scope": {"boards": boards or [], "months": []},
            "errors": [],
        },
    )
    return writer.files.landing
