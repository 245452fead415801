-- Postings of the batch: new ones inserted; a known one takes the batch's fields when the batch
-- fetched it no earlier than what is stored, and widens first_seen and last_seen either way.
insert into postings (
    global_id, source, source_id, board, url, company, title, location, remote, salary_min,
    salary_max, salary_currency, salary_period, salary_annual_min, salary_annual_max,
    salary_raw, employment_type, requisition_id, posted_at, month, thread_id, description_text,
    content_hash, fetched_at, is_synthetic, rules_version, taxonomy_version, extractor_version,
    crawl_run_id, first_seen, last_seen
)
select
    global_id, source, source_id, board, url, company, title, location, remote, salary_min,
    salary_max, salary_currency, salary_period, salary_annual_min, salary_annual_max,
    salary_raw, employment_type, requisition_id, posted_at, month, thread_id, description_text,
    content_hash, fetched_at, is_synthetic, rules_version, taxonomy_version, extractor_version,
    crawl_run_id, fetched_at as first_seen, fetched_at as last_seen
from stage_postings
on conflict (global_id) do update set
    source = case when excluded.fetched_at >= postings.fetched_at
        then excluded.source else postings.source end,
    source_id = case when excluded.fetched_at >= postings.fetched_at
        then excluded.source_id else postings.source_id end,
    board = case when excluded.fetched_at >= postings.fetched_at
        then excluded.board else postings.board end,
    url = case when excluded.fetched_at >= postings.fetched_at
        then excluded.url else postings.url end,
    company = case when excluded.fetched_at >= postings.fetched_at
        then excluded.company else postings.company end,
    title = case when excluded.fetched_at >= postings.fetched_at
        then excluded.title else postings.title end,
    location = case when excluded.fetched_at >= postings.fetched_at
        then excluded.location else postings.location end,
    remote = case when excluded.fetched_at >= postings.fetched_at
        then excluded.remote else postings.remote end,
    salary_min = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_min else postings.salary_min end,
    salary_max = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_max else postings.salary_max end,
    salary_currency = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_currency else postings.salary_currency end,
    salary_period = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_period else postings.salary_period end,
    salary_annual_min = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_annual_min else postings.salary_annual_min end,
    salary_annual_max = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_annual_max else postings.salary_annual_max end,
    salary_raw = case when excluded.fetched_at >= postings.fetched_at
        then excluded.salary_raw else postings.salary_raw end,
    employment_type = case when excluded.fetched_at >= postings.fetched_at
        then excluded.employment_type else postings.employment_type end,
    requisition_id = case when excluded.fetched_at >= postings.fetched_at
        then excluded.requisition_id else postings.requisition_id end,
    posted_at = case when excluded.fetched_at >= postings.fetched_at
        then excluded.posted_at else postings.posted_at end,
    month = case when excluded.fetched_at >= postings.fetched_at
        then excluded.month else postings.month end,
    thread_id = case when excluded.fetched_at >= postings.fetched_at
        then excluded.thread_id else postings.thread_id end,
    description_text = case when excluded.fetched_at >= postings.fetched_at
        then excluded.description_text else postings.description_text end,
    content_hash = case when excluded.fetched_at >= postings.fetched_at
        then excluded.content_hash else postings.content_hash end,
    fetched_at = case when excluded.fetched_at >= postings.fetched_at
        then excluded.fetched_at else postings.fetched_at end,
    is_synthetic = case when excluded.fetched_at >= postings.fetched_at
        then excluded.is_synthetic else postings.is_synthetic end,
    rules_version = case when excluded.fetched_at >= postings.fetched_at
        then excluded.rules_version else postings.rules_version end,
    taxonomy_version = case when excluded.fetched_at >= postings.fetched_at
        then excluded.taxonomy_version else postings.taxonomy_version end,
    extractor_version = case when excluded.fetched_at >= postings.fetched_at
        then excluded.extractor_version else postings.extractor_version end,
    crawl_run_id = case when excluded.fetched_at >= postings.fetched_at
        then excluded.crawl_run_id else postings.crawl_run_id end,
    first_seen = least(postings.first_seen, excluded.first_seen),
    last_seen = greatest(postings.last_seen, excluded.last_seen)
