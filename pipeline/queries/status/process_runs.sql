-- The last process runs, newest first: state, counts, failures and seconds.
select
    process_run_id, state, files_in, postings_in, postings_loaded, skills_loaded, failures,
    round(duration_s, 1) as seconds
from process_runs
order by started_at desc
limit ?
