-- One row per canonical posting and role family it has an opening of: its month and its distinct
-- skills (from posting_lists). The unit the bootstrap resamples.
select
    unnest(role_families) as role,
    month,
    skills
from posting_lists
where is_canonical and len(role_families) > 0
