-- Postings per role and month with the share of all postings seen that month (gaps stay null),
-- and the trailing 3-month pooled share (sum of counts over sum of postings seen).
with calendar as (
    select cast(m as date) as month
    from generate_series(cast(? as date), cast(? as date), interval 1 month) as t (m)
),

roles as (
    select unnest(['ai_engineer', 'data_scientist']) as role
),

seen as (
    select month, sum(postings_seen) as postings_seen
    from source_months
    group by month
),

counts as (
    select month, role, count(*) as n
    from report_postings
    group by month, role
),

grid as (
    select
        c.month,
        r.role,
        s.postings_seen,
        case when s.postings_seen is not null or k.n is not null then coalesce(k.n, 0) end as n
    from calendar as c
    cross join roles as r
    left join seen as s on s.month = c.month
    left join counts as k on k.month = c.month and k.role = r.role
),

pooled as (
    select
        month,
        role,
        n,
        postings_seen,
        sum(n) over w3 as n_3m,
        sum(case when n is not null then postings_seen end) over w3 as seen_3m
    from grid
    window w3 as (partition by role order by month rows between 2 preceding and current row)
)

select
    month,
    role,
    n,
    postings_seen,
    n / nullif(postings_seen, 0) as share,
    case when n is not null then n_3m end as n_3m,
    case when n is not null then seen_3m end as seen_3m,
    case when n is not null then n_3m / nullif(seen_3m, 0) end as share_3m
from pooled
order by role, month
