"""The history report's model: the whole series (or a span of years), told on page one in numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import duckdb

from jobtrends.errors import UserError
from jobtrends.vocabulary import COMPARED_ROLES
from reports.accuracy import Accuracy, accuracy_for, corrected_share
from reports.claims import difference_interval, wilson
from reports.divergence_periods import (
    FULL_YEAR_MONTHS,
    Divergence,
    DivergencePeriod,
    cut_short,
    divergence_periods,
    employer_divergence,
    full_years,
    intervals_apart,
    warehouse_full_years,
    year_span,
)
from reports.movers import (
    Interval,
    SkillChange,
    called_a_change,
    excludes_zero,
    find_movers,
    yearly_n,
)
from reports.period import Period, add_months
from reports.reading import Row, define_posting_employer, is_tool, query_rows
from reports.share_periods import role_share_periods
from reports.sources import (
    DataFacts,
    _facts,
    correct_sources,
    source_group,
    sources_side_by_side,
)

SERIES_TOOLS_PER_ROLE = 3
_SPAN = re.compile(r"^(\d{4})\s*\.\.\s*(\d{4})$")
# The tools chart draws the first compared role solid and the second dashed (charts.ROLE_DASHES).
LINE_STYLES = ("solid", "dashed")


@dataclass(frozen=True)
class Span:
    """The years a history report covers; None ends mean the whole series."""

    first: int | None
    last: int | None

    @property
    def folder(self) -> str:
        """Where the report is written: history, or history-2016-2025."""
        if self.first is None and self.last is None:
            return "history"
        return f"history-{self.first}-{self.last}"


def parse_span(text: str) -> Span | None:
    """`all` or `2016..2025` as a Span; None for anything else (a month, quarter or year)."""
    value = text.strip().lower()
    if value == "all":
        return Span(None, None)
    match = _SPAN.match(value)
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if first > last:
        raise UserError(
            f"the span {text!r} ends before it starts; write the earlier year first, e.g. 2016..2025"
        )
    return Span(first, last)


def history_folder(span: Span, since: date | None) -> str:
    """The folder of `span`'s history, cut by `since` when given: history-from-2019-06, or
    history-2015-2020-from-2017-04, beside the uncut history and never over it."""
    return span.folder if since is None else f"{span.folder}-from-{since:%Y-%m}"


def span_of_folder(name: str) -> Span | None:
    """The span whose report lives in folder `name` (history or history-2016-2025, either with
    -from-YYYY-MM when cut by --since)."""
    match = re.match(r"^history(?:-(\d{4})-(\d{4}))?(?:-from-\d{4}-\d{2})?$", name)
    if not match:
        return None
    if match.group(1) is None:
        return Span(None, None)
    return Span(int(match.group(1)), int(match.group(2)))


@dataclass
class HistoryModel:
    """Everything the history report shows, as plain data."""

    first_year: int
    last_year: int
    label: str
    folder: str
    # the report's first month when --since cuts the series (its year then partial), else None
    since: date | None
    generated_at: datetime
    min_n: int
    synthetic: bool
    sentences: list[str]
    source_years: list[Row]
    endpoints: list[Row]
    divergence: list[DivergencePeriod]
    jsd_endpoints: list[DivergencePeriod]
    jsd_employer_endpoints: list[Divergence]
    tool_years: dict[str, tuple[str, str]]
    movers: dict[str, list[SkillChange]]
    other_movers: dict[str, list[SkillChange]]
    held_back: dict[str, list[SkillChange]]
    tool_series: list[Row]
    sources: list[Row]
    sources_window: str | None
    accuracy: Accuracy
    facts: DataFacts
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The span for a heading: 2014 to 2026."""
        return f"{self.first_year} to {self.last_year}"

    def tool_periods(self, role: str) -> list[Row]:
        """The periods of `role`'s tool lines that the chart draws (min_n postings with skills
        there), in time order: label, years, pooled, partial and n."""
        out: dict[str, Row] = {}
        for r in sorted(self.tool_series, key=lambda r: r["first_year"]):
            if r["role"] == role and not r["small"]:
                out.setdefault(
                    r["period"],
                    {k: r[k] for k in ("period", "first_year", "last_year", "pooled", "partial")}
                    | {"n": r["n_role"]},
                )
        return list(out.values())

    def tools_chart_caption(self, divergence_section: int) -> str:
        """The tools chart's caption: what it shows, which years each role pools and why, what is
        grey; `divergence_section` is the number of the section that states the pooling rule."""
        styles = ", ".join(
            f"{style}: {role_noun(role)}s"
            for role, style in zip(COMPARED_ROLES, LINE_STYLES, strict=True)
        )
        out = [f"Share of the tools that moved most per year, or per pooled period; {styles}."]
        pooled = [
            f"{role_noun(role)}s "
            + ", ".join(
                f"{p['period']} (n={p['n']:,})" for p in self.tool_periods(role) if p["pooled"]
            )
            for role in COMPARED_ROLES
            if any(p["pooled"] for p in self.tool_periods(role))
        ]
        if pooled:
            out.append(
                f"Each role's line pools its own thin full years by the rule of section "
                f"{divergence_section} (single years with fewer than {self.min_n} of the role's "
                f"postings with skills), its point mid-span on a bar over the pooled years: "
                f"{'; '.join(pooled)} (postings with skills over the pooled years)."
            )
        partial = sorted(
            {
                p["period"]
                for role in COMPARED_ROLES
                for p in self.tool_periods(role)
                if p["partial"]
            }
        )
        if partial:
            out.append(
                f"Grey: {', '.join(partial)}, not a full year (data in fewer than "
                f"{FULL_YEAR_MONTHS} of its months, or the year still running); shown alone, never "
                f"pooled, and not joined to the line."
            )
        out.append(
            f"A period with fewer than {self.min_n} postings with skills of a role is left out of "
            f"that role's line, which breaks there."
        )
        return " ".join(out)

    def held_tools(self, role: str) -> list[SkillChange]:
        """The tools of `role` whose change passes on postings but not the employer check."""
        return [r for r in self.held_back[role] if is_tool(r["category"])]

    def held_other(self, role: str) -> list[SkillChange]:
        """The other skills of `role` whose change passes on postings but not the employer check."""
        return [r for r in self.held_back[role] if not is_tool(r["category"])]


