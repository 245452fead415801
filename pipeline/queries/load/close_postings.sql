-- A posting is closed by the first complete run, started after it was last seen, whose scope
-- covers its board and whose seen list lacks it. Runs without a loaded seen list close nothing.
update postings set closed_at = c.closed_at
from (
    with runs as (
        select source, run_id, started_at, finished_at,
            unnest(coalesce(try_cast(scope -> '$.boards' as varchar[]), []::varchar[])) as board
        from crawl_runs
        where complete and n_seen is not null and started_at is not null
    ),
    closing as (
        select p.global_id, min(r.finished_at) as closed_at
        from postings as p
        join runs as r on r.source = p.source and r.board = p.board and r.started_at > p.last_seen
        where not exists (
            select 1 from crawl_run_seen as s
            where s.source = r.source and s.run_id = r.run_id and s.global_id = p.global_id
        )
        group by p.global_id
    )
    select p.global_id, closing.closed_at
    from postings as p
    left join closing using (global_id)
) as c
where postings.global_id = c.global_id and postings.closed_at is distinct from c.closed_at
