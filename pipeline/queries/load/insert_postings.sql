-- New postings of the batch (update_postings has taken the known ones).
insert into postings (
    global_id, source, source_id, board, url, company, title, location, remote, salary_min,
    salary_max, salary_currency, salary_period, salary_annual_min, salary_annual_max, salary_raw,
    employment_type, requisition_id, posted_at, month, thread_id, description_text, content_hash,
    fetched_at, is_synthetic, rules_version, taxonomy_version, extractor_version, crawl_run_id,
    first_seen, last_seen
)
select
    global_id, source, source_id, board, url, company, title, location, remote, salary_min,
    salary_max, salary_currency, salary_period, salary_annual_min, salary_annual_max, salary_raw,
    employment_type, requisition_id, posted_at, month, thread_id, description_text, content_hash,
    fetched_at, is_synthetic, rules_version, taxonomy_version, extractor_version, crawl_run_id,
    fetched_at as first_seen, fetched_at as last_seen
from _load_staged_postings as s
anti join postings as p using (global_id)
