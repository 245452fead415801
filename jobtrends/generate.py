"""Seeded synthetic job postings: a replay corpus of every source, or landing files for benchmarks.

Every generated source object carries `"_synthetic": true`, so spiders can mark what they land.
The corpus root holds `generated.json`, the truth the tests and the demo assert: distinct postings
per source and posting month (HN: the thread month), how many advertise each role family, and per
role family and year how many postings name each tool (`skill_postings`, by the tool ids of
`generate_vocab.SKILLS`; words used in another sense, such as "go" or "Ruby, our office dog", are
not mentions).
"""

from __future__ import annotations

import bisect
import calendar
import functools
import hashlib
import html
import json
import math
import os
import random
import shutil
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from jobtrends import generate_vocab as V
from jobtrends.errors import UserError
from jobtrends.landing import Manifest, RunWriter
from jobtrends.vocabulary import COMPARED_ROLES

GENERATOR_VERSION = "generate-2026.12.1"
SOURCES = tuple(V.SOURCE_SHARES)
HITS_PER_PAGE = 20
AI, DS = COMPARED_ROLES
# Threads get ids spaced by month so posts of a month never collide with the next thread.
_ID_BASE, _ID_PER_MONTH = 2_000_000, 285_000
_FIRST_MONTH = (2011, 1)


@dataclass
class CorpusSummary:
    """What generate_corpus wrote."""

    out: Path
    postings: int
    seed: int
    by_source: dict[str, int]


@dataclass(slots=True)
class _Spec:
    """One posting before it is rendered in a source's shape."""

    families: tuple[str, ...]
    titles: list[str]
    company: str
    domain: str
    location: str | None
    country: str
    currency: str
    tz: str
    workplace: str  # remote, onsite, hybrid or unstated
    salary: tuple[int, int, str, str] | None  # min, max, currency, period (year, month, hour)
    employment: str
    ts: int
    skills: list[str]
    intro: list[str]
    requirements: list[str]
    nice: list[str]
    outro: list[str]
    url: str = ""
    salary_raw: str | None = None
    html: str = ""  # the description as the source serves it, once rendered


@dataclass
class _Chunk:
    """Postings of one HN thread or one board, rendered, with what the truth needs."""

    source: str
    board: str
    specs: list[_Spec]
    objects: list[dict[str, Any]]
    months: list[str]
    file_name: str
    body: Any
    thread_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- months and trends


def _parse_month(value: str, name: str) -> tuple[int, int]:
    try:
        year_s, month_s = value.split("-")
        year, month = int(year_s), int(month_s)
        if len(year_s) != 4 or not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise UserError(
            f"{name} {value!r} is not a month; write it as YYYY-MM, e.g. 2024-05"
        ) from None
    return year, month


def _months(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    year, month = start
    while (year, month) <= end:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _mkey(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _trend(table: dict[int, float], year: int) -> float:
    years = sorted(table)
    if year <= years[0]:
        return table[years[0]]
    if year >= years[-1]:
        return table[years[-1]]
    i = bisect.bisect_right(years, year)
    y0, y1 = years[i - 1], years[i]
    return table[y0] + (table[y1] - table[y0]) * (year - y0) / (y1 - y0)


def _epoch(year: int, month: int, day: int, seconds: int = 0) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0)) + seconds


def _iso_z(ts: int, millis: bool = False) -> str:
    t = time.gmtime(ts)
    stamp = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
    return stamp + (".000Z" if millis else "Z")


def _iso_offset(ts: int, tz: str) -> str:
    sign = 1 if tz[0] == "+" else -1
    offset = sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    local = datetime.fromtimestamp(ts + offset, UTC)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + tz


# ---------------------------------------------------------------- vocabulary tables


class _Tables:
    """Cumulative weights of titles and skill probabilities by family and year, built lazily."""

    def __init__(self) -> None:
        self.skill_ids = [s[0] for s in V.SKILLS]
        self.surfaces = [s[1] for s in V.SKILLS]
        self._skills: dict[tuple[str, int], np.ndarray] = {}
        self._titles: dict[tuple[str, int, bool], tuple[list[str], list[float], list[bool]]] = {}
        self.loc_cum = list(np.cumsum(V.LOCATION_WEIGHTS) / sum(V.LOCATION_WEIGHTS))
        self.sen_cum = list(np.cumsum(V.SENIORITY_WEIGHTS) / sum(V.SENIORITY_WEIGHTS))

    def skill_logp(self, key: str, year: int) -> np.ndarray:
        """Log-probabilities of every skill for a family key (ai, ds, both, other) in a year."""
        cached = self._skills.get((key, year))
        if cached is None:
            weights = np.zeros(len(V.SKILLS))
            for i, (_id, _forms, _cat, w_ai, w_ds, w_other, trend) in enumerate(V.SKILLS):
                base = {"ai": w_ai, "ds": w_ds, "other": w_other, "both": 0.5 * (w_ai + w_ds)}[key]
                weights[i] = base * _trend(V.TRENDS[trend], year)
            with np.errstate(divide="ignore"):
                cached = np.log(weights / weights.sum())
            self._skills[(key, year)] = cached
        return cached

    def titles(self, family: str, year: int, hn: bool) -> tuple[list[str], list[float], list[bool]]:
        """Titles of a family usable in a year (HN: only header-safe ones) and their cumulative weights."""
        key = (family, year, hn)
        cached = self._titles.get(key)
        if cached is None:
            if family == "ai":
                llm = _trend(V.LLM_TITLE_SHARE, year)
                pools = [(V.AI_TITLES, 1.0 - llm), (V.AI_LLM_TITLES, llm)]
            elif family == "ds":
                pools = [(V.DS_TITLES, 1.0)]
            else:
                pools = [(V.OTHER_TITLES, 1.0)]
            names, weights, prefixable = [], [], []
            for pool, share in pools:
                rows = [t for t in pool if t[2] <= year and (t[4] or not hn)]
                total = sum(t[1] for t in rows) or 1.0
                for title, weight, _first, takes_prefix, _safe in rows:
                    if share > 0:
                        names.append(title)
                        weights.append(share * weight / total)
                        prefixable.append(takes_prefix)
            cum = list(np.cumsum(weights) / sum(weights))
            cached = (names, cum, prefixable)
            self._titles[key] = cached
        return cached


