"""The `jobtrends` command line: one subcommand per stage, each a thin call into its package."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from jobtrends import stopping
from jobtrends.config import REPORT_FORMATS, Settings, load_settings
from jobtrends.errors import UserError, disk_full_cause, disk_full_sentence, is_disk_full_text

app = typer.Typer(
    name="jobtrends",
    help="Watch how AI engineer and data scientist postings diverge: crawl, process, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (default: $JOBTRENDS_CONFIG, else the shipped jobtrends.toml).",
    ),
]


SourcesOption = Annotated[
    list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable).")
]
SinceOption = Annotated[str | None, typer.Option(help="HN: first thread month, YYYY-MM.")]


# The same bounds as [process] workers in the config file; 0 used to hang the process flow.
WorkersOption = typer.Option(
    min=1, max=256, help="Transform in N workers (1-256) of the configured task runner."
)


class _State:
    debug: bool = False
    config: Path | None = None
    settings: Settings | None = None


_state = _State()


@app.callback()
def _main(
    config: ConfigOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    """jobtrends: crawl job postings, classify and extract skills, load DuckDB, write reports."""
    _state.debug = debug
    _state.config = config


def settings(config: Path | None = None) -> Settings:
    """The configuration chosen by --config (global or per command) or the environment."""
    _state.settings = load_settings(config or _state.config)
    return _state.settings


@app.command()
def run(
    config: ConfigOption = None,
    source: SourcesOption = None,
    since: SinceOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="Report period: 2026-05, 2026-Q2 or 2026 (default: the last full month with at least report.min_n role postings)."
        ),
    ] = None,
    workers: Annotated[int | None, WorkersOption] = None,
) -> None:
    """Run the whole flow on the configured sources: crawl, process, report."""
    cfg = _flow_settings(config)
    from pipeline.flows.jobtrends import jobtrends_flow
    from pipeline.flows.summary import run_summary

    _run_flow(
        jobtrends_flow,
        run_summary,
        cfg,
        sources=source,
        since=since,
        period=period,
        workers=workers,
    )


@app.command()
def crawl(
    config: ConfigOption = None,
    source: SourcesOption = None,
    since: SinceOption = None,
    until: Annotated[str | None, typer.Option(help="HN: last thread month, YYYY-MM.")] = None,
    latest: Annotated[
        bool, typer.Option(help="HN: only threads not already landed complete.")
    ] = False,
) -> None:
    """Crawl the configured sources into the landing zone, each spider in its own process."""
    cfg = _flow_settings(config)
    from pipeline.flows.crawl import crawl_flow
    from pipeline.flows.summary import crawl_summary

    _run_flow(
        crawl_flow, crawl_summary, cfg, sources=source, since=since, until=until, latest=latest
    )


@app.command()
def process(
    config: ConfigOption = None,
    reextract: Annotated[
        bool,
        typer.Option(
            help="Recompute roles and skills of postings whose rules or taxonomy version is stale."
        ),
    ] = False,
    workers: Annotated[int | None, WorkersOption] = None,
) -> None:
    """Classify, extract skills and load every landing file not yet in the warehouse."""
    cfg = _flow_settings(config)
    from pipeline.flows.process import process_flow
    from pipeline.flows.summary import process_summary

    _run_flow(process_flow, process_summary, cfg, reextract=reextract, workers=workers)


@app.command()
def report(
    config: ConfigOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="2026-05, 2026-Q2 or 2026; `all` or 2016..2025 for the history report "
            "(default: the last full month with at least report.min_n role postings, and the "
            "history report beside it)."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="First month shown in time series, YYYY-MM; with --period all or 2016..2025, "
            "the history's first month counted (its own folder, e.g. history-from-2019-06)."
        ),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", help="Comma-separated: html,pdf.")
    ] = "html,pdf",
    out: Annotated[
        Path | None, typer.Option(help="Output directory (default: <data_dir>/reports).")
    ] = None,
) -> None:
    """Build the HTML and PDF report for a period, or the history report, from the warehouse."""
    cfg = _flow_settings(config)
    formats = [f.strip() for f in format.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(REPORT_FORMATS))
    if unknown or not formats:
        raise UserError(f"--format {format!r} names no known output; use html, pdf or html,pdf")
    from pipeline.flows.report import report_flow
    from pipeline.flows.summary import report_summary

    _run_flow(
        report_flow, report_summary, cfg, period=period, since=since, formats=formats, out_dir=out
    )


@app.command()
def demo(
    config: ConfigOption = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Replay this corpus instead of the generated demo corpus.")
    ] = None,
    postings: Annotated[int, typer.Option(help="Size of the generated demo corpus.")] = 24000,
    seed: Annotated[int, typer.Option(help="Seed of the generated demo corpus.")] = 7,
) -> None:
    """Run the whole pipeline offline on a corpus through a local replay server."""
    cfg = settings(config)
    from jobtrends.demo import run_demo

    _finish(run_demo(cfg, corpus=corpus, postings=postings, seed=seed))


@app.command()
def generate(
    out: Annotated[Path, typer.Option(help="Directory to write the corpus to.")],
    postings: Annotated[int, typer.Option(min=1, help="How many postings.")] = 24000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
) -> None:
    """Write a seeded synthetic corpus in the replay layout (every posting marked synthetic)."""
    from jobtrends.generate import generate_corpus

    summary = generate_corpus(out, postings=postings, seed=seed)
    typer.echo(f"wrote {summary.postings} postings to {out}")


@app.command()
def serve(config: ConfigOption = None) -> None:
    """Register the scheduled deployments with the Prefect server and serve them."""
    cfg = _flow_settings(config)
    from pipeline.flows.deploy import serve_deployments

    serve_deployments(cfg)


@app.command()
def status(
    config: ConfigOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many runs to show.")] = 10,
) -> None:
    """Show the last crawl and process runs, their states and counts."""
    cfg = settings(config)
    from pipeline.flows.status import status_text

    typer.echo(status_text(cfg, limit=limit))


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the warehouse.")],
    config: ConfigOption = None,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    write: Annotated[bool, typer.Option(help="Open the warehouse for writing.")] = False,
    raw: Annotated[
        bool,
        typer.Option(
            help="CSV: write cells as stored, also those a spreadsheet would run as a formula "
            "(by default they get a leading ' )."
        ),
    ] = False,
) -> None:
    """Run SQL against the warehouse (read-only unless --write) and print the result."""
    cfg = settings(config)
    from warehouse.query import run_query

    typer.echo(run_query(cfg, sql, fmt=format, write=write, raw=raw))


@app.command()
def export(
    out: Annotated[Path, typer.Option(help="Directory to write to.")],
    config: ConfigOption = None,
    format: Annotated[str, typer.Option("--format", help="parquet.")] = "parquet",
) -> None:
    """Export the views and tables, partitioned by month, for any engine to read."""
    cfg = settings(config)
    from warehouse.export import export_warehouse

    written = export_warehouse(cfg, out, fmt=format)
    typer.echo(f"wrote {len(written)} datasets to {out}")


@app.command()
def annotate(
    input: Annotated[
        str, typer.Option("--input", "-i", help="JSONL file of {id, title?, text}, or - for stdin.")
    ] = "-",
    output: Annotated[
        str, typer.Option("--output", "-o", help="JSONL file to write, or - for stdout.")
    ] = "-",
) -> None:
    """Classify titles and extract skills from JSONL records with exactly the pipeline's code."""
    from pipeline.annotate import annotate_file

    annotate_file(input, output)


