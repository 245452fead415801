"""What the reliability tests share: test configs, crawls and CLI runs as child processes."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from jobtrends.landing import LANDING_VERSION, RunWriter

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
LOCAL_DOWNLOAD_TIMEOUT_S = 20.0


def toml_value(value: Any) -> str:
    """A Python value as a TOML value (JSON strings, numbers and lists are valid TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def write_config(
    path: Path,
    data_dir: Path,
    sources: list[dict[str, Any]] | None = None,
    politeness: dict[str, Any] | None = None,
    process: dict[str, Any] | None = None,
) -> Path:
    """A config file with fast, test-sized politeness limits and the given sources."""
    polite = {
        "download_delay_s": 0,
        "autothrottle": False,
        "concurrent_requests_per_domain": 8,
        # A local answer takes milliseconds, but a loaded machine can stall a child process for
        # seconds; tests about timeouts set their own.
        "download_timeout_s": LOCAL_DOWNLOAD_TIMEOUT_S,
        "retry_times": 1,
        **(politeness or {}),
    }
    lines = [f"data_dir = {toml_value(str(data_dir))}", "[politeness]"]
    lines += [f"{key} = {toml_value(value)}" for key, value in polite.items()]
    lines.append("[process]")
    lines += [
        f"{key} = {toml_value(value)}"
        for key, value in {"lock_timeout_s": 1.0, **(process or {})}.items()
    ]
    for source in sources or []:
        lines.append("[[sources]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in source.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: this one, without config overrides, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOBTRENDS_")}
    env.update(extra)
    return env


def crawl_command(
    config: Path, sources: list[str], sets: dict[str, Any] | None = None
) -> list[str]:
    """`python -m crawlers.run` for these sources, with Scrapy setting overrides."""
    command = [PYTHON, "-m", "crawlers.run", "--config", str(config)]
    for source in sources:
        command += ["--source", source]
    for name, value in (sets or {}).items():
        command += ["--set", f"{name}={json.dumps(value)}"]
    return command


def run_crawl(
    config: Path, sources: list[str], sets: dict[str, Any] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run a crawl to its end in a child process (Scrapy's reactor runs once per process)."""
    return subprocess.run(
        crawl_command(config, sources, sets),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=subprocess_env(),
    )


def manifests_of(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The newest manifest of each source in a landing zone."""
    found: dict[str, dict[str, Any]] = {}
    # by the time each was written: run ids of two runs in the same second need not sort by time
    paths = (data_dir / "landing").glob("*/*.manifest.json")
    for path in sorted(paths, key=lambda p: (p.stat().st_mtime_ns, p.name)):
        if not path.name.startswith("."):
            found[path.parent.name] = json.loads(path.read_text(encoding="utf-8"))
    return found


def landed(data_dir: Path, manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The records of a run's landing file."""
    path = data_dir / "landing" / manifest["source"] / manifest["landing_file"]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def reuse_prefect_state(data_dir: Path, state: Path) -> Path:
    """Give `data_dir` the Prefect state of a data dir used before; returns `data_dir`."""
    shutil.copytree(state, data_dir / "prefect")
    return data_dir


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    """`jobtrends ARGS` as a child process through the package's entry point."""
    command = [PYTHON, "-c", "from jobtrends.cli import main; main()", *args]
    return subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or subprocess_env(),
    )


def ats_posting(
    source_id: str, title: str, text: str, *, run_id: str, company: str = "Acme", **fields: Any
) -> dict[str, Any]:
    """A landing record as the Greenhouse spider builds it (hash computed, month derived)."""
    from crawlers.items import build_posting

    values: dict[str, Any] = {
        "source": "greenhouse",
        "source_type": "greenhouse",
        "source_id": source_id,
        "board": "acme",
        "url": f"https://boards.example.org/acme/jobs/{source_id}",
        "company": company,
        "title": title,
        "location": "Remote",
        "remote": True,
        "salary": None,
        "employment_type": "Full-time",
        "requisition_id": None,
        "posted_at": "2026-04-01T10:00:00Z",
        "description_html": f"<p>{text}</p>",
        "description_text": text,
        "raw": {"id": source_id, "title": title},
        "run_id": run_id,
        "fetched_at": "2026-04-02T03:00:00Z",
    }
    values.update(fields)
    return dict(build_posting(**values))


def write_landing(
    data_dir: Path, run_id: str, records: list[dict[str, Any]], source: str = "greenhouse"
) -> Path:
    """A complete run in the landing zone: landing file, seen list and manifest (written last)."""
    writer = RunWriter(data_dir / "landing", source, run_id)
    for record in records:
        writer.write(record)
    writer.finish(
        [r["global_id"] for r in records],
        {
            "landing_version": LANDING_VERSION,
            "source": source,
            "source_type": "greenhouse",
            "run_id": run_id,
            "started_at": "2026-04-02T03:00:00Z",
            "finished_at": "2026-04-02T03:05:00Z",
            "complete": True,
            "requests": 1,
            "responses_by_status": {"200": 1},
            "items_seen": len(records),
            "items_landed": len(records),
            "duplicates_in_run": 0,
            "scope": {"boards": ["acme"], "months": []},
            "errors": [],
        },
    )
    return writer.files.landing


TITLES = [
    "Machine Learning Engineer",
    "Senior Data Scientist",
    "AI Engineer, LLM Platform",
    "Data Scientist II",
    "Staff Applied Scientist",
    "Backend Engineer",
    "Product Analyst",
    "MLOps Engineer",
]
TEXTS = [
    "Python, PyTorch and Kubernetes in production.",
    "SQL, R and causal inference; Tableau a plus.",
    "LangChain, vector databases and evaluation of LLM agents.",
    "pandas, scikit-learn and A/B testing.",
]


def sample_records(n: int, run_id: str) -> list[dict[str, Any]]:
    """`n` varied ATS postings of one run."""
    return [
        ats_posting(
            str(10_000 + i),
            TITLES[i % len(TITLES)],
            TEXTS[i % len(TEXTS)] + f" Team {i}.",
            run_id=run_id,
        )
        for i in range(n)
    ]
