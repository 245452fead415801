"""Build a period's report: model -> charts -> HTML -> PDF from the same HTML, and the index."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import math
import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import vl_convert as vlc
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from jobtrends.config import Settings
from jobtrends.errors import UserError
from jobtrends.vocabulary import AI_ENGINEER, COMPARED_ROLES, DATA_SCIENTIST, ROLE_LABELS
from reports import formatting
from reports.charts import Chart
from reports.claims import SIMILAR_MARGIN
from reports.divergence_periods import FULL_YEAR_MONTHS
from reports.history import HistoryModel, Span, build_history, parse_span, span_of_folder
from reports.history_charts import build_history_charts
from reports.model import ReportModel, build_model
from reports.period import parse_month, parse_period
from reports.quarter_periods import FULL_QUARTER_MONTHS
from reports.report_charts import build_charts

FORMATS = ("html", "pdf")
SUMMARY = "report.json"
PANGO_FIX = (
    "PDF output needs the Pango library ({detail}): install it with "
    "`apt-get install libpango-1.0-0 libpangoft2-1.0-0` or pass --format html"
)

# Renders each chart from its inline spec; a chart that fails keeps its static SVG.
INIT_JS = """(function () {
  document.querySelectorAll("div.vega[data-spec]").forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
    var figure = el.parentNode;
    vegaEmbed(el, spec, {actions: false, renderer: "svg", ast: true}).then(function () {
      figure.classList.add("live");
    }).catch(function (err) {
      console.error("chart " + el.id + " could not be drawn: " + err);
    });
  });
})();"""


@dataclass
class ReportResult:
    """What build_report wrote and how long each stage took."""

    period: str
    html: Path | None
    pdf: Path | None
    index: Path
    pdf_pages: int | None = None
    charts: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    summary: Path | None = None
    history: ReportResult | None = None

    @property
    def paths(self) -> list[Path]:
        """Every file written: this report's, the history report's beside it, and the index."""
        own = [p for p in (self.html, self.pdf, self.summary) if p is not None]
        extra = [p for p in (self.history.paths if self.history else []) if p != self.index]
        return [*own, *extra, self.index]


@cache
def vega_bundle(cache_dir: Path | None = None) -> str:
    """Vega, Vega-Lite and vega-embed as one script, for inlining (kept in cache_dir: slow to make)."""
    version = getattr(vlc, "__version__", "unknown")
    cached = cache_dir / f"vega-bundle-{version}.js" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    bundle = vlc.javascript_bundle()  # type: ignore[call-arg]  # the stub omits the default
    if cached is not None:
        try:
            _write_atomic(cached, bundle)
        except UserError:
            pass  # an unwritable cache only costs time
    return bundle


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(
            ["html", "j2", "html.j2"], default_for_string=True, default=True
        ),
        trim_blocks=False,
    )
    formatting.install(env)
    return env


def json_for_script(value: Any) -> Markup:
    """JSON safe to place inside a <script> element: <, > and & are escaped as \\u sequences."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(scripts: Sequence[str]) -> str:
    """A policy that forbids every remote load and runs only the report's own inline scripts."""
    hashes = " ".join(_script_hash(s) for s in scripts) or "'none'"
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_html(
    model: ReportModel | HistoryModel,
    charts: dict[str, Chart],
    interactive: bool = True,
    cache_dir: Path | None = None,
) -> str:
    """The report as one self-contained HTML page (scripts, styles and charts inlined).

    With interactive=False the same page comes without scripts and without the table alternatives
    of the charts (the static SVG and its alt text stay): that is the page the PDF is printed from.
    """
    vega_js = vega_bundle(cache_dir) if interactive and charts else ""
    init_js = INIT_JS if interactive and charts else ""
    scripts = [s for s in (vega_js, init_js) if s]
    context: dict[str, Any] = {
        "model": model,
        "charts": charts,
        "roles": COMPARED_ROLES,
        "role_labels": ROLE_LABELS,
        "spec_json": {key: json_for_script(c.spec) for key, c in charts.items()}
        if interactive
        else {},
        "vega_js": Markup(vega_js),
        "init_js": Markup(init_js),
        "csp": Markup(content_security_policy(scripts)),
        "interactive": interactive,
        "full_year_months": FULL_YEAR_MONTHS,
        "full_quarter_months": FULL_QUARTER_MONTHS,
    }
    if isinstance(model, HistoryModel):
        return _environment().get_template("history.html.j2").render(**context)
    volume_by_month: dict[date, list[dict[str, Any]]] = {}
    for row in model.volume:
        volume_by_month.setdefault(row["month"], []).append(row)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            **context,
            volume_by_month=[
                (month, sorted(rows, key=lambda r: COMPARED_ROLES.index(r["role"])))
                for month, rows in sorted(volume_by_month.items())
                if any(r["n"] is not None for r in rows)
            ],
            similar_margin=SIMILAR_MARGIN,
        )
    )