@app.command("replay-server")
def replay_server(
    corpus: Annotated[Path, typer.Argument(help="Corpus directory (one folder per source).")],
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port on 127.0.0.1 (0: a free one).")
    ] = 8765,
) -> None:
    """Serve a recorded or generated corpus on 127.0.0.1 the way the live APIs answer."""
    from jobtrends.replay import serve_forever

    serve_forever(corpus, port=port)


def _flow_settings(config: Path | None) -> Settings:
    """The settings, with Prefect pointed at the data directory before it is imported."""
    cfg = settings(config)
    from pipeline.flows.env import configure_prefect

    configure_prefect(cfg, debug=_state.debug or None)
    return cfg


def _run_flow(
    flow: Callable[..., Any], summary: Callable[[Any], str], cfg: Settings, **params: Any
) -> None:
    """Run a stage's flow, print its summary and exit the way its result says."""
    from pipeline.flows.common import run_flow

    result = run_flow(flow, cfg, **params)
    typer.echo(summary(result))
    _finish(result)


def _finish(result: Any) -> None:
    """Exit non-zero when a flow reports failures, so schedulers and shells see them.

    Failures that a full disk caused end in the disk-full sentence (exit 2) instead.
    """
    failed = getattr(result, "failed", False)
    if failed:
        if any(is_disk_full_text(text) for text in _failure_texts(result)) or _disk_nearly_full():
            raise UserError(disk_full_sentence(_data_dir(), _free_bytes()))
        raise typer.Exit(1)


