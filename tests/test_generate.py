"""The seeded synthetic corpus: determinism, API shapes, truth counts, drift and landing files."""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import math
import re
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from jobtrends.config import SOURCE_TYPES
from jobtrends.errors import UserError
from jobtrends.generate import GENERATOR_VERSION, generate_corpus, generate_landing, vocab

END = "2026-11"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
LLM_WORDS = re.compile(
    r"LangChain|LlamaIndex|OpenAI|GPT-4|Anthropic|\bRAG\b|retrieval-augmented|vector database|"
    r"Pinecone|pgvector|fine-tuning|vLLM|prompt engineering"
)
LANDING_FIELDS = {
    "source",
    "source_id",
    "global_id",
    "board",
    "url",
    "company",
    "title",
    "openings",
    "role_families",
    "location",
    "remote",
    "salary",
    "employment_type",
    "requisition_id",
    "posted_at",
    "month",
    "thread_id",
    "fetched_at",
    "description_html",
    "description_text",
    "content_hash",
    "crawl_run_id",
    "rules_version",
    "is_synthetic",
    "raw",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, postings=3000, seed=11, end=END)
    return out


@pytest.fixture(scope="module")
def rows(corpus: Path) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    return _postings_by_source(corpus)


@pytest.fixture(scope="module")
def truth(corpus: Path) -> dict[str, Any]:
    return json.loads((corpus / "generated.json").read_text(encoding="utf-8"))


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _month(stamp: str) -> str:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC).strftime("%Y-%m")


def _threads(corpus: Path) -> list[dict[str, Any]]:
    return [_load(p) for p in sorted((corpus / "hn-algolia" / "items").glob("*.json"))]


def _thread_month(title: str) -> str:
    name, year = re.search(r"\((\w+) (\d{4})\)", title).groups()  # type: ignore[union-attr]
    return f"{year}-{datetime.strptime(name, '%B').month:02d}"


def _jsonld_postings(page: str) -> list[dict[str, Any]]:
    found = []
    for block in SCRIPT.findall(page):
        data = json.loads(block)
        items = data if isinstance(data, list) else data.get("@graph", [data])
        found += [item for item in items if item.get("@type") == "JobPosting"]
    return found


def _postings_by_source(corpus: Path) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Every posting in the corpus files with its posting month, read the way a spider would."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    out["hn_whoishiring"] = [
        (_thread_month(t["title"]), c)
        for t in _threads(corpus)
        for c in t["children"]
        if c["text"] is not None
    ]
    out["greenhouse"] = [
        (_month(j["first_published"]), j)
        for p in (corpus / "greenhouse").glob("*.json")
        for j in _load(p)["jobs"]
    ]
    out["lever"] = [
        (datetime.fromtimestamp(j["createdAt"] / 1000, UTC).strftime("%Y-%m"), j)
        for p in (corpus / "lever").glob("*.json")
        for j in _load(p)
    ]
    out["ashby"] = [
        (_month(j["publishedAt"]), j)
        for p in (corpus / "ashby").glob("*.json")
        for j in _load(p)["jobs"]
    ]
    out["remoteok"] = [(_month(j["date"]), j) for j in _load(corpus / "remoteok" / "api.json")[1:]]
    out["jsonld"] = [
        (_month(j["datePosted"]), j)
        for p in (corpus / "jsonld").glob("*.html")
        for j in _jsonld_postings(p.read_text(encoding="utf-8"))
    ]
    out["remotive"] = [
        (j["publication_date"][:7], j)
        for j in _load(corpus / "remotive" / "remote-jobs.json")["jobs"]
    ]
    out["himalayas"] = [
        (datetime.fromtimestamp(j["pubDate"], UTC).strftime("%Y-%m"), j)
        for p in (corpus / "himalayas").glob("offset-*.json")
        for j in _load(p)["jobs"]
    ]
    out["arbeitnow"] = [
        (datetime.fromtimestamp(j["created_at"], UTC).strftime("%Y-%m"), j)
        for p in (corpus / "arbeitnow").glob("page-*.json")
        for j in _load(p)["data"]
    ]
    out.update(_later_ats_postings(corpus))
    return out


