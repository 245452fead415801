"""SmartRecruiters, Workable, Recruitee and Personio boards, registered in `_MORE_ATS`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from jobtrends.generate import vocab as V
from jobtrends.generate.drawer import _board_specs
from jobtrends.generate.plan import _Chunk, _iso_offset, _Plan, _Spec
from jobtrends.generate.text import _COUNTRIES, _esc, _html, _money, _set_html

_SR_PAGE = 100
_SR_SECOND_LANGUAGE_EVERY = 7  # every 7th job is also listed in German (one job, two versions)
_WORKABLE_SECOND_PLACE_EVERY = 5  # every 5th job is also open in a second place


def _salary_sentence(spec: _Spec) -> str:
    """The pay as a sentence of the description ("$150,000 - $180,000 per year"), or ""."""
    if not spec.salary:
        return ""
    low, high, cur, period = spec.salary
    spec.salary_raw = f"{_money(low, cur, 1)} - {_money(high, cur, 1)} per {period}"
    return f"<p>The salary range for this role is {_esc(spec.salary_raw)}.</p>"


def _smartrecruiters(plan: _Plan, idx: int, board: str, company: str, n: int) -> _Chunk:
    """A company's postings pages (offset, limit, totalFound, content) and one detail per job."""
    draw, specs, months = _board_specs(plan, 6, idx, company, n)
    entries, chosen, files = [], [], {}
    for i, spec in enumerate(specs):
        pid = str(744_000_800_000_000 + idx * 1_000_000 + (i + 1) * 10)
        full = spec.location or _COUNTRIES[spec.country]
        spec.location = full
        spec.url = f"https://jobs.smartrecruiters.com/{board}/{pid}"
        entry = {
            "id": pid,
            "name": spec.titles[0],
            "refNumber": f"REF{idx:02d}{i + 1:05d}",
            "defaultJobAd": True,
            "language": {"code": "en", "label": "English"},
            "company": {"identifier": board, "name": company},
            "releasedDate": datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%dT%H:%M:%S")
            + f".{int(draw.np.integers(0, 1000)):03d}Z",
            "location": {
                "city": full.split(",")[0],
                "country": spec.country.lower(),
                "remote": spec.workplace == "remote",
                "hybrid": spec.workplace == "hybrid",
                "fullLocation": full,
            },
            "typeOfEmployment": {"id": spec.employment.lower(), "label": spec.employment},
            "ref": f"https://api.smartrecruiters.com/v1/companies/{board}/postings/{pid}",
            "_synthetic": True,
        }
        entries.append(entry)
        chosen.append(entry)
        if (i + 1) % _SR_SECOND_LANGUAGE_EVERY == 0:
            entries.append(
                {
                    **entry,
                    "id": str(int(pid) + 1),
                    "name": f"{spec.titles[0]} (m/w/d)",
                    "defaultJobAd": False,
                    "language": {"code": "de", "label": "German"},
                }
            )
        sections = {"jobDescription": {"title": "Job Description", "text": _html(spec)}}
        pay = _salary_sentence(spec)
        if pay:
            sections["additionalInformation"] = {"title": "Additional Information", "text": pay}
        spec.html = "\n".join(f"<h3>{_esc(s['title'])}</h3>{s['text']}" for s in sections.values())
        detail = {**entry, "postingUrl": spec.url, "jobAd": {"sections": sections}}
        detail.pop("ref")
        files[f"{board}/postings/{pid}.json"] = detail
    for offset in range(0, max(len(entries), 1), _SR_PAGE):
        files[f"{board}/postings-offset-{offset}.json"] = {
            "offset": offset,
            "limit": _SR_PAGE,
            "totalFound": len(entries),
            "content": entries[offset : offset + _SR_PAGE],
        }
    first = f"{board}/postings-offset-0.json"
    return _Chunk(
        "smartrecruiters",
        board,
        specs,
        chosen,
        months,
        first,
        files[first],
        extra={"files": files, "source_ids": [e["id"] for e in chosen]},
    )


def _workable(plan: _Plan, idx: int, account: str, company: str, n: int) -> _Chunk:
    """An account's widget answer: every job, repeated once per place it is open in."""
    draw, specs, months = _board_specs(plan, 7, idx, company, n)
    jobs, firsts, codes = [], [], []
    for i, spec in enumerate(specs):
        code = f"{0xA00000000 + idx * 0x1000000 + i + 1:010X}"
        country = _COUNTRIES[spec.country]
        cities = [spec.location.split(",")[0] if spec.location else ""]
        if (i + 1) % _WORKABLE_SECOND_PLACE_EVERY == 0:
            cities.append(
                draw.py.choice(
                    [loc for loc, cc, _c, _t in V.LOCATIONS if cc == spec.country]
                ).split(",")[0]
            )
        cities = list(dict.fromkeys(cities))
        spec.location = "; ".join(", ".join(p for p in (city, country) if p) for city in cities)
        spec.url = f"https://apply.workable.com/j/{code}"
        description = _set_html(spec, _html(spec) + _salary_sentence(spec))
        for n_place, city in enumerate(cities):
            job = {
                "title": spec.titles[0],
                "shortcode": code,
                "code": "",
                "employment_type": spec.employment,
                "telecommuting": spec.workplace == "remote",
                "department": "Engineering",
                "url": spec.url,
                "shortlink": spec.url,
                "application_url": spec.url + "/apply",
                "published_on": datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%d"),
                "created_at": datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%d"),
                "country": country,
                "city": city,
                "state": "",
                "locations": [
                    {
                        "country": country,
                        "countryCode": spec.country,
                        "city": city,
                        "region": None,
                        "hidden": False,
                    }
                ],
                "description": description,
                "_synthetic": True,
            }
            jobs.append(job)
            if n_place == 0:
                firsts.append(job)
        codes.append(code)
    return _Chunk(
        "workable",
        account,
        specs,
        firsts,
        months,
        f"{account}.json",
        {"name": company, "description": "", "jobs": jobs},
        extra={"source_ids": codes},
    )


