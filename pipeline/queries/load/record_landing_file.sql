-- A landing file loaded whole: path, sha256, source, run id, records, process run.
insert or replace into landing_files (path, sha256, source, run_id, n_records, loaded_at, process_run_id)
values (?, ?, ?, ?, ?, current_timestamp, ?)
