-- Every posting with its role families and distinct skills as sorted lists (empty when none),
-- stored in the order of the postings table, so v_postings can pair them by position.
insert into posting_lists (global_id, source, month, is_canonical, role_families, skills)
with families as (
    select global_id, list_sort(list_distinct(list(role_family))) as role_families
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
    group by global_id
),

skill_lists as (
    select global_id, list_sort(list_distinct(list(skill_id))) as skills
    from posting_skills
    group by global_id
)

select
    p.global_id,
    p.source,
    p.month,
    coalesce(p.canonical_id, p.global_id) = p.global_id as is_canonical,
    coalesce(f.role_families, []::varchar[]) as role_families,
    coalesce(s.skills, []::varchar[]) as skills
from postings as p
left join families as f using (global_id)
left join skill_lists as s using (global_id)
order by p.rowid
