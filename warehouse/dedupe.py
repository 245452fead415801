"""Cross-source duplicate postings: same URL, same company requisition id, or same company, title
and location with near-identical descriptions (MinHash Jaccard estimate >= NEAR_DUPLICATE)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    from datasketch import MinHash

# Word 3-shingle Jaccard at or above this makes two descriptions the same posting: reposts on
# another board differ by boilerplate (apply links, EEO lines), new roles differ by far more.
NEAR_DUPLICATE = 0.8
NUM_PERM = 128
_WORD = re.compile(r"\w+", re.UNICODE)

_KEY_PAIRS = """
with keyed as (
    select
        global_id, source,
        nullif(regexp_replace(lower(trim(url)), '/+$', ''), '') as url_key,
        case when nullif(trim(requisition_id), '') is not null and nullif(trim(company), '') is not null
            then lower(trim(company)) || '|' || lower(trim(requisition_id)) end as requisition_key
    from postings
)
select distinct a.global_id as a, b.global_id as b
from keyed as a
join keyed as b on a.url_key = b.url_key and a.source < b.source
union
select distinct a.global_id, b.global_id
from keyed as a
join keyed as b on a.requisition_key = b.requisition_key and a.source < b.source
"""

_TEXT_CANDIDATES = """
with keyed as (
    select
        global_id, source, description_text,
        regexp_replace(lower(coalesce(company, '')), '[^a-z0-9]+', ' ', 'g') || '|'
        || regexp_replace(lower(coalesce(title, '')), '[^a-z0-9]+', ' ', 'g') || '|'
        || regexp_replace(lower(coalesce(location, '')), '[^a-z0-9]+', ' ', 'g') as key
    from postings
    where company is not null and title is not null
),
groups as (
    select key from keyed group by key having count(distinct source) > 1
)
select keyed.key, keyed.global_id, keyed.source, keyed.description_text
from keyed
semi join groups using (key)
order by keyed.key, keyed.global_id
"""

_CANONICAL = """
with ranked as (
    select
        m.global_id,
        row_number() over w as rank,
        first_value(p.global_id) over w as canonical_id
    from dedupe_members as m
    join postings as p using (global_id)
    window w as (partition by m.root order by p.posted_at nulls last, p.first_seen, p.global_id)
)
select global_id, canonical_id from ranked where rank > 1 order by global_id
"""


def _minhash(text: str) -> MinHash:
    from datasketch import MinHash  # imported on demand: it pulls in scipy, seconds of start-up

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    for shingle in shingles:
        sketch.update(shingle.encode("utf-8"))
    return sketch


def _text_pairs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    group: list[tuple[str, str, MinHash]] = []
    current = None
    for key, global_id, source, text in con.execute(_TEXT_CANDIDATES).fetchall():
        if key != current:
            pairs += _near_pairs(group)
            group, current = [], key
        group.append((global_id, source, _minhash(text or "")))
    pairs += _near_pairs(group)
    return pairs


def _near_pairs(group: list[tuple[str, str, MinHash]]) -> list[tuple[str, str]]:
    found = []
    for i, (id_a, source_a, hash_a) in enumerate(group):
        for id_b, source_b, hash_b in group[i + 1 :]:
            if source_a != source_b and hash_a.jaccard(hash_b) >= NEAR_DUPLICATE:
                found.append((id_a, id_b))
    return found


def canonical_ids(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """(global_id, canonical_id) for every posting that duplicates another; the canonical posting
    of a group is the one posted first (then first seen, then smallest global_id)."""
    pairs = [(a, b) for a, b in con.execute(_KEY_PAIRS).fetchall()] + _text_pairs(con)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    members = pa.table(
        {
            "global_id": pa.array(list(parent), pa.string()),
            "root": pa.array([find(m) for m in parent], pa.string()),
        }
    )
    con.register("dedupe_members", members)
    try:
        table = con.sql(_CANONICAL).to_arrow_table()
    finally:
        con.unregister("dedupe_members")
    return table
