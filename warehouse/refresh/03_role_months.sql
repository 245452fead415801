-- Canonical postings per month and role family.
insert into role_months (month, role, n_postings)
with role_postings as (
    select month, unnest(role_families) as role
    from posting_lists
    where is_canonical and len(role_families) > 0
)

select month, role, count(*) as n_postings
from role_postings
group by month, role
