"""Cross-source duplicate postings: same URL, same company requisition id, or same company, title
and location with near-identical descriptions (MinHash Jaccard estimate >= NEAR_DUPLICATE)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from jobtrends.sql import query

if TYPE_CHECKING:
    from datasketch import MinHash

# Word 3-shingle Jaccard at or above this makes two descriptions the same posting: reposts on
# another board differ by boilerplate (apply links, EEO lines), new roles differ by far more.
NEAR_DUPLICATE = 0.8
NUM_PERM = 128
_WORD = re.compile(r"\w+", re.UNICODE)


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
    for key, global_id, source, text in con.execute(
        query("warehouse", "dedupe", "text_candidates")
    ).fetchall():
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
    pairs = [
        (a, b) for a, b in con.execute(query("warehouse", "dedupe", "key_pairs")).fetchall()
    ] + _text_pairs(con)
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
        table = con.sql(query("warehouse", "dedupe", "canonical_ids")).to_arrow_table()
    finally:
        con.unregister("dedupe_members")
    return table
