-- Role postings per role in [?, ?).
select role, count(*) as n
from report_postings
where month >= ? and month < ?
group by role
order by role
