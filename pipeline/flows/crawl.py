"""The crawl flow: every configured source's spider in its own subprocess, as a retried task.

Scrapy's reactor cannot restart within one process, so each spider runs as
`python -m crawlers.run --config <effective settings> --source KEY` and leaves its landing file
and manifest under `<data_dir>/landing/<source>/`. One failing source does not stop the others;
the flow ends Failed when any source failed or landed an incomplete run.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from jobtrends import children, stopping
from jobtrends.config import DATA_DIR_ENV, Settings
from jobtrends.errors import UserError
from jobtrends.landing import Manifest, new_run_id, read_manifest, run_files
from pipeline.flows.common import as_settings, write_settings_file

# Spiders of different hosts may run side by side; each is polite per domain on its own.
MAX_PARALLEL_SPIDERS = 3
STDERR_TAIL = 2000


class SpiderFailed(RuntimeError):
    """A spider subprocess that exited non-zero or left no manifest."""

    def __init__(self, message: str, returncode: int) -> None:
        super().__init__(message)
        self.returncode = returncode


def _worth_retrying(task: Any, task_run: Any, state: Any) -> bool:
    """Retry network trouble, not a configuration the spider refused (exit status 2) or a stop."""
    if stopping.requested() is not None:
        return False
    error = state.result(raise_on_failure=False)
    return not (isinstance(error, SpiderFailed) and error.returncode == UserError.exit_code)


@dataclass
class CrawlResult:
    """Per-source manifests of one crawl, the sources that failed and why, and durations."""

    manifests: dict[str, Manifest] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    durations_s: dict[str, float] = field(default_factory=dict)
    duration_s: float = 0.0

    @property
    def failed(self) -> list[str]:
        """Sources whose spider failed for good or whose run is incomplete."""
        broken = set(self.errors)
        broken |= {key for key, m in self.manifests.items() if not m.get("complete", False)}
        return sorted(broken)

    @property
    def items_landed(self) -> int:
        """Postings landed by every source together."""
        return sum(int(m.get("items_landed") or 0) for m in self.manifests.values())


def spider_command(
    config_path: Path,
    source_key: str,
    run_id: str,
    since: str | None = None,
    until: str | None = None,
    latest: bool = False,
) -> list[str]:
    """The command line that runs one spider in its own Python process (watching its parent)."""
    arguments = ["--config", str(config_path), "--source", source_key, "--run-id", run_id]
    if since:
        arguments += ["--since", since]
    if until:
        arguments += ["--until", until]
    if latest:
        arguments.append("--latest")
    return children.module_command("crawlers.run", arguments)


def run_spider_process(
    settings: Settings,
    config_path: Path,
    source_key: str,
    *,
    since: str | None = None,
    until: str | None = None,
    latest: bool = False,
    timeout_s: float | None = None,
) -> Manifest:
    """Run one spider in a subprocess and return the manifest it wrote."""
    run_id = new_run_id()
    env = {**os.environ, DATA_DIR_ENV: str(Path(settings.data_dir).resolve())}
    # Its own session: a Ctrl-C to the terminal reaches jobtrends, which stops the spider first.
    done = children.run(
        spider_command(config_path, source_key, run_id, since, until, latest),
        name=f"spider {source_key}",
        env=env,
        timeout_s=timeout_s,
    )
    manifest = read_manifest(run_files(settings.landing_dir, source_key, run_id).manifest)
    if done.returncode != 0 or manifest is None:
        tail = (done.stderr or done.stdout or "").strip()[-STDERR_TAIL:]
        raise SpiderFailed(
            f"spider {source_key!r} exited with status {done.returncode}: {tail}", done.returncode
        )
    return manifest


@task(
    name="crawl-source",
    retries=2,
    retry_delay_seconds=[5, 30],
    retry_condition_fn=_worth_retrying,
    task_run_name="crawl-{source_key}",
)
def crawl_source(
    settings: Settings,
    config_path: Path,
    source_key: str,
    since: str | None,
    until: str | None,
    latest: bool,
) -> Manifest:
    """Crawl one source in its own process (network I/O: retried)."""
    return run_spider_process(
        settings, config_path, source_key, since=since, until=until, latest=latest
    )


# A rate over less than a second of whole-second manifest times says nothing: leave it out.
RATE_MIN_SECONDS = 1.0


def _manifest_seconds(manifest: Manifest | None) -> float | None:
    """How long a spider ran by its manifest's start and finish times."""
    try:
        started = datetime.fromisoformat(str(manifest["started_at"]).replace("Z", "+00:00"))  # type: ignore[index]
        finished = datetime.fromisoformat(str(manifest["finished_at"]).replace("Z", "+00:00"))  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return None
    return max(0.0, (finished - started).total_seconds())


