-- The openings of the postings this batch (re)loads.
insert into openings
select o.global_id, o.opening_idx, o.title, o.normalized_title, o.role_family, o.seniority, o.rules_version,
    o.section_start, o.section_end
from _load_batch_openings o
semi join _load_staged_winners w using (global_id)
