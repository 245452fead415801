-- Per source, month and role family: postings seen (any role) and postings hiring the family,
-- duplicates included (a share is read within one source), in [?, ?).
with seen as (
    select source, month, sum(postings_seen) as postings_seen
    from source_months
    where month >= ? and month < ?
    group by source, month
),

roles as (
    select source, month, role, sum(n) as n
    from source_month_roles
    where month >= ? and month < ?
    group by source, month, role
)

select s.source, s.month, r.role, s.postings_seen, coalesce(r.n, 0) as n
from seen as s
left join roles as r using (source, month)
order by s.source, s.month, r.role
