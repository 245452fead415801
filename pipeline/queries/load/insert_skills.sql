-- The taxonomy's skills, from the registered batch_skills table, one row per skill id.
insert into skills
select distinct on (skill_id) * from batch_skills order by skill_id
