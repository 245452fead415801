-- Known versions (content hashes) of the batch's postings: the earlier fetch keeps its run.
update posting_versions set
    crawl_run_id = case when s.fetched_at < posting_versions.first_seen
        then s.crawl_run_id else posting_versions.crawl_run_id end,
    first_seen = least(posting_versions.first_seen, s.fetched_at)
from _load_staged_postings as s
where posting_versions.global_id = s.global_id and posting_versions.content_hash = s.content_hash