def _later_ats_postings(corpus: Path) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """SmartRecruiters, Workable, Recruitee and Personio postings, one per job, as
    {"title", "company"} rows: English versions only, one row per Workable shortcode."""
    import xml.etree.ElementTree as ET

    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    out["smartrecruiters"] = [
        (_month(e["releasedDate"]), {"title": e["name"], "company": e["company"]["name"]})
        for p in (corpus / "smartrecruiters").glob("*/postings-offset-*.json")
        for e in _load(p)["content"]
        if e["language"]["code"] == "en"
    ]
    out["workable"] = []
    for p in (corpus / "workable").glob("*.json"):
        account = _load(p)
        first = {j["shortcode"]: j for j in reversed(account["jobs"])}
        out["workable"] += [
            (j["published_on"][:7], {"title": j["title"], "company": account["name"]})
            for j in first.values()
        ]
    out["recruitee"] = [
        (o["published_at"][:7], {"title": o["title"], "company": o["company_name"]})
        for p in (corpus / "recruitee").glob("*.json")
        for o in _load(p)["offers"]
    ]
    out["personio"] = [
        (
            _month(position.findtext("createdAt") or ""),
            {"title": position.findtext("name"), "company": position.findtext("subcompany")},
        )
        for p in (corpus / "personio").glob("*.xml")
        for position in ET.parse(p).getroot().iter("position")
    ]
    return out


# ---------------------------------------------------------------- determinism


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "a", postings=400, seed=3, start="2022-01", end="2026-03")
    generate_corpus(tmp_path / "b", postings=400, seed=3, start="2022-01", end="2026-03")
    generate_corpus(tmp_path / "c", postings=400, seed=4, start="2022-01", end="2026-03")
    a, b, c = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert a == b
    assert len(a) >= 15
    assert a["generated.json"] != c["generated.json"]
    assert a["hn-algolia/months.json"] != c["hn-algolia/months.json"]


def test_landing_is_deterministic_too(tmp_path: Path) -> None:
    first = generate_landing(tmp_path / "a", 300, seed=5, run_id="20261101T000000Z-0a1b2c3d")
    second = generate_landing(tmp_path / "b", 300, seed=5, run_id="20261101T000000Z-0a1b2c3d")
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


# ---------------------------------------------------------------- truth


def test_every_source_type_gets_its_share_of_the_corpus(truth: dict[str, Any]) -> None:
    assert set(vocab.SOURCE_SHARES) == set(SOURCE_TYPES)
    assert math.isclose(sum(vocab.SOURCE_SHARES.values()), 1.0)
    for source, share in vocab.SOURCE_SHARES.items():
        # One multinomial draw of 3,000: within four standard deviations of its expectation.
        spread = 4 * math.sqrt(3000 * share * (1 - share))
        assert abs(truth["by_source"][source] - 3000 * share) <= spread, source


def test_truth_adds_up_to_the_postings_written(rows: dict[str, Any], truth: dict[str, Any]) -> None:
    assert truth["seed"] == 11
    assert truth["generator_version"] == GENERATOR_VERSION
    assert truth["postings"] == 3000
    assert sum(truth["by_source"].values()) == 3000
    seen = {s: sum(r["seen"] for r in months.values()) for s, months in truth["sources"].items()}
    assert seen == truth["by_source"]
    assert set(seen) == {
        "hn_whoishiring",
        "greenhouse",
        "lever",
        "ashby",
        "remoteok",
        "jsonld",
        "remotive",
        "himalayas",
        "arbeitnow",
        "smartrecruiters",
        "workable",
        "recruitee",
        "personio",
    }
    assert seen["hn_whoishiring"] > 1500  # HN is most of the corpus
    for source, postings in rows.items():
        counted = Counter(month for month, _ in postings)
        assert counted == Counter({m: r["seen"] for m, r in truth["sources"][source].items()}), (
            source
        )
    for months in truth["sources"].values():
        for row in months.values():
            assert (
                0 <= row["ai_engineer"] <= row["seen"] and 0 <= row["data_scientist"] <= row["seen"]
            )


def test_hn_months_json_matches_truth_and_covers_every_month(
    corpus: Path, truth: dict[str, Any]
) -> None:
    months = _load(corpus / "hn-algolia" / "months.json")
    assert list(months) == sorted(months)
    assert list(months)[0] == "2015-01" and list(months)[-1] == END
    assert len(months) == 12 * 11 + 11
    assert months == {
        m: r["seen"] for m, r in truth["sources"]["hn_whoishiring"].items() if r["seen"]
    }


