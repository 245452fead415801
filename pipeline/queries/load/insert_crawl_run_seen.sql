-- A crawl run's seen list, from the registered batch_seen table.
insert into crawl_run_seen
select distinct source, run_id, global_id from batch_seen
