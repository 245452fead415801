-- Canonical postings of any role family per month.
insert into month_postings (month, n_postings)
select month, count(*) as n_postings
from posting_lists
where is_canonical
group by month
