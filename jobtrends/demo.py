"""`jobtrends demo`: the whole pipeline offline, replaying a corpus through a local server.

Without `--corpus`, a seeded synthetic corpus is generated into `<data_dir>/corpus` (once per
seed and size). The demo's landing zone, warehouse and reports live in their own folder under
`<data_dir>/demo/`, one per corpus, so a demo never mixes with live data or another corpus.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jobtrends import stopping
from jobtrends.config import Settings
from jobtrends.errors import UserError
from jobtrends.vocabulary import AI_ENGINEER, COMPARED_ROLES, DATA_SCIENTIST, TOOL_CATEGORIES

DEMO_POLITENESS = {
    "download_delay_s": 0.0,
    "autothrottle": False,
    "robots_obey": True,
    "concurrent_requests": 16,
    "concurrent_requests_per_domain": 16,
    "download_timeout_s": 60.0,
    "retry_times": 2,
    "http_cache": False,
}
TOP_TOOLS = 8
# What a trimmed recording leaves behind: requests it holds no answer for, and the postings
# those missing details leave without a description.
_RECORDING_GAP_KINDS = frozenset({"http_404", "missing_fields"})


@dataclass
class DemoResult:
    """Where the demo wrote its warehouse and report, what each stage did and how long it took."""

    data_dir: Path
    corpus: Path
    warehouse: Path
    run: Any = None
    durations_s: dict[str, float] = field(default_factory=dict)
    recorded: bool = False  # a corpus passed with --corpus, not the generated one

    @property
    def recording_gaps(self) -> dict[str, int]:
        """Sources of a recorded corpus left incomplete only by requests it holds no answer for.

        The replay server answers 404 where a recording was trimmed (a next page or a detail it
        does not have): the spider records the board as incomplete and keeps what it landed,
        which is all the recording holds, not a failure of the run. Postings whose detail was
        trimmed land without a description, which the validation counts as missing fields: with
        404s beside them, those are the same gaps.
        """
        crawl = getattr(self.run, "crawl", None)
        if not self.recorded or crawl is None:
            return {}
        gaps = {}
        for key, manifest in crawl.manifests.items():
            fatal = [e for e in manifest.get("errors") or [] if e.get("fatal", True)]
            if (
                key not in crawl.errors
                and not manifest.get("complete", False)
                and fatal
                and any(e.get("kind") == "http_404" for e in fatal)
                and all(e.get("kind") in _RECORDING_GAP_KINDS for e in fatal)
            ):
                gaps[key] = len(fatal)
        return gaps

    @property
    def failed(self) -> bool:
        """True when any stage of the run failed (recording gaps of a recorded corpus aside)."""
        run = self.run
        if not getattr(run, "failed", True):
            return False
        crawl = getattr(run, "crawl", None)
        if run is None or crawl is None or getattr(run, "errors", None):
            return True
        if getattr(getattr(run, "process", None), "failed", False):
            return True
        return bool(set(crawl.failed) - set(self.recording_gaps))


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generated_corpus_matches(corpus: Path, postings: int, seed: int) -> bool:
    """True when `corpus` holds a finished generated corpus of this size, seed and generator
    version (an older generator may have left sources out)."""
    from jobtrends.generate import GENERATOR_VERSION

    try:
        truth = json.loads((corpus / "generated.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        truth.get("seed") == seed
        and truth.get("postings") == postings
        and truth.get("generator_version") == GENERATOR_VERSION
    )


def ensure_generated_corpus(data_dir: Path, postings: int, seed: int) -> Path:
    """The generated demo corpus under `data_dir/corpus`, generated when absent or different.

    One process at a time generates it (a lock file beside it); another demo started meanwhile
    waits, then uses the corpus the first one wrote.
    """
    from jobtrends.generate import generate_corpus

    corpus = data_dir / "corpus"
    if generated_corpus_matches(corpus, postings, seed):
        return corpus
    with _corpus_lock(data_dir):
        if generated_corpus_matches(corpus, postings, seed):
            return corpus
        staging = data_dir / ".corpus.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        _say(
            f"generate: writing a synthetic corpus of {postings:,} postings (seed {seed}) to {corpus}"
        )
        started = time.monotonic()
        generate_corpus(staging, postings=postings, seed=seed)
        shutil.rmtree(corpus, ignore_errors=True)
        staging.rename(corpus)
        _say(f"generate: done in {time.monotonic() - started:.1f} s")
    return corpus


@contextlib.contextmanager
def _corpus_lock(data_dir: Path) -> Iterator[None]:
    """Hold `<data_dir>/.corpus.lock`; say so once when another process holds it, and wait."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".corpus.lock", "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            _say(f"generate: waiting for another demo (pid {holder}) writing the corpus")
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def demo_data_dir(
    settings: Settings, corpus: Path | None, postings: int = 24000, seed: int = 7
) -> Path:
    """The folder holding the demo's landing zone, warehouse and reports for this corpus."""
    root = settings.data_dir / "demo"
    if corpus is None:
        return root / f"generated-n{postings}-s{seed}"
    resolved = corpus.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return root / f"{resolved.name or 'corpus'}-{digest}"


