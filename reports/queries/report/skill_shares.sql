-- Skill share per role in [?, ?) with 95% Wilson intervals. The denominator is the role's postings
-- whose text speaks for it (role_months.n_skill_postings), the numerator the role_month_skills
-- aggregate: a posting hiring several roles with one shared text counts for none of their skills.
with role_n as (
    select role, sum(n_skill_postings) as n_role
    from role_months
    where month >= ? and month < ?
    group by role
    having sum(n_skill_postings) > 0
),

skill_n as (
    select role, skill_id, sum(n_skill) as n_skill
    from role_month_skills
    where month >= ? and month < ?
    group by role, skill_id
),

shares as (
    select
        s.role,
        s.skill_id,
        coalesce(k.name, s.skill_id) as skill,
        coalesce(k.category, 'other') as category,
        r.n_role,
        s.n_skill,
        s.n_skill / r.n_role as share
    from skill_n as s
    inner join role_n as r using (role)
    left join skills as k using (skill_id)
)

select
    *,
    (share + 1.959964 ^ 2 / (2 * n_role)
        - 1.959964 * sqrt(share * (1 - share) / n_role + 1.959964 ^ 2 / (4 * n_role ^ 2)))
        / (1 + 1.959964 ^ 2 / n_role) as wilson_low,
    (share + 1.959964 ^ 2 / (2 * n_role)
        + 1.959964 * sqrt(share * (1 - share) / n_role + 1.959964 ^ 2 / (4 * n_role ^ 2)))
        / (1 + 1.959964 ^ 2 / n_role) as wilson_high
from shares
order by role, n_skill desc, skill_id
