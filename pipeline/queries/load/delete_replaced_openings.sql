-- The openings of known postings this batch reloads.
delete from openings
where global_id in (select global_id from _load_staged_winners where existed)
