-- Canonical postings per month and role family mentioning each skill (lists are distinct, so a
-- skill counts once per posting).
insert into role_month_skills (month, role, skill_id, n_skill)
with role_postings as (
    select month, unnest(role_families) as role, skills
    from posting_lists
    where is_canonical and len(role_families) > 0 and len(skills) > 0
),

mentions as (
    select month, role, unnest(skills) as skill_id
    from role_postings
)

select month, role, skill_id, count(*) as n_skill
from mentions
group by month, role, skill_id