_TABLES = _Tables()
_DUTY_POOLS = {
    "ai": V.DUTIES["ai"],
    "ds": V.DUTIES["ds"],
    "other": V.DUTIES["other"],
    "ai_llm": V.DUTIES["ai"] + V.DUTIES["ai_llm"] * 2,
    "both": V.DUTIES["ai"] + V.DUTIES["ds"],
    "both_llm": V.DUTIES["ai"] + V.DUTIES["ds"] + V.DUTIES["ai_llm"],
}


@functools.lru_cache(maxsize=4096)
def _yearly(name: str, year: int) -> float:
    """A vocabulary trend table's value in a year, cached (called once per posting)."""
    return _trend(getattr(V, name), year)


# ---------------------------------------------------------------- drawing postings


class _Drawer:
    """Draws the postings of one chunk from its own seeded generators."""

    def __init__(self, seed: int, source_idx: int, chunk_idx: int) -> None:
        self.np = np.random.default_rng([seed, source_idx, chunk_idx])
        self.py = random.Random(int(self.np.integers(2**62)))
        self.t = _TABLES

    def title(self, family: str, year: int, hn: bool) -> str:
        names, cum, prefixable = self.t.titles(family, year, hn)
        i = min(bisect.bisect(cum, self.py.random()), len(names) - 1)
        if not prefixable[i]:
            return names[i]
        prefix = V.SENIORITY_PREFIXES[bisect.bisect(self.t.sen_cum, self.py.random())]
        return prefix + names[i]

    def families(self, year: int, hn: bool) -> tuple[bool, bool]:
        p_ai, p_ds = _yearly("AI_SHARE", year), _yearly("DS_SHARE", year)
        r = self.py.random
        if hn:
            has_ds = r() < p_ds
            has_ai = r() < p_ai or (has_ds and r() < 0.18)
            return has_ai, has_ds
        u = r()
        return u < 1.3 * p_ai, 1.3 * p_ai <= u < 1.3 * (p_ai + p_ds)

    def skills(self, keys: Sequence[str], years: Sequence[int]) -> list[list[int]]:
        """Distinct skills of each posting, drawn by Gumbel top-k from its family and year."""
        n = len(keys)
        out: list[list[int]] = [[] for _ in range(n)]
        counts = {"ai": (7, 14), "ds": (7, 14), "both": (9, 15), "other": (4, 10)}
        groups: dict[tuple[str, int], list[int]] = {}
        for i, (key, year) in enumerate(zip(keys, years, strict=True)):
            groups.setdefault((key, year), []).append(i)
        for (key, year), idx in sorted(groups.items()):
            logp = self.t.skill_logp(key, year)
            lo, hi = counts[key]
            scores = logp[None, :] + self.np.gumbel(size=(len(idx), logp.size))
            top = np.argsort(-scores, axis=1)[:, :hi]
            ks = self.np.integers(lo, hi + 1, size=len(idx))
            for row, i, k in zip(top.tolist(), idx, ks.tolist(), strict=True):
                out[i] = [s for s in row[:k] if math.isfinite(logp[s])]
        return out

    def surface(self, skill: int) -> str:
        forms = self.t.surfaces[skill]
        if len(forms) == 1:
            return forms[0]
        u = self.py.random()
        return forms[0] if u < 0.6 else forms[1 + int((u - 0.6) / 0.4 * (len(forms) - 1))]

    def workplace(self, year: int) -> str:
        u = self.py.random()
        remote = _yearly("REMOTE_SHARE", year)
        if u < remote:
            return "remote"
        if u < remote + 0.3:
            return "onsite"
        return "hybrid" if u < remote + 0.45 else "unstated"

    def salary(
        self, family: str, title: str, currency: str, year: int, hourly_ok: bool
    ) -> tuple[int, int, str, str]:
        base = 105_000.0 + 4_500 * (year - 2015)
        base *= {"ai": 1.12, "ds": 1.05, "other": 0.95}[family]
        if title.startswith(("Senior", "Sr.")):
            base *= 1.25
        elif title.startswith(("Staff", "Principal", "Lead", "Head")):
            base *= 1.45
        elif title.startswith("Junior") or "Intern" in title:
            base *= 0.7
        base *= V.USD_PER[currency] * self.py.uniform(0.85, 1.15)
        low = int(round(base / 5000) * 5000)
        high = int(round(low * self.py.uniform(1.15, 1.4) / 5000) * 5000)
        u = self.py.random()
        if hourly_ok and u < 0.05:
            return int(round(low / 2080 / 5) * 5), int(round(high / 2080 / 5) * 5), currency, "hour"
        if hourly_ok and u < 0.08:
            return (
                int(round(low / 12 / 100) * 100),
                int(round(high / 12 / 100) * 100),
                currency,
                "month",
            )
        return low, high, currency, "year"

    def pick(self, seq: Sequence[Any]) -> Any:
        """One element, uniformly."""
        return seq[int(self.py.random() * len(seq))]

    def some(self, seq: Sequence[str], low: int, high: int) -> list[str]:
        """Between low and high distinct elements, in drawn order."""
        r, n = self.py.random, len(seq)
        k = low + int(r() * (high - low + 1))
        chosen: list[int] = []
        while len(chosen) < k:
            i = int(r() * n)
            if i not in chosen:
                chosen.append(i)
        return [seq[i] for i in chosen]

    def text(self, spec: _Spec, key: str, year: int, skills: list[int], hn: bool) -> None:
        """Fill the intro, requirement, nice-to-have and closing parts of a posting."""
        r, pick = self.py.random, self.pick
        words = {
            "company": spec.company,
            "product": pick(V.PRODUCTS),
            "customers": pick(V.CUSTOMERS),
            "stage": pick(V.STAGES),
            "headcount": pick(V.HEADCOUNTS),
        }
        about = pick(V.COMPANY_SENTENCES).format(**words)
        if r() < 0.8:
            words["stage"] = pick(V.STAGES)
            about += " " + pick(V.COMPANY_SECOND).format(**words)
        duty_pool = _DUTY_POOLS[key if key != "ai" or year < 2023 else "ai_llm"]
        if key == "both":
            duty_pool = _DUTY_POOLS["both_llm" if year >= 2023 else "both"]
        team = " ".join(self.some(V.TEAM, 1, 3)).replace(
            "{n}", pick(("four", "six", "eight", "twelve"))
        )
        spec.intro = [about, " ".join(self.some(duty_pool, 3, 5)), team]
        names = [self.surface(s) for s in skills]
        stack: list[str] = []
        if len(names) >= 6 and r() < 0.7:
            cut = 3 + int(r() * 2)
            stack, names = names[:cut], names[cut:]
        nice_n = 1 + int(r() * 2) if len(names) > 4 and r() < 0.6 else 0
        nice_names = names[len(names) - nice_n :]
        names = names[: len(names) - nice_n]
        requirements = []
        while names:
            take = min(len(names), pick((1, 1, 2, 2, 3)))
            requirements.append(pick(V.REQUIREMENT_TEMPLATES[take]).format(*names[:take]))
            names = names[take:]
        spec.requirements = requirements
        spec.nice = [pick(V.NICE_TEMPLATES).format(n) for n in nice_names]
        outro = []
        if stack:
            listed = ", ".join(stack[:-1]) + " and " + stack[-1]
            outro.append(pick(V.STACK_TEMPLATES).format(list=listed))
        outro.append(" ".join(self.some(V.FILLER, 3, 7)))
        outro.append(" ".join(self.some(V.BENEFITS, 3, 5)))
        spec.outro = outro

    def posting(
        self, year: int, ts: int, company: str, hn: bool, location_pref: int | None = None
    ) -> tuple[_Spec, str]:
        """One posting's spec without its text; returns it and its skill key."""
        py = self.py
        has_ai, has_ds = self.families(year, hn)
        titles = []
        if has_ai:
            titles.append(self.title("ai", year, hn))
        if has_ds:
            titles.append(self.title("ds", year, hn))
        if hn:
            u = py.random()
            if has_ai or has_ds:
                n_other = 0 if u < 0.55 else 1 if u < 0.8 else 2 if u < 0.95 else 3
            else:
                n_other = 1 if u < 0.75 else 2 if u < 0.9 else 3 if u < 0.97 else 4
            # the family openings come first: "Data Analyst, Data Science Intern" could read as one
            # title with a team name, "Data Science Intern, Data Analyst" cannot
            for _ in range(n_other):
                other = self.title("other", year, hn)
                if other not in titles:
                    titles.append(other)
        elif not titles:
            titles.append(self.title("other", year, hn))
        families = tuple(f for f, has in ((AI, has_ai), (DS, has_ds)) if has)
        key = "both" if has_ai and has_ds else "ai" if has_ai else "ds" if has_ds else "other"
        if location_pref is not None and py.random() < 0.7:
            li = location_pref
        else:
            li = min(bisect.bisect(self.t.loc_cum, py.random()), len(V.LOCATIONS) - 1)
        location, country, currency, tz = V.LOCATIONS[li]
        workplace = self.workplace(year)
        shown_location: str | None = location
        if workplace == "remote" and py.random() < 0.35:
            shown_location = None
        fam_key = "ai" if has_ai else "ds" if has_ds else "other"
        salary = None
        if py.random() < _yearly("SALARY_SHARE", year):
            salary = self.salary(fam_key, titles[0], currency, year, hourly_ok=fam_key == "other")
        u = py.random()
        employment = "Full-time" if u < 0.87 else "Contract" if u < 0.95 else "Part-time"
        spec = _Spec(
            families=families,
            titles=titles,
            company=company,
            domain=_domain(company),
            location=shown_location,
            country=country,
            currency=currency,
            tz=tz,
            workplace=workplace,
            salary=salary,
            employment=employment,
            ts=ts,
            skills=[],
            intro=[],
            requirements=[],
            nice=[],
            outro=[],
        )
        return spec, key

    def fill(self, specs: list[_Spec], keys: list[str], years: list[int], hn: bool) -> None:
        """Draw the skills of a batch of postings and write their texts."""
        skills = self.skills(keys, years)
        for spec, key, year, chosen in zip(specs, keys, years, skills, strict=True):
            spec.skills = [self.t.skill_ids[s] for s in chosen]
            self.text(spec, key, year, chosen, hn)


