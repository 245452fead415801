"""The report flow: HTML and PDF for a period from the warehouse, and the index of all reports."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from prefect import flow, task

from jobtrends.config import Settings
from pipeline.flows.common import as_settings


@task(name="build-report")
def build_report_task(
    settings: Settings,
    period: str | None,
    since: str | None,
    formats: Sequence[str],
    out_dir: Path | None,
    history: bool = False,
) -> Any:
    """Build one period's report, and the history report beside it when asked (reads the
    warehouse read-only, writes files)."""
    from reports.build import build_report

    return build_report(
        settings,
        period=period,
        since=since,
        formats=tuple(formats),
        out_dir=out_dir,
        history=history,
    )


@flow(name="report", validate_parameters=False)
def report_flow(
    settings: Settings,
    period: str | None = None,
    since: str | None = None,
    formats: Sequence[str] | None = None,
    out_dir: Path | None = None,
    history: bool | None = None,
) -> Any:
    """Write the report of `period` (default: the last full month with enough role postings) and the index.

    Without a period (runs, the demo and the schedule) the history report of the whole series,
    never cut by `since`, is written beside it, unless `history` is False.
    """
    settings = as_settings(settings)
    started = time.monotonic()
    chosen = list(formats) if formats else list(settings.report.formats)
    print(f"report: building {period or 'the last full month'}", file=sys.stderr, flush=True)
    with_history = period is None if history is None else history
    result = build_report_task(settings, period, since, chosen, out_dir, with_history)
    try:
        result.duration_s = time.monotonic() - started  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return result
