-- One row per canonical posting and role family it has an opening of: its month and its distinct
-- skills (from posting_lists). The unit the bootstrap resamples; ordered, so that the same postings
-- get the same draws however the rows happen to be stored.
with role_postings as (
    select global_id, unnest(role_families) as role, month, skills
    from posting_lists
    where is_canonical and len(role_families) > 0
)

select role, month, skills
from role_postings
order by month, role, global_id
