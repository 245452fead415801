-- A crawl run's manifest (replacing an earlier record of the same run).
insert or replace into crawl_runs (
    run_id, source, started_at, finished_at, complete, requests, responses_by_status,
    items_seen, items_landed, duplicates_in_run, landing_file, seen_file, scope, errors,
    n_errors, n_seen, loaded_at
)
values (
    ?, ?, try_cast(? as timestamptz), try_cast(? as timestamptz), ?, ?, ?::json,
    ?, ?, ?, ?, ?, ?::json, ?::json,
    ?, ?, current_timestamp
)
