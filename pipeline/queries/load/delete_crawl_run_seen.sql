-- The seen list of a crawl run, before it is loaded again.
delete from crawl_run_seen where source = ? and run_id = ?
