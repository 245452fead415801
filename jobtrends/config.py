"""The one typed configuration of jobtrends: a TOML file plus environment overrides."""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jobtrends import __version__
from jobtrends.errors import UserError

SourceType = Literal[
    "hn_whoishiring",
    "greenhouse",
    "lever",
    "ashby",
    "remoteok",
    "jsonld",
    "remotive",
    "himalayas",
    "arbeitnow",
    "smartrecruiters",
    "workable",
    "recruitee",
    "personio",
]
SOURCE_TYPES: tuple[str, ...] = SourceType.__args__  # type: ignore[attr-defined]
ReportFormat = Literal["html", "pdf"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "pdf")

CONFIG_ENV = "JOBTRENDS_CONFIG"
DATA_DIR_ENV = "JOBTRENDS_DATA_DIR"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# What `contact` may be: an e-mail address (one @, a dotted domain, no spaces) or an http(s) URL.
_EMAIL = re.compile(r"[^@\s()<>,;]+@[^@\s()<>,;/]+\.[^@\s()<>,;/]+")
# Printable ASCII without parentheses: what fits in a User-Agent comment as it stands.
_HEADER_TEXT = re.compile(r"[!-~ ]+")


class Politeness(_Strict):
    """Scrapy politeness and retry limits, applied to every spider unless a source overrides."""

    # The project's name and version only: no URL that might not exist. `contact` adds one.
    user_agent: str = f"jobtrends/{__version__}"
    # Where site operators reach whoever runs the crawl: a URL or an e-mail address.
    contact: str | None = None
    robots_obey: bool = True
    concurrent_requests: int = Field(8, ge=1, le=64)
    concurrent_requests_per_domain: int = Field(2, ge=1, le=32)
    download_delay_s: float = Field(0.5, ge=0)
    autothrottle: bool = True
    autothrottle_target_concurrency: float = Field(1.0, gt=0)
    autothrottle_max_delay_s: float = Field(30.0, gt=0)
    download_timeout_s: float = Field(30.0, gt=0)
    retry_times: int = Field(3, ge=0, le=20)
    http_cache: bool = False

    @field_validator("user_agent")
    @classmethod
    def _user_agent(cls, value: str) -> str:
        text = value.strip()
        if not _HEADER_TEXT.fullmatch(text):
            raise ValueError(
                f"{value!r} is not a user agent (printable ASCII on one line, not empty); "
                f"write it like 'jobtrends/{__version__}'"
            )
        return text

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str | None) -> str | None:
        if value is None:
            return None
        text = value.strip()
        if not (_EMAIL.fullmatch(text) or _is_web_url(text)) or "(" in text or ")" in text:
            raise ValueError(
                f"{value!r} is neither an http(s) URL nor an e-mail address; write one like "
                "https://example.org/crawler or crawler@example.org"
            )
        return text

    @property
    def user_agent_header(self) -> str:
        """The User-Agent sent: `user_agent`, plus `(+contact)` when a contact is set."""
        if self.contact is None:
            return self.user_agent
        where = self.contact if _is_web_url(self.contact) else f"mailto:{self.contact}"
        return f"{self.user_agent} (+{where})"


def _is_web_url(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and _HEADER_TEXT.fullmatch(text) is not None
        and " " not in text
    )


class Source(_Strict):
    """One configured job source: its type and the parameters that type takes."""

    type: SourceType
    name: str = ""
    enabled: bool = True
    # replaces the live API host, e.g. a local replay server; for the per-company hosts of
    # recruitee and personio, <base_url>/<type>/<company> stands for the company's host
    base_url: str | None = None
    # greenhouse tokens, lever sites, ashby boards, smartrecruiters company ids, workable
    # accounts, recruitee and personio company names (<name>.recruitee.com, <name>.jobs.personio.de)
    boards: list[str] = Field(default_factory=list)
    eu: bool = False  # lever: use the EU host
    since: str | None = None  # hn_whoishiring: first thread month, YYYY-MM
    until: str | None = None  # hn_whoishiring: last thread month, YYYY-MM
    latest: bool = False  # hn_whoishiring: only threads not already landed complete
    urls: list[str] = Field(default_factory=list)  # jsonld: career pages
    sitemaps: list[str] = Field(default_factory=list)  # jsonld: sitemaps listing career pages
    download_delay_s: float | None = Field(None, ge=0)
    concurrent_requests_per_domain: int | None = Field(None, ge=1, le=32)
    # Requests a day the source's terms allow, robots.txt included; a run that would go past it
    # is skipped. None: the spider's own limit for its live API (Remotive: 4), none elsewhere; 0: off.
    max_requests_per_day: int | None = Field(None, ge=0)
    # Feeds listed newest first (himalayas, arbeitnow): read at most this many pages a run. A run
    # that stops there is complete but leaves the feed out of its scope, so it closes nothing.
    max_pages: int | None = Field(None, ge=1)

    @field_validator("since", "until")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is not None:
            _parse_month(value)
        return value

    @property
    def key(self) -> str:
        """The name the source is known by in the landing zone and the warehouse."""
        return self.name or self.type

    @property
    def is_local(self) -> bool:
        """Every URL it fetches is on this machine (a replay or test server), not a live site."""
        if self.base_url is None:
            return False
        absolute = [u for u in (*self.urls, *self.sitemaps) if urlsplit(u).scheme]
        return all(_is_loopback(url) for url in (self.base_url, *absolute))