# ---------------------------------------------------------------- rendering


@functools.lru_cache(maxsize=8192)
def _domain(company: str) -> str:
    return "".join(ch for ch in company.lower() if ch.isalnum()) + ".example"


def _pick(py: random.Random, seq: Sequence[Any]) -> Any:
    return seq[int(py.random() * len(seq))]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _hn_esc(text: str) -> str:
    return html.escape(text, quote=True).replace("/", "&#x2F;")


def _html(spec: _Spec, headings: bool = True) -> str:
    parts = [f"<p>{_esc(p)}</p>" for p in spec.intro]
    if spec.requirements:
        if headings:
            parts.append("<h3>What we&#x27;re looking for</h3>")
        parts.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in spec.requirements) + "</ul>")
    if spec.nice:
        if headings:
            parts.append("<h3>Nice to have</h3>")
        parts.append("<ul>" + "".join(f"<li>{_esc(r)}</li>" for r in spec.nice) + "</ul>")
    parts += [f"<p>{_esc(p)}</p>" for p in spec.outro]
    return "".join(parts)


def _set_html(spec: _Spec, text: str) -> str:
    spec.html = text
    return text


def _plain(spec: _Spec, header: str | None = None) -> str:
    lines = [header] if header else []
    lines += spec.intro
    if spec.requirements:
        lines.append("What we're looking for")
        lines += spec.requirements
    if spec.nice:
        lines.append("Nice to have")
        lines += spec.nice
    lines += spec.outro
    return "\n".join(lines)


def _money(value: int, currency: str, style: int) -> str:
    symbol = V.CURRENCY_SYMBOL[currency]
    if style == 0:
        return f"{symbol}{value // 1000}k"
    if style == 1:
        return f"{symbol}{value:,}"
    return f"{symbol}{value:,}".replace(",", ".")


def _salary_text(
    salary: tuple[int, int, str, str], py: random.Random, spaced_ok: bool, slash_ok: bool
) -> str:
    low, high, currency, period = salary
    dash = " - " if spaced_ok and py.random() < 0.3 else "-"
    if period == "hour":
        return f"{_money(low, currency, 1)}-{_money(high, currency, 1)}{'/hr' if slash_ok else ' per hour'}"
    if period == "month":
        return f"{_money(low, currency, 1)}-{_money(high, currency, 1)}{'/month' if slash_ok else ' per month'}"
    u = py.random()
    if currency == "EUR" and u < 0.3:
        return f"{_money(low, currency, 2)}{' – ' if spaced_ok else '–'}{_money(high, currency, 2)}"
    if u < 0.5:
        return f"{_money(low, currency, 0)}{dash}{_money(high, currency, 0)}"
    if u < 0.7:
        return f"{low // 1000}-{high // 1000}k {currency}"
    if u < 0.85:
        return f"{_money(low, currency, 1)}{dash}{_money(high, currency, 1)}"
    if currency == "USD":
        return f"${low // 1000}K{dash}${high // 1000}K + equity"
    return f"{currency} {low // 1000}k-{high // 1000}k"


