-- Role postings per role, month and skill mentioned (a skill counts once per posting). A posting
-- lies in one month, so sums over months give exact counts for any longer period.
select rp.role, rp.month, ps.skill_id, count(distinct ps.global_id) as n_skill
from report_postings as rp
inner join posting_skills as ps using (global_id)
group by rp.role, rp.month, ps.skill_id
