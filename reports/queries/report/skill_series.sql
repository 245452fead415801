-- Postings per role and month in [?, ?) mentioning each given skill, over the role's postings
-- whose text speaks for it (the report sums the months into years or quarters).
with role_n as (
    select role, month, sum(n_skill_postings) as n_role
    from role_months
    where month >= ? and month < ?
    group by all
    having sum(n_skill_postings) > 0
),

skill_n as (
    select role, month, skill_id, sum(n_skill) as n_skill
    from role_month_skills
    where month >= ? and month < ? and list_contains(?, skill_id)
    group by all
),

wanted as (
    select unnest(?) as skill_id
)

select r.role, r.month, w.skill_id, r.n_role, coalesce(s.n_skill, 0) as n_skill
from role_n as r
cross join wanted as w
left join skill_n as s using (role, month, skill_id)
order by w.skill_id, r.role, r.month
