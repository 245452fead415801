"""Salary, date and HN header parsing on the formats people actually write."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawlers.items import canonical_url, content_hash, reencoded_without_tracking
from crawlers.parsing.dates import month_from_title, parse_timestamp
from crawlers.parsing.hn_header import parse_hn_header, remote_from_body, split_header
from crawlers.parsing.salary import annualise, parse_salary


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period", "annual_high"),
    [
        ("$150k-$200k", 150_000, 200_000, "USD", "year", 200_000),
        ("€70.000 – €90.000", 70_000, 90_000, "EUR", "year", 90_000),
        ("120-150k USD", 120_000, 150_000, "USD", "year", 150_000),
        ("$180-200K + equity", 180_000, 200_000, "USD", "year", 200_000),
        ("£60,000 - £80,000 pa", 60_000, 80_000, "GBP", "year", 80_000),
        ("USD 120,000 - 140,000", 120_000, 140_000, "USD", "year", 140_000),
        ("CHF 120'000", 120_000, 120_000, "CHF", "year", 120_000),
        ("90k€", 90_000, 90_000, "EUR", "year", 90_000),
        ("$60/hr", 60, 60, "USD", "hour", 124_800),
        ("$45 - $60 per hour", 45, 60, "USD", "hour", 124_800),
        ("€5.000 per month", 5_000, 5_000, "EUR", "month", 60_000),
        ("$8,000/month", 8_000, 8_000, "USD", "month", 96_000),
        ("150k", 150_000, 150_000, None, "year", 150_000),
        ("$200k-$150k", 150_000, 200_000, "USD", "year", 200_000),
    ],
)
def test_parse_salary(
    text: str, low: float, high: float, currency: str | None, period: str, annual_high: float
) -> None:
    salary = parse_salary(text)
    assert salary is not None
    assert (salary["min"], salary["max"], salary["currency"], salary["period"]) == (
        low,
        high,
        currency,
        period,
    )
    assert salary["annual_max"] == annual_high
    assert salary["raw"]


@pytest.mark.parametrize(
    "text",
    [
        "401(k) matching",
        "5-10 years of experience",
        "2019-2020",
        "Full-time",
        "$50",
        "Team of 12",
        "",
    ],
)
def test_no_salary(text: str) -> None:
    assert parse_salary(text) is None


def test_body_salary_needs_currency_and_range() -> None:
    body = (
        "We have 150k users. Benefits: $10,000 per year learning budget. Pay: $140,000 - $170,000."
    )
    salary = parse_salary(body, require_currency=True, require_range=True)
    assert salary is not None and (salary["min"], salary["max"]) == (140_000, 170_000)


def test_annualise() -> None:
    assert annualise(50, "hour") == 104_000
    assert annualise(400, "day") == 104_000
    assert annualise(2_000, "week") == 104_000
    assert annualise(None, "year") is None
    assert annualise(100, None) is None


@pytest.mark.parametrize(
    ("line", "company", "location", "remote", "salary_max"),
    [
        (
            "Acme Robotics | Machine Learning Engineer, Data Scientist | Berlin | ONSITE | €70k-€90k",
            "Acme Robotics",
            "Berlin",
            False,
            90_000,
        ),
        (
            "Stripe – San Francisco, CA – Backend Engineer – REMOTE – $150k-$200k",
            "Stripe",
            "San Francisco, CA",
            True,
            200_000,
        ),
        (
            "Foo Inc / Data Scientist / London, UK / €70.000 – €90.000",
            "Foo Inc",
            "London, UK",
            None,
            90_000,
        ),
        ("Bar Co - Senior ML Engineer - Paris, France", "Bar Co", "Paris, France", None, None),
        (
            "Baz | REMOTE (US) | Senior ML Engineer | 120-150k USD",
            "Baz",
            "US",
            True,
            150_000,
        ),
        ("Qux | Remote OK | SRE", "Qux", None, True, None),
        ("Zed | Berlin | No remote", "Zed", "Berlin", False, None),
        (
            "Pathos | AI Engineer | NYC (hybrid, 3 days onsite) | Full-time | $180-200K",
            "Pathos",
            "NYC",
            False,
            200_000,
        ),
        ("We are looking for someone to join us", None, None, None, None),
    ],
)
def test_parse_hn_header(
    line: str,
    company: str | None,
    location: str | None,
    remote: bool | None,
    salary_max: float | None,
) -> None:
    header = parse_hn_header(line)
    assert header.company == company
    assert header.location == location
    assert header.remote is remote
    assert (header.salary or {}).get("max") == salary_max


def test_header_fields_split_on_each_separator() -> None:
    assert split_header("A | B | C") == ["A", "B", "C"]
    assert split_header("A - B – C — D / E • F") == ["A", "B", "C", "D", "E", "F"]
    assert split_header("AI/ML Co | Data-Science Lead") == ["AI/ML Co", "Data-Science Lead"]


def test_remote_is_never_guessed_false() -> None:
    assert parse_hn_header("Acme | Backend Engineer | Austin, TX").remote is None
    assert remote_from_body("We are a distributed team working across remote teams.") is None
    assert remote_from_body("Fully remote, anywhere in the EU.") is True
    assert remote_from_body("Sorry, no remote.") is False
    assert (
        parse_hn_header("Acme | Backend Engineer | Austin, TX", body="This role is REMOTE.").remote
        is True
    )


def test_employment_type_from_header() -> None:
    assert parse_hn_header("Acme | Paris | Full-time").employment_type == "Full-time"
    assert parse_hn_header("Acme | Paris | INTERN").employment_type == "Internship"
    assert parse_hn_header("Acme | Paris | Contract").employment_type == "Contract"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parsers_never_raise(text: str) -> None:
    header = parse_hn_header(text, body=text)
    assert header.remote in (True, False, None)
    salary = parse_salary(text)
    assert salary is None or (salary["min"] <= salary["max"])
    assert parse_timestamp(text) is None or parse_timestamp(text).endswith("Z")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (1301664950, "2011-04-01T13:35:50Z"),
        (1779223091267, "2026-05-19T20:38:11Z"),
        ("2026-04-17T05:58:03-04:00", "2026-04-17T09:58:03Z"),
        ("2026-05-01T15:00:00.000Z", "2026-05-01T15:00:00Z"),
        ("2021-04-27T20:13:45.158+00:00", "2021-04-27T20:13:45Z"),
        ("2026-05-04", "2026-05-04T00:00:00Z"),
        ("not a date", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_timestamp(value: object, iso: str | None) -> None:
    assert parse_timestamp(value) == iso


@pytest.mark.parametrize(
    ("title", "month"),
    [
        ("Ask HN: Who is hiring? (April 2011)", "2011-04"),
        ("ask hn: who is HIRING? (sept. 2019)", "2019-09"),
        ("Ask HN: Who is hiring right now?", None),
        (None, None),
    ],
)
def test_month_from_title(title: str | None, month: str | None) -> None:
    assert month_from_title(title) == month


def test_canonical_url_strips_tracking() -> None:
    assert (
        canonical_url("https://x.io/jobs/1?utm_source=hn&gh_src=a1&id=5#apply")
        == "https://x.io/jobs/1?id=5"
    )
    assert canonical_url("https://jobs.lever.co/a/b?lever-source=hn") == "https://jobs.lever.co/a/b"
    assert (
        canonical_url("https://news.ycombinator.com/item?id=1")
        == "https://news.ycombinator.com/item?id=1"
    )
    assert canonical_url(None) is None


def _canonical_by_reencoding(url: str) -> str:
    """canonical_url without its fast path (a URL without query or fragment is kept as it is)."""
    parts = urlsplit(url)
    if not parts.query and not parts.fragment:
        return url
    return reencoded_without_tracking(parts)


_QUERY_PART = st.sampled_from(
    ["id", "ID", "page", "utm_source", "Ref", "gh_jid", "a.b", "x~y", "q", "", "%20", "+", "é"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_QUERY_PART, _QUERY_PART, st.booleans()), max_size=4), st.booleans())
def test_canonical_url_fast_path_agrees_with_reencoding(
    pairs: list[tuple[str, str, bool]], fragment: bool
) -> None:
    query = "&".join(f"{k}={v}" if with_eq else k for k, v, with_eq in pairs)
    url = "https://x.io/jobs/1" + (f"?{query}" if query else "") + ("#apply" if fragment else "")
    assert canonical_url(url) == _canonical_by_reencoding(url)


def test_content_hash_changes_with_text_only() -> None:
    first = content_hash("ML Engineer", "Acme", "Berlin", "text")
    assert first == content_hash("ML Engineer", "Acme", "Berlin", "text")
    assert first != content_hash("ML Engineer", "Acme", "Berlin", "text, edited")
    assert len(first) == 64