def _share(k: int, n: int) -> Row:
    low, high = wilson(k, n) if n else (None, None)
    return {"k": k, "n": n, "share": k / n if n else None, "low": low, "high": high}


def group_full_years(
    months: set[date], first: int, last: int, since: date | None = None
) -> list[int]:
    """A source group's full years in [first, last] (full_years), less a year `since` cuts short."""
    return [year for year in full_years(months, first, last) if not cut_short(year, since=since)]


def _source_years(
    con: duckdb.DuckDBPyConnection, first: int, last: int, since: date | None = None
) -> tuple[list[Row], dict[str, set[date]]]:
    """Per source group and year in [first, last]: the postings seen and each role's share,
    counting only the months from `since` on; and every month of each group, so a year at the
    span's edge is judged full against the whole series."""
    start, end = date(1900, 1, 1), date(9999, 1, 1)
    by_key: dict[tuple[str, int], Row] = {}
    months: dict[str, set[date]] = {}
    seen_once: set[tuple[str, date]] = set()
    for r in query_rows(con, "source_shares", [start, end, start, end]):
        group = source_group(r["source"])
        key = (group, r["month"].year)
        row = by_key.setdefault(
            key,
            {
                "source": group,
                "year": key[1],
                "months": set(),
                "seen": 0,
                "n": {role: 0 for role in COMPARED_ROLES},
            },
        )
        counted = since is None or r["month"] >= since
        if (r["source"], r["month"]) not in seen_once:
            seen_once.add((r["source"], r["month"]))
            months.setdefault(group, set()).add(r["month"])
            if counted:
                row["seen"] += int(r["postings_seen"])
                row["months"].add(r["month"])
        if counted and r["role"] in COMPARED_ROLES:
            row["n"][r["role"]] += int(r["n"])
    full = {group: set(group_full_years(ms, first, last, since)) for group, ms in months.items()}
    out = []
    for (group, year), row in sorted(
        by_key.items(), key=lambda kv: (kv[0][0] != "Hacker News", kv[0])
    ):
        if not first <= year <= last or not row["months"]:
            continue
        out.append(
            {
                "source": group,
                "year": year,
                "partial": year not in full[group],
                "months": len(row["months"]),
                "seen": row["seen"],
                "roles": {role: _share(row["n"][role], row["seen"]) for role in COMPARED_ROLES},
            }
        )
    return out, months


