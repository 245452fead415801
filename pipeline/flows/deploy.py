"""`jobtrends serve`: the flows as deployments with cron schedules, served by this process."""

from __future__ import annotations

import os
from typing import Any

from jobtrends.config import Settings
from jobtrends.errors import UserError


def api_url_of(settings: Settings) -> str:
    """The Prefect API this process talks to: $PREFECT_API_URL, else the configured server."""
    return (
        os.environ.get("PREFECT_API_URL")
        or f"http://{settings.server.host}:{settings.server.port}/api"
    )


def server_reachable(api_url: str, timeout_s: float = 3.0) -> bool:
    """True when a Prefect server answers its health check at `api_url`."""
    import httpx

    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=timeout_s).status_code == 200
    except httpx.HTTPError:
        return False


def settings_payload(settings: Settings) -> dict[str, Any]:
    """The settings as JSON parameters of a deployment, with the data paths made absolute."""
    data = settings.model_dump(mode="json")
    data["data_dir"] = str(settings.data_dir.resolve())
    if settings.warehouse is not None:
        data["warehouse"] = str(settings.warehouse.resolve())
    if settings.report.out_dir is not None:
        data["report"]["out_dir"] = str(settings.report.out_dir.resolve())
    return data


def build_deployments(settings: Settings) -> list[Any]:
    """Deployments: crawl and process daily, report monthly (cron from config), and a full run on demand."""
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from pipeline.flows.crawl import crawl_flow
    from pipeline.flows.jobtrends import jobtrends_flow
    from pipeline.flows.process import process_flow
    from pipeline.flows.report import report_flow

    params = {"settings": settings_payload(settings)}
    tz = settings.schedules.timezone
    # By module, not by file: loaded as a script, pipeline/flows/jobtrends.py would take the name
    # `jobtrends` and hide the jobtrends package from its own imports.
    by_module = EntrypointType.MODULE_PATH
    return [
        crawl_flow.to_deployment(
            name="scheduled",
            schedules=[Cron(settings.schedules.crawl, timezone=tz)],
            parameters=params,
            entrypoint_type=by_module,
        ),
        process_flow.to_deployment(
            name="scheduled",
            schedules=[Cron(settings.schedules.process, timezone=tz)],
            parameters=params,
            entrypoint_type=by_module,
        ),
        report_flow.to_deployment(
            name="scheduled",
            schedules=[Cron(settings.schedules.report, timezone=tz)],
            parameters=params,
            entrypoint_type=by_module,
        ),
        jobtrends_flow.to_deployment(
            name="on-demand", parameters=params, entrypoint_type=by_module
        ),
    ]


def serve_deployments(settings: Settings) -> None:
    """Register the deployments with the Prefect server and run their flow runs until stopped."""
    from pipeline.flows.env import configure_prefect

    api_url = api_url_of(settings)
    if not server_reachable(api_url):
        raise UserError(
            f"no Prefect server answers at {api_url}; start one with `make server` "
            "(or set PREFECT_API_URL to a running server)"
        )
    configure_prefect(settings, api_url=api_url)
    from prefect import serve

    serve(*build_deployments(settings), print_starting_message=True)
