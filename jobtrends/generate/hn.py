"""HN 'Who is hiring?' threads in the Algolia shape: stories, comments and search pages."""

from __future__ import annotations

import calendar
import math
import random
import time
from typing import Any

import numpy as np

from jobtrends.generate import vocab as V
from jobtrends.generate.drawer import _Drawer
from jobtrends.generate.plan import _FIRST_MONTH, _Chunk, _epoch, _iso_z, _mkey, _Plan, _Spec
from jobtrends.generate.text import _hn_esc, _pick, _salary_text

HITS_PER_PAGE = 20
# Threads get ids spaced by month so posts of a month never collide with the next thread.
_ID_BASE, _ID_PER_MONTH = 2_000_000, 285_000


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
