"""Rendering a posting's text: HTML and plain descriptions, escaping, money and salary strings."""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from typing import Any

from jobtrends.generate import vocab as V
from jobtrends.generate.plan import _Spec


def _pick(py: random.Random, seq: Sequence[Any]) -> Any:
    return seq[int(py.random() * len(seq))]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _hn_esc(text: str) -> str:
    return html.escape(text, quote=True).replace("/", "&#x2F;")


def _html(spec: _Spec, headings: bool = True) -> str:
    parts = [f"<p>{_esc(p)}</p>" for p in spec.intro]
    if spec.requirements:
        if headings:
            parts.append("<h3>What we&#x27;re looking for</h3>")
        parts.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in spec.requirements) + "</ul>")
    if spec.nice:
        if headings:
            parts.append("<h3>Nice to have</h3>")
        parts.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in spec.nice) + "</ul>")
    parts += [f"<p>{_esc(p)}</p>" for p in spec.outro]
    return "".join(parts)


def _set_html(spec: _Spec, text: str) -> str:
    spec.html = text
    return text


def _plain(spec: _Spec, header: str | None = None) -> str:
    lines = [header] if header else []
    lines += spec.intro
    if spec.requirements:
        lines.append("What we're looking for")
        lines += spec.requirements
    if spec.nice:
        lines.append("Nice to have")
        lines += spec.nice
    lines += spec.outro
    return "\n".join(lines)


def _money(value: int, currency: str, style: int) -> str:
    symbol = V.CURRENCY_SYMBOL[currency]
    if style == 0:
        return f"{symbol}{value // 1000}k"
    if style == 1:
        return f"{symbol}{value:,}"
    return f"{symbol}{value:,}".replace(",", ".")


def _salary_text(
    salary: tuple[int, int, str, str], py: random.Random, spaced_ok: bool, slash_ok: bool
) -> str:
    low, high, currency, period = salary
    dash = " - " if spaced_ok and py.random() < 0.3 else "-"
    if period == "hour":
        return f"{_money(low, currency, 1)}-{_money(high, currency, 1)}{'/hr' if slash_ok else ' per hour'}"
    if period == "month":
        return f"{_money(low, currency, 1)}-{_money(high, currency, 1)}{'/month' if slash_ok else ' per month'}"
    u = py.random()
    if currency == "EUR" and u < 0.3:
        return f"{_money(low, currency, 2)}{' – ' if spaced_ok else '–'}{_money(high, currency, 2)}"
    if u < 0.5:
        return f"{_money(low, currency, 0)}{dash}{_money(high, currency, 0)}"
    if u < 0.7:
        return f"{low // 1000}-{high // 1000}k {currency}"
    if u < 0.85:
        return f"{_money(low, currency, 1)}{dash}{_money(high, currency, 1)}"
    if currency == "USD":
        return f"${low // 1000}K{dash}${high // 1000}K + equity"
    return f"{currency} {low // 1000}k-{high // 1000}k"


_COUNTRIES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "DE": "Germany",
    "NL": "Netherlands",
    "FR": "France",
    "IE": "Ireland",
    "ES": "Spain",
    "PT": "Portugal",
    "CH": "Switzerland",
    "SE": "Sweden",
    "IL": "Israel",
    "SG": "Singapore",
    "AU": "Australia",
}


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())
