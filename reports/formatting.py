"""Jinja2 filters that turn the model's numbers into the report's text."""

from __future__ import annotations

import math
from typing import Any

from jinja2 import Environment


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def pct(value: float | None, digits: int = 1) -> str:
    """A share as a percentage: 0.256 -> 25.6%."""
    return "–" if _missing(value) else f"{100 * value:.{digits}f}%"  # type: ignore[operator]


def pp(value: float | None, digits: int = 1, unit: bool = True) -> str:
    """A difference of shares in percentage points, signed: 0.12 -> +12.0 pp (+12.0 without
    `unit`, where a heading already names the unit)."""
    suffix = " pp" if unit else ""
    return "–" if _missing(value) else f"{100 * value:+.{digits}f}{suffix}"  # type: ignore[operator]


def interval(
    bounds: tuple[float | None, float | None] | None,
    digits: int = 1,
    points: bool = False,
    unit: bool = True,
) -> str:
    """A 95% interval of shares: (0.1, 0.3) -> 10.0–30.0%; with `points` a difference's,
    -0.02 to 0.05 -> -2.0 to +5.0 pp (without the pp unless `unit`)."""
    if bounds is None or _missing(bounds[0]) or _missing(bounds[1]):
        return "–"
    low, high = bounds
    if points:
        suffix = " pp" if unit else ""
        return f"{100 * low:+.{digits}f} to {100 * high:+.{digits}f}{suffix}"  # type: ignore[operator]
    return f"{100 * low:.{digits}f}–{100 * high:.{digits}f}%"  # type: ignore[operator]


def num(value: float | int | None, digits: int = 0) -> str:
    """A count or amount with thousands separators."""
    return "–" if _missing(value) else f"{value:,.{digits}f}"


def change(value: float | None) -> str:
    """A relative change: 1.5 -> +150%; none when there is nothing to compare with."""
    return "n/a" if _missing(value) else f"{100 * value:+.0f}%"  # type: ignore[operator]


def money(value: float | None) -> str:
    """An annual salary, rounded to the thousand: 152000 -> 152k."""
    return "–" if _missing(value) else f"{value / 1000:,.0f}k"  # type: ignore[operator]


def label(value: str) -> str:
    """A snake_case key as words: devops_mlops -> devops mlops."""
    return str(value).replace("_", " ")


def install(env: Environment) -> None:
    """Register the filters on a Jinja2 environment."""
    env.filters.update(
        pct=pct, pp=pp, interval=interval, num=num, change=change, money=money, label=label
    )
