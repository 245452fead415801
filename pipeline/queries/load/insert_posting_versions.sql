-- New versions: one row per content hash of a posting, with the run that first landed it.
insert into posting_versions (global_id, content_hash, first_seen, crawl_run_id)
select s.global_id, s.content_hash, s.fetched_at, s.crawl_run_id
from _load_staged_postings as s
anti join posting_versions as v using (global_id, content_hash)
