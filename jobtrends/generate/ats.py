"""Greenhouse, Lever and Ashby boards: one JSON answer per board."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import numpy as np

from jobtrends.generate import vocab as V
from jobtrends.generate.drawer import _board_specs
from jobtrends.generate.plan import _Chunk, _iso_offset, _Plan
from jobtrends.generate.text import _COUNTRIES, _esc, _html, _money, _plain, _set_html


def _greenhouse(plan: _Plan, idx: int, token: str, company: str, n: int) -> _Chunk:
    draw, specs, months = _board_specs(plan, 1, idx, company, n)
    py = draw.py
    jobs = []
    base = 4_000_000_002 + idx * 10_000_000_000
    for i, spec in enumerate(specs):
        job_id = base + (i + 1) * 1000
        body = _html(spec)
        if spec.salary:
            low, high, cur, period = spec.salary
            spec.salary_raw = f"{_money(low, cur, 1)} - {_money(high, cur, 1)} {cur} per {period}"
            body += f'<div class="pay-range"><p>The base pay range for this role is {_esc(spec.salary_raw)}.</p></div>'
        spec.html = body
        office = spec.location or "Remote"
        location = f"Remote, {_COUNTRIES[spec.country]}" if spec.workplace == "remote" else office
        spec.location = location
        spec.url = f"https://job-boards.greenhouse.io/{token}/jobs/{job_id}"
        # edits move updated_at, never past the end of the generated period
        updated = max(spec.ts, min(spec.ts + int(py.random() * 40) * 86400, plan.horizon))
        jobs.append(
            {
                "absolute_url": spec.url,
                "data_compliance": [
                    {
                        "type": "gdpr",
                        "requires_consent": False,
                        "requires_processing_consent": False,
                        "requires_retention_consent": False,
                        "retention_period": None,
                        "demographic_data_consent_applies": False,
                    }
                ],
                "internal_job_id": job_id // 1000 * 7 + 2,
                "location": {"name": location},
                "metadata": [
                    {
                        "id": 4_000_000_002,
                        "name": "Employment Type",
                        "value": spec.employment,
                        "value_type": "single_select",
                    }
                ],
                "id": job_id,
                "updated_at": _iso_offset(updated, spec.tz),
                "requisition_id": f"{token[:3].upper()}-{idx:02d}{i + 1:05d}",
                "title": spec.titles[0],
                "company_name": company,
                "first_published": _iso_offset(spec.ts, spec.tz),
                "language": "en",
                "content": _esc(body),
                "departments": [
                    {
                        "id": 4_100_000_002 + idx,
                        "name": "Engineering",
                        "child_ids": [],
                        "parent_id": None,
                    }
                ],
                "offices": [
                    {
                        "id": 4_200_000_002 + idx,
                        "name": office,
                        "location": None,
                        "child_ids": [],
                        "parent_id": None,
                    }
                ],
                "_synthetic": True,
            }
        )
    return _Chunk(
        "greenhouse",
        token,
        specs,
        jobs,
        months,
        f"{token}.json",
        {"jobs": jobs, "meta": {"total": len(jobs)}},
    )


def _uuid(rng: np.random.Generator) -> str:
    return str(uuid.UUID(bytes=rng.bytes(16), version=4))


_LEVER_WORKPLACE = {
    "remote": "remote",
    "onsite": "on-site",
    "hybrid": "hybrid",
    "unstated": "unspecified",
}


def _lever(plan: _Plan, idx: int, site: str, company: str, n: int) -> _Chunk:
    draw, specs, months = _board_specs(plan, 2, idx, company, n)
    postings = []
    for spec in specs:
        pid = _uuid(draw.np)
        opening = "".join(f"<div>{_esc(p)}</div>" for p in spec.intro[:1])
        body = "".join(f"<div>{_esc(p)}</div>" for p in spec.intro[1:])
        lists = []
        if spec.requirements:
            lists.append(
                {
                    "text": "What we're looking for",
                    "content": "".join(f"<li>{_esc(r)}</li>" for r in spec.requirements),
                }
            )
        if spec.nice:
            lists.append(
                {
                    "text": "Nice to have",
                    "content": "".join(f"<li>{_esc(r)}</li>" for r in spec.nice),
                }
            )
        location = spec.location or "Remote"
        spec.location = location
        spec.url = f"https://jobs.lever.co/{site}/{pid}"
        posting: dict[str, Any] = {
            "additional": "".join(f"<div>{_esc(p)}</div>" for p in spec.outro),
            "additionalPlain": "\n".join(spec.outro),
            "applyUrl": spec.url + "/apply",
            "categories": {
                "commitment": spec.employment,
                "department": "Technology",
                "location": location,
                "team": "Engineering",
                "allLocations": [location],
            },
            "country": spec.country,
            "createdAt": spec.ts * 1000 + int(draw.np.integers(0, 1000)),
            "description": opening + body,
            "descriptionBody": body,
            "descriptionBodyPlain": "\n".join(spec.intro[1:]),
            "descriptionPlain": "\n".join(spec.intro),
            "hostedUrl": spec.url,
            "id": pid,
            "lists": lists,
            "opening": opening,
            "openingPlain": "\n".join(spec.intro[:1]),
            "text": spec.titles[0],
            "workplaceType": _LEVER_WORKPLACE[spec.workplace],
            "_synthetic": True,
        }
        if spec.salary:
            low, high, cur, period = spec.salary
            interval = {
                "year": "per-year-salary",
                "month": "per-month-salary",
                "hour": "per-hour-wage",
            }[period]
            posting["salaryRange"] = {
                "currency": cur,
                "interval": interval,
                "max": high,
                "min": low,
            }
            spec.salary_raw = f"{_money(low, cur, 1)} - {_money(high, cur, 1)}"
            posting["salaryDescriptionPlain"] = f"The pay range for this role is {spec.salary_raw}."
            posting["salaryDescription"] = f"<div>{_esc(posting['salaryDescriptionPlain'])}</div>"
        postings.append(posting)
    return _Chunk("lever", site, specs, postings, months, f"{site}.json", postings)


_ASHBY_TYPES = {"Full-time": "FullTime", "Contract": "Contract", "Part-time": "PartTime"}
_ASHBY_WORKPLACE = {"remote": "Remote", "onsite": "OnSite", "hybrid": "Hybrid", "unstated": None}


def _ashby(plan: _Plan, idx: int, board: str, company: str, n: int) -> _Chunk:
    draw, specs, months = _board_specs(plan, 3, idx, company, n)
    jobs = []
    for spec in specs:
        jid = _uuid(draw.np)
        location = spec.location or "Remote"
        spec.location = location
        spec.url = f"https://jobs.ashbyhq.com/{board}/{jid}"
        compensation: dict[str, Any] = {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
        if spec.salary:
            low, high, cur, period = spec.salary
            interval = {"year": "1 YEAR", "month": "1 MONTH", "hour": "1 HOUR"}[period]
            summary = (
                f"{V.CURRENCY_SYMBOL[cur]}{low // 1000}K – {V.CURRENCY_SYMBOL[cur]}{high // 1000}K"
                if period == "year"
                else f"{_money(low, cur, 1)} – {_money(high, cur, 1)}"
            )
            spec.salary_raw = summary
            component = {
                "compensationType": "Salary",
                "interval": interval,
                "currencyCode": cur,
                "minValue": low,
                "maxValue": high,
            }
            compensation = {
                "compensationTierSummary": summary + " • Offers Equity",
                "scrapeableCompensationSalarySummary": summary,
                "compensationTiers": [
                    {
                        "id": _uuid(draw.np),
                        "tierSummary": summary,
                        "title": None,
                        "additionalInformation": None,
                        "components": [{"id": _uuid(draw.np), "summary": summary, **component}],
                    }
                ],
                "summaryComponents": [component],
            }
        jobs.append(
            {
                "id": jid,
                "title": spec.titles[0],
                "department": draw.py.choice(V.ASHBY_DEPARTMENTS),
                "team": "Engineering",
                "employmentType": _ASHBY_TYPES[spec.employment],
                "location": location,
                "shouldDisplayCompensationOnJobPostings": spec.salary is not None,
                "secondaryLocations": [],
                "publishedAt": datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.")
                + f"{int(draw.np.integers(0, 1000)):03d}+00:00",
                "isListed": True,
                "isRemote": spec.workplace == "remote",
                "workplaceType": _ASHBY_WORKPLACE[spec.workplace],
                "address": {"postalAddress": {"addressCountry": _COUNTRIES[spec.country]}},
                "jobUrl": spec.url,
                "applyUrl": spec.url + "/application",
                "descriptionHtml": _set_html(spec, _html(spec)),
                "descriptionPlain": _plain(spec),
                "compensation": compensation,
                "_synthetic": True,
            }
        )
    return _Chunk(
        "ashby", board, specs, jobs, months, f"{board}.json", {"apiVersion": "1", "jobs": jobs}
    )
