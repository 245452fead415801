"""Drawing postings: seeded choices of families, titles, skills, place, pay and text, chunk by chunk."""

from __future__ import annotations

import bisect
import functools
import math
import random
from collections.abc import Sequence
from typing import Any

import numpy as np

from jobtrends.generate import vocab as V
from jobtrends.generate.plan import AI, DS, _company_names, _epoch, _mkey, _Plan, _Spec, _trend


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


@functools.lru_cache(maxsize=8192)
def _domain(company: str) -> str:
    return "".join(ch for ch in company.lower() if ch.isalnum()) + ".example"


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
