"""Lone UTF-16 surrogates: legal in JSON (a "\\ud83d" escape), unencodable everywhere after it."""

from __future__ import annotations

import re
from typing import Any

_LONE = re.compile(r"[\ud800-\udfff]")


def replace_lone_surrogates(value: Any) -> Any:
    """`value` with every lone surrogate in its strings replaced by U+FFFD (lengths kept)."""
    if isinstance(value, str):
        return _LONE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {replace_lone_surrogates(k): replace_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_lone_surrogates(v) for v in value]
    return value


def may_hold_surrogates(json_line: str) -> bool:
    """Whether a JSON text can decode to a lone surrogate (a cheap test before the full scrub)."""
    return "\\ud" in json_line or "\\uD" in json_line