_REMOTE_LABELS = {
    "remote": ("REMOTE", "Remote", "Remote OK"),
    "onsite": ("ONSITE", "Onsite", "On-site"),
    "hybrid": ("Hybrid", "HYBRID", "Hybrid (3 days onsite)"),
}
_REGION = {
    "US": "US",
    "CA": "Canada",
    "GB": "UK",
    "DE": "EU",
    "NL": "EU",
    "FR": "EU",
    "IE": "EU",
    "ES": "EU",
    "PT": "EU",
    "SE": "EU",
}
_SEPARATORS = (" | ",) * 15 + (" - ",) * 2 + (" – ",) * 2 + (" / ",)


def _hn_header(spec: _Spec, py: random.Random, with_roles: str | None) -> str:
    sep = _pick(py, _SEPARATORS)
    batch_year = 5 + int(py.random() * (time.gmtime(spec.ts).tm_year - 2004))
    company = spec.company + (
        f" (YC {_pick(py, 'WS')}{batch_year % 100:02d})" if py.random() < 0.1 else ""
    )
    fields: list[str] = []
    if with_roles:
        fields.append(with_roles)
    if spec.location:
        fields.append(spec.location)
    if spec.workplace in _REMOTE_LABELS:
        label = _pick(py, _REMOTE_LABELS[spec.workplace])
        if spec.workplace == "remote" and py.random() < 0.4:
            label += f" ({_REGION.get(spec.country, 'worldwide')})"
        fields.append(label)
    if spec.salary:
        spec.salary_raw = _salary_text(spec.salary, py, spaced_ok=False, slash_ok=sep != " / ")
        fields.append(spec.salary_raw)
    if py.random() < 0.5:
        fields.append(spec.employment)
    if py.random() < 0.1:
        fields.append("VISA")
    if sep != " / " and py.random() < 0.25:
        fields.append(f"https://{spec.domain}/careers")
    if py.random() < 0.3:
        py.shuffle(fields)
    return sep.join([company, *fields])


def _hn_text(spec: _Spec, py: random.Random) -> tuple[str, str, str]:
    """The post's HN HTML, its first (header) line and its plain text (paragraphs as lines)."""
    # headers stay simple: more than two roles are always listed in the body, and so are pairs
    # with a "Data Science ..." title, which after a comma could read as a team name
    listed = (
        len(spec.titles) > 2
        or len(spec.titles) == 2
        and (py.random() < 0.25 or any("Data Science" in t for t in spec.titles))
    )
    if listed:
        roles = _pick(py, V.MULTI_ROLE_LABELS) if py.random() < 0.4 else None
    else:
        roles = ", ".join(spec.titles)
    header = _hn_header(spec, py, roles)
    paras = [header, *spec.intro]
    if listed:
        intro = _pick(py, V.HN_LIST_INTROS)
        listing = spec.titles[:]
        py.shuffle(listing)
        if py.random() < 0.5:
            paras.append(intro + "\n" + "\n".join("- " + t for t in listing))
        else:
            paras.append(intro)
            paras += ["- " + t for t in listing]
    if spec.requirements:
        paras.append("What we're looking for:\n" + "\n".join("* " + r for r in spec.requirements))
    if spec.nice:
        paras.append("Nice to have: " + "; ".join(spec.nice) + ".")
    paras += spec.outro
    url = f"https://{spec.domain}/jobs"
    spec.url = url
    email = f"jobs@{spec.domain}"
    before, has_url, after = _pick(py, V.APPLY).partition("{url}")
    before, after = before.format(email=email), after.format(email=email)
    link = f'<a href="{_hn_esc(url)}" rel="nofollow">{_hn_esc(url)}</a>' if has_url else ""
    # one escape call for the whole post: NUL never occurs in the text and marks the paragraphs
    text = _hn_esc("\0".join(paras) + "\0" + before).replace("\0", "<p>") + link + _hn_esc(after)
    plain = "\n".join(paras) + "\n" + before + (url if has_url else "") + after
    return text, header, plain


# ---------------------------------------------------------------- planning


@dataclass
class _Plan:
    """How many postings each source, HN month and board gets."""

    seed: int
    months: list[tuple[int, int]]
    hn_counts: list[int]
    boards: dict[str, list[tuple[str, str, int]]]  # source -> [(board, company, n)]
    remoteok: int
    ats_weights: np.ndarray
    feeds: dict[str, int] = field(default_factory=dict)  # remotive, himalayas, arbeitnow

    @property
    def horizon(self) -> int:
        """The latest timestamp of the generated period (the last month is in progress)."""
        year, month = self.months[-1]
        return _epoch(year, month, 19)


def _company_names(prefixes: Sequence[str], rng: np.random.Generator) -> list[str]:
    names = [f"{p} {s}" for p in prefixes for s in V.COMPANY_SUFFIXES]
    order = rng.permutation(len(names)).tolist()
    return [names[i] for i in order]


# Board names of the later ATSs from the company name and its lower-case alphanumeric slug:
# SmartRecruiters ids are CamelCase with a digit ("Ubisoft2"), Personio names hyphenated.
_MORE_ATS_SLUGS = {
    "smartrecruiters": lambda company, slug: "".join(w.capitalize() for w in company.split()) + "1",
    "workable": lambda company, slug: slug,
    "recruitee": lambda company, slug: slug,
    "personio": lambda company, slug: "-".join(company.lower().split()),
}


