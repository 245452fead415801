"""Prefect's environment for jobtrends: state under the data directory, telemetry off, quiet logs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from jobtrends.config import Settings

# Starting the ephemeral API server imports all of Prefect's server; on a busy 2-core machine
# that takes well over Prefect's default 20 s.
EPHEMERAL_STARTUP_TIMEOUT_S = 180


def prefect_home(settings: Settings) -> Path:
    """Where Prefect keeps its database, profiles and results for this data directory."""
    return (settings.data_dir / "prefect").resolve()


def prefect_environment(
    settings: Settings, api_url: str | None = None, debug: bool = False
) -> dict[str, str]:
    """The PREFECT_* variables a jobtrends process (or a subprocess it starts) runs under."""
    home = prefect_home(settings)
    env = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(EPHEMERAL_STARTUP_TIMEOUT_S),
        "PREFECT_LOCAL_STORAGE_PATH": str(settings.cache_dir.resolve() / "prefect-results"),
        "PREFECT_LOGGING_LEVEL": "INFO" if debug else "CRITICAL",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_UI_ENABLED": "false",
        "DASK_LOGGING__DISTRIBUTED": "info" if debug else "error",
        "DASK_DISTRIBUTED__WORKER__DAEMON": "false",
    }
    if api_url:
        env["PREFECT_API_URL"] = api_url
    else:
        env["PREFECT_SERVER_ALLOW_EPHEMERAL_MODE"] = "true"
    return env


def configure_prefect(
    settings: Settings, api_url: str | None = None, debug: bool | None = None
) -> None:
    """Point this process's Prefect at the data directory; a PREFECT_API_URL already set wins.

    Call it before Prefect is imported; when it already is, its global settings are re-read.
    """
    if debug is None:
        debug = os.environ.get("JOBTRENDS_DEBUG") == "1" or "--debug" in sys.argv
    chosen = api_url or os.environ.get("PREFECT_API_URL") or None
    env = prefect_environment(settings, api_url=chosen, debug=debug)
    prefect_home(settings).mkdir(parents=True, exist_ok=True)
    if not chosen:
        os.environ.pop("PREFECT_API_URL", None)
    os.environ.update(env)
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()
