-- A process run's end: its state, counts, failures and duration.
update process_runs set
    finished_at = current_timestamp,
    state = ?,
    files_in = ?,
    postings_in = ?,
    postings_loaded = ?,
    skills_loaded = ?,
    failures = ?,
    errors = ?::json,
    duration_s = ?
where process_run_id = ?
