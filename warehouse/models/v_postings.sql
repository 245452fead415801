-- Deduplicated postings (canonical rows only) with their role families and skills as sorted lists.
with postings as (
    select * from postings
    where coalesce(canonical_id, global_id) = global_id
),

role_families as (
    select global_id, list_sort(list_distinct(list(role_family))) as role_families
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
    group by global_id
),

posting_skill_lists as (
    select global_id, list_sort(list_distinct(list(skill_id))) as skills
    from posting_skills
    group by global_id
)

select
    postings.*,
    coalesce(role_families.role_families, []::varchar[]) as role_families,
    coalesce(posting_skill_lists.skills, []::varchar[]) as skills
from postings
left join role_families using (global_id)
left join posting_skill_lists using (global_id)
