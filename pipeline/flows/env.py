"""Prefect's environment for jobtrends: state under the data directory, telemetry off, quiet logs.

Prefect's ephemeral API server is started as a jobtrends child (`jobtrends.children`): in its
own session, so a Ctrl-C to the terminal's process group does not kill it under the flow that
still reports to it, watching its parent, so it never outlives it, and stopped last.
"""

from __future__ import annotations

import collections
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from jobtrends import children
from jobtrends.config import Settings
from jobtrends.errors import UserError, disk_full_sentence

# Starting the ephemeral API server imports all of Prefect's server; on a busy 2-core machine
# that takes well over Prefect's default 20 s.
EPHEMERAL_STARTUP_TIMEOUT_S = 180
# Below this much free space a run cannot even start: Prefect's state database alone is about
# 6 MB when created, and the warehouse and the transform cache grow with every run.
MIN_FREE_BYTES = 32 * 1024 * 1024
# Prefect restarts its server on a new port whenever it exits with status 3 at startup, for
# EPHEMERAL_STARTUP_TIMEOUT_S: a server that cannot open its database would be restarted for 3
# minutes. A port taken in between is the only reason to try again, so a few tries suffice.
MAX_API_SERVER_STARTS = 3
# Lines of the API server's stderr kept to name why it failed (shown in full only with --debug).
_SERVER_LOG_LINES = 40
_STORAGE_TEXTS = (
    "readonly database",
    "read-only file system",
    "database or disk is full",
    "no space left on device",
    "unable to open database file",
    "disk i/o error",
)


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
    check_data_dir(settings)
    if not chosen:
        os.environ.pop("PREFECT_API_URL", None)
    os.environ.update(env)
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()
    if not chosen:
        _run_api_server_as_child(settings, debug)


def check_data_dir(settings: Settings) -> None:
    """Raise a UserError unless the data directory and Prefect's state can be written and have room.

    A read-only data directory used before (Prefect's database exists) used to make Prefect's
    server fail at startup over and over for minutes, with a traceback each time.
    """
    home = prefect_home(settings)
    home.mkdir(parents=True, exist_ok=True)
    for folder in (settings.data_dir.resolve(), home):
        try:
            handle, name = tempfile.mkstemp(prefix=".write-check-", dir=folder)
            os.close(handle)
            os.unlink(name)
        except OSError as exc:
            raise _storage_error(folder, exc) from None
    for database in sorted(home.glob("*.db")):
        try:
            with open(database, "r+b"):
                pass
        except OSError as exc:
            raise _storage_error(database, exc) from None
    free = shutil.disk_usage(home).free
    if free < MIN_FREE_BYTES:
        raise UserError(disk_full_sentence(settings.data_dir.resolve(), free, MIN_FREE_BYTES))


def _storage_error(path: Path, exc: OSError) -> UserError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(disk_full_sentence(path, shutil.disk_usage(path.parent).free))
    return UserError(
        f"cannot write {path} ({exc.strerror or exc}); make the data directory writable or point "
        "JOBTRENDS_DATA_DIR at a writable directory"
    )


class _ServerLog:
    """The ephemeral API server's stderr: kept in part to name a failure, echoed with --debug."""

    def __init__(self, stream: Any, echo: bool) -> None:
        self.lines: collections.deque[str] = collections.deque(maxlen=_SERVER_LOG_LINES)
        self._thread = threading.Thread(
            target=self._read, args=(stream, echo), name="prefect-server-log", daemon=True
        )
        self._thread.start()

    def _read(self, stream: Any, echo: bool) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))
            if echo:
                sys.stderr.write(line)

    def storage_problem(self) -> str | None:
        """The last line naming a storage problem (read-only, full disk), if any."""
        self._thread.join(timeout=1.0)
        for line in reversed(self.lines):
            if any(text in line.lower() for text in _STORAGE_TEXTS):
                return line.strip()
        return None


def _run_api_server_as_child(settings: Settings, debug: bool) -> None:
    """Make Prefect start its ephemeral API server as a jobtrends child (see the module doc)."""
    from prefect.server.api import server as prefect_server

    starts: list[tuple[subprocess.Popen[Any], _ServerLog]] = []
    home = prefect_home(settings)

    def run_uvicorn(server: Any) -> subprocess.Popen[Any]:
        if starts:
            previous, log = starts[-1]
            problem = log.storage_problem() if previous.poll() is not None else None
            if problem:
                raise UserError(
                    f"Prefect's API server cannot use its database under {home} ({problem}); "
                    "make the data directory writable with free space, or point JOBTRENDS_DATA_DIR elsewhere"
                )
            if len(starts) >= MAX_API_SERVER_STARTS:
                last = log.lines[-1] if log.lines else "no output"
                raise UserError(
                    f"Prefect's API server exited at startup {len(starts)} times (last: {last}); "
                    "run with --debug to see its log"
                )
        process = _start_api_server(server.port)
        starts.append((process, _ServerLog(process.stderr, echo=debug)))
        # Prefect reads the server's stderr when it gives up; the log thread owns it.
        process.stderr = None
        return process

    prefect_server.SubprocessASGIServer._run_uvicorn_command = run_uvicorn  # type: ignore[method-assign,assignment]


def _start_api_server(port: int | None) -> subprocess.Popen[Any]:
    """Prefect's own uvicorn command for its ephemeral server, started as a jobtrends child."""
    import prefect
    from prefect.settings import get_current_settings

    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **get_current_settings().to_environment_variables(exclude_unset=True),
    }
    args = [
        "--app-dir",
        str(prefect.__module_path__.parent),
        "--factory",
        "prefect.server.api.server:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "error",
        "--lifespan",
        "on",
    ]
    return children.spawn(
        children.module_command("uvicorn", args),
        name="prefect-server",
        stop_order=children.STOP_LAST,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
