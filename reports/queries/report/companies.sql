-- The companies with the most role postings in [?, ?), per role.
select role, company, count(*) as n
from report_postings
where month >= ? and month < ? and company is not null and trim(company) <> ''
group by role, company
qualify row_number() over (partition by role order by count(*) desc, company) <= ?
order by role, n desc, company
