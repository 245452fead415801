"""Public feeds: RemoteOK, Remotive, Himalayas (paged by cursor) and Arbeitnow (paged by number)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from jobtrends.generate import vocab as V
from jobtrends.generate.drawer import _ats_times, _board_specs, _Drawer
from jobtrends.generate.plan import AI, DS, _Chunk, _company_names, _Plan, _Spec
from jobtrends.generate.text import _COUNTRIES, _esc, _html, _money, _set_html, _slug


def _remoteok(plan: _Plan, n: int) -> _Chunk:
    draw, specs, months = _board_specs(plan, 4, 0, None, n)
    items: list[dict[str, Any]] = [
        {
            "last_updated": specs[0].ts if specs else 0,
            "legal": "Synthetic demo data in the shape of the RemoteOK API; the real API asks users to link back and credit the source.",
        }
    ]
    for i, spec in enumerate(specs):
        rid = str(1_000_000 + (len(specs) - i) * 7)
        slug = "-".join((spec.company + " " + spec.titles[0]).lower().replace(".", "").split())
        spec.url = f"https://remoteok.com/remote-jobs/{slug}-{rid}"
        # RemoteOK states yearly salaries in USD only, 0 when absent
        low, high = (
            (spec.salary[0], spec.salary[1])
            if spec.salary and spec.salary[2:] == ("USD", "year")
            else (0, 0)
        )
        if low:
            spec.salary_raw = f"{low}-{high}"
        else:
            spec.salary = None
        tags = sorted({s.lower() for s in spec.skills[:5]} | {"dev"})
        items.append(
            {
                "slug": f"{slug}-{rid}",
                "id": rid,
                "epoch": spec.ts,
                "date": datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "company": spec.company,
                "company_logo": "",
                "position": spec.titles[0],
                "tags": tags,
                "logo": "",
                "description": _set_html(spec, _html(spec, headings=False)),
                "location": spec.location,
                "salary_min": low,
                "salary_max": high,
                "apply_url": spec.url + "/apply",
                "url": spec.url,
                "_synthetic": True,
            }
        )
    return _Chunk("remoteok", "remoteok", specs, items[1:], months, "api.json", items)


# Drawer streams of their own, apart from the indices the other sources use.
_FEED_SOURCE_IDX = {"remotive": 11, "himalayas": 12, "arbeitnow": 13}
_EMPLOYMENT_KEYS = {"Full-time": "full_time", "Contract": "contract", "Part-time": "part_time"}


def _feed_specs(
    plan: _Plan,
    source: str,
    n: int,
    prefixes: Sequence[str],
    *,
    remote_only: bool,
    location_pref: int | None = None,
) -> tuple[_Drawer, list[_Spec], list[str]]:
    """The postings of one public feed, newest first, from companies of the feed's own names."""
    draw = _Drawer(plan.seed, _FEED_SOURCE_IDX[source], 0)
    pref = int(draw.np.integers(len(V.LOCATIONS))) if location_pref is None else location_pref
    times, months = _ats_times(draw, plan, n, V.LOCATIONS[pref][3])
    names = _company_names(prefixes, draw.np)
    specs, keys, years = [], [], []
    for i in range(n):
        year = int(months[i][:4])
        spec, key = draw.posting(
            year, times[i], names[i % len(names)], hn=False, location_pref=pref
        )
        if remote_only:
            spec.workplace, spec.location = "remote", draw.py.choice(V.REMOTE_REGIONS)
        specs.append(spec)
        keys.append(key)
        years.append(year)
    draw.fill(specs, keys, years, hn=False)
    order = sorted(range(n), key=lambda i: -specs[i].ts)
    return draw, [specs[i] for i in order], [months[i] for i in order]


def _pages(n: int, size: int) -> list[tuple[int, int]]:
    """(start, end) of each page of n items; an empty feed still answers one empty page."""
    return [(start, min(start + size, n)) for start in range(0, max(n, 1), size)]


