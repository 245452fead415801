"""One-paragraph text summaries of what a crawl, process, report or whole run did."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.flows.crawl import CrawlResult
    from pipeline.flows.jobtrends import RunResult
    from pipeline.load import ProcessResult
    from reports.build import ReportResult

from jobtrends.run_errors import error_lines, errors_by_kind


def crawl_summary(result: CrawlResult | None) -> str:
    """Per source: complete or not, items seen and landed, errors with each kind's count and
    first message; then the failed sources."""
    if result is None:
        return "crawl: did not run"
    lines = ["crawl:"]
    for key, manifest in sorted(result.manifests.items()):
        errors = manifest.get("errors") or []
        state = "complete" if manifest.get("complete") else "INCOMPLETE"
        lines.append(
            f"  {key}: {state}, {manifest.get('items_seen', 0)} seen, {manifest.get('items_landed', 0)} landed, "
            f"{_count(len(errors), 'error')} ({result.durations_s.get(key, 0.0):.1f} s)"
        )
        by_kind = manifest.get("errors_by_kind") or errors_by_kind(errors)
        lines += [f"    {line}" for line in error_lines(by_kind)]
    for key, error in sorted(result.errors.items()):
        lines.append(f"  {key}: FAILED: {error.splitlines()[0] if error else ''}")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def process_summary(result: ProcessResult | None) -> str:
    """Files and postings in and loaded, skills, failures and the duration of a process run."""
    if result is None:
        return "process: did not run"
    lines = [
        f"process: {result.files_loaded}/{result.files_in} landing files, {result.postings_in} postings in, "
        f"{result.postings_loaded} loaded, {result.skills_loaded} skill mentions ({result.duration_s:.1f} s)"
    ]
    for failure in result.failures:
        lines.append(f"  FAILED {failure.get('path')}: {failure.get('error')}")
    if result.records_rejected:
        lines.append(
            f"  {_count(result.records_rejected, 'landing record')} rejected, not loaded "
            "(fix the crawler that wrote them; the rest of each file loaded):"
        )
        lines += [f"    {named}" for named in result.rejected]
        if result.records_rejected > len(result.rejected):
            lines.append(f"    … and {result.records_rejected - len(result.rejected)} more")
    lines += [f"  WARNING {warning}" for warning in result.warnings]
    return "\n".join(lines)


def report_paths(result: ReportResult | None) -> list[str]:
    """The files a report build wrote, as strings."""
    if result is None:
        return []
    return [str(p) for p in (result.html, result.pdf, result.index) if p is not None]


def report_summary(result: ReportResult | None) -> str:
    """The files a report build wrote."""
    if result is None:
        return "report: not written"
    return "report:\n" + "\n".join(f"  {p}" for p in report_paths(result))


def run_summary(result: RunResult) -> str:
    """The summaries of every stage of a whole run, their times and errors."""
    parts = [crawl_summary(result.crawl), process_summary(result.process)]
    if result.report is not None:
        parts.append(report_summary(result.report))
    for stage, error in sorted(result.errors.items()):
        parts.append(f"{stage}: FAILED: {error}")
    times = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.durations_s.items())
    parts.append(f"time: {times}")
    return "\n".join(parts)
