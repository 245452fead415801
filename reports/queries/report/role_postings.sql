-- One row per canonical (deduplicated) posting and role family it has an opening of; the role
-- families come from the warehouse's posting_lists aggregate rather than from regrouping openings.
with families as (
    select global_id, unnest(role_families) as role
    from posting_lists
    where is_canonical and len(role_families) > 0
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
from postings as c
inner join families as f using (global_id)
