-- The skill mentions of the postings this batch (re)loads.
insert into posting_skills
select s.global_id, s.opening_idx, s.skill_id, s.start_char, s.end_char, s.evidence, s.extractor_version
from _load_batch_posting_skills s
semi join _load_staged_winners w using (global_id)
