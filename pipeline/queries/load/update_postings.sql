-- Known postings of the batch take its fields when it fetched them no earlier than what is
-- stored, and widen first_seen and last_seen either way (insert_postings adds the new ones).
update postings set
    source = case when s.fetched_at >= postings.fetched_at
        then s.source else postings.source end,
    source_id = case when s.fetched_at >= postings.fetched_at
        then s.source_id else postings.source_id end,
    board = case when s.fetched_at >= postings.fetched_at
        then s.board else postings.board end,
    url = case when s.fetched_at >= postings.fetched_at
        then s.url else postings.url end,
    company = case when s.fetched_at >= postings.fetched_at
        then s.company else postings.company end,
    title = case when s.fetched_at >= postings.fetched_at
        then s.title else postings.title end,
    location = case when s.fetched_at >= postings.fetched_at
        then s.location else postings.location end,
    remote = case when s.fetched_at >= postings.fetched_at
        then s.remote else postings.remote end,
    salary_min = case when s.fetched_at >= postings.fetched_at
        then s.salary_min else postings.salary_min end,
    salary_max = case when s.fetched_at >= postings.fetched_at
        then s.salary_max else postings.salary_max end,
    salary_currency = case when s.fetched_at >= postings.fetched_at
        then s.salary_currency else postings.salary_currency end,
    salary_period = case when s.fetched_at >= postings.fetched_at
        then s.salary_period else postings.salary_period end,
    salary_annual_min = case when s.fetched_at >= postings.fetched_at
        then s.salary_annual_min else postings.salary_annual_min end,
    salary_annual_max = case when s.fetched_at >= postings.fetched_at
        then s.salary_annual_max else postings.salary_annual_max end,
    salary_raw = case when s.fetched_at >= postings.fetched_at
        then s.salary_raw else postings.salary_raw end,
    employment_type = case when s.fetched_at >= postings.fetched_at
        then s.employment_type else postings.employment_type end,
    requisition_id = case when s.fetched_at >= postings.fetched_at
        then s.requisition_id else postings.requisition_id end,
    posted_at = case when s.fetched_at >= postings.fetched_at
        then s.posted_at else postings.posted_at end,
    month = case when s.fetched_at >= postings.fetched_at
        then s.month else postings.month end,
    thread_id = case when s.fetched_at >= postings.fetched_at
        then s.thread_id else postings.thread_id end,
    description_text = case when s.fetched_at >= postings.fetched_at
        then s.description_text else postings.description_text end,
    content_hash = case when s.fetched_at >= postings.fetched_at
        then s.content_hash else postings.content_hash end,
    fetched_at = case when s.fetched_at >= postings.fetched_at
        then s.fetched_at else postings.fetched_at end,
    is_synthetic = case when s.fetched_at >= postings.fetched_at
        then s.is_synthetic else postings.is_synthetic end,
    rules_version = case when s.fetched_at >= postings.fetched_at
        then s.rules_version else postings.rules_version end,
    taxonomy_version = case when s.fetched_at >= postings.fetched_at
        then s.taxonomy_version else postings.taxonomy_version end,
    extractor_version = case when s.fetched_at >= postings.fetched_at
        then s.extractor_version else postings.extractor_version end,
    crawl_run_id = case when s.fetched_at >= postings.fetched_at
        then s.crawl_run_id else postings.crawl_run_id end,
    first_seen = least(postings.first_seen, s.fetched_at),
    last_seen = greatest(postings.last_seen, s.fetched_at)
from _load_staged_postings as s
where postings.global_id = s.global_id
