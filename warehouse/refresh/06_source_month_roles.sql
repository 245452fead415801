-- Postings per month, source and role family, duplicates included.
insert into source_month_roles (month, source, role, n)
with role_postings as (
    select month, source, unnest(role_families) as role
    from posting_lists
    where len(role_families) > 0
)

select month, source, role, count(*) as n
from role_postings
group by month, source, role
