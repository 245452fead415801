-- One row per canonical posting and role family it hires alone (attribution only_family, see
-- refresh/02_role_postings.sql): its month and distinct skills. The unit the bootstrap resamples;
-- ordered, so that the same postings get the same draws however the rows happen to be stored.
select role, month, skills
from role_postings
where attribution = 'only_family'
order by month, role, global_id
