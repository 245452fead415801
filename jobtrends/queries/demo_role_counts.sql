-- Postings per source, and how many of them have an ai_engineer / data_scientist opening.
with families as (
    select
        global_id,
        bool_or(role_family = 'ai_engineer') as is_ai,
        bool_or(role_family = 'data_scientist') as is_ds
    from openings
    group by global_id
)

select
    p.source,
    count(*) as postings,
    count(*) filter (where f.is_ai) as ai_engineer,
    count(*) filter (where f.is_ds) as data_scientist
from postings as p
left join families as f using (global_id)
group by p.source
order by postings desc, p.source
