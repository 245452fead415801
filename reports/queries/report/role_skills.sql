-- Role postings per role, month and skill mentioned (a skill counts once per posting). A posting
-- lies in one month, so sums over months give exact counts for any longer period.
with mentions as (
    select distinct rp.global_id, rp.role, rp.month, ps.skill_id
    from report_postings as rp
    inner join posting_skills as ps using (global_id)
)

select role, month, skill_id, count(*) as n_skill
from mentions
group by role, month, skill_id
