-- Per skill of one role, between two periods [?, ?) and [?, ?) (first, last): the postings that
-- hire the role alone and mention the skill, and the employers behind them (posting_employer.sql).
-- Totals per side come on every row.
-- Parameters: role, first start, first end, last start, last end.
with base as (
    select
        rp.global_id,
        rp.skills,
        case when rp.month < $first_end then 'first' else 'last' end as side,
        posting_employer(p.source, p.company, rp.global_id) as employer
    from role_postings as rp
    inner join postings as p using (global_id)
    where
        rp.role = $role
        and rp.attribution = 'only_family'
        and (
            (rp.month >= $first_start and rp.month < $first_end)
            or (rp.month >= $last_start and rp.month < $last_end)
        )
),

totals as (
    select
        count(*) filter (where side = 'first') as n_first,
        count(*) filter (where side = 'last') as n_last,
        count(distinct employer) filter (where side = 'first') as employers_first,
        count(distinct employer) filter (where side = 'last') as employers_last
    from base
),

mentions as (
    select side, employer, unnest(skills) as skill_id
    from base
),

counts as (
    select
        skill_id,
        count(*) filter (where side = 'first') as k_first,
        count(*) filter (where side = 'last') as k_last,
        count(distinct employer) filter (where side = 'first') as employer_k_first,
        count(distinct employer) filter (where side = 'last') as employer_k_last
    from mentions
    group by skill_id
)

select
    c.skill_id,
    coalesce(s.name, c.skill_id) as skill,
    coalesce(s.category, 'other') as category,
    c.k_first,
    c.k_last,
    c.employer_k_first,
    c.employer_k_last,
    t.n_first,
    t.n_last,
    t.employers_first,
    t.employers_last
from counts as c
cross join totals as t
left join skills as s using (skill_id)
order by c.skill_id
