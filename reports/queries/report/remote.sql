-- Remote share per role in [?, ?), among postings that say whether they are remote.
select
    role,
    count(*) as n_role,
    count(remote) as n_known,
    count(*) filter (where remote) as n_remote
from report_postings
where month >= ? and month < ?
group by role
order by role
