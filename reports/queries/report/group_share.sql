-- Per role in [?, ?): postings, and postings mentioning at least one of the given skills.
with role_n as (
    select role, count(*) as n_role
    from report_postings
    where month >= ? and month < ?
    group by role
),

hits as (
    select role, count(distinct global_id) as n_any
    from report_skills
    where month >= ? and month < ? and list_contains(?, skill_id)
    group by role
)

select r.role, r.n_role, coalesce(h.n_any, 0) as n_any
from role_n as r
left join hits as h using (role)
order by r.role