def _remotive_salary(salary: tuple[int, int, str, str], py: random.Random) -> str:
    """Pay as Remotive's free-text field writes it: "$150k - $230k", "$90 - $150 /hour"."""
    low, high, currency, period = salary
    symbol = V.CURRENCY_SYMBOL[currency]
    if period == "hour":
        return f"{symbol}{low} - {symbol}{high} /hour"
    if period == "month":
        return f"{symbol}{low:,} - {symbol}{high:,} /month"
    if py.random() < 0.6:
        return f"{symbol}{low // 1000}k - {symbol}{high // 1000}k"
    return f"{symbol}{low:,} - {symbol}{high:,}"


def _remotive(plan: _Plan, n: int) -> _Chunk:
    """Remotive's `/api/remote-jobs`: one response holding every job, salary as free text."""
    draw, specs, months = _feed_specs(plan, "remotive", n, V.REMOTIVE_PREFIXES, remote_only=True)
    jobs = []
    for i, spec in enumerate(specs):
        rid = 2_100_000 + (len(specs) - i) * 13
        family = "ai" if AI in spec.families else "ds" if DS in spec.families else "other"
        category, category_slug = V.REMOTIVE_CATEGORIES[family]
        spec.url = f"https://remotive.com/remote-jobs/{category_slug}/{_slug(spec.titles[0])}-{rid}"
        salary = ""
        if spec.salary:
            salary = spec.salary_raw = _remotive_salary(spec.salary, draw.py)
        jobs.append(
            {
                "id": rid,
                "url": spec.url,
                "title": spec.titles[0],
                "company_name": spec.company,
                "company_logo": f"https://remotive.com/job/{rid}/logo",
                "category": category,
                "tags": sorted({skill.lower() for skill in spec.skills[:5]}),
                "job_type": _EMPLOYMENT_KEYS[spec.employment],
                "publication_date": datetime.fromtimestamp(spec.ts, UTC).strftime(
                    "%Y-%m-%dT%H:%M:%S"
                ),
                "candidate_required_location": spec.location,
                "salary": salary,
                "description": _set_html(spec, _html(spec)),
                "_synthetic": True,
            }
        )
    body = {
        "0-legal-notice": "Synthetic demo data in the shape of the Remotive API; the real API asks users to link back to Remotive and credit it as the source.",
        "job-count": len(jobs),
        "jobs": jobs,
    }
    return _Chunk("remotive", "remotive", specs, jobs, months, "remote-jobs.json", body)


_HIMALAYAS_PERIODS = {"year": "annual", "month": "monthly", "hour": "hourly"}
_HIMALAYAS_TYPES = {"Full-time": "Full Time", "Contract": "Contractor", "Part-time": "Part Time"}


def _himalayas(plan: _Plan, n: int) -> Iterator[_Chunk]:
    """Himalayas' `/jobs/api`: pages of 20, newest first, each but the last with a `nextCursor`."""
    draw, specs, months = _feed_specs(plan, "himalayas", n, V.HIMALAYAS_PREFIXES, remote_only=True)
    py = draw.py
    jobs = []
    for spec in specs:
        restrictions = [] if py.random() < 0.3 else [_COUNTRIES[spec.country]]
        if restrictions and spec.country == "US" and py.random() < 0.3:
            restrictions.append(_COUNTRIES["CA"])
        spec.location = ", ".join(restrictions) or "Worldwide"
        slug = _slug(spec.titles[0])
        company_slug = _slug(spec.company)
        spec.url = f"https://himalayas.app/companies/{company_slug}/jobs/{slug}-{spec.ts % 10**10}"
        low = high = currency = None
        if spec.salary:
            low, high, currency, period = spec.salary
            spec.salary_raw = f"{low}-{high} {currency} {_HIMALAYAS_PERIODS[period]}"
        jobs.append(
            {
                "title": spec.titles[0],
                "excerpt": spec.intro[0],
                "companyName": spec.company,
                "companySlug": company_slug,
                "companyLogo": f"https://cdn-images.himalayas.app/{company_slug}",
                "employmentType": _HIMALAYAS_TYPES[spec.employment],
                "minSalary": low,
                "maxSalary": high,
                "salaryPeriod": _HIMALAYAS_PERIODS[spec.salary[3]] if spec.salary else "annual",
                "seniority": [
                    "Senior" if spec.titles[0].startswith(("Senior", "Sr.")) else "Mid-level"
                ],
                "currency": currency,
                "locationRestrictions": restrictions,
                "timezoneRestrictions": [],
                "categories": sorted({skill for skill in spec.skills[:4]}),
                "parentCategories": [],
                "description": _set_html(spec, _html(spec)),
                "pubDate": spec.ts,
                "expiryDate": spec.ts + 60 * 86400,
                "applicationLink": spec.url,
                "guid": spec.url,
                "_synthetic": True,
            }
        )
    size = V.FEED_PAGE_SIZE["himalayas"]
    for start, end in _pages(n, size):
        page: dict[str, Any] = {
            "updatedAt": plan.horizon,
            "offset": start,
            "limit": size,
            "totalCount": n,
            "jobs": jobs[start:end],
        }
        if end < n:
            # An opaque token, as the API's; the replay server finds the page it leads to.
            token = hashlib.sha256(f"{plan.seed}:himalayas:{end}".encode()).hexdigest()[:24]
            page["nextCursor"] = token
        yield _Chunk(
            "himalayas",
            "himalayas",
            specs[start:end],
            jobs[start:end],
            months[start:end],
            f"offset-{start}.json",
            page,
        )


