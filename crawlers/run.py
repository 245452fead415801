"""Run one source's spider with the real Scrapy engine in this process; also `python -m crawlers.run`."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from jobtrends.config import Settings, load_settings
from jobtrends.errors import UserError
from jobtrends.landing import Manifest, new_run_id, read_manifest, run_files

# After SIGTERM/SIGINT the run is closed as aborted this soon, even with responses in flight, so
# the crawl flow's stop (jobtrends.stopping.SPIDER_GRACE_S) finds its manifest written.
ABORT_AFTER_S = 1.0

SPIDERS: dict[str, str] = {
    "hn_whoishiring": "crawlers.spiders.hn_whoishiring:HNWhoIsHiringSpider",
    "greenhouse": "crawlers.spiders.greenhouse:GreenhouseSpider",
    "lever": "crawlers.spiders.lever:LeverSpider",
    "ashby": "crawlers.spiders.ashby:AshbySpider",
    "remoteok": "crawlers.spiders.remoteok:RemoteOKSpider",
    "jsonld": "crawlers.spiders.jsonld:JsonLdSpider",
    "remotive": "crawlers.spiders.remotive:RemotiveSpider",
    "himalayas": "crawlers.spiders.himalayas:HimalayasSpider",
    "arbeitnow": "crawlers.spiders.arbeitnow:ArbeitnowSpider",
    "smartrecruiters": "crawlers.spiders.smartrecruiters:SmartRecruitersSpider",
    "workable": "crawlers.spiders.workable:WorkableSpider",
    "recruitee": "crawlers.spiders.recruitee:RecruiteeSpider",
    "personio": "crawlers.spiders.personio:PersonioSpider",
}


def spider_class(source_type: str) -> type:
    """The spider class that crawls sources of this type."""
    module_name, _, class_name = SPIDERS[source_type].partition(":")
    return getattr(import_module(module_name), class_name)


def run_spider(
    settings: Settings,
    source_key: str,
    *,
    since: str | None = None,
    until: str | None = None,
    latest: bool = False,
    run_id: str | None = None,
    scrapy_overrides: dict[str, Any] | None = None,
) -> Manifest:
    """Crawl one configured source into the landing zone and return the run's manifest.

    Scrapy's reactor cannot be restarted, so call this once per process (the crawl flow runs
    `python -m crawlers.run` per source).
    """
    return run_spiders(
        settings,
        [source_key],
        since=since,
        until=until,
        latest=latest,
        run_id=run_id,
        scrapy_overrides=scrapy_overrides,
    )[0]


def run_spiders(
    settings: Settings,
    source_keys: list[str],
    *,
    since: str | None = None,
    until: str | None = None,
    latest: bool = False,
    run_id: str | None = None,
    scrapy_overrides: dict[str, Any] | None = None,
) -> list[Manifest]:
    """Crawl several sources at once in this process (one reactor), one manifest each."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.settings import scrapy_settings

    sources = [settings.source(key) for key in source_keys]
    for month in (since, until):
        if month is not None:
            _check_month(month)
    if run_id is not None and len(sources) > 1:
        raise UserError("--run-id names one run; pass it with a single --source")
    process = CrawlerProcess(
        scrapy_settings(settings, sources[0], scrapy_overrides), install_root_handler=True
    )
    runs: list[tuple[str, str]] = []
    crawlers = []
    for source in sources:
        source_run_id = run_id or new_run_id()
        crawler = process.create_crawler(spider_class(source.type))
        crawler.settings.setdict(
            scrapy_settings(settings, source, scrapy_overrides), priority="cmdline"
        )
        process.crawl(
            crawler,
            source=source,
            app_settings=settings,
            run_id=source_run_id,
            since=since,
            until=until,
            latest=latest,
        )
        runs.append((source.key, source_run_id))
        crawlers.append(crawler)
    _close_as_aborted_after_a_stop_signal(crawlers)
    process.start()
    manifests = []
    for key, source_run_id in runs:
        path = run_files(Path(settings.landing_dir).resolve(), key, source_run_id).manifest
        manifest = read_manifest(path)
        if manifest is None:
            raise UserError(
                f"the crawl of {key} ended without a manifest ({path}); run it again with --debug to see why"
            )
        manifests.append(manifest)
    return manifests


