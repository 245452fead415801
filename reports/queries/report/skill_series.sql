-- Postings per role and period (quarter or year, ? = 'quarter'|'year') mentioning each given skill.
with role_n as (
    select role, date_trunc(?, month) as period, count(*) as n_role
    from report_postings
    where month >= ? and month < ?
    group by all
),

skill_n as (
    select role, date_trunc(?, month) as period, skill_id, sum(n_skill) as n_skill
    from report_skill_months
    where month >= ? and month < ? and list_contains(?, skill_id)
    group by all
),

wanted as (
    select unnest(?) as skill_id
)

select r.role, r.period, w.skill_id, r.n_role, coalesce(s.n_skill, 0) as n_skill
from role_n as r
cross join wanted as w
left join skill_n as s using (role, period, skill_id)
order by w.skill_id, r.role, r.period