def test_ats_family_truth_follows_the_titles(rows: dict[str, Any], truth: dict[str, Any]) -> None:
    families = {}
    for pool, family in (
        (vocab.AI_TITLES + vocab.AI_LLM_TITLES, "ai_engineer"),
        (vocab.DS_TITLES, "data_scientist"),
        (vocab.OTHER_TITLES, None),
    ):
        for row in pool:
            families[row[0]] = family
    prefixes = tuple(p for p in vocab.SENIORITY_PREFIXES if p)
    for source in (
        "greenhouse",
        "lever",
        "ashby",
        "remoteok",
        "jsonld",
        "remotive",
        "himalayas",
        "arbeitnow",
        "smartrecruiters",
        "workable",
        "recruitee",
        "personio",
    ):
        counted: Counter[tuple[str, str]] = Counter()
        for month, posting in rows[source]:
            title = posting.get("title") or posting.get("text") or posting.get("position")
            for prefix in prefixes:
                title = title.removeprefix(prefix)
            family = families[title]
            if family:
                counted[(month, family)] += 1
        expected = Counter(
            {
                (m, f): r[f]
                for m, r in truth["sources"][source].items()
                for f in ("ai_engineer", "data_scientist")
                if r[f]
            }
        )
        assert counted == expected, source


def test_the_last_month_is_partial(truth: dict[str, Any]) -> None:
    hn = truth["sources"]["hn_whoishiring"]
    full = [hn[f"2026-{m:02d}"]["seen"] for m in range(1, 11)]
    assert hn[END]["seen"] < sum(full) / len(full)


# ---------------------------------------------------------------- shapes


def test_hn_search_pages_have_the_algolia_shape(corpus: Path) -> None:
    pages = sorted(
        (corpus / "hn-algolia" / "search_by_date").glob("page-*.json"),
        key=lambda p: int(p.stem[5:]),
    )
    first = _load(pages[0])
    assert first["nbPages"] == len(pages) and first["hitsPerPage"] == 20 and first["page"] == 0
    hits = [h for p in pages for h in _load(p)["hits"]]
    assert (
        first["nbHits"] == len(hits) == 143 + 2
    )  # every thread plus two other stories of the account
    assert all(len(_load(p)["hits"]) == 20 for p in pages[:-1])
    stamps = [h["created_at_i"] for h in hits]
    assert stamps == sorted(stamps, reverse=True)
    threads = [
        h for h in hits if re.fullmatch(r"Ask HN: Who is hiring\? \(\w+ \d{4}\)", h["title"])
    ]
    assert len(threads) == 143
    for hit in threads:
        assert {
            "created_at",
            "title",
            "author",
            "num_comments",
            "created_at_i",
            "_tags",
            "objectID",
        } <= set(hit)
        assert hit["author"] == "whoishiring"
        assert (corpus / "hn-algolia" / "items" / f"{hit['objectID']}.json").is_file()
    others = [h for h in hits if h not in threads]
    assert all(
        not (corpus / "hn-algolia" / "items" / f"{h['objectID']}.json").exists() for h in others
    )


def test_hn_items_have_posts_replies_and_deleted_children(corpus: Path) -> None:
    threads = _threads(corpus)
    posts = replies = deleted = slashes = 0
    for thread in threads:
        assert thread["type"] == "story" and thread["title"].startswith("Ask HN: Who is hiring?")
        for child in thread["children"]:
            assert set(child) >= {
                "id",
                "created_at",
                "created_at_i",
                "author",
                "text",
                "parent_id",
                "story_id",
                "children",
            }
            assert child["parent_id"] == thread["id"] == child["story_id"]
            assert _thread_month(thread["title"]) == child["created_at"][:7]
            if child["text"] is None:
                assert child["author"] is None and child["children"] == []
                deleted += 1
                continue
            posts += 1
            assert child["_synthetic"] is True
            assert "<p>" in child["text"] and "</p>" not in child["text"]
            slashes += "&#x2F;" in child["text"]
            assert "\n" not in child["text"].split("<p>")[0]  # the header is one line
            for reply in child["children"]:
                replies += 1
                assert reply["parent_id"] == child["id"] and reply["story_id"] == thread["id"]
    ids = [c["id"] for t in threads for c in t["children"]]
    assert len(ids) == len(set(ids))
    assert replies >= 5 and deleted >= 5
    assert slashes > posts // 2  # links and "A/B" are written with HN's &#x2F; entity
    assert posts == sum(_load(corpus / "hn-algolia" / "months.json").values())


