-- Within each role family, postings per year and normalised title (from the openings), over the
-- months in [?, ?).
with canonical as (
    select global_id, month
    from postings
    where coalesce(canonical_id, global_id) = global_id and month >= ? and month < ?
),

titled as (
    select distinct
        o.global_id,
        o.role_family as role,
        year(c.month) as year,
        coalesce(nullif(trim(o.normalized_title), ''), o.title) as title
    from openings as o
    inner join canonical as c using (global_id)
    where o.role_family in ('ai_engineer', 'data_scientist')
),

per_year as (
    select role, year, count(distinct global_id) as n_role
    from titled
    group by role, year
)

select t.role, t.year, t.title, count(*) as n_title, p.n_role
from titled as t
inner join per_year as p using (role, year)
group by t.role, t.year, t.title, p.n_role
order by t.role, t.year, n_title desc
