-- Postings per role family, source and month, and their share of the source-month's postings seen.
-- Counts come from source_month_roles (duplicates included: shares are within a source).
select
    counts.month,
    counts.source,
    counts.role,
    counts.n,
    counts.n / nullif(source_months.postings_seen, 0) as share,
    source_months.postings_seen
from source_month_roles as counts
left join source_months using (source, month)
order by counts.month, counts.source, counts.role
