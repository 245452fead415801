-- Postings per source and month, and how many have an opening of a kept role family.
insert into source_months (source, month, postings_seen, postings_kept)
with kept as (
    select distinct global_id from openings where role_family in ('ai_engineer', 'data_scientist')
)
select p.source, p.month, count(*) as postings_seen, count(kept.global_id) as postings_kept
from postings as p
left join kept using (global_id)
group by p.source, p.month
