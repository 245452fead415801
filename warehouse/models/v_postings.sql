-- Deduplicated postings (canonical rows only) with their role families and skills as sorted lists,
-- read from posting_lists (refreshed with the other aggregates) instead of regrouping posting_skills.
-- The lists side is filtered too, so the planner builds its hash table from the narrow lists rather
-- than from the wide postings rows.
select
    postings.*,
    coalesce(lists.role_families, []::varchar[]) as role_families,
    coalesce(lists.skills, []::varchar[]) as skills
from postings
left join (select global_id, role_families, skills from posting_lists where is_canonical) as lists
    using (global_id)
where coalesce(postings.canonical_id, postings.global_id) = postings.global_id
