-- One row per role posting and skill it mentions (a skill counts once per posting).
with mentions as (
    select distinct global_id, skill_id
    from posting_skills
)

select
    rp.global_id,
    rp.role,
    rp.month,
    m.skill_id
from report_postings as rp
inner join mentions as m using (global_id)