def test_hn_posts_vary_headers_and_list_openings(corpus: Path) -> None:
    headers, bodies = [], []
    for thread in _threads(corpus):
        for child in thread["children"]:
            if child["text"]:
                head, _, body = html.unescape(child["text"]).partition("<p>")
                headers.append(head)
                bodies.append(body)
    for sep in (" | ", " - ", " – ", " / "):
        assert sum(sep in h for h in headers) >= 10, sep
    assert sum("REMOTE" in h or "Remote" in h for h in headers) > 100
    assert sum("ONSITE" in h or "Onsite" in h or "On-site" in h for h in headers) > 100
    assert sum(bool(re.search(r"[$€£]|EUR|USD|CHF", h)) for h in headers) > 100
    assert sum("\n- " in b or "<p>- " in b for b in bodies) > 50  # openings listed in the body
    assert (
        sum(
            "Machine Learning Engineer, Data Scientist" in h
            or "Data Scientist, Machine Learning Engineer" in h
            for h in headers
        )
        >= 1
    )


def test_greenhouse_lever_ashby_have_their_api_fields(corpus: Path) -> None:
    for path in (corpus / "greenhouse").glob("*.json"):
        board = _load(path)
        assert board["meta"]["total"] == len(board["jobs"])
        for job in board["jobs"]:
            assert {
                "id",
                "title",
                "absolute_url",
                "first_published",
                "updated_at",
                "location",
                "content",
                "requisition_id",
                "metadata",
                "departments",
                "offices",
                "company_name",
            } <= set(job)
            assert job["content"].startswith("&lt;p&gt;") and "<" not in job["content"]
            assert job["updated_at"] >= job["first_published"][:10]
            assert job["absolute_url"].endswith(f"/{path.stem}/jobs/{job['id']}")
            assert job["_synthetic"] is True
    for path in (corpus / "lever").glob("*.json"):
        for job in _load(path):
            assert {
                "id",
                "text",
                "createdAt",
                "categories",
                "descriptionPlain",
                "description",
                "lists",
                "additionalPlain",
                "workplaceType",
                "hostedUrl",
            } <= set(job)
            assert job["createdAt"] > 10**12  # epoch milliseconds
            assert {"location", "team", "commitment"} <= set(job["categories"])
            assert all({"text", "content"} == set(item) for item in job["lists"])
            if "salaryRange" in job:
                assert {"min", "max", "currency", "interval"} == set(job["salaryRange"])
            assert job["_synthetic"] is True
    for path in (corpus / "ashby").glob("*.json"):
        board = _load(path)
        assert board["apiVersion"] == "1"
        for job in board["jobs"]:
            assert {
                "id",
                "title",
                "department",
                "team",
                "employmentType",
                "location",
                "isRemote",
                "workplaceType",
                "publishedAt",
                "descriptionHtml",
                "descriptionPlain",
                "jobUrl",
                "compensation",
            } <= set(job)
            assert isinstance(job["isRemote"], bool)
            if job["compensation"]["summaryComponents"]:
                component = job["compensation"]["summaryComponents"][0]
                assert component["minValue"] < component["maxValue"]
            assert job["_synthetic"] is True


def test_remoteok_and_jsonld_pages(corpus: Path) -> None:
    api = _load(corpus / "remoteok" / "api.json")
    assert "legal" in api[0] and "position" not in api[0]
    for job in api[1:]:
        assert {
            "id",
            "epoch",
            "date",
            "company",
            "position",
            "tags",
            "description",
            "location",
            "salary_min",
            "salary_max",
            "url",
        } <= set(job)
        assert job["_synthetic"] is True
    pages = sorted((corpus / "jsonld").glob("*.html"))
    assert len(pages) == 2
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert any('"@graph"' in t for t in texts)  # one page nests its postings in an @graph
    assert any(
        t.count("application/ld+json") > 1 for t in texts
    )  # another has one script per posting
    for text in texts:
        for posting in _jsonld_postings(text):
            assert {
                "title",
                "datePosted",
                "description",
                "hiringOrganization",
                "identifier",
            } <= set(posting)
            assert posting["_synthetic"] is True
            assert "jobLocation" in posting or posting.get("jobLocationType") == "TELECOMMUTE"