def replay_sources(corpus: Path, base_url: str) -> list[dict[str, Any]]:
    """The sources a corpus holds, each pointed at the replay server at `base_url`."""
    from jobtrends.replay import source_config

    return source_config(corpus, base_url)


def demo_settings(settings: Settings, data_dir: Path, sources: list[dict[str, Any]]) -> Settings:
    """The settings of a demo run: its own data directory, the replayed sources, no delays."""
    politeness = {**settings.politeness.model_dump(), **DEMO_POLITENESS}
    report = {**settings.report.model_dump(), "out_dir": None}
    return settings.with_overrides(
        data_dir=data_dir, warehouse=None, sources=sources, politeness=politeness, report=report
    )


def _query(name: str) -> str:
    return resources.files("jobtrends").joinpath("queries", name).read_text(encoding="utf-8")


def warehouse_summary(settings: Settings) -> dict[str, Any]:
    """Postings per source and role, top tools per role, and the months covered."""
    from warehouse.db import session

    with session(settings, read_only=True) as con:
        roles = con.execute(_query("demo_role_counts.sql")).fetchall()
        skills = con.execute(
            _query("demo_top_tools.sql"), [sorted(TOOL_CATEGORIES), TOP_TOOLS]
        ).fetchall()
        months = con.execute("select min(month), max(month) from source_months").fetchone()
    return {
        "roles": [
            {"source": s, "postings": n, AI_ENGINEER: n_ai, DATA_SCIENTIST: n_ds}
            for s, n, n_ai, n_ds in roles
        ],
        "top_skills": [
            {"role": r, "skill": k, "postings": n, "share": share} for r, k, n, share in skills
        ],
        "first_month": str(months[0])[:7] if months and months[0] else None,
        "last_month": str(months[1])[:7] if months and months[1] else None,
    }


def format_summary(result: DemoResult, summary: dict[str, Any]) -> str:
    """The text the demo prints at its end."""
    from pipeline.flows.summary import report_paths

    lines = ["", "jobtrends demo finished" + (" WITH FAILURES" if result.failed else ""), ""]
    lines.append(f"corpus:     {result.corpus}")
    lines.append(f"warehouse:  {result.warehouse}")
    for path in report_paths(getattr(result.run, "report", None)):
        lines.append(f"report:     {path}")
    example = '"SELECT * FROM v_monthly_role_counts LIMIT 10"'
    lines.append(f"query it:   JOBTRENDS_DATA_DIR={result.data_dir} jobtrends query {example}")
    if summary.get("first_month"):
        lines.append(f"months:     {summary['first_month']} .. {summary['last_month']}")
    ai, ds = AI_ENGINEER, DATA_SCIENTIST
    lines += ["", f"{'source':<16}{'postings':>10}{ai:>13}{ds:>16}"]
    totals = [0, 0, 0]
    for row in summary["roles"]:
        lines.append(f"{row['source']:<16}{row['postings']:>10,}{row[ai]:>13,}{row[ds]:>16,}")
        totals = [totals[0] + row["postings"], totals[1] + row[ai], totals[2] + row[ds]]
    lines.append(f"{'all':<16}{totals[0]:>10,}{totals[1]:>13,}{totals[2]:>16,}")
    for role in COMPARED_ROLES:
        top = [s for s in summary["top_skills"] if s["role"] == role]
        listed = ", ".join(f"{s['skill']} {100 * s['share']:.0f}%" for s in top)
        lines.append(f"\ntop tools, {role}: {listed or '-'}")
    lines.append("")
    lines.append(
        "time: "
        + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.durations_s.items())
    )
    return "\n".join(lines)


