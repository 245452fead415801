"""What the flows share: running a flow to a result, and the settings as a config file."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jobtrends import stopping
from jobtrends.config import Settings


def run_flow(flow: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a flow and return its result, also when it ended Failed with a result attached.

    A flow that failed with an exception (e.g. a UserError for a locked warehouse) re-raises it,
    so the command line prints its one sentence. After SIGINT or SIGTERM no flow starts, and a
    flow that ended after one raises `Stopped`, whatever state Prefect gave it.
    """
    stopping.check()
    with stopping.stage(str(getattr(flow, "name", "flow"))):
        state = flow(*args, return_state=True, **kwargs)
    stopping.check()
    if state.is_completed():
        return state.result()
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    if result is None:
        raise RuntimeError(
            state.message or f"the {getattr(flow, 'name', 'flow')} run ended {state.type.value}"
        )
    return result


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # A JSON string without ASCII escaping is a valid TOML basic string.
    return json.dumps(str(value), ensure_ascii=False)


def _toml_table(data: dict[str, Any], header: str | None, lines: list[str]) -> None:
    scalars = {
        k: v
        for k, v in data.items()
        if v is not None and not isinstance(v, dict) and not _is_table_list(v)
    }
    if header is not None:
        lines.append(header)
    for key, value in scalars.items():
        lines.append(f"{key} = {_toml_value(value)}")
    lines.append("")
    for key, value in data.items():
        if isinstance(value, dict):
            _toml_table(
                value, f"[{key}]" if header is None else f"[{header.strip('[]')}.{key}]", lines
            )
        elif _is_table_list(value):
            for item in value:
                _toml_table(item, f"[[{key}]]", lines)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def settings_toml(settings: Settings) -> str:
    """The effective settings as TOML that `load_settings` reads back to equal settings."""
    data = settings.model_dump(mode="json")
    data["data_dir"] = str(Path(settings.data_dir).resolve())
    if settings.warehouse is not None:
        data["warehouse"] = str(Path(settings.warehouse).resolve())
    lines: list[str] = ["# effective jobtrends settings of one run", ""]
    _toml_table(data, None, lines)
    return "\n".join(lines)


def write_settings_file(settings: Settings, folder: Path) -> Path:
    """Write the effective settings to a private TOML file under `folder` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="settings-", suffix=".toml", dir=folder)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(settings_toml(settings))
    return Path(name)


def as_settings(value: Settings | dict[str, Any]) -> Settings:
    """Settings from a flow parameter: the object itself, or its JSON form from a deployment."""
    if isinstance(value, Settings):
        return value
    return Settings.model_validate(value)