def _is_loopback(url: str) -> bool:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Process(_Strict):
    """How landing files become warehouse rows."""

    batch_size: int = Field(5000, ge=1)
    # processes: Prefect tasks hand batches to `workers` worker processes (every core); threads:
    # the tasks transform on their threads (one core: the GIL); dask: a Dask LocalCluster.
    task_runner: Literal["processes", "threads", "dask"] = "processes"
    workers: int = Field(2, ge=1, le=256)
    dask_address: str | None = None  # an existing Dask scheduler, e.g. tcp://10.0.0.5:8786
    # DuckDB memory of the warehouse's writer; what exceeds it is written out or spilled to disk.
    # Loading and finalizing 1M postings peak at 1.2 GB within 1 GB (2.2 GB without a limit).
    writer_memory_mb: int = Field(1024, ge=128)
    lock_timeout_s: float = Field(30.0, ge=0)


class Schedules(_Strict):
    """Cron schedules for the served deployments (checked at load, not when `serve` first uses them)."""

    timezone: str = "UTC"
    crawl: str = "0 3 * * *"
    process: str = "30 4 * * *"
    report: str = "0 6 1 * *"

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        _check_timezone(value)
        return value

    @field_validator("crawl", "process", "report")
    @classmethod
    def _cron(cls, value: str) -> str:
        check_cron(value)
        return value


class Report(_Strict):
    """What reports show and where they are written."""

    min_n: int = Field(20, ge=1)
    # postings with skills per role the claims pool trailing months for (reports/model.py)
    claims_min_n: int = Field(150, ge=1)
    formats: list[ReportFormat] = Field(default_factory=lambda: list(REPORT_FORMATS))
    since: str = "2015-01"
    bootstrap_samples: int = Field(200, ge=10, le=10000)
    out_dir: Path | None = None

    @field_validator("since")
    @classmethod
    def _month(cls, value: str) -> str:
        _parse_month(value)
        return value


class Server(_Strict):
    """The Prefect server that `make server` and `jobtrends serve` use."""

    host: str = "127.0.0.1"
    port: int = Field(4200, ge=1, le=65535)


