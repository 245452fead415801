-- The most asked-for tools per role family over the whole corpus: the share of the postings that
-- hire the family alone mentioning each (warehouse/README.md, "Which skills count for a role").
-- Tools are the skills of the categories given as the first parameter (the report's tool tables);
-- areas and methods such as "Software Development" or "Statistics" are left to the report.
with role_sizes as (
    select role as role_family, sum(n_skill_postings) as n_role
    from role_months
    group by role
),

skill_counts as (
    select role as role_family, skill_id, sum(n_skill) as n_skill
    from role_month_skills
    group by role, skill_id
),

ranked as (
    select
        c.role_family,
        coalesce(k.name, c.skill_id) as skill,
        c.n_skill,
        c.n_skill / z.n_role as share,
        row_number() over (partition by c.role_family order by c.n_skill desc, c.skill_id) as rank
    from skill_counts as c
    join role_sizes as z using (role_family)
    inner join skills as k using (skill_id)
    where list_contains(?, k.category)
)

select role_family, skill, n_skill, share
from ranked
where rank <= ?
order by role_family, rank
