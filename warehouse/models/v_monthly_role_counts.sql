-- Postings per role family, source and month, and their share of the source-month's postings seen.
with postings as (
    select global_id, source, month from postings
),

roles as (
    select distinct global_id, role_family as role
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
),

source_months as (
    select source, month, postings_seen from source_months
),

counts as (
    select postings.month, postings.source, roles.role, count(*) as n
    from postings
    join roles using (global_id)
    group by all
)

select
    counts.month,
    counts.source,
    counts.role,
    counts.n,
    counts.n / nullif(source_months.postings_seen, 0) as share,
    source_months.postings_seen
from counts
left join source_months using (source, month)
order by counts.month, counts.source, counts.role