class Settings(_Strict):
    """The whole configuration."""

    data_dir: Path = Path("data")
    warehouse: Path | None = None
    politeness: Politeness = Politeness()
    process: Process = Process()
    schedules: Schedules = Schedules()
    report: Report = Report()
    server: Server = Server()
    sources: list[Source] = Field(default_factory=list)

    @property
    def landing_dir(self) -> Path:
        """The landing zone, <data_dir>/landing (its layout: jobtrends.landing)."""
        return self.data_dir / "landing"

    @property
    def warehouse_path(self) -> Path:
        """The DuckDB file."""
        return self.warehouse if self.warehouse is not None else self.data_dir / "warehouse.duckdb"

    @property
    def reports_dir(self) -> Path:
        """Where reports are written."""
        return self.report.out_dir if self.report.out_dir is not None else self.data_dir / "reports"

    @property
    def cache_dir(self) -> Path:
        """Cached results of expensive deterministic steps."""
        return self.data_dir / "cache"

    def source(self, key: str) -> Source:
        """The configured source named `key`."""
        for source in self.sources:
            if source.key == key:
                return source
        known = ", ".join(s.key for s in self.sources) or "none"
        raise UserError(
            f"no source named {key!r} is configured (configured: {known}); add it under [[sources]] in the config file"
        )

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some top-level fields replaced, validated again."""
        return Settings.model_validate({**self.model_dump(), **changes})


def _parse_month(value: str) -> tuple[int, int]:
    # exactly YYYY-MM: "2024-1" passed a looser check here and failed later in SQL
    if not (len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit()):
        raise ValueError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2024-05")
    year, month = int(value[:4]), int(value[5:])
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2024-05")
    return year, month


def _check_timezone(name: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{name!r} is not a known time zone; use an IANA name such as UTC or Europe/Berlin"
        ) from None


# Cron fields: (name, lowest, highest, names allowed in place of numbers)
_CRON_FIELDS = (
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day of month", 1, 31, ()),
    (
        "month",
        1,
        12,
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ),
    ("day of week", 0, 7, ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
)
_CRON_MACROS = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")


def check_cron(expression: str) -> None:
    """Raise ValueError unless `expression` is a five-field cron string (or @daily and the like)."""
    text = expression.strip()
    if text.lower() in _CRON_MACROS:
        return
    fields = text.split()
    example = "write five fields: minute hour day-of-month month day-of-week, e.g. '0 3 * * *'"
    if len(fields) != len(_CRON_FIELDS):
        raise ValueError(f"{expression!r} is not a cron schedule; {example}")
    for value, (name, low, high, names) in zip(fields, _CRON_FIELDS, strict=True):
        if not _cron_field_ok(value.lower(), low, high, names):
            raise ValueError(
                f"{expression!r} is not a cron schedule: {value!r} is not valid in the {name} field ({low}-{high}); {example}"
            )


def _cron_field_ok(value: str, low: int, high: int, names: tuple[str, ...]) -> bool:
    def number(text: str) -> int | None:
        if text in names:
            return names.index(text) + (low if low == 1 else 0)
        return int(text) if text.isdigit() else None

    for part in value.split(","):
        span, _, step = part.partition("/")
        if step and (not step.isdigit() or int(step) < 1):
            return False
        if span == "*":
            continue
        first, dash, last = span.partition("-")
        start = number(first)
        end = number(last) if dash else start
        if start is None or end is None or not low <= start <= end <= high:
            return False
    return True


def default_config_text() -> str:
    """The shipped default configuration file."""
    return resources.files("jobtrends").joinpath("jobtrends.toml").read_text(encoding="utf-8")


def _describe(error: ValidationError, origin: str) -> str:
    first = error.errors()[0]
    loc = first["loc"]
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(str(item))
    key = ".".join(parts) or "(top level)"
    kind = first["type"]
    if kind == "extra_forbidden":
        return f"unknown key {key!r} in {origin}; remove it or check its spelling against the shipped jobtrends.toml"
    if kind == "literal_error" and parts and parts[-1].endswith("type"):
        return f"{key} in {origin} is {first.get('input')!r}, not a known source type; use one of {', '.join(SOURCE_TYPES)}"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{key} in {origin} is invalid: {message}; fix it in the config file"


def load_settings(path: str | Path | None = None) -> Settings:
    """Read the configuration from `path`, else $JOBTRENDS_CONFIG, else the shipped default.

    $JOBTRENDS_DATA_DIR, when set, replaces `data_dir`.
    """
    chosen = path if path is not None else os.environ.get(CONFIG_ENV) or None
    if chosen is None:
        origin = "the shipped jobtrends.toml"
        text = default_config_text()
    else:
        origin = str(chosen)
        try:
            text = Path(chosen).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UserError(
                f"the config file {chosen} does not exist; pass an existing file with --config or {CONFIG_ENV}"
            ) from None
        except UnicodeDecodeError as exc:
            raise UserError(
                f"the config file {chosen} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at "
                f"offset {exc.start}); save it as UTF-8"
            ) from None
        except OSError as exc:
            raise UserError(
                f"the config file {chosen} cannot be read ({exc.strerror}); check its permissions"
            ) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"the config file {origin} is not valid TOML ({exc}); fix the syntax there"
        ) from None
    data_dir = os.environ.get(DATA_DIR_ENV)
    if data_dir:
        raw["data_dir"] = data_dir
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise UserError(_describe(exc, origin)) from None
    keys = [s.key for s in settings.sources]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise UserError(
            f"source name {dupes[0]!r} is used twice in {origin}; give each [[sources]] entry its own name"
        )
    return settings
