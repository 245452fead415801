"""`jobtrends status`: the last crawl and process runs from the warehouse, and flow-run states."""

from __future__ import annotations

import json
import os
from typing import Any

from jobtrends.config import Settings
from jobtrends.errors import UserError
from jobtrends.run_errors import error_lines, errors_by_kind
from jobtrends.sql import query


def _table(headers: list[str], rows: list[tuple[Any, ...]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)


def warehouse_runs(settings: Settings, limit: int = 10) -> dict[str, list[tuple[Any, ...]]]:
    """The last `limit` crawl runs and process runs recorded in the warehouse."""
    from warehouse.db import session, writer_active

    idle_before = not writer_active(settings)
    with session(settings, read_only=True) as con:
        runs = {
            "crawl_runs": con.execute(
                query("pipeline", "status", "crawl_runs"), [limit]
            ).fetchall(),
            "process_runs": con.execute(
                query("pipeline", "status", "process_runs"), [limit]
            ).fetchall(),
        }
    if idle_before and not writer_active(settings):
        # every live process run holds the writer lock: a 'running' row without it was killed
        runs["process_runs"] = [
            (row[0], "crashed", *row[2:]) if row[1] == "running" else row
            for row in runs["process_runs"]
        ]
    return runs


def crawl_error_lines(crawl_runs: list[tuple[Any, ...]]) -> list[str]:
    """Per crawl run with errors: each error kind, its count and first message."""
    lines: list[str] = []
    for row in crawl_runs:
        run_id, source, errors_json = row[0], row[1], row[7]
        try:
            errors = json.loads(errors_json) if isinstance(errors_json, str) else errors_json
        except ValueError:
            continue
        if not isinstance(errors, list) or not errors:
            continue
        lines.append(f"  {source} {run_id}:")
        lines += [f"    {line}" for line in error_lines(errors_by_kind(errors))]
    return lines


def flow_run_states(api_url: str, limit: int = 10) -> list[tuple[str, str, str, str]] | None:
    """(flow, run name, state, start) of the last flow runs on a reachable Prefect server, else None."""
    import httpx

    try:
        response = httpx.post(
            f"{api_url.rstrip('/')}/flow_runs/filter",
            json={"limit": limit, "sort": "START_TIME_DESC"},
            timeout=3.0,
        )
        response.raise_for_status()
        runs = response.json()
        flows = httpx.post(
            f"{api_url.rstrip('/')}/flows/filter", json={"limit": 200}, timeout=3.0
        ).json()
    except (httpx.HTTPError, ValueError):
        return None
    names = {f["id"]: f["name"] for f in flows}
    return [
        (
            names.get(r["flow_id"], "?"),
            r["name"],
            r.get("state_type") or "",
            (r.get("start_time") or "")[:19],
        )
        for r in runs
    ]


def status_text(settings: Settings, limit: int = 10) -> str:
    """The last runs, their states and counts, as text for the terminal."""
    parts: list[str] = []
    from warehouse.db import DamagedWarehouse

    try:
        runs = warehouse_runs(settings, limit)
    except DamagedWarehouse:
        raise  # not a state to report beside the others: the command fails with the sentence
    except UserError as exc:
        parts.append(f"warehouse: {exc}")
    else:
        parts.append(f"warehouse: {settings.warehouse_path}")
        parts.append("\nlast crawl runs:")
        parts.append(
            _table(
                ["run_id", "source", "complete", "seen", "landed", "errors", "seconds"],
                [row[:7] for row in runs["crawl_runs"]],
            )
        )
        failed = crawl_error_lines(runs["crawl_runs"])
        if failed:
            parts.append("\nwhat failed in those crawl runs:")
            parts.extend(failed)
        parts.append("\nlast process runs:")
        parts.append(
            _table(
                [
                    "process_run_id",
                    "state",
                    "files",
                    "in",
                    "loaded",
                    "skills",
                    "failures",
                    "seconds",
                ],
                runs["process_runs"],
            )
        )
    api_url = (
        os.environ.get("PREFECT_API_URL")
        or f"http://{settings.server.host}:{settings.server.port}/api"
    )
    states = flow_run_states(api_url, limit)
    if states is None:
        parts.append(f"\nPrefect server: not reachable at {api_url} (start it with `make server`)")
    else:
        parts.append(f"\nflow runs on {api_url}:")
        parts.append(_table(["flow", "run", "state", "started"], list(states)))
    return "\n".join(parts)