def run_demo(
    settings: Settings, corpus: Path | None = None, postings: int = 24000, seed: int = 7
) -> DemoResult:
    """Replay a corpus (by default the generated demo corpus) through crawl -> process -> report."""
    started = time.monotonic()
    durations: dict[str, float] = {}
    from pipeline.flows.env import configure_prefect

    # Arguments are checked before the warm-up thread starts: a process that exits while that
    # thread is still importing Prefect's compiled modules can abort in interpreter shutdown.
    if corpus is not None:
        corpus = Path(corpus)
        if not corpus.is_dir():
            raise UserError(
                f"the corpus folder {corpus} does not exist; pass an existing corpus directory with --corpus"
            )
    elif postings < 1:
        raise UserError(
            f"--postings {postings} is not a corpus size; pass a positive number such as 24000"
        )
    configure_prefect(settings)
    # Prefect's local API server takes a while to start: let it start while the corpus is made.
    warm_up = threading.Thread(target=_start_prefect_api, name="prefect-api", daemon=True)
    warm_up.start()
    if corpus is not None:
        corpus_dir = corpus
    else:
        try:
            with stopping.stage("generate"):
                corpus_dir = ensure_generated_corpus(settings.data_dir, postings, seed)
        except Exception:
            warm_up.join()  # the same shutdown hazard: let the import finish before the error exits
            raise
        durations["generate"] = time.monotonic() - started
    data_dir = demo_data_dir(settings, corpus, postings, seed)
    data_dir.mkdir(parents=True, exist_ok=True)

    from jobtrends.replay import start_replay_server
    from pipeline.flows.common import run_flow
    from pipeline.flows.jobtrends import jobtrends_flow

    with start_replay_server(corpus_dir, port=0) as server:
        _say(f"replay: serving {corpus_dir} at {server.base_url}")
        cfg = demo_settings(settings, data_dir, replay_sources(corpus_dir, server.base_url))
        if not cfg.sources:
            warm_up.join()
            raise UserError(
                f"the corpus folder {corpus_dir} holds no known source folder; see the corpus layout in the README"
            )
        _say(
            f"run: crawl -> process -> report into {data_dir} (sources: {', '.join(s.key for s in cfg.sources)})"
        )
        report_since = _first_corpus_month(corpus_dir) or settings.report.since
        warm_up.join()
        run = run_flow(jobtrends_flow, cfg, report_since=report_since)
    result = DemoResult(
        data_dir=data_dir,
        corpus=corpus_dir,
        warehouse=cfg.warehouse_path,
        run=run,
        recorded=corpus is not None,
    )
    result.durations_s = {**durations, **run.durations_s, "total": time.monotonic() - started}
    summary = (
        warehouse_summary(cfg) if cfg.warehouse_path.exists() else {"roles": [], "top_skills": []}
    )
    print(format_summary(result, summary), flush=True)
    for key, missing in sorted(result.recording_gaps.items()):
        _say(
            f"note: {key}: the recording holds no answer for {missing} of the pages or details "
            "the spider asked for (trimmed at its origin); its boards are left incomplete"
        )
    if result.failed:
        from pipeline.flows.summary import run_summary

        _say(run_summary(run))
    return result


def _start_prefect_api() -> None:
    """Start (or reach) the Prefect API this process will use, and wait until it answers."""
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            client.api_healthcheck()
    except Exception:  # noqa: BLE001 - the flow run reports the real problem, with its message
        pass


def _first_corpus_month(corpus: Path) -> str | None:
    """The earliest month a corpus holds (HN months.json, else generated.json), for the report."""
    months: set[str] = set()
    try:
        months |= set(
            json.loads((corpus / "hn-algolia" / "months.json").read_text(encoding="utf-8"))
        )
    except (OSError, ValueError, TypeError):
        pass
    try:
        truth = json.loads((corpus / "generated.json").read_text(encoding="utf-8"))
        for by_month in (truth.get("sources") or {}).values():
            months |= set(by_month)
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    valid = sorted(m for m in months if isinstance(m, str) and len(m) == 7 and m[4] == "-")
    return valid[0] if valid else None
