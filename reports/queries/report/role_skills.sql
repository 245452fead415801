-- Role postings per role, month and skill mentioned (a skill counts once per posting), read from the
-- warehouse's role_month_skills aggregate. A posting lies in one month, so sums over months give
-- exact counts for any longer period.
select role, month, skill_id, n_skill
from role_month_skills