def source_seconds(manifest: Manifest | None, waited: float) -> float:
    """How long a source ran: by its manifest's times, else the time its result was waited for."""
    seconds = _manifest_seconds(manifest)
    # A manifest's times are whole seconds: 0.0 is a fast source, not a missing time.
    return waited if seconds is None else seconds


def crawl_progress_line(done: int, total: int, key: str, result: CrawlResult) -> str:
    """The progress line of one finished source: postings seen, their rate and the time taken."""
    seconds = result.durations_s.get(key, 0.0)
    if key in result.manifests:
        landed = int(result.manifests[key].get("items_seen") or 0)
        rate = f" ({landed / seconds:,.0f}/s)" if seconds >= RATE_MIN_SECONDS else ""
        what = f"{landed:,} posting{'' if landed == 1 else 's'} seen{rate}"
    else:
        what = "FAILED"
    return f"crawl: {done}/{total} sources ({key}: {what}, {seconds:.1f} s)"


def _report_progress(done: int, total: int, key: str, result: CrawlResult) -> None:
    print(crawl_progress_line(done, total, key, result), file=sys.stderr, flush=True)


def contact_notice(settings: Settings, keys: list[str]) -> str | None:
    """The note a live crawl gives when no contact is configured; None for replays and tests."""
    if settings.politeness.contact is not None:
        return None
    if all(settings.source(key).is_local for key in keys):
        return None
    return (
        f"note: no contact is set, so the sites crawled see only "
        f"'{settings.politeness.user_agent_header}' and cannot reach you; set contact (a URL or "
        "an e-mail address) under [politeness] in the config"
    )


def selected_sources(settings: Settings, sources: list[str] | None) -> list[str]:
    """The keys of the enabled sources to crawl, or of the named ones (which must exist)."""
    if sources:
        return [settings.source(key).key for key in sources]
    return [s.key for s in settings.sources if s.enabled]


@flow(
    name="crawl",
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=MAX_PARALLEL_SPIDERS),  # type: ignore[arg-type]
)
def crawl_flow(
    settings: Settings,
    sources: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    latest: bool = False,
) -> Any:
    """Crawl the configured (or named) sources into the landing zone; Failed when any failed."""
    settings = as_settings(settings)
    started = time.monotonic()
    keys = selected_sources(settings, sources)
    if not keys:
        raise UserError(
            "no sources are enabled in the config; add a [[sources]] entry or pass --source"
        )
    notice = contact_notice(settings, keys)
    if notice is not None:
        print(notice, file=sys.stderr, flush=True)
    config_path = write_settings_file(settings, settings.data_dir / "runs")
    print(f"crawl: starting {len(keys)} sources ({', '.join(keys)})", file=sys.stderr, flush=True)
    result = CrawlResult()
    try:
        futures = {
            key: (
                time.monotonic(),
                crawl_source.submit(settings, config_path, key, since, until, latest),
            )
            for key in keys
        }
        for done, (key, (submitted, future)) in enumerate(futures.items(), start=1):
            try:
                result.manifests[key] = future.result()
            except Exception as exc:  # noqa: BLE001 - one source's failure must not fail the others
                result.errors[key] = f"{type(exc).__name__}: {exc}"
            result.durations_s[key] = source_seconds(
                result.manifests.get(key), time.monotonic() - submitted
            )
            _report_progress(done, len(futures), key, result)
    finally:
        config_path.unlink(missing_ok=True)
    result.duration_s = time.monotonic() - started
    if result.failed:
        return Failed(
            message=f"crawl failed or incomplete for: {', '.join(result.failed)}", data=result
        )
    return result
