-- Share of each role's postings per calendar year (an INTEGER) that mention a skill, with a 95%
-- Wilson interval. A posting lies in one month, so yearly counts are sums of monthly counts.
with role_totals as (
    select role, year(month)::integer as period, sum(n_skill_postings)::bigint as n_role
    from role_months
    group by all
),

skill_counts as (
    select role, year(month)::integer as period, skill_id, sum(n_skill)::bigint as n_skill
    from role_month_skills
    group by all
)

select
    skill_counts.role,
    skill_counts.period,
    skill_counts.skill_id as skill,
    skills.name as skill_name,
    skills.category,
    role_totals.n_role,
    skill_counts.n_skill,
    skill_counts.n_skill / role_totals.n_role as share,
    wilson_low(skill_counts.n_skill, role_totals.n_role) as wilson_low,
    wilson_high(skill_counts.n_skill, role_totals.n_role) as wilson_high
from skill_counts
join role_totals using (role, period)
left join skills using (skill_id)
