-- Per role, year and skill in [?, ?), for the skills listed in ?: the role's postings with skills
-- that mention it (the tools chart's yearly counts, pooled into periods in Python).
select role, year(month) as year, skill_id, sum(n_skill) as n_skill
from role_month_skills
where month >= ? and month < ? and list_contains(?, skill_id)
group by all
