-- The most asked-for skills per role family: share of the family's postings mentioning each.
with role_postings as (
    select distinct global_id, opening_idx, role_family
    from openings
    where role_family in ('ai_engineer', 'data_scientist')
),

role_sizes as (
    select role_family, count(distinct global_id) as n_role
    from role_postings
    group by role_family
),

mentions as (
    select distinct r.role_family, r.global_id, s.skill_id
    from role_postings as r
    join posting_skills as s
        on s.global_id = r.global_id
        and (s.opening_idx is null or s.opening_idx = r.opening_idx)
),

ranked as (
    select
        m.role_family,
        coalesce(k.name, m.skill_id) as skill,
        count(*) as n_skill,
        count(*) / any_value(z.n_role) as share,
        row_number() over (partition by m.role_family order by count(*) desc, m.skill_id) as rank
    from mentions as m
    join role_sizes as z using (role_family)
    left join skills as k using (skill_id)
    group by m.role_family, m.skill_id, k.name
)

select role_family, skill, n_skill, share
from ranked
where rank <= ?
order by role_family, rank