def _source_year_employers(
    con: duckdb.DuckDBPyConnection, first: int, last: int, since: date | None = None
) -> dict[tuple[str, int], Row]:
    """Per (source group, year) in [first, last], from `since` on when given: the employers seen
    and, per compared role, the employers hiring it, each employer counted once per source and
    year."""
    define_posting_employer(con)
    out: dict[tuple[str, int], Row] = {}
    seen_once: set[tuple[str, int]] = set()
    span = list(year_span([first, last], since=since))
    for r in query_rows(con, "source_year_employers", span):
        key = (source_group(r["source"]), int(r["year"]))
        row = out.setdefault(key, {"seen": 0, **{role: 0 for role in COMPARED_ROLES}})
        # an employer key holds its source, so a group's employers are its sources' added up
        if (r["source"], int(r["year"])) not in seen_once:
            seen_once.add((r["source"], int(r["year"])))
            row["seen"] += int(r["employers_seen"])
        if r["role"] in COMPARED_ROLES:
            row[r["role"]] += int(r["employers"])
    return out


def _employer_share(employers: dict[tuple[str, int], Row], group: str, year: int, role: str) -> Row:
    found = employers.get((group, year), {})
    return _share(int(found.get(role, 0)), int(found.get("seen", 0)))


def _endpoints(
    source_years: list[Row],
    months: dict[str, set[date]],
    employers: dict[tuple[str, int], Row],
    first: int,
    last: int,
    acc: Accuracy,
    since: date | None = None,
) -> list[Row]:
    out = []
    for group in sorted(months, key=lambda g: (g != "Hacker News", g)):
        full = group_full_years(months[group], first, last, since)
        if len(full) < 2:
            continue
        years = {r["year"]: r for r in source_years if r["source"] == group}
        a, b = years[full[0]], years[full[-1]]
        roles = {}
        for role in COMPARED_ROLES:
            ra, rb = a["roles"][role], b["roles"][role]
            diff, low, high = difference_interval(rb["k"], rb["n"], ra["k"], ra["n"])
            ea = _employer_share(employers, group, full[0], role)
            eb = _employer_share(employers, group, full[-1], role)
            e_diff, e_low, e_high = difference_interval(eb["k"], eb["n"], ea["k"], ea["n"])
            interval = Interval(
                change=diff,
                change_low=low,
                change_high=high,
                employer_change=e_diff,
                employer_change_low=e_low,
                employer_change_high=e_high,
            )
            row: Row = {
                "first": ra,
                "last": rb,
                **interval,
                "employers_first": ea,
                "employers_last": eb,
                "by_postings": excludes_zero(low, high),
                "called": called_a_change(interval),
                "ratio": rb["share"] / ra["share"] if ra["share"] else None,
            }
            measured = acc.roles.get(role)
            # accuracy was measured on Hacker News posts: corrections apply to that source only
            if group == "Hacker News" and measured is not None and measured.needs_correction:
                row["first_corrected"] = corrected_share(ra["k"], ra["n"], measured)
                row["last_corrected"] = corrected_share(rb["k"], rb["n"], measured)
            roles[role] = row
        out.append(
            {
                "source": group,
                "first_year": full[0],
                "last_year": full[-1],
                "first_months": a["months"],
                "last_months": b["months"],
                "first_seen": a["seen"],
                "last_seen": b["seen"],
                "first_employers": employers.get((group, full[0]), {}).get("seen", 0),
                "last_employers": employers.get((group, full[-1]), {}).get("seen", 0),
                "roles": roles,
            }
        )
    return out


