-- The divergence's postings in [$start, $end) (those hiring one compared role alone) with each
-- employer counted once per role (posting_employer.sql): an employer's postings of a role become
-- one profile naming every skill any of them names, so the bootstrap resamples employers.
with base as (
    select
        rp.role,
        posting_employer(p.source, p.company, rp.global_id) as employer,
        rp.skills
    from role_postings as rp
    inner join postings as p using (global_id)
    where rp.attribution = 'only_family' and rp.month >= $start and rp.month < $end
)

select
    role,
    cast($start as date) as month,
    list_sort(list_distinct(flatten(list(skills)))) as skills
from base
group by role, employer
order by role, employer