def _failure_texts(result: Any, depth: int = 0) -> list[str]:
    """Every error message a flow result (or a whole run's stage results) carries."""
    if result is None or depth > 2:
        return []
    texts = [str(f.get("error", "")) for f in getattr(result, "failures", None) or []]
    errors = getattr(result, "errors", None)
    if isinstance(errors, dict):
        texts += [str(e) for e in errors.values()]
    for stage in ("crawl", "process", "report"):
        texts += _failure_texts(getattr(result, stage, None), depth + 1)
    return texts


# An unexplained failure while the data directory's disk has less than this free is blamed on
# the full disk: Prefect's server then fails with HTTP 500 and DuckDB with assorted errors.
NEARLY_FULL_BYTES = 2 * 1024 * 1024


def _data_dir() -> Path:
    return (_state.settings.data_dir if _state.settings else Path("data")).resolve()


def _free_bytes() -> int | None:
    try:
        return shutil.disk_usage(_data_dir()).free
    except OSError:
        return None


def _disk_nearly_full() -> bool:
    free = _free_bytes()
    return free is not None and free < NEARLY_FULL_BYTES


_STORAGE_ERRORS = {
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOTDIR,
    errno.EEXIST,
}


def _storage_message(exc: OSError) -> str:
    """One sentence for a data directory that cannot be written."""
    where = exc.filename or "the data directory"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_sentence(Path(where), _free_bytes())
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"cannot write {where}: a file stands where a directory is needed; remove it or point JOBTRENDS_DATA_DIR elsewhere"
    return f"cannot write {where}: permission denied or read-only; make it writable or point JOBTRENDS_DATA_DIR at a writable directory"


def _user_error_for(exc: BaseException) -> UserError | None:
    """The one sentence for an error a user can fix that reached the command boundary raw."""
    full = disk_full_cause(exc)
    if full is not None:
        where = getattr(full, "filename", None)
        return UserError(disk_full_sentence(Path(where) if where else _data_dir(), _free_bytes()))
    if isinstance(exc, OSError) and exc.errno in _STORAGE_ERRORS:
        return UserError(_storage_message(exc))
    if type(exc).__module__.startswith(("duckdb", "_duckdb")):
        from warehouse.db import damaged, is_damaged

        if is_damaged(exc):
            settings = _state.settings or load_settings(None)
            return damaged(settings.warehouse_path)
    if _disk_nearly_full():
        return UserError(disk_full_sentence(_data_dir(), _free_bytes()))
    return None


def _usage_sentence(exc: Any) -> str:
    """A usage error as one line: click's own words and where to read the usage."""
    words = [c.info_name for c in _contexts(getattr(exc, "ctx", None))[1:] if c.info_name]
    command = " ".join(["jobtrends", *words])
    message = exc.format_message().rstrip(".")
    return f"{message}; see `{command} --help`"


def _contexts(ctx: Any) -> list[Any]:
    chain = []
    while ctx is not None:
        chain.append(ctx)
        ctx = ctx.parent
    return list(reversed(chain))


def _exit_code(exc: BaseException, debug: bool) -> int:
    """Print one line for an error that ended a command and return its exit status."""
    from typer._click.exceptions import ClickException, UsageError

    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    if isinstance(exc, KeyboardInterrupt):
        typer.echo("interrupted", err=True)
        return 130
    if isinstance(exc, UsageError):
        typer.echo(f"error: {_usage_sentence(exc)}", err=True)
        return UserError.exit_code
    if isinstance(exc, ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, UserError):
        if debug:
            raise exc
        typer.echo(f"error: {exc}", err=True)
        return exc.exit_code
    found = _user_error_for(exc)
    if debug or not isinstance(exc, Exception):
        raise exc
    if found is not None:
        typer.echo(f"error: {found}", err=True)
        return found.exit_code
    typer.echo(f"error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
    return 1


def main() -> None:
    """Entry point: user errors print one sentence and exit 2; tracebacks only with --debug.

    SIGINT and SIGTERM, to this process or its group, end the command within 5 s with one line
    saying what was kept and exit 130 or 143 (see jobtrends.stopping).
    """
    debug = "--debug" in sys.argv or os.environ.get("JOBTRENDS_DEBUG") == "1"
    stopping.install()
    try:
        code = app(standalone_mode=False)
    except BaseException as exc:  # noqa: BLE001 - the command boundary: one line per outcome
        if stopping.requested() is not None:
            stopping.finish()
        raise SystemExit(_exit_code(exc, debug)) from None
    if stopping.requested() is not None:
        stopping.finish()
    if code == 130:
        # typer hands a KeyboardInterrupt back as 130; one not from a signal ends the same way
        typer.echo("interrupted", err=True)
        raise SystemExit(130)
    if isinstance(code, int) and code:
        raise SystemExit(code)
