-- Per claim part and role in [?, ?): postings whose text speaks for the role, and those of them
-- mentioning any of the part's skills in that text (role_postings, refresh/02_role_postings.sql).
-- Parameters: the part number of each (part, skill id) pair, the skill ids, then the two dates.
with parts as (
    select unnest(?::integer[]) as part, unnest(?::varchar[]) as skill_id
),

part_lists as (
    select part, list(skill_id) as ids
    from parts
    group by part
),

speaking as (
    select role, skills
    from role_postings
    where attribution <> 'shared_text' and month >= ? and month < ?
)

select
    p.part,
    s.role,
    count(*) as n_role,
    count(*) filter (where list_has_any(s.skills, p.ids)) as n_any
from part_lists as p
cross join speaking as s
group by p.part, s.role
order by p.part, s.role
