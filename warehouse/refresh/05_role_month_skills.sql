-- Canonical postings per month and role family mentioning each skill, among the postings that hire
-- that family alone (02_role_postings.sql; lists are distinct, so a skill counts once per posting).
insert into role_month_skills (month, role, skill_id, n_skill)
with mentions as (
    select month, role, unnest(skills) as skill_id
    from role_postings
    where attribution = 'only_family' and len(skills) > 0
)

select month, role, skill_id, count(*) as n_skill
from mentions
group by month, role, skill_id
