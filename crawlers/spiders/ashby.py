"""Ashby job boards: `/posting-api/job-board/<board>?includeCompensation=true`."""

from __future__ import annotations

from typing import Any

from crawlers.items import JobPosting, build_posting
from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import remote_from_header
from crawlers.parsing.salary import parse_salary, salary_record
from crawlers.spiders.base import BoardSpider
from jobtrends.text import html_to_text

BOARD_PATH = "/posting-api/job-board/{board}?includeCompensation=true"
_INTERVALS = {
    "1 YEAR": "year",
    "1 MONTH": "month",
    "1 WEEK": "week",
    "1 DAY": "day",
    "1 HOUR": "hour",
}
_WORKPLACE = {"remote": True, "onsite": False, "on-site": False, "hybrid": False}


class AshbySpider(BoardSpider):
    """Every job of every configured Ashby board."""

    name = "ashby"
    source_type = "ashby"
    live_base = "https://api.ashbyhq.com"

    board_path = BOARD_PATH
    board_shape = 'an Ashby job board: {"jobs": [...]}'

    def posting(self, job: dict[str, Any], board: str) -> JobPosting:
        """A landing record of one Ashby job."""
        description_html = (
            job.get("descriptionHtml") if isinstance(job.get("descriptionHtml"), str) else None
        )
        text = html_to_text(description_html) or str(job.get("descriptionPlain") or "").strip()
        location = job.get("location") if isinstance(job.get("location"), str) else None
        return build_posting(
            source=self.source_key,
            source_type=self.source_type,
            source_id=str(job["id"]),
            board=board,
            url=job.get("jobUrl") or job.get("applyUrl"),
            company=board,
            title=job.get("title"),
            location=location,
            remote=_remote(job, location),
            salary=_salary(job.get("compensation")),
            employment_type=job.get("employmentType"),
            requisition_id=None,
            posted_at=parse_timestamp(job.get("publishedAt")),
            description_html=description_html,
            description_text=text,
            raw=job,
            run_id=self.run_id,
            fetched_at=self.fetched_at,
        )


def _remote(job: dict[str, Any], location: str | None) -> bool | None:
    if job.get("isRemote") is True:
        return True
    workplace = _WORKPLACE.get(str(job.get("workplaceType") or "").lower())
    if workplace is not None:
        return workplace
    if job.get("isRemote") is False:
        return False
    return remote_from_header(location) if location else None


def _salary(compensation: Any) -> dict[str, Any] | None:
    """The salary component of Ashby's compensation, else its summary text parsed."""
    if not isinstance(compensation, dict):
        return None
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        if isinstance(tier, dict):
            components.extend(tier.get("components") or [])
    for component in components:
        if (
            not isinstance(component, dict)
            or str(component.get("compensationType", "")).lower() != "salary"
        ):
            continue
        period = _INTERVALS.get(str(component.get("interval") or "").upper())
        raw = component.get("summary") or compensation.get("compensationTierSummary")
        record = salary_record(
            component.get("minValue"),
            component.get("maxValue"),
            component.get("currencyCode"),
            period,
            raw,
        )
        if record is not None:
            return record
    for key in ("scrapeableCompensationSalarySummary", "compensationTierSummary"):
        summary = compensation.get(key)
        if isinstance(summary, str):
            record = parse_salary(summary, require_currency=True)
            if record is not None:
                return record
    return None
