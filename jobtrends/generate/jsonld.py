"""Career pages carrying schema.org JobPosting JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from jobtrends.generate.drawer import _board_specs
from jobtrends.generate.plan import _Chunk, _iso_offset, _Plan
from jobtrends.generate.text import _COUNTRIES, _esc, _html, _set_html


def _jsonld(plan: _Plan, idx: int, name: str, company: str, n: int) -> _Chunk:
    draw, specs, months = _board_specs(plan, 5, idx, company, n)
    postings = []
    for i, spec in enumerate(specs):
        ident = f"{name[:4].upper()}-{idx:02d}{i + 1:05d}"
        spec.url = f"https://{spec.domain}/careers/{ident.lower()}"
        posting: dict[str, Any] = {
            "@type": "JobPosting",
            "title": spec.titles[0],
            "description": _set_html(spec, _html(spec)),
            "datePosted": _iso_offset(spec.ts, spec.tz),
            "validThrough": _iso_offset(spec.ts + 60 * 86400, spec.tz),
            "employmentType": spec.employment.upper().replace("-", "_"),
            "identifier": {"@type": "PropertyValue", "name": company, "value": ident},
            "hiringOrganization": {
                "@type": "Organization",
                "name": company,
                "sameAs": f"https://{spec.domain}",
            },
            "url": spec.url,
            "_synthetic": True,
        }
        if spec.workplace == "remote":
            posting["jobLocationType"] = "TELECOMMUTE"
            posting["applicantLocationRequirements"] = {
                "@type": "Country",
                "name": _COUNTRIES[spec.country],
            }
            spec.location = None
        if spec.location:
            city, _, region = spec.location.partition(", ")
            posting["jobLocation"] = {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": city,
                    "addressRegion": region or None,
                    "addressCountry": spec.country,
                },
            }
        if spec.salary:
            low, high, cur, period = spec.salary
            posting["baseSalary"] = {
                "@type": "MonetaryAmount",
                "currency": cur,
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": low,
                    "maxValue": high,
                    "unitText": period.upper(),
                },
            }
            spec.salary_raw = f"{low}-{high} {cur} per {period}"
        postings.append(posting)
    page = _jsonld_page(company, postings, idx % 3)
    return _Chunk("jsonld", name, specs, postings, months, f"{name}.html", page)


def _jsonld_page(company: str, postings: list[dict[str, Any]], style: int) -> str:
    """A career page: one script per posting, one @graph, or one JSON array."""

    def script(data: Any) -> str:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return f'<script type="application/ld+json">{text}</script>'

    with_context = [{"@context": "https://schema.org", **p} for p in postings]
    if style == 0:
        scripts = "\n".join(script(p) for p in with_context)
    elif style == 1:
        scripts = script(
            {
                "@context": "https://schema.org",
                "@graph": [{"@type": "Organization", "name": company}, *postings],
            }
        )
    else:
        scripts = script(with_context)
    items = "\n".join(
        f'<li><a href="{_esc(p["url"])}">{_esc(p["title"])}</a></li>' for p in postings
    )
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Careers at {_esc(company)}</title>\n'
        f"{scripts}\n</head><body><h1>Careers at {_esc(company)}</h1>\n<ul>\n{items}\n</ul>\n</body></html>\n"
    )
