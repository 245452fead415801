-- One row per content hash of a posting, with the run that first landed it.
insert into posting_versions (global_id, content_hash, first_seen, crawl_run_id)
select global_id, content_hash, fetched_at, crawl_run_id from stage_postings
on conflict (global_id, content_hash) do update set
    crawl_run_id = case when excluded.first_seen < posting_versions.first_seen
        then excluded.crawl_run_id else posting_versions.crawl_run_id end,
    first_seen = least(posting_versions.first_seen, excluded.first_seen)
