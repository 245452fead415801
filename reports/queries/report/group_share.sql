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

-- the period's canonical postings with their distinct skills, from the posting_lists aggregate
period_mentions as (
    select global_id, unnest(skills) as skill_id
    from posting_lists
    where is_canonical and month >= ? and month < ?
),

hits as (
    select p.part, rp.role, count(distinct rp.global_id) as n_any
    from period_mentions as m
    inner join parts as p using (skill_id)
    inner join report_postings as rp using (global_id)
    group by p.part, rp.role
)

select h.part, h.role, r.n_role, h.n_any
from hits as h
inner join role_n as r using (role)
order by h.part, h.role
