-- The last crawl runs, newest first: completeness, counts, errors and seconds.
select
    run_id, source, complete, items_seen, items_landed, n_errors,
    round(epoch(finished_at - started_at), 1) as seconds, errors
from crawl_runs
order by started_at desc nulls last, run_id desc
limit ?
