-- The state of the last process run before the given one.
select state
from process_runs
where process_run_id <> ?
order by started_at desc
limit 1
