-- Per role and year in [?, ?): the postings with skills (the n of a skill's yearly share).
select role, year(month) as year, sum(n_skill_postings) as n
from role_months
where month >= ? and month < ?
group by all
