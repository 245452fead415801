-- A process run, running until record_process_run (or a crash record) ends it.
insert into process_runs (process_run_id, started_at, state)
values (?, current_timestamp, 'running')
