-- The crawl runs whose manifests are loaded.
select source, run_id from crawl_runs