def test_remotive_himalayas_and_arbeitnow_have_their_api_shapes(corpus: Path) -> None:
    feed = _load(corpus / "remotive" / "remote-jobs.json")
    assert feed["job-count"] == len(feed["jobs"]) and "0-legal-notice" in feed
    for job in feed["jobs"]:
        assert {
            "id",
            "url",
            "title",
            "company_name",
            "category",
            "tags",
            "job_type",
            "publication_date",
            "candidate_required_location",
            "salary",
            "description",
        } <= set(job)
        assert isinstance(job["salary"], str) and job["_synthetic"] is True
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", job["publication_date"])
    assert sum(bool(job["salary"]) for job in feed["jobs"]) > 5
    assert any(job["salary"].endswith("/hour") for job in feed["jobs"]) or all(
        "k - " in job["salary"] or "," in job["salary"] for job in feed["jobs"] if job["salary"]
    )

    pages = sorted(
        (corpus / "himalayas").glob("offset-*.json"), key=lambda p: int(p.stem.split("-")[1])
    )
    offset = 0
    for number, path in enumerate(pages):
        page = _load(path)
        assert path.name == f"offset-{offset}.json" and page["offset"] == offset
        assert page["totalCount"] == sum(len(_load(p)["jobs"]) for p in pages)
        assert ("nextCursor" in page) == (number < len(pages) - 1)  # every page but the last
        assert len(page["jobs"]) == 20 or number == len(pages) - 1
        for job in page["jobs"]:
            assert {
                "title",
                "companyName",
                "employmentType",
                "minSalary",
                "maxSalary",
                "salaryPeriod",
                "currency",
                "locationRestrictions",
                "description",
                "pubDate",
                "applicationLink",
                "guid",
            } <= set(job)
            assert "id" not in job and job["_synthetic"] is True
            assert (job["minSalary"] is None) == (job["currency"] is None)
        offset += len(page["jobs"])
    stamps = [job["pubDate"] for path in pages for job in _load(path)["jobs"]]
    assert stamps == sorted(stamps, reverse=True)  # newest first

    pages = sorted(
        (corpus / "arbeitnow").glob("page-*.json"), key=lambda p: int(p.stem.split("-")[1])
    )
    escaped = 0
    for number, path in enumerate(pages, start=1):
        page = _load(path)
        assert path.name == f"page-{number}.json" and page["meta"]["current_page"] == number
        assert (page["links"]["next"] is None) == (number == len(pages))
        for job in page["data"]:
            assert {
                "slug",
                "company_name",
                "title",
                "description",
                "remote",
                "url",
                "location",
                "created_at",
                "job_types",
                "tags",
            } <= set(job)
            assert isinstance(job["remote"], bool) and job["_synthetic"] is True
            escaped += job["description"].startswith("&lt;")
    assert escaped > 0  # some descriptions come entity-escaped, as Arbeitnow passes them on


