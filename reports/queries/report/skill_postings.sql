-- Per role in [?, ?): all postings hiring the role, and those whose text speaks for it (the
-- denominator of every skill share).
select role, sum(n_postings) as n_postings, sum(n_skill_postings) as n_skill_postings
from role_months
where month >= ? and month < ?
group by role
order by role
