"""The replay corpus: every chunk in a fixed order, written in each source's layout with its truth."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jobtrends.errors import UserError
from jobtrends.generate import vocab as V
from jobtrends.generate.ats import _ashby, _greenhouse, _lever
from jobtrends.generate.feeds import _arbeitnow, _himalayas, _remoteok, _remotive
from jobtrends.generate.hn import _MONTH_NAMES, _hit, _hn_chunk, _search_pages, _thread_id
from jobtrends.generate.jsonld import _jsonld
from jobtrends.generate.more_ats import _MORE_ATS
from jobtrends.generate.plan import (
    AI,
    DS,
    GENERATOR_VERSION,
    SOURCES,
    _Chunk,
    _company_names,
    _epoch,
    _mkey,
    _Plan,
    _plan,
    _resolve_range,
)


@dataclass
class CorpusSummary:
    """What generate_corpus wrote."""

    out: Path
    postings: int
    seed: int
    by_source: dict[str, int]


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


# Recorded HN responses sit under the name of the API they came from, not the source type.
_HN_FOLDER = "hn-algolia"


def _folder_name(source: str) -> str:
    """The corpus folder a source's responses are written to in the replay layout."""
    return _HN_FOLDER if source == "hn_whoishiring" else source


_CORPUS_DIRS = tuple(_folder_name(source) for source in SOURCES)


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
    folders = {source: out / _folder_name(source) for source in SOURCES}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    (out / _HN_FOLDER / "items").mkdir(exist_ok=True)
    (out / _HN_FOLDER / "search_by_date").mkdir(exist_ok=True)
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
        _dump(out / _HN_FOLDER / "search_by_date" / f"page-{page['page']}.json", page)
    _dump(out / _HN_FOLDER / "months.json", months_seen)
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
