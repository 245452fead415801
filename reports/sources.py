"""Per source: the roles' shares and top tools side by side, and the data facts of the methods
section (postings, duplicates, runs, versions and coverage per source)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from jobtrends.vocabulary import COMPARED_ROLES
from reports.accuracy import Accuracy, corrected_share
from reports.claims import wilson
from reports.period import Period
from reports.reading import Row, is_tool, query_rows, sql

# Where sources are compared side by side: Hacker News against the ATS job boards together.
SOURCE_GROUPS = {
    "hn_whoishiring": "Hacker News",
    "greenhouse": "ATS boards",
    "lever": "ATS boards",
    "ashby": "ATS boards",
}
TOP_SOURCE_TOOLS = 5


# Sources whose terms ask every report that uses their jobs to credit them with a link: source key
# (or the start of a configured name, such as "remotive-eu") -> (credit text, link).
SOURCE_CREDITS: dict[str, tuple[str, str]] = {
    "remotive": ("Jobs from Remotive", "https://remotive.com"),
}


@dataclass
class Credit:
    """A credit line a source's terms ask for: its text and the link it carries."""

    text: str
    url: str


def credits_for(sources: list[str]) -> list[Credit]:
    """The credits owed by a report showing postings of these sources, once each."""
    found: dict[str, Credit] = {}
    for source in sorted(sources):
        for key, (text, url) in SOURCE_CREDITS.items():
            if source == key or source.startswith((f"{key}-", f"{key}_")):
                found.setdefault(key, Credit(text, url))
    return [found[key] for key in sorted(found)]


@dataclass
class DataFacts:
    """What the methods section says about the data behind the report."""

    postings: int
    duplicates: int
    synthetic: int
    synthetic_in_period: int
    first_month: date | None
    last_month: date | None
    crawl_runs: int
    crawl_runs_complete: int
    versions: dict[str, list[tuple[str, int]]]
    coverage: list[Row]
    coverage_by_year: list[Row]
    coverage_sources: list[str]
    coverage_pivot: list[Row]
    # Owed by the sources the report shows: those of its source table, which covers the months
    # from `since` to the report's end (the period among them), so a source is credited wherever
    # its jobs appear.
    credits: list[Credit] = field(default_factory=list)


def correct_sources(sources: list[Row], accuracy: Accuracy) -> None:
    """Add Rogan-Gladen corrected shares to the Hacker News rows where accuracy is below par."""
    for group in sources:
        if group["source"] != "Hacker News":
            continue
        for role, r in group["roles"].items():
            measured = accuracy.roles.get(role)
            if measured is not None and measured.needs_correction and group["postings_seen"]:
                r["corrected"] = corrected_share(r["n"], group["postings_seen"], measured)


def source_group(source: str) -> str:
    """The group a source is compared in: Hacker News, ATS boards, or the source itself."""
    return SOURCE_GROUPS.get(source, source)


def sources_side_by_side(
    con: duckdb.DuckDBPyConnection, start: date, end: date, min_n: int
) -> list[Row]:
    """Per source group with data in [start, end): each family's share of the postings seen there
    (duplicates included: a share is read within one source) and its top tools, with n."""
    groups: dict[str, Row] = {}
    seen_months: dict[tuple[str, date], int] = {}
    for r in query_rows(con, "source_shares", [start, end, start, end]):
        name = source_group(r["source"])
        group = groups.setdefault(
            name,
            {"source": name, "seen": 0, "n": {role: 0 for role in COMPARED_ROLES}, "months": set()},
        )
        key = (r["source"], r["month"])
        if key not in seen_months:
            seen_months[key] = int(r["postings_seen"])
            group["seen"] += int(r["postings_seen"])
            group["months"].add(r["month"])
        if r["role"] in COMPARED_ROLES:
            group["n"][r["role"]] += int(r["n"])
    names = dict(con.execute("select skill_id, name from skills").fetchall())
    categories = dict(con.execute("select skill_id, category from skills").fetchall())
    speaking: dict[tuple[str, str], int] = {}
    mentions: dict[tuple[str, str], dict[str, int]] = {}
    for r in query_rows(con, "source_skills", [start, end]):
        key = (source_group(r["source"]), r["role"])
        if r["skill_id"] is None:
            speaking[key] = speaking.get(key, 0) + int(r["n"])
        elif is_tool(categories.get(r["skill_id"], "other")):
            found = mentions.setdefault(key, {})
            found[r["skill_id"]] = found.get(r["skill_id"], 0) + int(r["n"])
    out = []
    for name in sorted(groups, key=lambda g: (g != "Hacker News", g)):
        group = groups[name]
        roles = {}
        for role in COMPARED_ROLES:
            k, n = group["n"][role], group["seen"]
            low, high = wilson(k, n) if n else (None, None)
            n_speaking = speaking.get((name, role), 0)
            top = sorted(mentions.get((name, role), {}).items(), key=lambda kv: (-kv[1], kv[0]))
            roles[role] = {
                "n": k,
                "share": k / n if n else None,
                "low": low,
                "high": high,
                "n_with_skills": n_speaking,
                "small": n_speaking < min_n,
                "top_tools": [
                    {
                        "skill_id": sid,
                        "skill": names.get(sid, sid),
                        "n_skill": c,
                        "share": c / n_speaking if n_speaking else None,
                    }
                    for sid, c in top[:TOP_SOURCE_TOOLS]
                ],
            }
        out.append(
            {
                "source": name,
                "months": len(group["months"]),
                "postings_seen": group["seen"],
                "roles": roles,
            }
        )
    return out


def _facts(con: duckdb.DuckDBPyConnection, period: Period, since: date, end: date) -> DataFacts:
    """The data facts of a report whose months are [since, end): its coverage counts only them."""
    (postings, duplicates, synthetic, first, last, runs, runs_complete) = con.execute(
        sql("data_facts")
    ).fetchone()  # type: ignore[misc]
    in_period = con.execute(sql("synthetic"), [period.start, period.end]).fetchone()[0]  # type: ignore[index]
    versions: dict[str, list[tuple[str, int]]] = {}
    for kind, version, n in con.execute(sql("versions")).fetchall():
        versions.setdefault(kind, []).append((version or "unknown", int(n)))
    coverage = query_rows(con, "coverage", [since, end])
    by_year: dict[tuple[int, str], Row] = {}
    for r in coverage:
        key = (r["month"].year, r["source"])
        row = by_year.setdefault(
            key,
            {"year": key[0], "source": key[1], "months": 0, "postings_seen": 0, "postings_kept": 0},
        )
        row["months"] += 1
        row["postings_seen"] += int(r["postings_seen"])
        row["postings_kept"] += int(r["postings_kept"])
    sources = sorted({r["source"] for r in coverage})
    pivot: dict[int, Row] = {}
    for (year, source), row in sorted(by_year.items()):
        pivot.setdefault(year, {"year": year, "sources": {}})["sources"][source] = row
    return DataFacts(
        postings=int(postings),
        duplicates=int(duplicates),
        synthetic=int(synthetic or 0),
        synthetic_in_period=int(in_period or 0),
        first_month=first,
        last_month=last,
        crawl_runs=int(runs),
        crawl_runs_complete=int(runs_complete),
        versions=versions,
        coverage=coverage,
        coverage_by_year=[by_year[k] for k in sorted(by_year)],
        coverage_sources=sources,
        coverage_pivot=[pivot[y] for y in sorted(pivot)],
        credits=credits_for(sources),
    )
