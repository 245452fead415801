"""The aggregate tables: contents worked out by hand, equality with a recount, freshness and refresh."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from test_views import add_posting

from jobtrends.config import Settings
from warehouse import aggregates, db
from warehouse.migrate import migrate, migrations

JAN, FEB = dt.date(2024, 1, 1), dt.date(2024, 2, 1)


@pytest.fixture()
def small(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Two months of postings: one with both roles, one duplicate, one without skills."""
    add_posting(con, "gh:a1", "2024-01-01", "ai_engineer", ["python", "pytorch", "python"])
    add_posting(con, "gh:d1", "2024-01-01", "data_scientist", ["sql", "python"])
    add_posting(con, "gh:o1", "2024-01-01", "other", ["go"])
    add_posting(con, "gh:a2", "2024-02-01", "ai_engineer", [])
    # gh:b1 is both an AI engineer and a data scientist posting (two openings)
    add_posting(con, "gh:b1", "2024-02-01", "ai_engineer", ["sql"])
    con.execute(
        "insert into openings values ('gh:b1', 1, 't', 't', 'data_scientist', 'mid', 'r1', null, null)"
    )
    # gh:s1 hires an AI engineer and a designer, and the AI opening has a section of its own:
    # pytorch sits in it, react in the text both openings share
    add_posting(con, "gh:s1", "2024-02-01", "ai_engineer", [])
    con.execute("update openings set section_start = 0, section_end = 40 where global_id = 'gh:s1'")
    con.execute("insert into openings values ('gh:s1', 1, 'd', 'd', 'other', 'mid', 'r1', 40, 80)")
    con.execute("insert into posting_skills values ('gh:s1', 0, 'pytorch', 5, 12, 'PyTorch', 'e1')")
    con.execute("insert into posting_skills values ('gh:s1', null, 'react', 90, 95, 'React', 'e1')")
    add_posting(
        con,
        "lever:d1",
        "2024-01-01",
        "data_scientist",
        ["sql", "r"],
        source="lever",
        canonical_id="gh:d1",
    )
    return con


def test_refresh_fills_every_aggregate_by_hand(small: duckdb.DuckDBPyConnection) -> None:
    rows = aggregates.refresh(small)
    assert rows == {
        "posting_lists": 7,
        "role_postings": 6,
        "month_postings": 2,
        "role_months": 4,
        "role_month_skills": 4,
        "source_month_roles": 5,
    }
    lists = {
        r[0]: r[1:]
        for r in small.execute(
            "select global_id, source, month, is_canonical, role_families, skills from posting_lists"
        ).fetchall()
    }
    assert lists["gh:a1"] == ("greenhouse", JAN, True, ["ai_engineer"], ["python", "pytorch"])
    assert lists["gh:b1"] == ("greenhouse", FEB, True, ["ai_engineer", "data_scientist"], ["sql"])
    assert lists["gh:o1"] == ("greenhouse", JAN, True, [], ["go"])
    assert lists["gh:a2"] == ("greenhouse", FEB, True, ["ai_engineer"], [])
    assert lists["lever:d1"] == ("lever", JAN, False, ["data_scientist"], ["r", "sql"])
    assert sorted(small.execute("select * from month_postings").fetchall()) == [(JAN, 3), (FEB, 3)]
    # only postings that hire one family alone enter the skill shares: gh:b1 hires both roles in
    # text they share; gh:s1's own AI section is kept (pytorch), but a section is a part of a post
    # and is not counted beside whole postings
    assert sorted(
        small.execute("select global_id, role, attribution, skills from role_postings").fetchall()
    ) == [
        ("gh:a1", "ai_engineer", "only_family", ["python", "pytorch"]),
        ("gh:a2", "ai_engineer", "only_family", []),
        ("gh:b1", "ai_engineer", "shared_text", []),
        ("gh:b1", "data_scientist", "shared_text", []),
        ("gh:d1", "data_scientist", "only_family", ["python", "sql"]),
        ("gh:s1", "ai_engineer", "own_section", ["pytorch"]),
    ]
    # (month, role, postings hiring the role, postings hiring it alone)
    assert sorted(small.execute("select * from role_months").fetchall()) == [
        (JAN, "ai_engineer", 1, 1),
        (JAN, "data_scientist", 1, 1),
        (FEB, "ai_engineer", 3, 1),
        (FEB, "data_scientist", 1, 0),
    ]
    # python counts once for gh:a1 although mentioned twice; the duplicate's r and sql are not counted
    assert sorted(small.execute("select * from role_month_skills").fetchall()) == [
        (JAN, "ai_engineer", "python", 1),
        (JAN, "ai_engineer", "pytorch", 1),
        (JAN, "data_scientist", "python", 1),
        (JAN, "data_scientist", "sql", 1),
    ]
    # source_month_roles counts duplicates: they are shares within their own source
    assert sorted(small.execute("select * from source_month_roles").fetchall()) == [
        (JAN, "greenhouse", "ai_engineer", 1),
        (JAN, "greenhouse", "data_scientist", 1),
        (JAN, "lever", "data_scientist", 1),
        (FEB, "greenhouse", "ai_engineer", 3),
        (FEB, "greenhouse", "data_scientist", 1),
    ]


def test_role_month_skills_equal_a_recount_from_posting_skills(
    small: duckdb.DuckDBPyConnection,
) -> None:
    aggregates.refresh(small)
    # the rule spelled out again: every mention of a posting whose openings are all of one family
    recount = small.execute(
        """
        with families as (
            select global_id, count(distinct role_family) as n from openings group by global_id
        )
        select p.month, o.role_family, s.skill_id, count(distinct p.global_id)
        from postings p
        join openings o using (global_id)
        join families f using (global_id)
        join posting_skills s using (global_id)
        where p.canonical_id = p.global_id and o.role_family <> 'other'
          and f.n = 1
        group by all order by all
        """
    ).fetchall()
    assert small.execute("select * from role_month_skills order by all").fetchall() == recount
    assert len(recount) == 4


