-- Canonical postings per month and role family, and how many of them hire that family alone: the
-- skill shares' denominator (see 02_role_postings.sql and schema/005_skill_attribution.sql).
insert into role_months (month, role, n_postings, n_skill_postings)
select
    month,
    role,
    count(*) as n_postings,
    count(*) filter (where attribution = 'only_family') as n_skill_postings
from role_postings
group by month, role
