"""Write the accuracy `make eval` measured into reports/accuracy.json, keyed by the versions measured."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ACCURACY_JSON = ROOT / "reports" / "accuracy.json"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return {"roles": data.get("roles", {}), "skills": data.get("skills", {})}


def _write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def record_roles(
    rules_version: str, families: dict[str, dict[str, float | int]], path: Path = ACCURACY_JSON
) -> None:
    """Store per role family precision, recall, specificity and n for `rules_version`."""
    data = _read(path)
    data["roles"][rules_version] = families
    _write(path, data)


def record_skills(
    extractor_version: str, measured: dict[str, float | int], path: Path = ACCURACY_JSON
) -> None:
    """Store the posting-level precision and recall of skill extraction for `extractor_version`."""
    data = _read(path)
    data["skills"][extractor_version] = measured
    _write(path, data)
