"""Real responses of the newer job APIs that the project's corpus does not hold, replayed.

Each folder of tests/fixtures/unseen is a corpus (one source) trimmed from a response that a
public repository saved (its README names the origin). The real spider crawls it through the
replay server, and each landed posting is compared with values read from the response by hand.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jobtrends.replay import source_config, start_replay_server

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen"
_TAG_OR_ENTITY = re.compile(r"<[a-zA-Z/!][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")

pytestmark = pytest.mark.slow


def replay(source: str, crawl, read_landed, tmp_path: Path) -> tuple[dict[str, Any], dict]:
    """Crawl one unseen corpus; the manifest and the postings by source id."""
    corpus = UNSEEN / source
    with start_replay_server(corpus) as server:
        [manifest] = crawl(source_config(corpus, server.base_url))
    postings = {r["source_id"]: r for r in read_landed(tmp_path / "data", manifest)}
    return manifest, postings


def clean_text(posting: dict[str, Any]) -> str:
    text = posting["description_text"]
    assert text.strip(), posting["source_id"]
    assert not _TAG_OR_ENTITY.search(text), _TAG_OR_ENTITY.search(text)
    return text


def pay(posting: dict[str, Any]) -> tuple[Any, ...] | None:
    salary = posting["salary"]
    if salary is None:
        return None
    keys = ("min", "max", "currency", "period", "annual_min", "annual_max")
    return tuple(salary[k] for k in keys)


def test_smartrecruiters_guidehealth(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("smartrecruiters", crawl, read_landed, tmp_path)
    assert sorted(jobs) == ["3743990015329017", "3743990015329216", "3743990015568355"]
    # Only the first job's detail was recorded: the other two land from the list entry.
    assert manifest["complete"] is False
    assert manifest["missing_fields"] == {"description_text": 2}
    patient = jobs["3743990015568355"]
    assert patient["title"] == "Patient Engagement Specialist - Remote"
    assert patient["company"] == "Guidehealth" and patient["requisition_id"] == "REF292X"
    assert patient["location"] == "Dallas, TX, United States" and patient["remote"] is True
    assert patient["posted_at"] == "2026-09-22T16:21:42Z" and patient["month"] == "2026-09"
    assert patient["employment_type"] == "Full-time"
    assert patient["url"] == (
        "https://jobs.smartrecruiters.com/Guidehealth/"
        "3743990015568355-patient-engagement-specialist-remote"
    )
    # "The base pay range for this role is between $20 - $22 per hour" (2080 hours a year)
    assert pay(patient) == (20.0, 22.0, "USD", "hour", 41_600.0, 45_760.0)
    text = clean_text(patient)
    assert text.startswith("Company Description\n\nBuild Your Career in Healthcare")
    assert "\nQualifications\n" in text and "\nAdditional Information\n" in text
    # One reference number in two cities: two postings.
    houston, atlanta = jobs["3743990015329216"], jobs["3743990015329017"]
    for job in (houston, atlanta):
        assert job["title"] == "Remote Clinical Pharmacist – HEDIS Medication Adherence"
        assert job["requisition_id"] == "REF308X" and job["remote"] is True
        assert job["salary"] is None and job["description_text"] == ""
    assert houston["location"] == "Houston, TX, United States"
    assert houston["posted_at"] == "2026-09-17T01:42:07Z"
    assert atlanta["location"] == "Atlanta, GA, United States"
    assert atlanta["posted_at"] == "2026-09-17T01:41:41Z"


def test_workable_vortexa(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("workable", crawl, read_landed, tmp_path)
    assert manifest["complete"] is True and sorted(jobs) == ["DFEB52318E", "FB313AEBAB"]
    analyst, demand = jobs["FB313AEBAB"], jobs["DFEB52318E"]
    assert analyst["title"] == "Associate Data Analyst - Energy and Freight Markets"
    assert analyst["company"] == "Vortexa" and analyst["location"] == "Singapore"
    assert analyst["remote"] is False and analyst["salary"] is None
    assert analyst["posted_at"] == "2026-06-23T00:00:00Z"
    assert analyst["employment_type"] == "Full-time"
    assert analyst["url"] == "https://apply.workable.com/j/FB313AEBAB"
    text = clean_text(analyst)
    assert text.startswith("About Vortexa:\n\nVortexa was founded")
    assert "Working knowledge of Python" in text
    assert demand["title"] == "Head of Demand Generation / AI"
    assert demand["location"] == "London, England, United Kingdom"
    assert demand["remote"] is False and demand["salary"] is None
    assert demand["posted_at"] == "2026-06-04T00:00:00Z" and demand["employment_type"] is None
    assert "demand generation function that owns pipeline" in clean_text(demand)


def test_recruitee_channable(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("recruitee", crawl, read_landed, tmp_path)
    assert manifest["complete"] is True and sorted(jobs) == ["2743511", "2751915"]
    csm, head = jobs["2751915"], jobs["2743511"]
    assert csm["title"] == "Customer Success Manager Benelux - Dutch speaking"
    assert csm["company"] == "Channable" and csm["location"] == "Utrecht, Netherlands"
    assert csm["remote"] is False  # hybrid: true
    assert csm["posted_at"] == "2026-09-18T13:27:28Z"
    assert csm["url"] == (
        "https://jobs.channable.com/o/customer-success-manager-benelux-dutch-speaking-3"
    )
    # salary {"min": "3750", "max": "5250", "period": "month", "currency": "EUR"}
    assert pay(csm) == (3750.0, 5250.0, "EUR", "month", 45_000.0, 63_000.0)
    text = clean_text(csm)
    assert text.startswith("Channable is a fast-growing B2B SaaS platform")
    assert "Requirements\n\nYour role" in text
    assert head["title"] == "Head of People & Culture" and head["remote"] is False
    assert head["posted_at"] == "2026-09-11T15:16:33Z"
    assert pay(head) == (115_000.0, 130_000.0, "EUR", "year", 115_000.0, 130_000.0)
    assert "As Head of People & Culture, you’ll be reporting directly" in clean_text(head)


def test_personio_clark(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("personio", crawl, read_landed, tmp_path)
    assert sorted(jobs) == ["2335782", "2377588", "2415353", "342554"]
    # The recorded feed carries no job descriptions (<jobDescriptions></jobDescriptions>).
    assert manifest["missing_fields"] == {"description_text": 4}
    crm = jobs["2415353"]
    assert crm["title"] == "(Senior) CRM Manager (m/w/d)" and crm["company"] == "CLARK Holding SE"
    assert crm["location"] == "Berlin; Frankfurt am Main" and crm["remote"] is None
    assert crm["posted_at"] == "2025-11-04T08:40:52Z"
    assert crm["employment_type"] == "permanent, full-time"
    assert crm["url"] == "https://clark.jobs.personio.de/job/2415353"
    outbound = jobs["2377588"]
    assert outbound["title"] == "Digitaler Bestandskundenbetreuer (Outbound) (m/w/d)"
    assert outbound["company"] == "Clark Germany GmbH"
    assert outbound["location"] == "Remote" and outbound["remote"] is True
    assert outbound["posted_at"] == "2025-10-07T15:05:38Z"
    berlin, zurich = jobs["342554"], jobs["2335782"]
    assert berlin["title"] == zurich["title"] == "Sales Consultant (m/w/d)"
    assert berlin["location"] == "Berlin" and berlin["posted_at"] == "2021-03-24T16:31:23Z"
    assert zurich["company"] == "Clark Switzerland AG" and zurich["location"] == "Zürich"
    assert zurich["posted_at"] == "2025-09-15T08:25:51Z" and zurich["remote"] is None
    assert all(job["salary"] is None and job["description_text"] == "" for job in jobs.values())


def test_remotive_lemon(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("remotive", crawl, read_landed, tmp_path)
    assert manifest["complete"] is True and sorted(jobs) == ["2091100", "2091101"]
    fullstack, qa = jobs["2091101"], jobs["2091100"]
    assert fullstack["title"] == "Senior React Full-stack Developer"
    assert fullstack["company"] == "Lemon.io" and fullstack["remote"] is True
    assert fullstack["location"] == "LATAM, Europe, USA, Canada, APAC"
    assert fullstack["posted_at"] == "2026-08-27T14:36:09Z" and fullstack["salary"] is None
    assert fullstack["employment_type"] == "full_time"
    # The recording stops inside a tag ("<ul style"): no fragment of it reaches the text.
    text = clean_text(fullstack)
    assert text.startswith("Are you a talented Senior Developer")
    assert text.endswith("What we offer:")
    assert qa["title"] == "Senior QA Engineer" and qa["location"] == "Europe"
    assert qa["posted_at"] == "2026-08-26T13:10:58Z" and qa["salary"] is None
    assert clean_text(qa).endswith("for our client — for direct hire.")


def test_himalayas_micro1_abridge(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("himalayas", crawl, read_landed, tmp_path)
    # The page's nextCursor leads to a page that was not recorded.
    assert manifest["complete"] is False
    evaluator = jobs[
        "https://himalayas.app/companies/micro1/jobs/gmail-google-calendar-ai-assistant-evaluator"
    ]
    it_ops = jobs["https://himalayas.app/companies/abridge/jobs/it-operations-specialist"]
    assert len(jobs) == 2
    assert evaluator["title"] == "Gmail & Google Calendar AI Assistant Evaluator"
    assert evaluator["company"] == "micro1" and evaluator["location"] == "United States"
    assert evaluator["remote"] is True and evaluator["employment_type"] == "Contractor"
    assert evaluator["posted_at"] == "2026-09-26T05:38:56Z"  # pubDate 1790401136
    assert pay(evaluator) == (15.0, 30.0, "USD", "hour", 31_200.0, 62_400.0)
    assert clean_text(evaluator).startswith(
        "Role Title: Gmail & Google Calendar AI Assistant Evaluator"
    )
    assert it_ops["title"] == "IT Operations Specialist" and it_ops["company"] == "abridge"
    assert it_ops["location"] == "United States" and it_ops["remote"] is True
    assert it_ops["posted_at"] == "2026-09-26T04:31:20Z"  # pubDate 1790397080
    assert pay(it_ops) == (100_000.0, 115_000.0, "USD", "year", 100_000.0, 115_000.0)
    assert clean_text(it_ops).startswith("About Abridge\n\nAbridge was founded in 2018")


def test_arbeitnow_escaped_and_mixed_descriptions(crawl, read_landed, tmp_path) -> None:
    manifest, jobs = replay("arbeitnow", crawl, read_landed, tmp_path)
    assert manifest["complete"] is True and len(jobs) == 3
    student = jobs["werkstudent-customer-success-berlin-berlin-72879"]
    assert student["title"] == "Werkstudent Customer Success (x/f/m)"
    assert student["company"] == "Doctolib" and student["location"] == "Berlin, Berlin"
    assert student["remote"] is False and student["salary"] is None
    assert student["posted_at"] == "2026-09-26T08:55:15Z"  # created_at 1790412915
    assert clean_text(student).startswith(
        "Gemeinsam gestalten wir die Gesundheitsversorgung der Zukunft\n\nDoctolib sucht Dich"
    )
    # An escaped ATS description followed by the board's own unescaped footer.
    owner = jobs["senior-product-owner-hamburg-berlin-302643"]
    assert owner["title"] == "Senior Product Owner m/w/d" and owner["company"] == "dept"
    assert owner["location"] == "Hamburg, Berlin" and owner["remote"] is False
    assert owner["posted_at"] == "2026-08-03T21:16:52Z"  # created_at 1785791812
    text = clean_text(owner)
    assert text.startswith("Senior Product Owner (d/f/m)\nHamburg, Berlin, Hybrid")
    assert "Brand & Media" in text and text.endswith(
        "English Speaking Jobs in Germany on Arbeitnow"
    )
    # "€50 personal monthly allowance" is a benefit, not the pay.
    assert owner["salary"] is None
    ml = jobs["ml-product-engineer-heidelberg-60723"]
    assert ml["title"] == "ML Product Engineer" and ml["company"] == "kausable GmbH"
    assert ml["location"] == "Heidelberg" and ml["remote"] is False
    assert ml["posted_at"] == "2026-08-03T21:30:34Z" and ml["salary"] is None
    assert ml["employment_type"] == "professional / experienced"
    assert "Weights & Biases" in clean_text(ml)