def test_smartrecruiters_workable_recruitee_personio_have_their_api_shapes(corpus: Path) -> None:
    import xml.etree.ElementTree as ET

    for folder in (corpus / "smartrecruiters").iterdir():
        pages = sorted(
            folder.glob("postings-offset-*.json"), key=lambda p: int(p.stem.split("-")[-1])
        )
        entries = [e for p in pages for e in _load(p)["content"]]
        assert all(_load(p)["totalFound"] == len(entries) for p in pages)
        versions = Counter(e["refNumber"] for e in entries)
        assert max(versions.values()) <= 2 and sum(n == 2 for n in versions.values()) >= 1
        for entry in entries:
            if entry["language"]["code"] == "en":
                detail = _load(folder / "postings" / f"{entry['id']}.json")
                assert detail["jobAd"]["sections"]["jobDescription"]["text"].startswith("<p>")
                assert {"id", "name", "refNumber", "releasedDate", "location", "company"} <= set(
                    entry
                )
    for path in (corpus / "workable").glob("*.json"):
        jobs = _load(path)["jobs"]
        codes = Counter(j["shortcode"] for j in jobs)
        assert any(n > 1 for n in codes.values())  # a job open in two places is listed twice
        assert all(
            isinstance(j["telecommuting"], bool) and len(j["published_on"]) == 10 for j in jobs
        )
    for path in (corpus / "recruitee").glob("*.json"):
        offers = _load(path)["offers"]
        assert all(o["published_at"].endswith(" UTC") for o in offers)
        assert any(o["salary"]["min"] for o in offers) and any(
            o["salary"]["min"] is None for o in offers
        )
        assert all(sum((o["remote"], o["hybrid"], o["on_site"])) <= 1 for o in offers)
    for path in (corpus / "personio").glob("*.xml"):
        root = ET.parse(path).getroot()
        assert root.tag == "workzag-jobs"
        for position in root.iter("position"):
            assert position.findtext("id") and position.findtext("createdAt")
            assert position.findtext("_synthetic") == "true"
            assert position.find("jobDescriptions/jobDescription/value") is not None


def test_companies_never_appear_in_two_sources(rows: dict[str, Any]) -> None:
    companies: dict[str, set[str]] = {}
    for source, postings in rows.items():
        for _, posting in postings:
            if source == "hn_whoishiring":
                name = re.split(r" \(YC| \| | - | – | / ", html.unescape(posting["text"]))[0]
            else:
                name = (
                    posting.get("company_name")
                    or posting.get("companyName")
                    or posting.get("company")
                    or (posting.get("hiringOrganization") or {}).get("name")
                    or source
                )
            companies.setdefault(name, set()).add(source)
    shared = {c: s for c, s in companies.items() if len(s) > 1 and c not in {"lever", "ashby"}}
    assert shared == {}


# ---------------------------------------------------------------- drift


def test_ai_engineer_share_grows_and_data_science_peaks(truth: dict[str, Any]) -> None:
    hn = truth["sources"]["hn_whoishiring"]

    def share(year: int, family: str) -> float:
        rows = [r for m, r in hn.items() if m.startswith(str(year))]
        return sum(r[family] for r in rows) / sum(r["seen"] for r in rows)

    assert share(2025, "ai_engineer") > 2 * share(2016, "ai_engineer")
    assert share(2019, "data_scientist") > share(2025, "data_scientist")


def test_llm_tooling_appears_only_from_2023(rows: dict[str, Any]) -> None:
    before = after = 0
    for month, posting in rows["hn_whoishiring"]:
        found = bool(LLM_WORDS.search(html.unescape(posting["text"])))
        if month < "2023-01":
            before += found
        else:
            after += found
    assert before == 0
    assert after > 50


def test_skill_truth_counts_tools_per_family_and_year(truth: dict[str, Any]) -> None:
    skills = truth["skill_postings"]
    assert set(skills) == {"ai_engineer", "data_scientist"}
    family_year: Counter[tuple[str, str]] = Counter()
    for months in truth["sources"].values():
        for month, row in months.items():
            for family in ("ai_engineer", "data_scientist"):
                family_year[(family, month[:4])] += row[family]
    for family, years in skills.items():
        for year, counts in years.items():
            assert max(counts.values()) <= family_year[(family, year)]
            if year < "2023":
                assert not set(counts) & set(vocab.LLM_SKILLS), (family, year)
    recent = Counter()
    for year in ("2025", "2026"):
        recent.update(skills["ai_engineer"].get(year, {}))
    assert recent["pytorch"] > 0 and sum(recent[s] for s in vocab.LLM_SKILLS) > 0
    assert (
        sum(skills["data_scientist"][y].get("sql", 0) for y in skills["data_scientist"])
        > sum(skills["ai_engineer"][y].get("sql", 0) for y in skills["ai_engineer"]) / 3
    )


def test_texts_are_long_enough_and_name_tools(rows: dict[str, Any]) -> None:
    words = []
    for _, posting in rows["hn_whoishiring"][:400]:
        text = re.sub(r"<[^>]+>", " ", html.unescape(posting["text"]))
        words.append(len(text.split()))
    assert 150 <= sum(words) / len(words) <= 400
    assert min(words) >= 100 and max(words) <= 450


# ---------------------------------------------------------------- landing


