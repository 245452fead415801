-- Per source, role and skill in [?, ?): postings whose text speaks for the role that mention the
-- skill, and per source and role the number of such postings (skill_id null), canonical postings.
with speaking as (
    select p.source, r.role, r.skills
    from role_postings as r
    inner join postings as p using (global_id)
    where r.attribution <> 'shared_text' and r.month >= ? and r.month < ?
),

mentions as (
    select source, role, unnest(skills) as skill_id
    from speaking
)

select source, role, null as skill_id, count(*) as n
from speaking
group by source, role
union all
select source, role, skill_id, count(*) as n
from mentions
group by source, role, skill_id
order by source, role, n desc
