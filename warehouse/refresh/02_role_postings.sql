-- Per canonical posting and role family it hires: how its text relates to the role and the
-- distinct skills of that text (schema/005_skill_attribution.sql says the rules).
insert into role_postings (global_id, month, role, attribution, skills)
with canonical as (
    select global_id, month, skills
    from posting_lists
    where is_canonical and len(role_families) > 0
),

posting_openings as (
    select o.global_id, o.opening_idx, o.role_family, o.section_start is not null as has_section
    from openings as o
    semi join canonical using (global_id)
),

families_per_posting as (
    select global_id, count(distinct role_family) as n_families
    from posting_openings
    group by global_id
),

role_openings as (
    select
        global_id,
        role_family as role,
        bool_or(has_section) as has_section,
        list(opening_idx) filter (where has_section) as section_openings
    from posting_openings
    where role_family in ('ai_engineer', 'data_scientist')
    group by global_id, role_family
),

attributed as (
    select
        r.global_id,
        r.role,
        case
            when f.n_families = 1 then 'only_family'
            when r.has_section then 'own_section'
            else 'shared_text'
        end as attribution,
        r.section_openings
    from role_openings as r
    join families_per_posting as f using (global_id)
),

section_skills as (
    select a.global_id, a.role, list_sort(list_distinct(list(s.skill_id))) as skills
    from attributed as a
    join posting_skills as s
        on s.global_id = a.global_id and list_contains(a.section_openings, s.opening_idx)
    where a.attribution = 'own_section'
    group by a.global_id, a.role
)

select
    a.global_id,
    c.month,
    a.role,
    a.attribution,
    case a.attribution
        when 'only_family' then c.skills
        when 'own_section' then coalesce(ss.skills, []::varchar[])
        else []::varchar[]
    end as skills
from attributed as a
join canonical as c using (global_id)
left join section_skills as ss using (global_id, role)
order by c.month, a.role, a.global_id