def test_freshness_follows_changes_to_the_tables_aggregated(
    small: duckdb.DuckDBPyConnection,
) -> None:
    assert not aggregates.is_fresh(small)
    assert aggregates.refresh_if_stale(small) is True
    assert aggregates.is_fresh(small) and aggregates.refresh_if_stale(small) is False
    # a new canonical id changes the fingerprint although no row count changes
    small.execute("update postings set canonical_id = 'gh:a1' where global_id = 'gh:o1'")
    assert not aggregates.is_fresh(small)
    aggregates.refresh(small)
    assert small.execute(
        "select n_postings from month_postings where month = '2024-01-01'"
    ).fetchall() == [(2,)]


def test_a_failed_refresh_keeps_the_previous_aggregates(
    small: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    aggregates.refresh(small)
    before = small.execute("select * from role_month_skills order by all").fetchall()
    small.execute("delete from posting_skills where global_id = 'gh:a1'")
    steps = aggregates.refresh_steps()
    broken = Path(__file__).parent / "does_not_exist.sql"
    monkeypatch.setattr(aggregates, "refresh_steps", lambda: [*steps, ("role_months", broken)])
    with pytest.raises(OSError):
        aggregates.refresh(small)
    assert small.execute("select * from role_month_skills order by all").fetchall() == before
    assert not aggregates.is_fresh(small)


def test_a_writer_session_leaves_the_aggregates_fresh(settings: Settings) -> None:
    with db.session(settings) as con:
        add_posting(con, "gh:a1", "2024-01-01", "ai_engineer", ["python"])
    with db.session(settings, read_only=True) as con:
        assert aggregates.is_fresh(con)
        assert con.execute("select role, skill, n_skill from v_skill_share_monthly").fetchall() == [
            ("ai_engineer", "python", 1)
        ]
        assert con.execute("select skills from v_postings").fetchall() == [(["python"],)]


def test_a_failed_writer_session_does_not_refresh(settings: Settings) -> None:
    with pytest.raises(RuntimeError), db.session(settings) as con:
        add_posting(con, "gh:a1", "2024-01-01", "ai_engineer", ["python"])
        raise RuntimeError("stop")
    with db.session(settings, read_only=True) as con:
        assert not aggregates.is_fresh(con)
        assert con.execute("select count(*) from role_month_skills").fetchall() == [(0,)]


def test_migrating_an_older_warehouse_fills_the_aggregates() -> None:
    con = duckdb.connect()
    con.execute(
        "create table schema_migrations (version integer primary key, name varchar not null, "
        "applied_at timestamptz not null)"
    )
    for migration in [m for m in migrations() if m.version < 3]:
        con.execute(migration.sql)
        con.execute(
            "insert into schema_migrations values (?, ?, current_timestamp)",
            [migration.version, migration.name],
        )
    # postings loaded by a version without the aggregate tables
    con.execute(
        "insert into postings (global_id, source, source_id, month, content_hash, first_seen, last_seen, "
        "canonical_id) values ('gh:1', 'greenhouse', '1', '2024-03-01', 'h', now(), now(), 'gh:1')"
    )
    con.execute("insert into openings values ('gh:1', 0, 't', 't', 'data_scientist', 'mid', 'r1')")
    con.execute("insert into posting_skills values ('gh:1', null, 'sql', 0, 3, 'SQL', 'e1')")
    assert migrate(con) == [3, 4, 5]
    assert con.execute("select role, skill_id, n_skill from role_month_skills").fetchall() == [
        ("data_scientist", "sql", 1)
    ]
    assert aggregates.is_fresh(con)
    con.close()


def _lists(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[list[str], list[str]]]:
    return {
        r[0]: (r[1], r[2])
        for r in con.execute("select global_id, role_families, skills from v_postings").fetchall()
    }


def test_v_postings_pairs_lists_by_position_and_never_with_another_posting(
    con: duckdb.DuckDBPyConnection,
) -> None:
    add_posting(con, "gh:1", "2024-01-01", "ai_engineer", ["python"])
    add_posting(
        con, "lever:1", "2024-01-01", "ai_engineer", ["rust"], source="lever", canonical_id="gh:1"
    )
    add_posting(con, "gh:2", "2024-01-01", "data_scientist", ["sql", "r"])
    add_posting(con, "gh:3", "2024-02-01", "other", ["go"])
    aggregates.refresh(con)
    expected = {
        "gh:1": (["ai_engineer"], ["python"]),
        "gh:2": (["data_scientist"], ["r", "sql"]),
        "gh:3": ([], ["go"]),
    }
    assert _lists(con) == expected
    # rows removed and added after the refresh: later rows get empty lists, never a neighbour's
    con.execute("delete from postings where global_id = 'gh:2'")
    add_posting(con, "gh:4", "2024-02-01", "ai_engineer", ["docker"])
    stale = _lists(con)
    assert set(stale) == {"gh:1", "gh:3", "gh:4"}
    assert stale["gh:1"] == expected["gh:1"]
    assert stale["gh:3"] in (expected["gh:3"], ([], [])) and stale["gh:4"] == ([], [])
    aggregates.refresh(con)
    assert _lists(con) == {
        "gh:1": expected["gh:1"],
        "gh:3": expected["gh:3"],
        "gh:4": (["ai_engineer"], ["docker"]),
    }
