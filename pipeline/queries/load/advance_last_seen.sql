-- A posting a later run saw (landed or unchanged) was last seen when that run finished.
update postings set last_seen = s.last_seen
from (
    select seen.global_id, max(runs.finished_at) as last_seen
    from crawl_run_seen as seen
    join crawl_runs as runs using (source, run_id)
    where runs.finished_at is not null
    group by seen.global_id
) as s
where postings.global_id = s.global_id and s.last_seen > postings.last_seen
