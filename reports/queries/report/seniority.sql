-- Seniority of each role's openings in [?, ?): postings per role and seniority.
with canonical as (
    select global_id
    from postings
    where coalesce(canonical_id, global_id) = global_id and month >= ? and month < ?
),

levels as (
    select distinct o.global_id, o.role_family as role, coalesce(o.seniority, 'mid') as seniority
    from openings as o
    inner join canonical as c using (global_id)
    where o.role_family in ('ai_engineer', 'data_scientist')
)

select role, seniority, count(*) as n
from levels
group by role, seniority
order by role, n desc, seniority
