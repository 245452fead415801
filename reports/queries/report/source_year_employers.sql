-- Per source and year in [?, ?): the employers seen (behind any posting, duplicates included as in
-- the share of postings) and, per role family, the employers with a posting hiring it; each
-- employer counted once per source and year (posting_employer.sql).
with employers as (
    select
        global_id,
        source,
        year(month) as year,
        posting_employer(source, company, global_id) as employer
    from postings
    where month >= ? and month < ?
),

seen as (
    select source, year, count(distinct employer) as employers_seen
    from employers
    group by source, year
),

families as (
    select e.source, e.year, e.employer, unnest(l.role_families) as role
    from employers as e
    inner join posting_lists as l using (global_id)
    where len(l.role_families) > 0
),

hiring as (
    select source, year, role, count(distinct employer) as employers
    from families
    group by source, year, role
)

select s.source, s.year, h.role, s.employers_seen, coalesce(h.employers, 0) as employers
from seen as s
left join hiring as h using (source, year)
order by s.source, s.year, h.role
