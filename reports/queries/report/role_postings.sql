-- One row per canonical (deduplicated) posting and role family it has an opening of.
with canonical as (
    select *
    from postings
    where coalesce(canonical_id, global_id) = global_id
),

families as (
    select distinct global_id, role_family as role
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
)

select
    c.global_id,
    c.source,
    c.month,
    f.role,
    c.company,
    c.remote,
    c.salary_currency,
    c.salary_annual_min,
    c.salary_annual_max
from canonical as c
inner join families as f using (global_id)
