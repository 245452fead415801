-- Share of each role's postings per month that mention a skill, with a 95% Wilson interval.
-- Counts come from role_months and role_month_skills (canonical postings whose text speaks for the role, a skill once per posting; see role_postings).
select
    skill_counts.role,
    skill_counts.month as period,
    skill_counts.skill_id as skill,
    skills.name as skill_name,
    skills.category,
    role_totals.n_skill_postings as n_role,
    skill_counts.n_skill,
    skill_counts.n_skill / role_totals.n_skill_postings as share,
    wilson_low(skill_counts.n_skill, role_totals.n_skill_postings) as wilson_low,
    wilson_high(skill_counts.n_skill, role_totals.n_skill_postings) as wilson_high
from role_month_skills as skill_counts
join role_months as role_totals using (role, month)
left join skills using (skill_id)