def _tool_series(
    con: duckdb.DuckDBPyConnection,
    movers: dict[str, list[SkillChange]],
    full: list[int],
    first: int,
    last: int,
    min_n: int,
    since: date | None = None,
) -> list[Row]:
    """Per tool that moved most, role and period: the share of the role's postings with skills
    that mention it, per year (from `since` on when given), each role's thin full years pooled on
    its own n (pool_thin_years, the divergence's rule)."""
    chosen: list[tuple[str, str]] = []
    for role in COMPARED_ROLES:
        for r in sorted(movers[role], key=lambda r: -abs(r["change"]))[:SERIES_TOOLS_PER_ROLE]:
            if r["skill_id"] not in [c[0] for c in chosen]:
                chosen.append((r["skill_id"], r["skill"]))
    if not chosen:
        return []
    ids = [c[0] for c in chosen]
    names = dict(chosen)
    n_role = yearly_n(con, first, last, since)
    counts = {
        (r["role"], int(r["year"]), r["skill_id"]): int(r["n_skill"])
        for r in query_rows(con, "tool_series", [*year_span([first, last], since=since), ids])
    }
    rows = role_share_periods(n_role, counts, ids, full, min_n)
    return [{"skill_id": r["skill_id"], "skill": names[r["skill_id"]], **r} for r in rows]


def page_one_sentences(model: HistoryModel) -> list[str]:
    """Page one in words: shares at both ends per source, the JSD, the tools that moved most."""
    out = [share_sentence(e) for e in model.endpoints]
    if model.jsd_endpoints:
        out.append(divergence_sentence(model))
    for role in COMPARED_ROLES:
        if role in model.tool_years:
            first, last = model.tool_years[role]
            up = [r for r in model.movers[role] if r["change"] > 0][:3]
            down = [r for r in model.movers[role] if r["change"] < 0][:2]
            held = model.held_tools(role)[:2]
            if not up and not down and held:
                out.append(_held_sentence(role, first, last, held))
            if not up and not down:
                continue
            bits = [
                f"{r['skill']} {_p(r['share_first'])} to {_p(r['share_last'])}" for r in up + down
            ]
            out.append(
                f"The tools that moved most in {role_noun(role)} postings from {first} "
                f"to {last} ({up_n(up + down)} postings with skills, from "
                f"{up_employers(up + down)} employers; a change counts only when it also holds "
                f"with each employer counted once): {'; '.join(bits)}."
            )
    return out


def share_sentence(endpoint: Row) -> str:
    """Page one on a source's share of postings per role at its first and last full years: a
    share is said to have risen or fallen only when the change passes the employer check
    (called_a_change), so that one employer reposting month after month cannot make it."""
    e = endpoint
    parts = []
    for role in COMPARED_ROLES:
        r = e["roles"][role]
        ea, eb = r["employers_first"], r["employers_last"]
        numbers = (
            f"from {_p(r['first']['share'])} ({_iv(r['first'])}) to {_p(r['last']['share'])} "
            f"({_iv(r['last'])}), {_pp(r['change'])} (95% interval {_pp(r['change_low'])} to "
            f"{_pp(r['change_high'])})"
        )
        employers = (
            f"{_p(ea['share'])} to {_p(eb['share'])} of the employers seen, "
            f"{_pp(r['employer_change'])}, 95% interval {_pp(r['employer_change_low'])} to "
            f"{_pp(r['employer_change_high'])}"
        )
        if r["called"]:
            verb = "rose" if r["change"] > 0 else "fell"
            parts.append(
                f"the share of {role_noun(role)} postings {verb} {numbers}, and so did the share "
                f"of employers hiring them, each counted once ({employers})"
            )
        elif r["by_postings"]:
            employer_verdict = (
                "moved the other way"
                if excludes_zero(r["employer_change_low"], r["employer_change_high"])
                else "has a 95% interval spanning zero"
            )
            parts.append(
                f"the share of {role_noun(role)} postings went {numbers}, but the share of "
                f"employers hiring them, each counted once, {employer_verdict} ({employers}), "
                f"so it is not called a change"
            )
        else:
            parts.append(f"the share of {role_noun(role)} postings went {numbers}: no clear change")
    return (
        f"On {e['source']}, between {e['first_year']} and {e['last_year']} "
        f"({e['first_seen']:,} and {e['last_seen']:,} postings seen, from "
        f"{e['first_employers']:,} and {e['last_employers']:,} employers), {parts[0]}; "
        f"{parts[1]}."
    )


def _jsd(row: Divergence, period: str | None = None) -> str:
    text = f"{_num(row['jsd'])} (95% interval {_num(row['jsd_low'])} to {_num(row['jsd_high'])})"
    return f"{text} in {period}" if period else text


def _direction(apart: int) -> str:
    return "rose" if apart > 0 else "fell"