_ARBEITNOW_TYPES = {"Full-time": "Full time", "Contract": "Contract", "Part-time": "Part time"}
_BERLIN = next(i for i, row in enumerate(V.LOCATIONS) if row[0].startswith("Berlin"))


def _arbeitnow(plan: _Plan, n: int) -> Iterator[_Chunk]:
    """Arbeitnow's `/api/job-board-api?page=N`: pages of 100 until `links.next` is null; a third
    of the descriptions come entity-escaped, as those it takes from ATS boards do."""
    draw, specs, months = _feed_specs(
        plan, "arbeitnow", n, V.ARBEITNOW_PREFIXES, remote_only=False, location_pref=_BERLIN
    )
    py = draw.py
    jobs = []
    for i, spec in enumerate(specs):
        city = (spec.location or V.LOCATIONS[_BERLIN][0]).split(", ")[0]
        spec.location = city
        if spec.workplace == "unstated":
            spec.workplace = "onsite"  # the board states remote or not for every job
        slug = f"{_slug(spec.titles[0])}-{_slug(city)}-{300_000 + (len(specs) - i) * 7}"
        spec.url = f"https://www.arbeitnow.com/jobs/companies/{_slug(spec.company)}/{slug}"
        body = _html(spec)
        if spec.salary:
            low, high, cur, period = spec.salary
            spec.salary_raw = f"{_money(low, cur, 1)} - {_money(high, cur, 1)} {cur} per {period}"
            body += f"<p>Salary: {_esc(spec.salary_raw)}</p>"
        spec.html = body
        jobs.append(
            {
                "slug": slug,
                "company_name": spec.company,
                "title": spec.titles[0],
                "description": _esc(body) if py.random() < 0.33 else body,
                "remote": spec.workplace == "remote",
                "url": spec.url,
                "tags": sorted({skill for skill in spec.skills[:3]}),
                "job_types": [_ARBEITNOW_TYPES[spec.employment]],
                "location": city,
                "created_at": spec.ts,
                "_synthetic": True,
            }
        )
    size = V.FEED_PAGE_SIZE["arbeitnow"]
    api = "https://www.arbeitnow.com/api/job-board-api"
    for number, (start, end) in enumerate(_pages(n, size), start=1):
        page = {
            "data": jobs[start:end],
            "links": {
                "first": f"{api}?page=1",
                "last": None,
                "prev": f"{api}?page={number - 1}" if number > 1 else None,
                "next": f"{api}?page={number + 1}" if end < n else None,
            },
            "meta": {
                "current_page": number,
                "from": start + 1,
                "path": api,
                "per_page": size,
                "to": end,
            },
        }
        yield _Chunk(
            "arbeitnow",
            "arbeitnow",
            specs[start:end],
            jobs[start:end],
            months[start:end],
            f"page-{number}.json",
            page,
        )
