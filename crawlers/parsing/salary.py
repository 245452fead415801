"""Salary amounts from free text and structured fields, annualised where the period is known."""

from __future__ import annotations

import re
from typing import Any

PERIOD_HOURS = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

_SYMBOLS = {
    "us$": "USD",
    "usd$": "USD",
    "ca$": "CAD",
    "c$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "s$": "SGD",
    "hk$": "HKD",
    "r$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₪": "ILS",
    "zł": "PLN",
    "chf": "CHF",
}
_CODES = (
    "USD EUR GBP CAD AUD NZD CHF SEK NOK DKK PLN INR JPY SGD HKD BRL MXN ZAR ILS CZK HUF RON"
    " CNY KRW TRY AED"
).split()
_CUR = (
    r"(?:US\$|USD\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|HK\$|R\$|\$|€|£|¥|₹|₩|₪|zł|\b(?:"
    + "|".join(_CODES)
    + r")\b)"
)
_NUM = r"\d{1,3}(?:[,.'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?"
_MULT = r"(?:\s?[kKmM](?![a-zA-Z]))?"
_UNIT = r"(?P<unit>hour|hr|h|day|week|wk|month|mo|year|yr|annum|a)\b"
_ADVERB = r"(?P<adverb>hourly|daily|weekly|monthly|annually|yearly|annual|p\.\s?a\.?|pa)\b"
_SALARY = re.compile(
    rf"""
    (?P<c1>{_CUR})?\s?(?P<n1>{_NUM})(?P<k1>{_MULT})\s?(?P<c1b>{_CUR})?
    (?:\s*(?:-|–|—|to|until|bis)\s*(?P<c2>{_CUR})?\s?(?P<n2>{_NUM})(?P<k2>{_MULT}))?
    (?:\s?(?P<c3>{_CUR}))?
    (?:\s*(?:(?:/|per|an?)\s*{_UNIT}|[,(]?\s*{_ADVERB}))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Cheap hint patterns. Each begins with one character class, which re skips along quickly
# (an alternation of branches is tried branch by branch at every position instead).
_HINT = re.compile(r"[$€£¥₹₩₪z\d](?:(?<=[$€£¥₹₩₪])|(?<=\d) ?[kKmM](?![a-zA-Z])|(?<=z)ł)")
_CODE_HINT = re.compile("(?<![A-Za-z])(?:" + "|".join(_CODES) + ")(?![A-Za-z])")
_ANY_CODE = re.compile("(?:" + "|".join(_CODES) + ")")  # _CODE_HINT without its lookarounds
_UNITS = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "wk": "week",
    "weekly": "week",
    "month": "month",
    "mo": "month",
    "monthly": "month",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "a": "year",
    "annually": "year",
    "yearly": "year",
    "annual": "year",
    "pa": "year",
}


def annualise(amount: float | None, period: str | None) -> float | None:
    """A yearly figure for an amount paid per hour, day, week, month or year."""
    if amount is None or period not in PERIOD_HOURS:
        return None
    return round(amount * PERIOD_HOURS[period], 2)


def salary_record(
    low: Any, high: Any, currency: str | None, period: str | None, raw: str | None
) -> dict[str, Any] | None:
    """The landing record's salary object, or None when there is no amount."""
    low_f, high_f = _as_amount(low), _as_amount(high)
    if low_f is None and high_f is None:
        return None
    if low_f is None:
        low_f = high_f
    if high_f is None:
        high_f = low_f
    if low_f is not None and high_f is not None and high_f < low_f:
        low_f, high_f = high_f, low_f
    return {
        "min": low_f,
        "max": high_f,
        "currency": currency.upper() if currency else None,
        "period": period,
        "annual_min": annualise(low_f, period),
        "annual_max": annualise(high_f, period),
        "raw": raw,
    }


def parse_salary(
    text: str | None, *, require_currency: bool = False, require_range: bool = False
) -> dict[str, Any] | None:
    """The first salary stated in `text` ("$150k-$200k", "€70.000 – €90.000", "120-150k USD")."""
    if not text:
        return None
    text = text[:100_000]
    # Try the full pattern only near a currency or a "k": scanning every position of a long
    # posting with it costs a millisecond, the hints a few microseconds.
    hints = [m.start() for m in _HINT.finditer(text)]
    codes = [m.start() for m in _CODE_HINT.finditer(text)] if _ANY_CODE.search(text) else []
    if codes:
        hints = sorted(hints + codes)
    for position in hints:
        start, end = _widen(text, max(position - 40, 0), min(position + 64, len(text)))
        for match in _SALARY.finditer(text, start, end):
            record = _from_match(
                match, require_currency=require_currency, require_range=require_range
            )
            if record is not None:
                return record
    return None


def _from_match(
    match: re.Match[str], *, require_currency: bool, require_range: bool
) -> dict[str, Any] | None:
    symbol = match.group("c1") or match.group("c1b") or match.group("c2") or match.group("c3")
    k1, k2 = bool(match.group("k1").strip()), bool((match.group("k2") or "").strip())
    if require_range and match.group("n2") is None:
        return None
    if symbol is None and (require_currency or not (k1 or k2)):
        return None
    low = _number(match.group("n1"))
    high = _number(match.group("n2")) if match.group("n2") else None
    if low is None:
        return None
    low *= _multiplier(match.group("k1"))
    if high is not None:
        high *= _multiplier(match.group("k2"))
        # "120-150k": the k of the upper bound applies to a lower bound written without one.
        if k2 and not k1 and low < 1000:
            low *= 1000
        if k1 and not k2 and high < 1000:
            high *= 1000
    unit = match.group("unit") or match.group("adverb")
    period = _UNITS.get(unit.lower().replace(".", "").replace(" ", "")) if unit else None
    top = max(low, high or 0)
    if period is None and top >= 10_000:
        period = "year"
    if top <= 0 or (period is None and top < 1000) or top > 10_000_000:
        return None
    currency = _currency(symbol) if symbol else None
    return salary_record(low, high, currency, period, match.group(0).strip())


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Move window edges off the middle of a number, so "$140,000" is never read as "000"."""
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ",.'"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in ",.'"):
        end += 1
    return start, end


def _currency(symbol: str) -> str | None:
    key = symbol.strip().lower()
    return _SYMBOLS.get(key) or (key.upper() if key.upper() in _CODES else None)


def _multiplier(suffix: str | None) -> float:
    suffix = (suffix or "").strip().lower()
    return 1000.0 if suffix == "k" else 1_000_000.0 if suffix == "m" else 1.0


def _number(text: str) -> float | None:
    text = text.replace("'", "").replace("\u00a0", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        text = text.replace(",", "").replace(".", "")
    elif "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _as_amount(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value > 0 else None
    return _number(str(value).strip()) if str(value).strip() else None


# A single amount ("$25", "€500 budget") is read as pay only when a period is written beside it;
# a range with a currency ("$120k-$150k") is pay by itself. Tried on at most this many amounts.
_STATED_PERIOD = re.compile(
    r"(?:/|\bper\b|\ban?\b)\s*(?:hour|hr|h|day|week|wk|month|mo|year|yr|annum)\b"
    r"|\b(?:hourly|daily|weekly|monthly|annually|yearly|annual|p\.?\s?a)\b",
    re.IGNORECASE,
)
_SINGLE_AMOUNT_TRIES = 5


def parse_text_salary(text: str | None) -> dict[str, Any] | None:
    """Pay stated in a posting's text: a range with a currency, else one amount with its period.

    For ATS postings whose only salary is prose (Workable, SmartRecruiters, Personio); "$2M
    raised" or "a €500 budget" is not pay, "$25 per hour" is.
    """
    record = parse_salary(text, require_currency=True, require_range=True)
    if record is not None or not text:
        return record
    rest = text[:100_000]
    for _ in range(_SINGLE_AMOUNT_TRIES):
        record = parse_salary(rest, require_currency=True)
        if record is None:
            return None
        raw = str(record.get("raw") or "")
        if _STATED_PERIOD.search(raw):
            return record
        cut = rest.find(raw)
        if cut < 0 or not raw:
            return None
        rest = rest[cut + len(raw) :]
    return None
