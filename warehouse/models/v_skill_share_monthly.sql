-- Share of each role's postings per month that mention a skill, with a 95% Wilson interval.
with postings as (
    select global_id, month from postings
    where coalesce(canonical_id, global_id) = global_id
),

roles as (
    select distinct global_id, role_family as role
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
),

mentions as (
    select distinct global_id, skill_id from posting_skills
),

skills as (
    select skill_id, name, category from skills
),

role_postings as (
    select roles.role, postings.month as period, postings.global_id
    from postings
    join roles using (global_id)
),

role_totals as (
    select role, period, count(*) as n_role
    from role_postings
    group by all
),

skill_counts as (
    select role_postings.role, role_postings.period, mentions.skill_id, count(*) as n_skill
    from role_postings
    join mentions using (global_id)
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
