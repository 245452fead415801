-- Totals for the methods section: postings, duplicates, synthetic postings, crawl runs.
select
    count(*) as postings,
    count(*) filter (where coalesce(canonical_id, global_id) <> global_id) as duplicates,
    count(*) filter (where is_synthetic) as synthetic,
    min(month) as first_month,
    max(month) as last_month,
    (select count(*) from crawl_runs) as crawl_runs,
    (select count(*) from crawl_runs where complete) as crawl_runs_complete
from postings
