-- Mentions of skills a changed taxonomy no longer lists keep a placeholder row until reextracted.
insert into skills
select distinct skill_id, skill_id, 'unknown', null
from posting_skills
where skill_id not in (select skill_id from skills)