def _plan(postings: int, seed: int, start: tuple[int, int], end: tuple[int, int]) -> _Plan:
    rng = np.random.default_rng([seed, 999])
    months = _months(start, end)
    shares = np.array([V.SOURCE_SHARES[s] for s in SOURCES])
    per_source = dict(
        zip(SOURCES, rng.multinomial(postings, shares / shares.sum()).tolist(), strict=True)
    )
    hn_w = np.array([_trend(V.HN_VOLUME, y) for y, _m in months]) * rng.uniform(
        0.85, 1.15, len(months)
    )
    hn_w[-1] *= 0.55  # the last month is the one in progress
    hn_counts = rng.multinomial(per_source["hn_whoishiring"], hn_w / hn_w.sum()).tolist()
    ats_w = np.array([_trend(V.ATS_VOLUME, y) for y, _m in months]) + 1e-6
    ats_w[-1] *= 0.55
    ats_w = ats_w / ats_w.sum()
    companies = _company_names(V.ATS_PREFIXES, rng)
    boards: dict[str, list[tuple[str, str, int]]] = {}
    used = 0
    for source in ("greenhouse", "lever", "ashby", "jsonld", *_MORE_ATS_SLUGS):
        total = per_source[source]
        count = max(V.DEFAULT_BOARDS[source], math.ceil(total / V.BOARD_CAP[source]))
        sizes = rng.multinomial(total, rng.dirichlet(np.full(count, 4.0))).tolist()
        rows = []
        for i in range(count):
            company = companies[used % len(companies)]
            if used >= len(companies):
                company = f"{company} {used // len(companies) + 1}"
            used += 1
            slug = "".join(ch for ch in company.lower() if ch.isalnum())
            if source == "lever":
                slug = "-".join(company.lower().split())
            elif source == "jsonld":
                slug = f"{slug}-careers"
            elif source in _MORE_ATS_SLUGS:
                slug = _MORE_ATS_SLUGS[source](company, slug)
            rows.append((slug, company, sizes[i]))
        boards[source] = rows
    feeds = {source: per_source[source] for source in _FEEDS}
    return _Plan(seed, months, hn_counts, boards, per_source["remoteok"], ats_w, feeds)


# ---------------------------------------------------------------- HN threads


_MONTH_NAMES = tuple(calendar.month_name)


def _thread_id(year: int, month: int) -> int:
    index = (year - _FIRST_MONTH[0]) * 12 + month - _FIRST_MONTH[1]
    return _ID_BASE + index * _ID_PER_MONTH


def _author(py: random.Random) -> str:
    first = _pick(
        py,
        (
            "alex",
            "sam",
            "jo",
            "kim",
            "lee",
            "max",
            "ana",
            "tom",
            "eva",
            "raj",
            "mia",
            "ben",
            "li",
            "noor",
            "ivan",
            "zoe",
        ),
    )
    return first + _pick(py, ("", "_", "h", "dev", "k", "b")) + str(1 + int(py.random() * 999))


