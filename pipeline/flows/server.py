"""`python -m pipeline.flows.server`: a Prefect server on the configured host and port.

Its database and settings live under `<data_dir>/prefect`, and analytics are off.
"""

from __future__ import annotations

import os
import sys

from jobtrends.config import load_settings
from jobtrends.errors import UserError
from pipeline.flows.env import prefect_environment, prefect_home


def server_command(host: str, port: int) -> list[str]:
    """The command that starts Prefect's server in the foreground."""
    return [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]


def main() -> None:
    """Start the server with state under the data directory; replaces this process."""
    try:
        settings = load_settings()
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    prefect_home(settings).mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **prefect_environment(settings)}
    env.pop("PREFECT_API_URL", None)
    env["PREFECT_LOGGING_LEVEL"] = "INFO"
    env["PREFECT_UI_ENABLED"] = "true"
    env.pop("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", None)
    host, port = settings.server.host, settings.server.port
    print(
        f"Prefect server on http://{host}:{port} (state in {prefect_home(settings)})",
        file=sys.stderr,
    )
    os.execve(sys.executable, server_command(host, port), env)


if __name__ == "__main__":
    main()
