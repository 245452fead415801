-- Process runs still 'running' when a writer holds the lock were left by a process that was
-- killed before it could record its end (SIGKILL, power loss): no live run can exist then.
update process_runs
set state = 'crashed',
    finished_at = coalesce(finished_at, current_timestamp),
    errors = coalesce(errors, '[{"path": "", "error": "the process ended without recording its end (killed)"}]'::json),
    failures = coalesce(failures, 1)
where state = 'running'
