-- Deduplicated postings (canonical rows only) with their role families and skills as sorted lists,
-- read from posting_lists (refreshed with the other aggregates) instead of regrouping posting_skills.
select
    postings.*,
    coalesce(lists.role_families, []::varchar[]) as role_families,
    coalesce(lists.skills, []::varchar[]) as skills
from postings
left join posting_lists as lists using (global_id)
where coalesce(postings.canonical_id, postings.global_id) = postings.global_id
