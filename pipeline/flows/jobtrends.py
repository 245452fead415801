"""The whole run: crawl -> process -> report, one run per data directory at a time."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.states import Failed

from jobtrends import locks, stopping
from jobtrends.config import Settings
from jobtrends.errors import UserError
from pipeline.flows.common import as_settings, run_flow
from pipeline.flows.crawl import CrawlResult, crawl_flow
from pipeline.flows.process import process_flow
from pipeline.flows.report import report_flow
from pipeline.load import ProcessResult


@dataclass
class RunResult:
    """What each stage of a whole run returned, the errors of failed stages, and durations."""

    crawl: CrawlResult | None = None
    process: ProcessResult | None = None
    # A reports.build.ReportResult: named only under TYPE_CHECKING it would leave the dataclass's
    # hints unresolvable at run time, and reports is imported only when a report is built.
    report: Any = None
    errors: dict[str, str] = field(default_factory=dict)
    durations_s: dict[str, float] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """True when any stage failed or a source's crawl was incomplete."""
        crawl_failed = self.crawl is not None and bool(self.crawl.failed)
        process_failed = self.process is not None and self.process.failed
        return bool(self.errors) or crawl_failed or process_failed


def run_lock_path(settings: Settings) -> Path:
    """The lock file that lets one whole run at a time work on a data directory."""
    return settings.data_dir / ".jobtrends-run.lock"


def run_lock(settings: Settings) -> contextlib.AbstractContextManager[None]:
    """Hold the data directory's run lock, waiting up to process.lock_timeout_s for it."""
    return locks.held(
        run_lock_path(settings),
        settings.process.lock_timeout_s,
        lambda pid: (
            f"another jobtrends run (pid {pid}) is working on {settings.data_dir}; "
            "wait for it to finish, then run again"
        ),
    )


def _stage(result: RunResult, name: str, flow_fn: Any, *args: Any, **kwargs: Any) -> Any:
    started = time.monotonic()
    try:
        return run_flow(flow_fn, *args, **kwargs)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - recorded; the run ends Failed
        # a stage that crashed because of SIGINT/SIGTERM ends the run, not just the stage
        stopping.check()
        result.errors[name] = f"{type(exc).__name__}: {exc}"
        return None
    finally:
        result.durations_s[name] = time.monotonic() - started


@flow(name="jobtrends", validate_parameters=False)
def jobtrends_flow(
    settings: Settings,
    sources: list[str] | None = None,
    since: str | None = None,
    period: str | None = None,
    until: str | None = None,
    latest: bool = False,
    report_since: str | None = None,
    workers: int | None = None,
) -> Any:
    """Crawl, process and report; processes what landed even when a source failed."""
    settings = as_settings(settings)
    result = RunResult()
    with run_lock(settings):
        result.crawl = _stage(
            result,
            "crawl",
            crawl_flow,
            settings,
            sources=sources,
            since=since,
            until=until,
            latest=latest,
        )
        result.process = _stage(result, "process", process_flow, settings, workers=workers)
        if "process" not in result.errors:
            result.report = _stage(
                result, "report", report_flow, settings, period=period, since=report_since
            )
    if result.failed:
        failed = sorted(result.errors) or [
            "crawl" if result.crawl and result.crawl.failed else "process"
        ]
        return Failed(message=f"jobtrends run failed in: {', '.join(failed)}", data=result)
    return result