_RECRUITEE_FLAGS = {
    "remote": (True, False, False),
    "hybrid": (False, True, False),
    "onsite": (False, False, True),
    "unstated": (False, False, False),
}


def _recruitee(plan: _Plan, idx: int, board: str, company: str, n: int) -> _Chunk:
    """A company's careers-site offers, with the salary object filled where pay is stated."""
    draw, specs, months = _board_specs(plan, 8, idx, company, n)
    offers = []
    for i, spec in enumerate(specs):
        oid = 3_000_000 + idx * 100_000 + i + 1
        slug = (
            "-".join(spec.titles[0].lower().replace("/", " ").replace(",", " ").split())
            + f"-{i + 1}"
        )
        country = _COUNTRIES[spec.country]
        city = spec.location.split(",")[0] if spec.location else None
        spec.location = ", ".join(p for p in (city, country) if p)
        spec.url = f"https://{board}.recruitee.com/o/{slug}"
        remote, hybrid, on_site = _RECRUITEE_FLAGS[spec.workplace]
        salary: dict[str, Any] = {"min": None, "max": None, "period": None, "currency": None}
        if spec.salary:
            low, high, cur, period = spec.salary
            salary = {"min": f"{low:.2f}", "max": f"{high:.2f}", "period": period, "currency": cur}
            spec.salary_raw = f"{low:.2f}-{high:.2f} {cur} {period}"
        stamp = datetime.fromtimestamp(spec.ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        offers.append(
            {
                "id": oid,
                "guid": f"{oid:x}",
                "slug": slug,
                "title": spec.titles[0],
                "status": "published",
                "remote": remote,
                "hybrid": hybrid,
                "on_site": on_site,
                "city": city,
                "country": country,
                "country_code": spec.country,
                "location": "Remote job" if remote and not city else spec.location,
                "locations": [
                    {
                        "id": oid,
                        "name": city,
                        "city": city,
                        "state": None,
                        "country": country,
                        "country_code": spec.country,
                    }
                ]
                if city
                else [],
                "created_at": stamp,
                "published_at": stamp,
                "updated_at": stamp,
                "careers_url": spec.url,
                "careers_apply_url": spec.url + "/c/new",
                "company_name": company,
                "department": "Engineering",
                "salary": salary,
                "employment_type_code": spec.employment.lower().replace("-", "") + "_permanent",
                "description": _set_html(spec, _html(spec)),
                "requirements": None,
                "_synthetic": True,
            }
        )
    return _Chunk("recruitee", board, specs, offers, months, f"{board}.json", {"offers": offers})


def _cdata(html_text: str) -> str:
    return "<![CDATA[" + html_text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _personio(plan: _Plan, idx: int, board: str, company: str, n: int) -> _Chunk:
    """A company's XML feed: one <position> per job, its description in CDATA sections."""
    from xml.sax.saxutils import escape

    draw, specs, months = _board_specs(plan, 9, idx, company, n)
    positions, records = [], []
    for i, spec in enumerate(specs):
        pid = str(1_500_000 + idx * 100_000 + i + 1)
        office = (
            "Remote"
            if spec.workplace == "remote"
            else (spec.location or _COUNTRIES[spec.country]).split(",")[0]
        )
        spec.location = office
        spec.url = f"https://{board}.jobs.personio.de/job/{pid}"
        pay = _salary_sentence(spec)
        sections = [("Your role", _html(spec))] + ([("What we offer", pay)] if pay else [])
        spec.html = "\n".join(f"<h3>{_esc(name)}</h3>{text}" for name, text in sections)
        schedule = "part-time" if spec.employment == "Part-time" else "full-time"
        created = _iso_offset(spec.ts, spec.tz)
        descriptions = "".join(
            f"<jobDescription><name>{escape(name)}</name><value>{_cdata(text)}</value></jobDescription>"
            for name, text in sections
        )
        positions.append(
            f"<position><id>{pid}</id><subcompany>{escape(company)}</subcompany>"
            f"<office>{escape(office)}</office><department>Engineering</department>"
            f"<recruitingCategory>Engineering</recruitingCategory><name>{escape(spec.titles[0])}</name>"
            f"<jobDescriptions>{descriptions}</jobDescriptions><employmentType>permanent</employmentType>"
            f"<schedule>{schedule}</schedule><createdAt>{created}</createdAt>"
            "<_synthetic>true</_synthetic></position>"
        )
        records.append(
            {
                "id": pid,
                "subcompany": company,
                "office": office,
                "name": spec.titles[0],
                "employmentType": "permanent",
                "schedule": schedule,
                "createdAt": created,
                "_synthetic": True,
            }
        )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n'
        + "\n".join(positions)
        + "\n</workzag-jobs>\n"
    )
    return _Chunk("personio", board, specs, records, months, f"{board}.xml", feed)


_MORE_ATS = {
    "smartrecruiters": _smartrecruiters,
    "workable": _workable,
    "recruitee": _recruitee,
    "personio": _personio,
}
