"""Hostile and odd text: parsers never crash, the warehouse stores it verbatim, reports escape it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import ats_posting, write_landing

from crawlers.parsing.dates import parse_timestamp
from crawlers.parsing.hn_header import parse_hn_header
from crawlers.parsing.salary import parse_salary
from jobtrends.config import Report, Settings
from jobtrends.text import html_to_text
from jobtrends.vocabulary import ROLE_FAMILIES, SENIORITIES
from pipeline.annotate import annotate_record
from pipeline.roles import classify_title, openings_of_posting

HOSTILE = [
    "'; drop table postings; --",
    "Robert'); DROP TABLE openings;--",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }} {% raw %}",
    "Data Scientist 🤖📈 — ✨",
    "مهندس تعلم الآلة \u202eReversed\u202c",
    "Data\u200bScien\u200dtist\ufeff",
    "\x00\x07\x1b[31mred",
    "&lt;b&gt; &amp;amp; &#x3C;script&#x3E;",
]
LONE_SURROGATE = "Data Scientist \ud83d"  # half an emoji, as a JSON "\ud83d" escape can carry
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.sampled_from(
        ["Senior", "ML Engineer", "Data Scientist", "|", " - ", "$150k-$200k", "<p>", "</li>"]
    ),
)
hostile_text = st.lists(pieces, max_size=8).map("".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(hostile_text)
def test_title_classifier_always_answers_a_known_family(title: str) -> None:
    opening = classify_title(title)
    assert opening.role_family in ROLE_FAMILIES and opening.seniority in SENIORITIES
    assert isinstance(opening.title, str) and isinstance(opening.normalized_title, str)
    for found in openings_of_posting("hn_whoishiring", None, title):
        assert found.role_family in ROLE_FAMILIES


@FAST
@given(hostile_text, hostile_text)
def test_hn_header_parser_returns_typed_fields(line: str, body: str) -> None:
    header = parse_hn_header(line, body=body)
    for value in (header.company, header.location, header.employment_type):
        assert value is None or isinstance(value, str)
    assert header.remote in (True, False, None)
    assert header.salary is None or isinstance(header.salary, dict)


@FAST
@given(hostile_text)
def test_html_cleaner_returns_text_without_markup(html: str) -> None:
    text = html_to_text(html)
    assert isinstance(text, str)
    assert (
        "<script" not in text.lower() or "<script" in html_to_text(text).lower() or "&lt;" in html
    )


@FAST
@given(hostile_text)
def test_salary_parser_returns_numbers_or_nothing(text: str) -> None:
    salary = parse_salary(text)
    if salary is not None:
        for key in ("min", "max", "annual_min", "annual_max"):
            assert salary.get(key) is None or isinstance(salary[key], int | float)
        assert (
            salary.get("annual_min") is None
            or salary.get("annual_max") is None
            or salary["annual_min"] <= salary["annual_max"]
        )


@FAST
@given(st.one_of(hostile_text, st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_date_parser_returns_iso_utc_or_nothing(value: object) -> None:
    stamp = parse_timestamp(value)
    assert stamp is None or (
        isinstance(stamp, str) and stamp.endswith("Z") and stamp[4] == "-" and stamp[10] == "T"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.none(), hostile_text), hostile_text)
def test_annotate_returns_the_documented_shape(title: str | None, text: str) -> None:
    record = (
        {"id": "r1", "text": text} if title is None else {"id": "r1", "title": title, "text": text}
    )
    out = annotate_record(record)
    assert out["id"] == "r1" and isinstance(out["text_plain"], str)
    assert set(out["role_families"]) <= {"ai_engineer", "data_scientist"}
    for skill in out["skills"]:
        assert isinstance(skill, dict)


def test_a_lone_surrogate_does_not_crash_annotate() -> None:
    out = annotate_record({"id": "s", "title": LONE_SURROGATE, "text": f"Python. {LONE_SURROGATE}"})
    assert out["role_families"] == ["data_scientist"]


# --- the real load path into a real DuckDB file, then the report -------------------------------

RUN = "20260402T030000Z-0000hstl"
ONE_MB_TITLE = "Data Scientist " + "<b>ن</b>🤖\u200b" * 120_000


def _hostile_records() -> list[dict]:
    records = []
    for i, text in enumerate(HOSTILE):
        records.append(
            ats_posting(
                f"h{i:02d}",
                f"Data Scientist {text}",
                f"Python and SQL. {text}",
                run_id=RUN,
                company=f"Evil {text} Inc",
                location=f"Remote {text}",
                employment_type=f"Full-time {text}",
                description_html=f"<p>{text}</p>",
                raw={"id": f"h{i:02d}", "title": text},
            )
        )
    records.append(
        ats_posting("big", ONE_MB_TITLE, "PyTorch.", run_id=RUN, company="Big <Title> Co")
    )
    records += [
        ats_posting(
            f"ai{i}",
            "Machine Learning Engineer",
            "PyTorch and Kubernetes.",
            run_id=RUN,
            company="<script>alert('company')</script>",
        )
        for i in range(4)
    ]
    return records


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, list[dict]]:
    from pipeline.load import process_landing

    settings = Settings(
        data_dir=tmp_path_factory.mktemp("hostile") / "data", report=Report(min_n=1)
    )
    records = _hostile_records()
    write_landing(settings.data_dir, RUN, records)
    result = process_landing(settings)
    assert result.failures == [] and result.postings_loaded == len(records)
    return settings, records


FIELDS = ["title", "company", "location", "employment_type", "description_text"]


def test_hostile_fields_are_stored_verbatim(hostile_warehouse: tuple[Settings, list[dict]]) -> None:
    from warehouse.db import session

    settings, records = hostile_warehouse
    with session(settings, read_only=True) as con:
        rows = {
            r[0]: r[1:]
            for r in con.execute(f"select global_id, {', '.join(FIELDS)} from postings").fetchall()
        }
        tables = {
            r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
        }
    assert {"postings", "openings"} <= tables  # nothing was dropped
    assert len(rows) == len(records)
    for record in records:
        assert rows[record["global_id"]] == tuple(record[f] for f in FIELDS), record["global_id"]
    assert len(rows["greenhouse:big"][0]) == len(ONE_MB_TITLE) > 1_000_000


@pytest.mark.slow
def test_hostile_text_is_escaped_in_the_report(
    hostile_warehouse: tuple[Settings, list[dict]], tmp_path: Path
) -> None:
    from reports.build import build_report

    settings, _ = hostile_warehouse
    result = build_report(
        settings, period="2026-04", formats=["html"], out_dir=tmp_path, today=date(2026, 6, 15)
    )
    html = result.html.read_text(encoding="utf-8")
    assert (
        "&lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt;" in html
    )  # the companies table, escaped
    assert "<script>alert(" not in html and "onerror=alert" not in html.replace(
        "onerror=alert(1)&gt;", ""
    )
    assert "<img src=x" not in html
