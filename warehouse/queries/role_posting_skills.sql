-- One row per canonical posting and role family whose text speaks for that role (attribution
-- only_family or own_section, see refresh/02_role_postings.sql): its month and the distinct skills
-- that count for the role. The unit the bootstrap resamples; ordered, so that the same postings
-- get the same draws however the rows happen to be stored.
select role, month, skills
from role_postings
where attribution <> 'shared_text'
order by month, role, global_id