def divergence_sentence(model: HistoryModel) -> str:
    """Page one on the JSD of the first and last full periods: the profiles are said to have
    moved apart or come closer only when the two intervals are apart both over postings and with
    each employer counted once, in the same direction (the employer check of the shares); a period
    with fewer than min_n employers of a role cannot confirm a change (marked *)."""
    a, b = model.jsd_endpoints[0], model.jsd_endpoints[-1]
    by_postings = intervals_apart(a, b)
    if not by_postings:
        return (
            f"The two roles' skill profiles show no clear change (the two periods' intervals "
            f"overlap): the Jensen-Shannon divergence of their skill distributions was "
            f"{_jsd(a, a['period'])} and {_jsd(b, b['period'])}."
        )
    moved = "moved apart" if by_postings > 0 else "came closer"
    values = (
        f"the Jensen-Shannon divergence of the two roles' skill distributions "
        f"{_direction(by_postings)} from {_jsd(a, a['period'])} to {_jsd(b, b['period'])}"
    )
    ea, eb = model.jsd_employer_endpoints[0], model.jsd_employer_endpoints[-1]
    counted = (
        f"with each employer counted once (one profile per employer and role, of every skill "
        f"its postings name; {ea['n_ai']:,} and {ea['n_ds']:,}, then {eb['n_ai']:,} and "
        f"{eb['n_ds']:,} employers)"
    )
    if min(ea["n_ai"], ea["n_ds"], eb["n_ai"], eb["n_ds"]) < model.min_n:
        return (
            f"Over postings, {values}, intervals apart (the profiles {moved}), but {counted} a "
            f"period has fewer than {model.min_n} employers of a role, too few to check it "
            f"(* employers: {_jsd(ea)} and {_jsd(eb)}), so it is not called a change."
        )
    by_employers = intervals_apart(ea, eb)
    if by_employers == by_postings:
        return (
            f"The two roles' skill profiles {moved}: {values}; {counted} it "
            f"{_direction(by_employers)} as well, from {_jsd(ea)} to {_jsd(eb)}, intervals apart."
        )
    employer_verdict = (
        f"it moved the other way, from {_jsd(ea)} to {_jsd(eb)}, intervals apart"
        if by_employers
        else f"it went from {_jsd(ea)} to {_jsd(eb)}, intervals overlapping"
    )
    return (
        f"Over postings, {values}, intervals apart (the profiles {moved}), but {counted} "
        f"{employer_verdict}, so the change does not pass the employer check and is not called "
        f"a change."
    )


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _held_sentence(role: str, first: str, last: str, held: list[SkillChange]) -> str:
    bits = [
        f"{r['skill']} {_p(r['share_first'])} to {_p(r['share_last'])} ({r['k_first']} and "
        f"{r['k_last']} postings from {r['employer_k_first']} and {r['employer_k_last']} "
        f"employers)"
        for r in held
    ]
    return (
        f"Tools' shares of {role_noun(role)} postings changed from {first} to {last}, but no "
        f"change passes the employer check (each employer counted once): {'; '.join(bits)} "
        f"{'holds' if len(held) == 1 else 'hold'} in postings but not with each employer "
        f"counted once, so {'it is' if len(held) == 1 else 'they are'} not called a change."
    )


def role_noun(role: str) -> str:
    """The role as a noun inside a sentence: AI engineer, data scientist."""
    return "AI engineer" if role == "ai_engineer" else "data scientist"


def up_n(rows: list[SkillChange]) -> str:
    """The postings with skills at both ends of a movers list, as n=first/last."""
    return f"{rows[0]['n_first']:,} and {rows[0]['n_last']:,}" if rows else "–"


def up_employers(rows: list[SkillChange]) -> str:
    """The employers behind the postings with skills at both ends of a movers list."""
    return f"{rows[0]['employers_first']:,} and {rows[0]['employers_last']:,}" if rows else "–"


