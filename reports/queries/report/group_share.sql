-- Per claim part and role in [?, ?): role postings, and those mentioning any of the part's skills.
-- Parameters after the dates: the part number of each (part, skill id) pair, then the skill ids.
with parts as (
    select unnest(?::integer[]) as part, unnest(?::varchar[]) as skill_id
),

role_n as (
    select role, count(*) as n_role
    from report_postings
    where month >= ? and month < ?
    group by role
),

hits as (
    select p.part, rp.role, count(distinct rp.global_id) as n_any
    from posting_skills as ps
    inner join parts as p using (skill_id)
    inner join report_postings as rp using (global_id)
    where rp.month >= ? and rp.month < ?
    group by p.part, rp.role
)

select h.part, h.role, r.n_role, h.n_any
from hits as h
inner join role_n as r using (role)
order by h.part, h.role
