-- The skill mentions of known postings this batch reloads.
delete from posting_skills
where global_id in (select global_id from _load_staged_winners where existed)
