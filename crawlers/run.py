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

SPIDERS: dict[str, str] = {
    "hn_whoishiring": "crawlers.spiders.hn_whoishiring:HNWhoIsHiringSpider",
    "greenhouse": "crawlers.spiders.greenhouse:GreenhouseSpider",
    "lever": "crawlers.spiders.lever:LeverSpider",
    "ashby": "crawlers.spiders.ashby:AshbySpider",
    "remoteok": "crawlers.spiders.remoteok:RemoteOKSpider",
    "jsonld": "crawlers.spiders.jsonld:JsonLdSpider",
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
) -> dict[str, Any]:
    """Crawl one configured source into the landing zone and return the run's manifest.

    Scrapy's reactor cannot be restarted, so call this once per process (the crawl flow runs
    `python -m crawlers.run` per source).
    """
    from scrapy.crawler import CrawlerProcess

    from crawlers.settings import scrapy_settings
    from crawlers.state import new_run_id

    source = settings.source(source_key)
    for month in (since, until):
        if month is not None:
            _check_month(month)
    run_id = run_id or new_run_id()
    process = CrawlerProcess(scrapy_settings(settings, source, scrapy_overrides), install_root_handler=True)
    process.crawl(
        spider_class(source.type),
        source=source,
        app_settings=settings,
        run_id=run_id,
        since=since,
        until=until,
        latest=latest,
    )
    process.start()
    manifest_path = Path(settings.landing_dir).resolve() / source.key / f"{run_id}.manifest.json"
    if not manifest_path.is_file():
        raise UserError(f"the crawl of {source.key} ended without a manifest ({manifest_path}); run it again with --debug to see why")
    return json.loads(manifest_path.read_text(encoding="utf-8"))


def _check_month(value: str) -> None:
    parts = value.split("-")
    if len(parts) != 2 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        raise UserError(f"{value!r} is not a month; write it as YYYY-MM, e.g. 2024-05")


def main(argv: list[str] | None = None) -> int:
    """`python -m crawlers.run --config PATH --source KEY ...`: exit 0 when the run finished."""
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__)
    parser.add_argument("--config", help="config file (default: $JOBTRENDS_CONFIG or the shipped one)")
    parser.add_argument("--source", required=True, help="configured source key, e.g. greenhouse")
    parser.add_argument("--since", help="HN: first thread month, YYYY-MM")
    parser.add_argument("--until", help="HN: last thread month, YYYY-MM")
    parser.add_argument("--latest", action="store_true", help="HN: only threads not already complete")
    parser.add_argument("--run-id", help="run id (default: UTC start time + random suffix)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    args = parser.parse_args(argv)
    try:
        manifest = run_spider(
            load_settings(args.config),
            args.source,
            since=args.since,
            until=args.until,
            latest=args.latest,
            run_id=args.run_id,
        )
    except UserError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    summary = {key: manifest[key] for key in ("source", "run_id", "complete", "items_seen", "items_landed")}
    summary["errors"] = len(manifest["errors"])
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