def _hn_chunk(plan: _Plan, index: int, n: int, hn_names: list[str]) -> _Chunk:
    year, month = plan.months[index]
    draw = _Drawer(plan.seed, 0, index)
    py, rng = draw.py, draw.np
    partial = index == len(plan.months) - 1
    thread_id = _thread_id(year, month) + int(rng.integers(0, 2000))
    day = 1
    while calendar.weekday(year, month, day) >= 5:
        day += 1
    thread_ts = _epoch(year, month, day, 15 * 3600 + int(rng.integers(0, 60)))
    horizon = (17 if partial else 26) * 86400
    offsets = np.minimum(rng.exponential(2.5 * 86400, n), horizon - 60).astype(np.int64) + 17
    offsets.sort()
    n_dead = int(rng.binomial(n, 0.015)) if n else 0
    n_slots = n + n_dead
    dead_slots = set(rng.choice(n_slots, n_dead, replace=False).tolist()) if n_dead else set()
    n_replies = int(rng.binomial(n, 0.03)) if n else 0
    step = max(1, min(20, (_ID_PER_MONTH - 3000) // (n_slots + 2 * n_replies + 2)))
    ids = (thread_id + np.cumsum(rng.integers(1, step + 1, n_slots + 2 * n_replies))).tolist()
    companies = rng.choice(len(hn_names), n, replace=n > len(hn_names)).tolist()
    specs, keys = [], []
    for i in range(n):
        spec, key = draw.posting(year, thread_ts + int(offsets[i]), hn_names[companies[i]], hn=True)
        specs.append(spec)
        keys.append(key)
    draw.fill(specs, keys, [year] * n, hn=True)
    children: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    headers: list[str] = []
    plains: list[str] = []
    post = 0
    for slot in range(n_slots):
        cid = ids[slot]
        if slot in dead_slots:
            ts = thread_ts + int(offsets[min(post, n - 1)]) if n else thread_ts + 60
            children.append(_hn_comment(cid, ts, None, None, thread_id, thread_id))
            continue
        spec = specs[post]
        text, header, plain = _hn_text(spec, py)
        child = _hn_comment(cid, spec.ts, _author(py), text, thread_id, thread_id)
        child["_synthetic"] = True
        children.append(child)
        objects.append(child)
        headers.append(header)
        plains.append(plain)
        post += 1
    reply_at = py.sample(range(n), n_replies) if n_replies else []
    next_id = n_slots
    for i in sorted(reply_at):
        parent = objects[i]
        reply = _hn_comment(
            ids[next_id],
            parent["created_at_i"] + 3600,
            _author(py),
            _hn_esc(py.choice(V.REPLIES)),
            parent["id"],
            thread_id,
        )
        next_id += 1
        if py.random() < 0.5:
            answer = _hn_comment(
                ids[next_id],
                parent["created_at_i"] + 7200,
                parent["author"],
                _hn_esc(py.choice(V.REPLY_ANSWERS)),
                reply["id"],
                thread_id,
            )
            reply["children"].append(answer)
        next_id += 1
        parent["children"].append(reply)
    title = f"Ask HN: Who is hiring? ({_MONTH_NAMES[month]} {year})"
    story = {
        "id": thread_id,
        "created_at": _iso_z(thread_ts, True),
        "created_at_i": thread_ts,
        "type": "story",
        "author": "whoishiring",
        "title": title,
        "url": None,
        "text": _hn_esc(
            "Please state the location and include REMOTE, INTERNS and/or VISA when that sort of candidate is welcome. When remote work is not an option, include ONSITE."
        )
        + "<p>"
        + _hn_esc("Please only post if you are part of the hiring company. One post per company."),
        "points": int(rng.integers(150, 900)),
        "parent_id": None,
        "story_id": None,
        "children": children,
        "options": [],
        "_synthetic": True,
    }
    comments = len(children) + sum(_count(c["children"]) for c in children)
    return _Chunk(
        source="hn_whoishiring",
        board=str(thread_id),
        specs=specs,
        objects=objects,
        months=[_mkey(year, month)] * n,
        file_name=f"items/{thread_id}.json",
        body=story,
        thread_id=thread_id,
        extra={
            "title": title,
            "ts": thread_ts,
            "comments": comments,
            "headers": headers,
            "plains": plains,
            "points": story["points"],
        },
    )


def _count(children: list[dict[str, Any]]) -> int:
    return len(children) + sum(_count(c["children"]) for c in children)


def _hn_comment(
    cid: int, ts: int, author: str | None, text: str | None, parent: int, story: int
) -> dict[str, Any]:
    return {
        "id": cid,
        "created_at": _iso_z(ts, True),
        "created_at_i": ts,
        "type": "comment",
        "author": author,
        "title": None,
        "url": None,
        "text": text,
        "points": None,
        "parent_id": parent,
        "story_id": story,
        "children": [],
        "options": [],
    }


def _search_pages(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    hits = sorted(hits, key=lambda h: (-h["created_at_i"], h["objectID"]))
    pages = max(1, math.ceil(len(hits) / HITS_PER_PAGE))
    out = []
    for page in range(pages):
        out.append(
            {
                "hits": hits[page * HITS_PER_PAGE : (page + 1) * HITS_PER_PAGE],
                "nbHits": len(hits),
                "page": page,
                "nbPages": pages,
                "hitsPerPage": HITS_PER_PAGE,
                "exhaustiveNbHits": True,
                "query": "hiring",
                "params": f"page={page}&query=hiring&tags=story%2C%28author__whoishiring%2C+author_whoishiring%29",
                "processingTimeMS": 1,
            }
        )
    return out


def _hit(story_id: int, title: str, ts: int, comments: int, points: int) -> dict[str, Any]:
    return {
        "created_at": _iso_z(ts, True),
        "title": title,
        "url": None,
        "author": "whoishiring",
        "points": points,
        "story_text": None,
        "comment_text": None,
        "num_comments": comments,
        "story_id": None,
        "story_title": None,
        "story_url": None,
        "parent_id": None,
        "created_at_i": ts,
        "_tags": ["story", "author_whoishiring", f"story_{story_id}", "ask_hn"],
        "objectID": str(story_id),
        "_synthetic": True,
    }


# ---------------------------------------------------------------- ATS boards


def _ats_times(draw: _Drawer, plan: _Plan, n: int, tz: str) -> tuple[list[int], list[str]]:
    month_idx = np.sort(draw.np.choice(len(plan.months), n, p=plan.ats_weights))[::-1].tolist()
    sign = 1 if tz[0] == "+" else -1
    offset = sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    last = len(plan.months) - 1
    times, months = [], []
    for mi in month_idx:
        year, month = plan.months[mi]
        day = 2 + int(draw.py.random() * (16 if mi == last else 26))
        local = 8 * 3600 + int(draw.py.random() * 10 * 3600)
        times.append(_epoch(year, month, day, local - offset))
        months.append(_mkey(year, month))
    return times, months


def _board_specs(
    plan: _Plan, source_idx: int, chunk_idx: int, company: str | None, n: int
) -> tuple[_Drawer, list[_Spec], list[str]]:
    draw = _Drawer(plan.seed, source_idx, chunk_idx)
    pref = int(draw.np.integers(len(V.LOCATIONS)))
    tz = V.LOCATIONS[pref][3]
    times, months = _ats_times(draw, plan, n, tz)
    names = _company_names(V.REMOTE_PREFIXES, draw.np) if company is None else []
    specs, keys, years = [], [], []
    for i in range(n):
        year = int(months[i][:4])
        name = company if company is not None else names[i % len(names)]
        spec, key = draw.posting(year, times[i], name, hn=False, location_pref=pref)
        if company is None:
            spec.workplace, spec.location = "remote", draw.py.choice(V.REMOTE_REGIONS)
        specs.append(spec)
        keys.append(key)
        years.append(year)
    draw.fill(specs, keys, years, hn=False)
    return draw, specs, months


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
_COUNTRIES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "DE": "Germany",
    "NL": "Netherlands",
    "FR": "France",
    "IE": "Ireland",
    "ES": "Spain",
    "PT": "Portugal",
    "CH": "Switzerland",
    "SE": "Sweden",
    "IL": "Israel",
    "SG": "Singapore",
    "AU": "Australia",
}


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


# ---------------------------------------------------------------- public feeds

_FEEDS = ("remotive", "himalayas", "arbeitnow")
# Drawer streams of their own, apart from the indices the other sources use.
_FEED_SOURCE_IDX = {"remotive": 11, "himalayas": 12, "arbeitnow": 13}
_EMPLOYMENT_KEYS = {"Full-time": "full_time", "Contract": "contract", "Part-time": "part_time"}


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


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


# ---------------------------------------------------------------- SmartRecruiters, Workable,
# Recruitee, Personio: one self-contained generator each, registered in _MORE_ATS below.

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


# ---------------------------------------------------------------- chunk stream


def _chunks(plan: _Plan) -> Iterator[_Chunk]:
    """Every chunk of the corpus in a fixed order: HN months, then boards source by source."""
    hn_names = _company_names(V.HN_PREFIXES, np.random.default_rng([plan.seed, 998]))
    for index, n in enumerate(plan.hn_counts):
        yield _hn_chunk(plan, index, n, hn_names)
    for idx, (token, company, n) in enumerate(plan.boards["greenhouse"]):
        yield _greenhouse(plan, idx, token, company, n)
    for idx, (site, company, n) in enumerate(plan.boards["lever"]):
        yield _lever(plan, idx, site, company, n)
    for idx, (board, company, n) in enumerate(plan.boards["ashby"]):
        yield _ashby(plan, idx, board, company, n)
    yield _remoteok(plan, plan.remoteok)
    for idx, (name, company, n) in enumerate(plan.boards["jsonld"]):
        yield _jsonld(plan, idx, name, company, n)
    yield _remotive(plan, plan.feeds.get("remotive", 0))
    yield from _himalayas(plan, plan.feeds.get("himalayas", 0))
    yield from _arbeitnow(plan, plan.feeds.get("arbeitnow", 0))
    for source, make in _MORE_ATS.items():
        for idx, (board, company, n) in enumerate(plan.boards[source]):
            yield make(plan, idx, board, company, n)


def _resolve_range(
    postings: int, start: str, end: str | None
) -> tuple[tuple[int, int], tuple[int, int]]:
    if postings < 1:
        raise UserError(f"postings must be at least 1 (got {postings}); pass a positive --postings")
    first = _parse_month(start, "start")
    now = datetime.now(UTC)
    last = _parse_month(end, "end") if end is not None else (now.year, now.month)
    if first < _FIRST_MONTH:
        raise UserError(
            f"start {start} is before the first 'Who is hiring?' thread; use 2011-01 or later"
        )
    if first > last:
        raise UserError(
            f"start {start} is after end {_mkey(*last)}; pass a start month before the end month"
        )
    return first, last


_CORPUS_DIRS = (
    "hn-algolia",
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
)


def _clear(out: Path) -> None:
    """Empty a previously generated corpus so no file of an earlier, larger one survives."""
    if not out.exists() or not any(out.iterdir()):
        return
    if not (out / "generated.json").is_file():
        raise UserError(
            f"{out} is not empty and holds no generated corpus; pass an empty or new directory to write the corpus to"
        )
    for name in _CORPUS_DIRS:
        if (out / name).is_dir():
            shutil.rmtree(out / name)
    (out / "generated.json").unlink()


def _dump(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        if isinstance(data, str):
            handle.write(data)
        else:
            handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True))
    os.replace(tmp, path)


def _tally(
    truth: dict[str, dict[str, dict[str, int]]],
    skills: dict[str, dict[str, dict[str, int]]],
    chunk: _Chunk,
) -> None:
    months = truth.setdefault(chunk.source, {})
    for spec, month in zip(chunk.specs, chunk.months, strict=True):
        row = months.setdefault(month, {"seen": 0, AI: 0, DS: 0})
        row["seen"] += 1
        for family in spec.families:
            row[family] += 1
            counts = skills[family].setdefault(month[:4], {})
            for skill in spec.skills:
                counts[skill] = counts.get(skill, 0) + 1


# ---------------------------------------------------------------- public API


def generate_corpus(
    out: Path,
    postings: int = 24000,
    seed: int = 7,
    *,
    start: str = "2015-01",
    end: str | None = None,
) -> CorpusSummary:
    """Write a seeded synthetic corpus in the replay layout with its truth in generated.json."""
    first, last = _resolve_range(postings, start, end)
    out = Path(out)
    _clear(out)
    plan = _plan(postings, seed, first, last)
    folders = {
        "hn_whoishiring": out / "hn-algolia",
        "greenhouse": out / "greenhouse",
        "lever": out / "lever",
        "ashby": out / "ashby",
        "remoteok": out / "remoteok",
        "jsonld": out / "jsonld",
        "remotive": out / "remotive",
        "himalayas": out / "himalayas",
        "arbeitnow": out / "arbeitnow",
        **{source: out / source for source in _MORE_ATS},
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    (out / "hn-algolia" / "items").mkdir(exist_ok=True)
    (out / "hn-algolia" / "search_by_date").mkdir(exist_ok=True)
    truth: dict[str, dict[str, dict[str, int]]] = {}
    skills: dict[str, dict[str, dict[str, int]]] = {AI: {}, DS: {}}
    hits: list[dict[str, Any]] = []
    months_seen: dict[str, int] = {}
    boards: dict[str, list[str]] = {s: [] for s in SOURCES}
    for chunk in _chunks(plan):
        _tally(truth, skills, chunk)
        if chunk.board not in boards[chunk.source]:  # a paged feed is one board of many files
            boards[chunk.source].append(chunk.board)
        if chunk.source == "hn_whoishiring":
            month = _mkey(*plan.months[len(hits)])
            months_seen[month] = len(chunk.specs)
            hits.append(
                _hit(
                    chunk.thread_id or 0,
                    chunk.extra["title"],
                    chunk.extra["ts"],
                    chunk.extra["comments"],
                    chunk.extra["points"],
                )
            )
        for name, body in (chunk.extra.get("files") or {chunk.file_name: chunk.body}).items():
            path = folders[chunk.source] / name
            path.parent.mkdir(parents=True, exist_ok=True)
            _dump(path, body)
    last_title = f"{_MONTH_NAMES[last[1]]} {last[0]}"
    last_ts = _epoch(last[0], last[1], 1, 15 * 3600 + 30)
    hits.append(
        _hit(
            _thread_id(*last) + 5,
            f"Ask HN: Who wants to be hired? ({last_title})",
            last_ts,
            120,
            90,
        )
    )
    hits.append(
        _hit(
            _thread_id(*last) + 6,
            f"Ask HN: Freelancer? Seeking freelancer? ({last_title})",
            last_ts,
            60,
            40,
        )
    )
    for page in _search_pages(hits):
        _dump(out / "hn-algolia" / "search_by_date" / f"page-{page['page']}.json", page)
    _dump(out / "hn-algolia" / "months.json", months_seen)
    by_source = {s: sum(r["seen"] for r in truth.get(s, {}).values()) for s in SOURCES}
    generated = {
        "seed": seed,
        "postings": sum(by_source.values()),
        "generator_version": GENERATOR_VERSION,
        "start": _mkey(*first),
        "end": _mkey(*last),
        "synthetic": True,
        "by_source": by_source,
        "boards": {s: b for s, b in boards.items() if s != "hn_whoishiring"},
        "sources": truth,
        "skill_postings": skills,
    }
    _dump(out / "generated.json", generated)
    return CorpusSummary(out=out, postings=sum(by_source.values()), seed=seed, by_source=by_source)


# ---------------------------------------------------------------- landing files

_REMOTE_FLAG = {"remote": True, "onsite": False, "hybrid": False, "unstated": None}
_PER_YEAR = {"year": 1, "month": 12, "hour": 2080}
_LONG_KEYS = (
    "text",
    "content",
    "description",
    "descriptionHtml",
    "descriptionPlain",
    "descriptionBody",
    "descriptionBodyPlain",
    "additional",
    "additionalPlain",
    "lists",
    "opening",
    "openingPlain",
    "children",
)


def _salary_record(spec: _Spec) -> dict[str, Any] | None:
    if spec.salary is None:
        return None
    low, high, currency, period = spec.salary
    factor = _PER_YEAR[period]
    return {
        "min": low,
        "max": high,
        "currency": currency,
        "period": period,
        "annual_min": low * factor,
        "annual_max": high * factor,
        "raw": spec.salary_raw,
    }


def _landing_records(chunk: _Chunk, run_id: str, fetched_at: str) -> Iterator[dict[str, Any]]:
    """The landing records of a chunk, in the landing-record shape, not yet classified."""
    headers, plains = chunk.extra.get("headers", []), chunk.extra.get("plains", [])
    for i, (spec, obj, month) in enumerate(
        zip(chunk.specs, chunk.objects, chunk.months, strict=True)
    ):
        if chunk.source == "hn_whoishiring":
            source_id = str(obj["id"])
            title, location = headers[i], spec.location
            url = f"https://news.ycombinator.com/item?id={source_id}"
            description_html = obj["text"]
            text = plains[i]
        elif "source_ids" in chunk.extra:
            source_id = chunk.extra["source_ids"][i]
            title, location, url = spec.titles[0], spec.location, spec.url
            description_html = spec.html or _html(spec)
            text = _plain(spec)
        else:
            source_id = str(
                obj.get("id")
                or obj.get("guid")  # himalayas
                or obj.get("slug")  # arbeitnow
                or obj.get("identifier", {}).get("value")
            )
            title, location, url = spec.titles[0], spec.location, spec.url
            description_html = spec.html or _html(spec)
            text = _plain(spec)
        digest = hashlib.sha256(
            "\x1f".join((title, spec.company, location or "", text)).encode()
        ).hexdigest()
        raw = {k: v for k, v in obj.items() if k not in _LONG_KEYS}
        yield {
            "source": chunk.source,
            "source_id": source_id,
            "global_id": f"{chunk.source}:{source_id}",
            "board": chunk.board,
            "url": url,
            "company": spec.company,
            "title": title,
            "openings": [],
            "role_families": [],
            "location": location,
            "remote": _REMOTE_FLAG[spec.workplace],
            "salary": _salary_record(spec),
            "employment_type": spec.employment,
            "requisition_id": obj.get("requisition_id")
            or (obj.get("identifier") or {}).get("value"),
            "posted_at": _iso_z(spec.ts),
            "month": month,
            "thread_id": chunk.thread_id,
            "fetched_at": fetched_at,
            "description_html": description_html,
            "description_text": text,
            "content_hash": digest,
            "crawl_run_id": run_id,
            "rules_version": None,
            "is_synthetic": True,
            "raw": raw,
        }


def _run_ids(
    run_id: str | None, seed: int, postings: int, end: tuple[int, int], count: int
) -> list[str]:
    if run_id is not None:
        try:
            start = datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            if len(run_id) != 25 or run_id[16] != "-":
                raise ValueError
            int(run_id[17:], 16)
        except ValueError:
            raise UserError(
                f"run_id {run_id!r} is not of the form YYYYMMDDTHHMMSSZ-<8 hex>; pass e.g. 20261101T000000Z-0a1b2c3d"
            ) from None
    else:
        year, month = end
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start = datetime(year, month, 1, tzinfo=UTC)
    out = []
    for i in range(count):
        if i == 0 and run_id is not None:
            out.append(run_id)
            continue
        tag = hashlib.sha256(f"{seed}:{postings}:{i}".encode()).hexdigest()[:8]
        out.append((start + timedelta(seconds=i)).strftime("%Y%m%dT%H%M%SZ") + "-" + tag)
    return out


class _LandingWriter:
    """One landing file of one source: records, seen ids and, on close, the manifest."""

    def __init__(self, folder: Path, source: str, run_id: str) -> None:
        self.folder, self.source, self.run_id = folder, source, run_id
        self.started = datetime.strptime(run_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        self.fetched_at = _iso_z(int(self.started.timestamp()))
        self.run = RunWriter(folder.parent, source, run_id)
        self.seen: list[str] = []
        self.boards: list[str] = []
        self.months: set[str] = set()

    def write(self, chunk: _Chunk) -> None:
        for record in _landing_records(chunk, self.run_id, self.fetched_at):
            self.seen.append(record["global_id"])
            self.run.write(record)
        if chunk.source == "hn_whoishiring":
            self.months.update(chunk.months[:1])
        elif chunk.board not in self.boards:
            self.boards.append(chunk.board)

    def close(self) -> Path:
        manifest: Manifest = {
            "source": self.source,
            "run_id": self.run_id,
            "started_at": _iso_z(int(self.started.timestamp())),
            "finished_at": _iso_z(int(self.started.timestamp()) + 60),
            "complete": True,
            "requests": 0,
            "responses_by_status": {},
            "items_seen": len(self.seen),
            "items_landed": len(self.seen),
            "duplicates_in_run": 0,
            "scope": {
                "boards": [] if self.source == "hn_whoishiring" else self.boards,
                "months": sorted(self.months),
            },
            "errors": [],
            "synthetic": True,
            "generator_version": GENERATOR_VERSION,
        }
        self.run.finish(self.seen, manifest)
        return self.run.files.landing


def _chunk_sizes(plan: _Plan) -> dict[str, list[int]]:
    sizes = {"hn_whoishiring": list(plan.hn_counts), "remoteok": [plan.remoteok]}
    for source in ("greenhouse", "lever", "ashby", "jsonld", *_MORE_ATS):
        sizes[source] = [n for _b, _c, n in plan.boards[source]]
    n = plan.feeds.get("remotive", 0)
    sizes["remotive"] = [n]
    for source in ("himalayas", "arbeitnow"):
        n = plan.feeds.get(source, 0)
        sizes[source] = [end - start for start, end in _pages(n, V.FEED_PAGE_SIZE[source])]
    return sizes


def generate_landing(
    landing_dir: Path,
    postings: int,
    seed: int = 7,
    *,
    run_id: str | None = None,
    files: int | None = None,
) -> list[Path]:
    """Write synthetic postings directly as landing files (one complete run per file), unclassified.

    Each source gets `files` landing files (default: one per 200,000 postings); a file holds whole
    HN months or whole boards, and its manifest's scope names exactly those, so no run closes
    postings of another. Returns the landing files written, in order.
    """
    if files is not None and files < 1:
        raise UserError(
            f"files must be at least 1 (got {files}); pass a positive number of landing files"
        )
    first, last = _resolve_range(postings, "2015-01", None)
    plan = _plan(postings, seed, first, last)
    sizes = _chunk_sizes(plan)
    totals = {s: sum(v) for s, v in sizes.items()}
    n_files = {s: files or max(1, math.ceil(totals[s] / 200_000)) for s in SOURCES}
    run_ids = _run_ids(run_id, seed, postings, last, max(n_files.values()))
    written: list[Path] = []
    writers: dict[str, _LandingWriter] = {}
    done = {s: 0 for s in SOURCES}
    for chunk in _chunks(plan):
        source = chunk.source
        if not chunk.specs:
            continue
        index = min(n_files[source] - 1, done[source] * n_files[source] // max(1, totals[source]))
        done[source] += len(chunk.specs)
        writer = writers.get(source)
        if writer is not None and writer.run_id != run_ids[index]:
            written.append(writer.close())
            writer = None
        if writer is None:
            folder = Path(landing_dir) / source
            folder.mkdir(parents=True, exist_ok=True)
            writer = writers[source] = _LandingWriter(folder, source, run_ids[index])
        writer.write(chunk)
    written += [w.close() for w in writers.values()]
    return written
