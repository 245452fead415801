-- Row counts and order-independent hash sums of the columns the aggregates read.
select
    (select count(*) from postings),
    (select coalesce(sum(hash(global_id, source, month, canonical_id)), 0)::hugeint from postings),
    (select count(*) from openings),
    (select coalesce(sum(hash(global_id, opening_idx, role_family, section_start)), 0)::hugeint from openings),
    (select count(*) from posting_skills),
    (select coalesce(sum(hash(global_id, opening_idx, skill_id)), 0)::hugeint from posting_skills)