def _p(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _pp(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:+.1f} pp"


def _iv(row: Row) -> str:
    if row["low"] is None:
        return "–"
    return f"{100 * row['low']:.1f}–{100 * row['high']:.1f}%"


def build_history(
    con: duckdb.DuckDBPyConnection,
    span: Span,
    min_n: int = 20,
    since: date | None = None,
    samples: int = 200,
) -> HistoryModel:
    """Read the history report's numbers for `span` from an open warehouse connection, counting
    only the months from `since` on when given (its year then partial unless it is a January): a
    `since` on or before the span's first month of data cuts nothing, one after its last is
    refused."""
    found = con.execute("select min(month), max(month) from month_postings").fetchone()
    if not found or found[0] is None:
        raise UserError(
            "the warehouse holds no postings yet; run `jobtrends process` (or `jobtrends demo`) "
            "before `jobtrends report --period all`"
        )
    data_first, data_last = found[0].year, found[1].year
    first = span.first if span.first is not None else data_first
    last = span.last if span.last is not None else data_last
    if last < data_first or first > data_last:
        raise UserError(
            f"the span {first}..{last} has no postings in the warehouse (it holds {data_first} to "
            f"{data_last}); pass a --period in that range, or --period all"
        )
    first, last = max(first, data_first), min(last, data_last)
    if since is not None:
        # the span's first and last months of data, compared month by month with --since
        first_month = max(date(first, 1, 1), found[0])
        last_month = min(date(last, 12, 1), found[1])
        if since > last_month:
            raise UserError(
                f"--since {since:%Y-%m} starts after the last month of data "
                f"{'' if span.first is None else f'in {first}..{last} '}({last_month:%Y-%m}); "
                "pass an earlier month, or leave --since out"
            )
        # a start on or before the first month of data cuts nothing
        since = since if since > first_month else None
        first = max(first, since.year) if since else first
    start = since or date(first, 1, 1)
    facts = _facts(con, Period("year", date(first, 1, 1)), start, date(last + 1, 1, 1))
    accuracy = accuracy_for(
        [v for v, _n in facts.versions.get("rules", [])],
        [v for v, _n in facts.versions.get("extractor", [])],
    )
    source_years, months = _source_years(con, first, last, since)
    employers = _source_year_employers(con, first, last, since)
    endpoints = _endpoints(source_years, months, employers, first, last, accuracy, since)
    full = warehouse_full_years(con, first, last, since=since)
    divergence = divergence_periods(con, first, last, full, min_n, samples, since=since)
    # page one compares full periods only: a partial year is never set against whole years
    usable = [r for r in divergence if not r["partial"] and not r["small"] and r["jsd"] is not None]
    jsd_endpoints = [usable[0], usable[-1]] if len(usable) >= 2 else []
    jsd_employer_endpoints = [employer_divergence(con, r["years"], samples) for r in jsd_endpoints]
    movers, other, held, tool_years = find_movers(con, full, min_n)
    # sources side by side over the report's last 12 months in which every source group has data
    sources: list[Row] = []
    window = None
    span_end = date(last + 1, 1, 1)
    in_span = {g: [m for m in ms if start <= m < span_end] for g, ms in months.items()}
    groups_last = {g: max(ms) for g, ms in in_span.items() if ms}
    if len(groups_last) > 1:
        end = add_months(min(groups_last.values()), 1)
        window_start = max(add_months(end, -12), start)
        found_sources = sources_side_by_side(con, window_start, end, min_n)
        if len(found_sources) > 1 and window_start < end:
            correct_sources(found_sources, accuracy)
            sources = found_sources
            window = f"{window_start:%B %Y} to {add_months(end, -1):%B %Y}"
    model = HistoryModel(
        first_year=first,
        last_year=last,
        label="all" if span.first is None and span.last is None else f"{first}..{last}",
        folder=history_folder(span, since),
        since=since,
        generated_at=datetime.now(UTC).replace(microsecond=0),
        min_n=min_n,
        synthetic=facts.synthetic > 0,
        sentences=[],
        source_years=source_years,
        endpoints=endpoints,
        divergence=divergence,
        jsd_endpoints=jsd_endpoints,
        jsd_employer_endpoints=jsd_employer_endpoints,
        tool_years=tool_years,
        movers=movers,
        other_movers=other,
        held_back=held,
        tool_series=_tool_series(con, movers, full, first, last, min_n, since),
        sources=sources,
        sources_window=window,
        accuracy=accuracy,
        facts=facts,
    )
    model.sentences = page_one_sentences(model)
    if not endpoints:
        model.notes.append(
            f"No source has two full years (data in {FULL_YEAR_MONTHS} or more of their months) "
            f"between {first} and {last}, so no change in share is stated."
        )
    return model