def test_generate_landing_writes_complete_unclassified_runs(tmp_path: Path) -> None:
    written = generate_landing(tmp_path, 600, seed=9, run_id="20261101T000000Z-0a1b2c3d")
    assert len(written) == 13
    total = 0
    for path in written:
        run_id = path.name.removesuffix(".jsonl.gz")
        assert run_id == "20261101T000000Z-0a1b2c3d"
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        manifest = _load(path.with_name(f"{run_id}.manifest.json"))
        with gzip.open(path.with_name(f"{run_id}.seen.txt.gz"), "rt", encoding="utf-8") as handle:
            seen = handle.read().split()
        assert manifest["complete"] is True and manifest["source"] == path.parent.name
        assert manifest["items_landed"] == manifest["items_seen"] == len(records) == len(seen)
        assert seen == [r["global_id"] for r in records] and len(set(seen)) == len(seen)
        for record in records:
            assert set(record) == LANDING_FIELDS
            assert record["is_synthetic"] is True and record["raw"]["_synthetic"] is True
            assert record["openings"] == [] and record["role_families"] == []
            assert record["description_text"] and record["description_html"]
            assert record["global_id"] == f"{record['source']}:{record['source_id']}"
            assert (
                record["posted_at"][:7] == record["month"] or record["source"] == "hn_whoishiring"
            )
            key = "\x1f".join(
                (
                    record["title"],
                    record["company"],
                    record["location"] or "",
                    record["description_text"],
                )
            )
            assert record["content_hash"] == hashlib.sha256(key.encode()).hexdigest()
            if record["salary"]:
                assert record["salary"]["annual_min"] <= record["salary"]["annual_max"]
        if path.parent.name == "hn_whoishiring":
            assert all(r["description_text"].split("\n")[0] == r["title"] for r in records)
            assert manifest["scope"]["months"]
        total += len(records)
    assert total == 600


def test_generate_landing_splits_into_files_with_disjoint_scopes(tmp_path: Path) -> None:
    written = generate_landing(tmp_path, 900, seed=2, files=3)
    hn = sorted(p for p in written if p.parent.name == "hn_whoishiring")
    assert len(hn) == 3
    months = [
        set(_load(p.with_name(p.name.replace(".jsonl.gz", ".manifest.json")))["scope"]["months"])
        for p in hn
    ]
    assert not (months[0] & months[1]) and not (months[1] & months[2])
    run_ids = sorted(p.name[:25] for p in hn)
    assert len(set(run_ids)) == 3


def test_bad_arguments_end_in_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="postings"):
        generate_corpus(tmp_path, postings=0)
    with pytest.raises(UserError, match="YYYY-MM"):
        generate_corpus(tmp_path, postings=10, start="2015/01")
    with pytest.raises(UserError, match="after end"):
        generate_corpus(tmp_path, postings=10, start="2026-01", end="2025-01")
    with pytest.raises(UserError, match="run_id"):
        generate_landing(tmp_path, 10, run_id="yesterday")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError, match="not empty"):
        generate_corpus(tmp_path, postings=10)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_regenerating_into_a_corpus_replaces_it(tmp_path: Path) -> None:
    generate_corpus(tmp_path, postings=900, seed=1, start="2024-01", end="2026-10")
    generate_corpus(tmp_path, postings=60, seed=1, start="2026-01", end="2026-10")
    truth = _load(tmp_path / "generated.json")
    assert truth["postings"] == 60
    items = list((tmp_path / "hn-algolia" / "items").glob("*.json"))
    assert len(items) == 10
    pages = list((tmp_path / "hn-algolia" / "search_by_date").glob("*.json"))
    assert len(pages) == 1
    assert (
        sum(len(_load(p)["jobs"]) for p in (tmp_path / "greenhouse").glob("*.json"))
        == truth["by_source"]["greenhouse"]
    )


@pytest.mark.slow
def test_landing_timing_at_100k(tmp_path: Path) -> None:
    started = time.perf_counter()
    written = generate_landing(tmp_path, 100_000, seed=7)
    elapsed = time.perf_counter() - started
    print(
        f"\ngenerate_landing(100,000): {elapsed:.1f} s, {100_000 / elapsed:,.0f} postings/s, {len(written)} files"
    )
    assert len(written) == 13