def _weasyprint() -> Any:
    try:
        import weasyprint
    except OSError as exc:
        raise UserError(PANGO_FIX.format(detail=str(exc).splitlines()[0][:120])) from None
    return weasyprint


def render_pdf(html: str, path: Path) -> int:
    """Render the report HTML to a PDF at `path` with WeasyPrint; return the number of pages."""
    weasyprint = _weasyprint()
    try:
        document = weasyprint.HTML(string=html).render()
    except OSError as exc:
        raise UserError(PANGO_FIX.format(detail=str(exc).splitlines()[0][:120])) from None
    _write_atomic(path, document.write_pdf())
    return len(document.pages)


def _write_atomic(path: Path, content: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        data = content.encode("utf-8") if isinstance(content, str) else content
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(
            f"cannot write the report file {path} ({exc.strerror}); choose a writable --out directory"
        ) from None


def _check_formats(formats: Sequence[str]) -> list[str]:
    chosen = [f.strip().lower() for f in formats if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UserError(
            f"the report format {', '.join(unknown) or '(none)'} is not known; pass --format html, pdf or html,pdf"
        )
    return chosen


def _render(
    folder: Path,
    model: ReportModel | HistoryModel,
    charts: dict[str, Chart],
    chosen_formats: list[str],
    settings: Settings,
    timings: dict[str, float],
) -> tuple[Path | None, Path | None, int | None]:
    started = time.perf_counter()
    html = render_html(model, charts, cache_dir=settings.cache_dir)
    html_path = pdf_path = None
    if "html" in chosen_formats:
        html_path = folder / "report.html"
        _write_atomic(html_path, html)
    timings["html"] = time.perf_counter() - started
    pages = None
    if "pdf" in chosen_formats:
        started = time.perf_counter()
        pdf_path = folder / "report.pdf"
        pages = render_pdf(render_html(model, charts, interactive=False), pdf_path)
        timings["pdf"] = time.perf_counter() - started
    return html_path, pdf_path, pages


def build_history_report(
    settings: Settings,
    span: Span,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
    write_index_file: bool = True,
    since: date | None = None,
) -> ReportResult:
    """Write reports/history[-FIRST-LAST][-from-YYYY-MM]/report.html, report.pdf and report.json,
    and the index; with `since` only the months from it on are counted, in a folder of its own."""
    from warehouse.db import connect

    chosen_formats = _check_formats(formats)
    out = Path(out_dir) if out_dir is not None else settings.reports_dir
    timings: dict[str, float] = {}
    started = time.perf_counter()
    con = connect(settings, read_only=True)
    try:
        model = build_history(
            con,
            span,
            min_n=settings.report.min_n,
            since=since,
            samples=settings.report.bootstrap_samples,
        )
    finally:
        con.close()
    timings["model"] = time.perf_counter() - started
    started = time.perf_counter()
    charts = build_history_charts(model)
    timings["charts"] = time.perf_counter() - started
    folder = out / model.folder
    html_path, pdf_path, pages = _render(folder, model, charts, chosen_formats, settings, timings)
    summary_path = folder / SUMMARY
    _write_atomic(summary_path, json.dumps(history_json(model), indent=2, allow_nan=False))
    index = write_index(out) if write_index_file else out / "index.html"
    return ReportResult(
        model.label, html_path, pdf_path, index, pages, list(charts), timings, summary_path
    )


def build_report(
    settings: Settings,
    period: str | None = None,
    since: str | None = None,
    formats: Sequence[str] = FORMATS,
    out_dir: Path | None = None,
    today: date | None = None,
    history: bool = False,
) -> ReportResult:
    """Write reports/<period>/report.html, report.pdf and report.json from the warehouse, and the
    index; `--period all` or `2016..2025` writes the history report (from `since` when given);
    with `history` the history report of the whole series, never cut by `since`, is written
    beside the period's."""
    from warehouse.db import connect

    chosen_formats = _check_formats(formats)
    if period is not None:
        span = parse_span(period)
        if span is not None:
            # an asked-for history counts from --since when it is given: by default the whole series
            history_since = parse_month(since) if since else None
            return build_history_report(
                settings, span, chosen_formats, out_dir, since=history_since
            )
        parse_period(period)
    since_month = parse_month(since or settings.report.since)
    out = Path(out_dir) if out_dir is not None else settings.reports_dir
    timings: dict[str, float] = {}

    started = time.perf_counter()
    con = connect(settings, read_only=True)
    try:
        model = build_model(
            con,
            period=period,
            since=since_month,
            min_n=settings.report.min_n,
            today=today,
            bootstrap_samples=settings.report.bootstrap_samples,
            claims_min_n=settings.report.claims_min_n,
        )
    finally:
        con.close()
    timings["model"] = time.perf_counter() - started

    started = time.perf_counter()
    charts = build_charts(model)
    timings["charts"] = time.perf_counter() - started

    folder = out / model.period.label
    html_path, pdf_path, pages = _render(folder, model, charts, chosen_formats, settings, timings)
    summary_path = folder / SUMMARY
    _write_atomic(summary_path, json.dumps(report_json(model), indent=2, allow_nan=False))
    history_result = None
    if history:
        history_result = build_history_report(
            settings,
            Span(None, None),
            chosen_formats,
            out,
            write_index_file=False,
        )
        for stage, seconds in history_result.timings.items():
            timings[f"history_{stage}"] = seconds
    index = write_index(out)
    if history_result is not None:
        history_result.index = index
    return ReportResult(
        model.period.label,
        html_path,
        pdf_path,
        index,
        pages,
        list(charts),
        timings,
        summary_path,
        history_result,
    )


def plain(value: Any) -> Any:
    """A model value as JSON: dataclasses and dicts recursively, dates as ISO text, NaN as null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in ("enough", "title", "label", "months"):
            if hasattr(type(value), name) and isinstance(getattr(type(value), name), property):
                out[name] = plain(getattr(value, name))
        return out
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [plain(v) for v in items]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)


def report_json(model: ReportModel) -> dict[str, Any]:
    """report.json of a period's report: the index facts, then every number the report shows."""
    volumes = {v.role: v for v in model.headline.volumes}
    return plain(
        {
            **summary(model),
            "schema": 2,
            "min_n": model.min_n,
            "windows": {
                "period": {"start": model.period.start, "end": model.period.end},
                "skills": plain(model.basis),
                "claims": plain(model.claims_basis),
            },
            "notes": model.notes,
            "headline": {
                "volumes": [
                    {
                        **plain(volumes[role]),
                        "change_previous": volumes[role].change_previous,
                        "change_year": volumes[role].change_year,
                    }
                    for role in COMPARED_ROLES
                ],
                "divergences": plain(model.headline.divergences),
                "jsd": plain(model.basis_divergence),
            },
            "postings": {
                "volume": plain(model.volume),
                "titles": plain(model.titles),
                "seniority": plain(model.seniority),
                "remote": plain(model.remote),
                "salary": plain(model.salary),
                "companies": plain(model.companies),
            },
            "skills": {
                "top_tools": plain(model.top_skills),
                "other_skills": plain(model.other_skills),
                "shared_tools": plain(model.shared_skills),
                "series_kind": model.series_kind,
                "series": plain(model.skill_series),
            },
            "divergence": {"kind": model.divergence_kind, "rows": plain(model.divergence)},
            "distinctive": {
                "lists": plain(model.distinctive),
                "changes": plain(model.distinctive_changes),
            },
            "trends": {
                "periods": plain(model.trend_periods),
                "n": plain(model.trend_n),
                "rows": plain(model.trends),
            },
            "claims": plain(model.claims),
            "sources": plain(model.sources),
            "accuracy": plain(model.accuracy),
            "data": plain(model.facts),
        }
    )


def history_json(model: HistoryModel) -> dict[str, Any]:
    """report.json of the history report: every number it shows."""
    return plain(
        {
            "period": model.label,
            "kind": "history",
            "title": model.title,
            "n_ai": sum(r["roles"]["ai_engineer"]["k"] for r in model.source_years),
            "n_ds": sum(r["roles"]["data_scientist"]["k"] for r in model.source_years),
            "synthetic": model.synthetic,
            "generated_at": model.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
            "schema": 2,
            "min_n": model.min_n,
            "first_year": model.first_year,
            "last_year": model.last_year,
            "since": model.since,
            "notes": model.notes,
            "headline": {
                "sentences": model.sentences,
                "endpoints": plain(model.endpoints),
                "jsd_endpoints": plain(model.jsd_endpoints),
                "jsd_employer_endpoints": plain(model.jsd_employer_endpoints),
            },
            "source_years": plain(model.source_years),
            "divergence": plain(model.divergence),
            "tools": {
                "years": plain(model.tool_years),
                "movers": plain(model.movers),
                "other_movers": plain(model.other_movers),
                "held_back": plain(model.held_back),
                "series": plain(model.tool_series),
            },
            "sources": {"window": model.sources_window, "groups": plain(model.sources)},
            "accuracy": plain(model.accuracy),
            "data": plain(model.facts),
        }
    )


def summary(model: ReportModel) -> dict[str, Any]:
    """The few facts the index shows about a period's report."""
    volumes = {v.role: v.n for v in model.headline.volumes}
    return {
        "period": model.period.label,
        "kind": model.period.kind,
        "title": model.period.title,
        "n_ai": volumes.get(AI_ENGINEER, 0),
        "n_ds": volumes.get(DATA_SCIENTIST, 0),
        "synthetic": model.synthetic,
        "generated_at": model.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
    }


def write_index(out_dir: Path) -> Path:
    """Write <out_dir>/index.html listing every report found there, the history reports first."""
    out_dir = Path(out_dir)
    entries = []
    for folder in sorted(p for p in out_dir.iterdir() if p.is_dir()) if out_dir.is_dir() else []:
        html_file, pdf_file = folder / "report.html", folder / "report.pdf"
        if not html_file.exists() and not pdf_file.exists():
            continue
        facts: dict[str, Any] = {}
        try:
            facts = json.loads((folder / SUMMARY).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            facts = {}
        span = span_of_folder(folder.name)
        if span is not None:
            # the whole series sorts first (the list runs newest start first)
            kind, start = "history", date(span.first or 9999, 1, 1)
            # a history cut by --since is named by its folder's first month (history-from-2019-06)
            cut = folder.name[-7:] if re.search(r"-from-\d{4}-\d{2}$", folder.name) else ""
            title = facts.get("title") or (
                "The whole series" if span.first is None else f"{span.first} to {span.last}"
            )
            if cut:
                # not the whole series: say where it starts
                title = f"From {cut} ({title})"
            elif span.first is None:
                title = f"The whole series ({title})" if facts.get("title") else title
        else:
            try:
                period = parse_period(folder.name)
            except UserError:
                continue
            kind, start, title, cut = period.kind, period.start, period.title, ""
        entries.append(
            {
                "kind": kind,
                "start": start,
                # the uncut history before its cuts, the later cut first
                "order": (start, cut or "9999"),
                "whole": span is not None and span.first is None and not cut,
                "title": title,
                "html": f"{folder.name}/report.html" if html_file.exists() else None,
                "pdf": f"{folder.name}/report.pdf" if pdf_file.exists() else None,
                "n_ai": facts.get("n_ai"),
                "n_ds": facts.get("n_ds"),
                "synthetic": facts.get("synthetic", False),
                "generated_at": facts.get("generated_at", ""),
            }
        )
    histories = [e for e in entries if e["kind"] == "history"]
    names = {
        # the whole series only when that is all the group holds: a span or a cut is not
        "history": "History: the whole series"
        if len(histories) == 1 and histories[0]["whole"]
        else "History reports",
        "month": "Monthly reports",
        "quarter": "Quarterly reports",
        "year": "Yearly reports",
    }
    groups = []
    for kind in ("history", "month", "quarter", "year"):
        chosen = sorted(
            (e for e in entries if e["kind"] == kind), key=lambda e: e["order"], reverse=True
        )
        if chosen:
            groups.append((names[kind], chosen))
    html = _environment().get_template("index.html.j2").render(groups=groups)
    path = out_dir / "index.html"
    _write_atomic(path, html)
    return path
