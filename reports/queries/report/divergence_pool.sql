-- The postings the divergence bootstrap resamples (those hiring one compared role alone, as the
-- warehouse's yearly divergence does) in [?, ?), ordered so the same postings get the same draws.
select role, month, skills
from role_postings
where attribution = 'only_family' and month >= $start and month < $end
order by month, role, global_id