def _close_as_aborted_after_a_stop_signal(crawlers: list[Any]) -> None:
    """On SIGTERM/SIGINT, close each run as aborted within ABORT_AFTER_S, responses in flight or not.

    Scrapy's graceful stop waits for the responses in flight, up to the download timeout; the
    landing pipeline is closed here instead (it writes its manifest, saying aborted, once).
    """
    import signal

    from twisted.internet import reactor as twisted_reactor

    reactor: Any = twisted_reactor

    def close_runs() -> None:
        for crawler in crawlers:
            engine = getattr(crawler, "engine", None)
            spider = getattr(crawler, "spider", None)
            manager = getattr(getattr(engine, "scraper", None), "itemproc", None)
            for component in getattr(manager, "middlewares", ()):
                if spider is not None and hasattr(component, "spider_closed"):
                    component.spider_closed(spider, "shutdown")
        if reactor.running:
            reactor.stop()

    def wrap_scrapy_handlers() -> None:
        armed: list[bool] = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            scrapy_handler = signal.getsignal(signum)
            if not callable(scrapy_handler):
                continue

            def on_signal(number: int, frame: Any, handler: Any = scrapy_handler) -> None:
                if not armed:
                    armed.append(True)
                    reactor.callFromThread(reactor.callLater, ABORT_AFTER_S, close_runs)
                handler(number, frame)

            signal.signal(signum, on_signal)

    # Scrapy installs its handlers when the reactor has started; wrap them right after.
    reactor.callWhenRunning(reactor.callLater, 0, wrap_scrapy_handlers)


def _check_month(value: str) -> None:
    parts = value.split("-")
    if (
        len(parts) != 2
        or len(parts[0]) != 4
        or not all(p.isdigit() for p in parts)
        or not 1 <= int(parts[1]) <= 12
    ):
        raise UserError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2024-05")


def main(argv: list[str] | None = None) -> int:
    """`python -m crawlers.run --config PATH --source KEY ...`: exit 0 when the run finished."""
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__)
    parser.add_argument(
        "--config", help="config file (default: $JOBTRENDS_CONFIG or the shipped one)"
    )
    parser.add_argument(
        "--source",
        required=True,
        action="append",
        help="configured source key, e.g. greenhouse (repeatable: crawled together)",
    )
    parser.add_argument("--since", help="HN: first thread month, YYYY-MM")
    parser.add_argument("--until", help="HN: last thread month, YYYY-MM")
    parser.add_argument(
        "--latest", action="store_true", help="HN: only threads not already complete"
    )
    parser.add_argument("--run-id", help="run id (default: UTC start time + random suffix)")
    parser.add_argument(
        "--set",
        "-s",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    args = parser.parse_args(argv)
    try:
        overrides = dict(_setting(item) for item in args.set)
        manifests = run_spiders(
            load_settings(args.config),
            args.source,
            since=args.since,
            until=args.until,
            latest=args.latest,
            run_id=args.run_id,
            scrapy_overrides=overrides,
        )
    except UserError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    for manifest in manifests:
        summary = {
            "source": manifest.get("source"),
            "run_id": manifest.get("run_id"),
            "complete": manifest.get("complete"),
            "items_seen": manifest.get("items_seen"),
            "items_landed": manifest.get("items_landed"),
            "errors": len(manifest.get("errors") or []),
        }
        print(json.dumps(summary))
    return 0


def _setting(item: str) -> tuple[str, Any]:
    name, sep, value = item.partition("=")
    if not sep or not name:
        raise UserError(f"--set {item!r} is not NAME=VALUE; write it like --set DOWNLOAD_TIMEOUT=5")
    try:
        return name, json.loads(value)
    except ValueError:
        return name, value


if __name__ == "__main__":
    raise SystemExit(main())
