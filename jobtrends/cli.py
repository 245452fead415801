"""The `jobtrends` command line: one subcommand per stage, each a thin call into its package."""

from __future__ import annotations

import errno
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from jobtrends.config import Settings, load_settings
from jobtrends.errors import UserError

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


class _State:
    debug: bool = False
    config: Path | None = None


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
    return load_settings(config or _state.config)


@app.command()
def run(
    config: ConfigOption = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="HN: first thread month, YYYY-MM.")] = None,
    period: Annotated[
        str | None,
        typer.Option(help="Report period: 2026-05, 2026-Q2 or 2026 (default: last full month)."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Fan extraction out over a Dask LocalCluster of N workers.")
    ] = None,
) -> None:
    """Run the whole flow on the configured sources: crawl, process, report."""
    cfg = _flow_settings(config)
    from pipeline.flows.common import run_flow
    from pipeline.flows.jobtrends import jobtrends_flow
    from pipeline.flows.summary import run_summary

    result = run_flow(
        jobtrends_flow, cfg, sources=source, since=since, period=period, workers=workers
    )
    typer.echo(run_summary(result))
    _finish(result)


@app.command()
def crawl(
    config: ConfigOption = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Only these sources (repeatable).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="HN: first thread month, YYYY-MM.")] = None,
    until: Annotated[str | None, typer.Option(help="HN: last thread month, YYYY-MM.")] = None,
    latest: Annotated[
        bool, typer.Option(help="HN: only threads not already landed complete.")
    ] = False,
) -> None:
    """Crawl the configured sources into the landing zone, each spider in its own process."""
    cfg = _flow_settings(config)
    from pipeline.flows.common import run_flow
    from pipeline.flows.crawl import crawl_flow
    from pipeline.flows.summary import crawl_summary

    result = run_flow(crawl_flow, cfg, sources=source, since=since, until=until, latest=latest)
    typer.echo(crawl_summary(result))
    _finish(result)


@app.command()
def process(
    config: ConfigOption = None,
    reextract: Annotated[
        bool,
        typer.Option(
            help="Recompute roles and skills of postings whose rules or taxonomy version is stale."
        ),
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Fan extraction out over a Dask LocalCluster of N workers.")
    ] = None,
) -> None:
    """Classify, extract skills and load every landing file not yet in the warehouse."""
    cfg = _flow_settings(config)
    from pipeline.flows.common import run_flow
    from pipeline.flows.process import process_flow
    from pipeline.flows.summary import process_summary

    result = run_flow(process_flow, cfg, reextract=reextract, workers=workers)
    typer.echo(process_summary(result))
    _finish(result)


@app.command()
def report(
    config: ConfigOption = None,
    period: Annotated[
        str | None,
        typer.Option(
            help="2026-05, 2026-Q2 or 2026; `all` or 2016..2025 for the history report "
            "(default: last full month with data, and the history report beside it)."
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="First month shown in time series, YYYY-MM.")
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
    unknown = sorted(set(formats) - {"html", "pdf"})
    if unknown or not formats:
        raise UserError(f"--format {format!r} names no known output; use html, pdf or html,pdf")
    from pipeline.flows.common import run_flow
    from pipeline.flows.report import report_flow
    from pipeline.flows.summary import report_summary

    result = run_flow(report_flow, cfg, period=period, since=since, formats=formats, out_dir=out)
    typer.echo(report_summary(result))
    _finish(result)


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
    postings: Annotated[int, typer.Option(help="How many postings.")] = 24000,
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
    limit: Annotated[int, typer.Option(help="How many runs to show.")] = 10,
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
) -> None:
    """Run SQL against the warehouse (read-only unless --write) and print the result."""
    cfg = settings(config)
    from warehouse.query import run_query

    typer.echo(run_query(cfg, sql, fmt=format, write=write))


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
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: a free one).")] = 8765,
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


def _finish(result: Any) -> None:
    """Exit non-zero when a flow reports failures, so schedulers and shells see them."""
    failed = getattr(result, "failed", False)
    if failed:
        raise typer.Exit(1)


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
        return f"cannot write {where}: the disk is full; free some space or point JOBTRENDS_DATA_DIR at a disk with room"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"cannot write {where}: a file stands where a directory is needed; remove it or point JOBTRENDS_DATA_DIR elsewhere"
    return f"cannot write {where}: permission denied or read-only; make it writable or point JOBTRENDS_DATA_DIR at a writable directory"


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwound like Ctrl-C: running spiders are killed, open transactions rolled back."""


_TERMINATED = False


def _terminate(signum: int, frame: object) -> None:
    global _TERMINATED
    _TERMINATED = True
    raise Terminated


def main() -> None:
    """Entry point: user errors print one sentence and exit 2; tracebacks only with --debug."""
    debug = "--debug" in sys.argv or os.environ.get("JOBTRENDS_DEBUG") == "1"
    # Without this a `kill` would end the process at once, leaving its spider subprocesses running.
    signal.signal(signal.SIGTERM, _terminate)
    try:
        # typer turns Ctrl-C (and so SIGTERM) into the return value 130 instead of raising
        code = app(standalone_mode=False)
        if _TERMINATED:
            raise Terminated
        if code == 130:
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            raise SystemExit(code)
    except UserError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None)
        raise SystemExit(code if code is not None else getattr(exc, "code", 0)) from None
    except Terminated:
        typer.echo("terminated", err=True)
        raise SystemExit(143) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except OSError as exc:
        if debug or exc.errno not in _STORAGE_ERRORS:
            raise
        typer.echo(f"error: {_storage_message(exc)}", err=True)
        raise SystemExit(UserError.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - last resort: one line unless --debug
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            raise SystemExit(exc.exit_code) from None
        if debug:
            raise
        typer.echo(
            f"error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True
        )
        raise SystemExit(1) from None
